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
  /** The same by `packed` key: most trigrams, looked up without building a string or a Map entry. */
  packedPostings: PackedPostings;
}

/**
 * Postings by `packed` key in typed arrays, laid out so that a look-up reads one cache line of
 * `table` and one run of `postings`: an open-addressing table of [key, start] slots (key -1: empty;
 * linear probing) and at `start` in `postings` the count of the trigram's models followed by one
 * (language index << 16 | rank) entry each.
 */
interface PackedPostings {
  table: Int32Array;
  postings: Int32Array;
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

/**
 * Index of the [key, value] slot of `key` in `table` (pairs of int32; a power of two of them),
 * or of the empty slot where it would go. Multiplicative hash, linear probing.
 */
function slotOf(table: Int32Array, key: number): number {
  const mask = (table.length >> 1) - 1;
  let slot = (Math.imul(key, 0x9e3779b1) >>> 12) & mask;
  while (table[slot << 1] !== key && table[slot << 1] !== -1) slot = (slot + 1) & mask;
  return slot << 1;
}

/** An empty table of [key, value] slots for up to `entries` keys (at most half full). */
function newTable(entries: number): Int32Array {
  let slots = 16;
  while (slots < entries * 2) slots *= 2;
  return new Int32Array(slots * 2).fill(-1);
}

function packPostings(lists: Map<number, number[]>): PackedPostings {
  const table = newTable(lists.size);
  let total = 0;
  for (const list of lists.values()) total += 1 + list.length / 2;
  const postings = new Int32Array(total);
  let at = 0;
  for (const [key, list] of lists) {
    const slot = slotOf(table, key);
    table[slot] = key;
    table[slot + 1] = at;
    postings[at++] = list.length / 2;
    for (let k = 0; k < list.length; k += 2) postings[at++] = (list[k]! << 16) | list[k + 1]!;
  }
  return { table, postings };
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
    out.set(script, { languages, postings, packedPostings: packPostings(packedPostings) });
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

/** In /\s/ (and what `trim` removes): the whitespace and line terminators of JavaScript. */
function isJsSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** Reused across calls: the code units of " " + clean(value) + " ". */
let units = new Uint16Array(4096);

/**
 * The code units of " " + clean(value) + " " in `units`; returns their count. Lower-casing first
 * and then replacing and collapsing gives the same units as `clean` (no character changes class
 * when lower-cased, see the tests) except where a capital sigma's final form depends on what
 * follows it ("ΑΣ'Α"): such text takes `clean` itself.
 */
function cleanUnits(value: string): number {
  const lower = value.includes("\u03a3") ? clean(value) : value.toLowerCase();
  if (units.length < lower.length + 2) units = new Uint16Array(lower.length + 2);
  const out = units;
  let n = 0;
  out[n++] = 32;
  let gap = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c <= 0x40 ? c >= 0x21 || c === 32 || (c >= 9 && c <= 13) : c >= 0x80 && isJsSpace(c)) gap = n > 1;
    else {
      if (gap) {
        out[n++] = 32;
        gap = false;
      }
      out[n++] = c;
    }
  }
  out[n++] = 32;
  return n;
}

const SCRIPTS = Object.keys(expressions);
/** Each script's expression anchored to one whole string, to test a single code unit. */
const WHOLE_UNIT = SCRIPTS.map((s) => new RegExp(`^(?:${expressions[s]!.source})$`, expressions[s]!.flags.replace("g", "")));
/** Memo of `scriptsOf` by code unit (an array: one look-up per character of the sample). */
const scriptsOfUnit: Array<number[] | undefined> = new Array<number[] | undefined>(0x10000);
/**
 * The same as one number per code unit: the script's index + 1 when exactly one script matches
 * it, 0 when none does, -1 when several do, -2 when not computed yet.
 */
const singleScriptOfUnit = new Int8Array(0x10000).fill(-2);

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
    singleScriptOfUnit[c] = list.length === 0 ? 0 : list.length === 1 ? list[0]! + 1 : -1;
  }
  return list;
}

/** How many matches each script's expression has in `value` (franc runs each over the text). */
function scriptCounts(value: string): number[] {
  // Slot 0 counts the code units no script matches.
  const counts = new Array<number>(SCRIPTS.length + 1).fill(0);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // A surrogate may belong to a pair an expression matches as one: count as franc does.
    if (c >= 0xd800 && c <= 0xdfff) return SCRIPTS.map((s) => value.match(expressions[s]!)?.length ?? 0);
    let single = singleScriptOfUnit[c]!;
    if (single === -2) {
      scriptsOf(c);
      single = singleScriptOfUnit[c]!;
    }
    if (single >= 0) counts[single]!++;
    else {
      const list = scriptsOf(c);
      for (let j = 0; j < list.length; j++) counts[list[j]! + 1]!++;
    }
  }
  return counts.slice(1);
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

/** Reused across calls: the distinct packed trigrams of a sample and their counts, as [key, count] slots. */
let counts = newTable(4096);
/** The occupied slots of `counts` (indices of their key), in insertion order. */
let usedSlots = new Int32Array(4096);

/**
 * Counts of the distinct trigrams of " " + clean(value) + " " (trigram-utils' `asDictionary`):
 * by `packed` key where the trigram has one (in `counts`, at the first `packed` slots of
 * `usedSlots`; no string built), else by the trigram itself (`other`).
 */
function trigramCounts(value: string): { packed: number; other: Map<string, number> } {
  const n = cleanUnits(value);
  const other = new Map<string, number>();
  if (usedSlots.length < n) {
    counts = newTable(n);
    usedSlots = new Int32Array(n);
  }
  const table = counts;
  const s = units;
  let used = 0;
  let a = s[0]!;
  let b = s[1]!;
  for (let i = 0; i + 3 <= n; i++) {
    const c = s[i + 2]!;
    const key = packed(a, b, c);
    if (key >= 0) {
      const slot = slotOf(table, key);
      if (table[slot] === -1) {
        table[slot] = key;
        table[slot + 1] = 1;
        usedSlots[used++] = slot;
      } else table[slot + 1]!++;
    } else {
      const g = String.fromCharCode(a, b, c);
      other.set(g, (other.get(g) ?? 0) + 1);
    }
    a = b;
    b = c;
  }
  return { packed: used, other };
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

  const found = trigramCounts(sample);
  const n = models.languages.length;
  const distance = new Array<number>(n).fill((found.packed + found.other.size) * MAX_DIFFERENCE);
  const { table, postings } = models.packedPostings;
  for (let k = 0; k < found.packed; k++) {
    const at = usedSlots[k]!;
    const key = counts[at]!;
    const count = counts[at + 1]!;
    // Emptied for the next call as it is read.
    counts[at] = -1;
    const slot = slotOf(table, key);
    if (table[slot] === -1) continue;
    const start = table[slot + 1]!;
    for (let p = start + 1, end = start + 1 + postings[start]!; p < end; p++) {
      const e = postings[p]!;
      distance[e >>> 16]! -= MAX_DIFFERENCE - Math.abs(count - (e & 0xffff) - 1);
    }
  }
  for (const [trigram, count] of found.other) {
    const list = models.postings.get(trigram);
    if (!list) continue;
    for (let k = 0; k < list.length; k += 2) distance[list[k]!]! -= MAX_DIFFERENCE - Math.abs(count - list[k + 1]! - 1);
  }
  // Array.prototype.sort is stable: equal distances stay in model order, as in franc.
  const ranked: Array<[string, number]> = models.languages.map((language, li) => [language, distance[li]!]);
  ranked.sort((a, b) => a[1] - b[1]);
  const min = ranked[0]![1];
  const max = sample.length * MAX_DIFFERENCE - min;
  for (const r of ranked) r[1] = 1 - (r[1] - min) / max || 0;
  return ranked;
}
