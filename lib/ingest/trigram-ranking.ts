/**
 * franc-min's `francAll`, computed from an inverted index of its trigram models: same models,
 * same arithmetic, same answer (tuples, order and scores), about ten times less CPU.
 *
 * franc scores a text against every language of its dominant script: for each distinct trigram
 * of the text, |count - rank - 1| when the language's 300-trigram model has it, else 300. It does
 * this with one object look-up per trigram and language (44 Latin languages), which made language
 * detection about 40% of the CPU of analysing an article whose language the source did not
 * declare. The distance is 300 x (distinct trigrams) minus, for the models that have a trigram,
 * 300 - |count - rank - 1|: an index from trigram to the (language, rank) pairs that have it
 * visits only those. Distances are integers, so the sums are exact whatever the order.
 *
 * Checked against franc-min on every development text, the synthetic corpus and random samples
 * (`trigram-ranking.test.ts`); franc-min is pinned, and its data is read from the package.
 */
import { data } from "franc-min/data.js";
import { expressions } from "franc-min/expressions.js";

/** franc's sample cap, penalty for a trigram a model lacks, and default minimum length. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;
const MIN_LENGTH = 10;

interface ScriptIndex {
  /** Languages in franc's order (the models' key order), which breaks ties in its stable sort. */
  languages: string[];
  /** Trigram -> flat [language index, rank, language index, rank, ...], for trigrams without a `packed` key. */
  postings: Map<string, number[]>;
  /** The same by `packed` key: most trigrams, looked up without building a string. */
  packedPostings: Map<number, number[]>;
}

/** Code units below this pack three to a small integer (Latin, Greek, Cyrillic...: 30 bits, a V8 small integer). */
const PACK_LIMIT = 1024;

/** The trigram of code units a, b, c as one integer, or -1 when one of them is too large to pack. */
function packed(a: number, b: number, c: number): number {
  return a < PACK_LIMIT && b < PACK_LIMIT && c < PACK_LIMIT ? (a << 20) | (b << 10) | c : -1;
}

function packedTrigram(g: string): number {
  return g.length === 3 ? packed(g.charCodeAt(0), g.charCodeAt(1), g.charCodeAt(2)) : -1;
}

let index: Map<string, ScriptIndex> | null = null;

function buildIndex(): Map<string, ScriptIndex> {
  const out = new Map<string, ScriptIndex>();
  for (const [script, models] of Object.entries(data)) {
    const languages = Object.keys(models);
    const postings = new Map<string, number[]>();
    const packedPostings = new Map<number, number[]>();
    languages.forEach((language, li) => {
      const model = models[language]!.split("|");
      // As franc builds its dictionaries: a trigram listed twice keeps its first (lowest) rank.
      const ranks = new Map<string, number>();
      for (let w = model.length - 1; w >= 0; w--) ranks.set(model[w]!, w);
      for (const [trigram, rank] of ranks) {
        const key = packedTrigram(trigram);
        const list = key >= 0 ? packedPostings.get(key) : postings.get(trigram);
        if (list) list.push(li, rank);
        else if (key >= 0) packedPostings.set(key, [li, rank]);
        else postings.set(trigram, [li, rank]);
      }
    });
    out.set(script, { languages, postings, packedPostings });
  }
  return out;
}

/** trigram-utils' `clean`: ASCII punctuation and digits to spaces, whitespace collapsed, trimmed, lower case. */
function clean(value: string): string {
  return value
    .replace(/[\u0021-\u0040]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * Counts of the distinct trigrams of " " + clean(value) + " " (trigram-utils' `asDictionary`):
 * by `packed` key where the trigram has one (no string built), else by the trigram itself.
 */
function trigramCounts(value: string): { packed: Map<number, number>; other: Map<string, number> } {
  const s = ` ${clean(value)} `;
  const counts = { packed: new Map<number, number>(), other: new Map<string, number>() };
  let a = s.charCodeAt(0);
  let b = s.charCodeAt(1);
  for (let i = 0; i + 3 <= s.length; i++) {
    const c = s.charCodeAt(i + 2);
    const key = packed(a, b, c);
    if (key >= 0) counts.packed.set(key, (counts.packed.get(key) ?? 0) + 1);
    else {
      const g = s.slice(i, i + 3);
      counts.other.set(g, (counts.other.get(g) ?? 0) + 1);
    }
    a = b;
    b = c;
  }
  return counts;
}

const SCRIPTS = Object.keys(expressions);
/** Each script's expression anchored to one whole string, to test a single code unit. */
const WHOLE_UNIT = SCRIPTS.map((s) => new RegExp(`^(?:${expressions[s]!.source})$`, expressions[s]!.flags.replace("g", "")));
/** Memo of `scriptsOf` by code unit (an array: one look-up per character of the sample). */
const scriptsOfUnit: Array<number[] | undefined> = new Array<number[] | undefined>(0x10000);

/**
 * The scripts (indices into SCRIPTS) whose expression matches code unit `c` alone. franc's
 * expressions are classes of single code units or of surrogate pairs, so in a text without
 * surrogates an expression matches exactly the code units of its class, one match each.
 */
function scriptsOf(c: number): number[] {
  let list = scriptsOfUnit[c];
  if (!list) {
    const ch = String.fromCharCode(c);
    list = [];
    for (let k = 0; k < WHOLE_UNIT.length; k++) if (WHOLE_UNIT[k]!.test(ch)) list.push(k);
    scriptsOfUnit[c] = list;
  }
  return list;
}

/** How many matches each script's expression has in `value` (franc runs each over the text). */
function scriptCounts(value: string): number[] {
  const counts = new Array<number>(SCRIPTS.length).fill(0);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // A surrogate may belong to a pair an expression matches as one: count as franc does.
    if (c >= 0xd800 && c <= 0xdfff) return SCRIPTS.map((s) => value.match(expressions[s]!)?.length ?? 0);
    const list = scriptsOf(c);
    for (let j = 0; j < list.length; j++) counts[list[j]!]!++;
  }
  return counts;
}

/** The script whose expression matches the most characters (first wins ties), as franc's `getTopScript`. */
function topScript(value: string): [string | undefined, number] {
  let topCount = -1;
  let top: string | undefined;
  const counts = scriptCounts(value);
  for (let k = 0; k < SCRIPTS.length; k++) {
    const count = counts[k]! / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = SCRIPTS[k];
    }
  }
  return [top, topCount];
}

/**
 * `francAll(value, { minLength })` of franc-min 6.2.0 without `only`/`ignore`: languages (ISO
 * 639-3) with scores, best first and scored 1; [["und", 1]] when undecided.
 */
export function rankLanguages(value: string, minLength = MIN_LENGTH): Array<[string, number]> {
  if (!value || value.length < minLength) return [["und", 1]];
  const sample = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(sample);
  index ??= buildIndex();
  const models = script === undefined ? undefined : index.get(script);
  if (!models) return !script || share === 0 ? [["und", 1]] : [[script, 1]];

  const counts = trigramCounts(sample);
  const n = models.languages.length;
  const distance = new Array<number>(n).fill((counts.packed.size + counts.other.size) * MAX_DIFFERENCE);
  const visit = (list: number[] | undefined, count: number) => {
    if (!list) return;
    for (let k = 0; k < list.length; k += 2) distance[list[k]!]! -= MAX_DIFFERENCE - Math.abs(count - list[k + 1]! - 1);
  };
  for (const [key, count] of counts.packed) visit(models.packedPostings.get(key), count);
  for (const [trigram, count] of counts.other) visit(models.postings.get(trigram), count);
  // Array.prototype.sort is stable: equal distances stay in model order, as in franc.
  const ranked: Array<[string, number]> = models.languages.map((language, li) => [language, distance[li]!]);
  ranked.sort((a, b) => a[1] - b[1]);
  const min = ranked[0]![1];
  const max = sample.length * MAX_DIFFERENCE - min;
  for (const r of ranked) r[1] = 1 - (r[1] - min) / max || 0;
  return ranked;
}
