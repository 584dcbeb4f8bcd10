import { getGazetteer } from "../places/gazetteer";
import { placeKey } from "../places/normalize";
import { ORG_HEADS, OUTLET_HEADS } from "./lexicon";

/** Smallest city whose name is taken for the place rather than a person's (a town "Paul Smith" would not be). */
const PLACE_MIN_POPULATION = 100_000;

/** Answers of `isPlaceName` (the same names recur from article to article), up to a bound. */
const placeNameMemo = new Map<string, boolean>();
const PLACE_MEMO_MAX = 20_000;

/** Is `name` a country, a first-level region or a city of 100,000 people or more? */
function isPlaceName(name: string): boolean {
  let known = placeNameMemo.get(name);
  if (known === undefined) {
    const entries = getGazetteer().byKey.get(placeKey(name));
    known = !!entries?.some((e) => e.kind !== "city" || e.population >= PLACE_MIN_POPULATION);
    if (placeNameMemo.size >= PLACE_MEMO_MAX) placeNameMemo.clear();
    placeNameMemo.set(name, known);
  }
  return known;
}

/** A capitalised name in the article (outside quotations), classified roughly. */
export interface Mention {
  start: number;
  end: number;
  /** Normalised name: whitespace collapsed, markup and leading titles/articles removed. */
  name: string;
  kind: "person" | "org" | "other";
  /** An organisation that is a news outlet ("the New York Times", "the DEBKA File publication"). */
  outlet: boolean;
}

// Capitalised words that start sentences or headlines without naming anything.
const FUNCTION_WORDS = new Set(
  (
    "the a an in on at but and or however after before when while if as for from with by to of this that these those " +
    "it its he she they we i you his her their our my your there here what who why how where which " +
    "also still yet so then now meanwhile earlier later last next first one two three mr mrs ms " +
    "should would could can might must shall did does do is are was were has have had " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august " +
    "september october november december read click photo video update watch related advertisement"
  ).split(" "),
);

/** Titles and roles that precede a name: stripped to get the person's name. */
export const TITLE_WORDS = new Set(
  (
    "mr mrs ms miss dr prof rev sen rep gov gen lt col sgt capt cmdr adm maj cpl det insp supt " +
    "president vice secretary minister ambassador chief officer judge justice senator representative governor " +
    "mayor director spokesman spokeswoman spokesperson commissioner chairman chairwoman chair professor pope king " +
    "queen prince princess sheriff deputy attorney general former first lady speaker leader rabbi imam coach " +
    "candidate nominee sergeant lieutenant captain detective trooper agent councilman councilwoman alderman " +
    "congressman congresswoman assemblyman delegate chancellor premier prime executive editor reporter host " +
    "anchor founder ceo manager inspector commander colonel major corporal private admiral marshal " +
    "senate majority minority whip ranking member councilor commissioner superintendent"
  ).split(" "),
);

const CONNECTORS = new Set(["of", "for", "the", "de", "al", "bin", "van", "von", "der", "du", "la", "le", "and", "&"]);

function isCap(w: string): boolean {
  return /^[A-Z]/.test(w) || /^\*[A-Z]/.test(w);
}

function isAcronym(w: string): boolean {
  // Both forms have a capital or a period second ("NATO", "U.S."): most words fail here cheaply.
  const c = w.charCodeAt(1);
  if (!((c >= 65 && c <= 90) || c === 46)) return false;
  return /^[A-Z]{2,6}s?$/.test(w) || /^(?:[A-Z]\.){2,}$/.test(w);
}

/** Nationality/demonym adjectives ("Russian", "Syrian", "Israeli") lead names without being part of them. */
function isDemonym(w: string): boolean {
  return /^[A-Z][a-z]+(?:ian|an|ese|ish|i|ic)$/.test(w) && !/(?:ston|son|man|ban)$/.test(w);
}

// Only what name runs are made of: capitalised words, "(Abbrev)" and the connectors allowed inside
// names. Other words are skipped, and show up as letters in the gap between two matches.
const WORD = /(?<![A-Za-z'’])(?:[A-Z][A-Za-z'’.\-]*|\([A-Z][A-Za-z.]*\)|(?:of|for|the|de|al|bin|van|von|der|du|la|le|and|to)(?![A-Za-z]))/g;

// Classes of WORD matches.
const CAP = 0;
const PAREN = 1;
const LINK = 2;

const SAID_AFTER = /^\s+(?:said|says|told|added|asked|wrote|noted|explained|argued|insisted|recalled)\b/;
const SAID_AFTER_AT = /\s+(?:said|says|told|added|asked|wrote|noted|explained|argued|insisted|recalled)\b/y;

/** Is char code `c` whitespace in the sense of the regex class \s? */
function isSpaceChar(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Strip markdown emphasis and collapse whitespace. */
export function cleanName(s: string): string {
  // The common case -- one plain word or words split by single spaces -- skips the rewrites.
  if (!/[*_\s’']/.test(s) || (!/[*_’']|\s\s|[^\S ]/.test(s) && !/^(?:the|a|an) /i.test(s))) return s.trim();
  return s.replace(/[*_]+/g, "").replace(/\s+/g, " ").replace(/^(?:the|a|an)\s+/i, "").replace(/[’']s$/, "").trim();
}

/** Split a name phrase into the person's name (titles, demonyms, acronyms removed) or null. */
export function personName(phrase: string): string | null {
  const words = cleanName(phrase).split(" ").filter(Boolean);
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    const noDot = w.endsWith(".") ? w.slice(0, -1) : w;
    if (!isCap(w) || CONNECTORS.has(w) || TITLE_WORDS.has(noDot.toLowerCase()) || isDemonym(w) || isAcronym(noDot)) i++;
    else break;
  }
  const rest = words.slice(i);
  if (!rest.length || rest.length > 4) return null;
  if (rest.some((w) => ORG_HEADS.has(w.toLowerCase()) || !isCap(w) || CONNECTORS.has(w))) return null;
  return rest.join(" ");
}

/**
 * Collect capitalised name runs outside the given quote spans, in text order. A run may cross a
 * paragraph break that ends without punctuation (a scraped paragraph broken mid-sentence, as in
 * "the US\n\nCentral Command"). Runs that look like a person's name are "person"; runs with an
 * organisation head word ("Ministry", "Command", "Times") or acronyms are "org".
 */
export function collectMentions(text: string, quoteSpans: ReadonlyArray<{ start: number; end: number }>): Mention[] {
  const scanner = new MentionScanner(text, quoteSpans);
  scanner.extendTo(Infinity);
  return scanner.out;
}

/**
 * `collectMentions`, run left to right only as far as asked: look-ups want the mentions before a
 * position, and the last statement of an article is often well before its end.
 */
class MentionScanner {
  /** The mentions found so far, in text order. */
  readonly out: Mention[] = [];
  // Word matches as offsets and a class (capitalised, "(Abbrev)", connector); strings are cut only
  // for capitalised words that start a run. Most matches are connectors ("the", "and", "of").
  private readonly ws: number[] = [];
  private readonly we: number[] = [];
  private readonly wk: number[] = [];
  private readonly word = new RegExp(WORD.source, "g");
  private scannedAll = false;
  private readonly sortedQ: Array<{ start: number; end: number }>;
  private qi = 0;
  /** Index of the next word to read. */
  private i = 0;
  // Each word of a full person name -> that name (latest wins), for surname look-ups.
  private readonly personByWord = new Map<string, string>();

  constructor(
    private readonly text: string,
    quoteSpans: ReadonlyArray<{ start: number; end: number }>,
  ) {
    this.sortedQ = [...quoteSpans].sort((a, b) => a.start - b.start);
  }

  /** Is there a k-th word match (scanning the text as far as needed)? */
  private has(k: number): boolean {
    while (this.ws.length <= k && !this.scannedAll) {
      const m = this.word.exec(this.text);
      if (!m) {
        this.scannedAll = true;
        break;
      }
      const c = m[0].charCodeAt(0);
      this.ws.push(m.index);
      this.we.push(m.index + m[0].length);
      this.wk.push(c >= 65 && c <= 90 ? CAP : c === 40 ? PAREN : LINK);
    }
    return k < this.ws.length;
  }

  private inQuote(pos: number): boolean {
    const q = this.sortedQ;
    while (this.qi < q.length && q[this.qi]!.end <= pos) this.qi++;
    const cur = q[this.qi];
    return !!cur && cur.start <= pos && pos < cur.end;
  }

  private isThe(k: number): boolean {
    return this.wk[k] === LINK && this.we[k]! - this.ws[k]! === 3 && this.text.startsWith("the", this.ws[k]!);
  }

  /** Collect the runs that start before `pos`. */
  extendTo(pos: number): void {
    while (this.has(this.i) && this.ws[this.i]! < pos) this.step();
  }

  /** Read the run (or skip the word) at word `i`. */
  private step(): void {
    const { text, ws, we, wk, out, personByWord } = this;
    const i = this.i;
    if (wk[i] !== CAP || this.inQuote(ws[i]!)) {
      this.i = i + 1;
      return;
    }
    const fs = ws[i]!;
    const fe = we[i]!;
    const firstW = text.slice(fs, fe);
    // Sentence-initial function words are not names.
    if (FUNCTION_WORDS.has(firstW.toLowerCase()) && (firstW.length <= 3 || i === 0 || /[.!?:"“”\n]\s*$/.test(text.slice(Math.max(0, fs - 3), fs)))) {
      this.i = i + 1;
      return;
    }
    let j = i;
    while (this.has(j + 1)) {
      // A word ending in a period ends the run unless it is an initial or a title ("C.", "Sgt.").
      if (text.charCodeAt(we[j]! - 1) === 46) {
        const cur = text.slice(ws[j]!, we[j]!);
        if (!/^[A-Z]\.$/.test(cur) && !/^(?:[A-Z]\.)+$/.test(cur) && !TITLE_WORDS.has(cur.slice(0, -1).toLowerCase()) && !/^(?:St|Jr|Sr|Mt|Ft)\.$/.test(cur)) break;
      }
      // Same line, or a paragraph break with no sentence end before it.
      let newline = false;
      let clean = true;
      for (let k = we[j]!; k < ws[j + 1]!; k++) {
        const c = text.charCodeAt(k);
        if (c === 10) newline = true;
        else if (c !== 42 && c !== 95 && !isSpaceChar(c)) {
          clean = false;
          break;
        }
      }
      if (!clean) break;
      if (newline && /[.!?:"”]/.test(text[we[j]! - 1] ?? "")) break;
      if (wk[j + 1] !== LINK) {
        j++;
        continue;
      }
      // "Ministry of Defence", "Ambassador to the UN": connectors between capitalised words.
      if (this.has(j + 2) && (wk[j + 2] === CAP || (this.isThe(j + 2) && this.has(j + 3) && wk[j + 3] === CAP))) {
        j++;
        continue;
      }
      break;
    }
    this.i = j + 1;
    if (j === i) {
      // Fast path for one-word runs (most of them): no name clean-up needed.
      let w = firstW;
      if (w.endsWith(".")) w = w.slice(0, -1);
      if (w.endsWith("’s") || w.endsWith("'s")) w = w.slice(0, -2);
      const lw = w.toLowerCase();
      let kind: Mention["kind"] = "other";
      let name = w;
      const outlet = OUTLET_HEADS.has(lw) && lw.length > 2 && !/^(?:post|news|site|file|paper|daily|network|channel|station|times|today|journal)$/.test(lw);
      if (ORG_HEADS.has(lw) || isAcronym(w) || outlet) kind = "org";
      else if (!TITLE_WORDS.has(lw) && !isDemonym(w)) {
        const full = personByWord.get(w);
        if (full) {
          kind = "person";
          name = full;
        } else {
          // "Smith said" (within 14 characters of the name).
          SAID_AFTER_AT.lastIndex = fe;
          if (SAID_AFTER_AT.test(text) && SAID_AFTER_AT.lastIndex <= fe + 14) kind = "person";
        }
      }
      out.push({ start: fs, end: fe, name, kind, outlet: kind === "org" && outlet });
      return;
    }
    const raw = text.slice(fs, we[j]!).replace(/\.$/, "");
    const after = text.slice(we[j]!, we[j]! + 16).toLowerCase();
    // (also used below to spot "Smith said")
    const name = cleanName(raw.replace(/\s+\(/, " ("));
    const toks = name.split(" ");
    const lowerToks = toks.map((t) => (/[().]/.test(t) ? t.toLowerCase().replace(/[().]/g, "") : t.toLowerCase()));
    const orgHead = lowerToks.some((t) => ORG_HEADS.has(t));
    const outletAfter = /^[*_\s]*(?:publication|newspaper|magazine|website|news agency|daily|tabloid|network|channel)\b/.test(after);
    const outlet = outletAfter || lowerToks.some((t) => OUTLET_HEADS.has(t) && t.length > 2 && !/^(?:post|news|site|file|paper|daily|network|channel|station)$/.test(t)) || (lowerToks.length > 1 && lowerToks.some((t) => /^(?:post|news|file|journal|daily)$/.test(t)));
    let kind: Mention["kind"] = "other";
    const isOrg = orgHead || outlet || (toks.length <= 2 && toks.every((t) => isAcronym(t.replace(/[()]/g, ""))));
    const pn = isOrg ? null : personName(name);
    if (isOrg) kind = "org";
    let full: string | null = null;
    if (pn && pn.includes(" ") && isPlaceName(name)) {
      // "New York", "Deir ez-Zor", "North Carolina": named like people, but places.
    } else if (pn && pn.includes(" ")) {
      kind = "person";
      full = pn;
      for (const w of pn.split(" ")) personByWord.set(w, pn);
    } else if (pn) {
      // A single word: a person if it is the surname or first name of a person named earlier, or
      // the subject of a speech verb ("Smith said").
      full = personByWord.get(pn) ?? null;
      if (full || SAID_AFTER.test(after)) kind = "person";
    }
    out.push({ start: fs, end: we[j]!, name: kind === "person" ? (full ?? name) : name, kind, outlet: kind === "org" && outlet });
  }
}

/**
 * Resolves speaker mentions against the names seen before a position. The names are collected on
 * demand and only as far into the text as a look-up needs: most articles without pronoun or
 * surname attributions never pay for it.
 */
export class MentionIndex {
  private readonly scanner: MentionScanner;

  constructor(text: string, quoteSpans: ReadonlyArray<{ start: number; end: number }>) {
    this.scanner = new MentionScanner(text, quoteSpans);
  }

  /** Every mention of the text. */
  get mentions(): Mention[] {
    this.scanner.extendTo(Infinity);
    return this.scanner.out;
  }

  /** The mentions known once those starting before `pos` are collected. */
  private before(pos: number): Mention[] {
    this.scanner.extendTo(pos);
    return this.scanner.out;
  }

  /** Index of the first mention starting at or after `pos` in `ms`. */
  private upper(ms: Mention[], pos: number): number {
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The last mention of `kind` that ends before `pos`. */
  last(kind: Mention["kind"], pos: number, pred: (m: Mention) => boolean = () => true): Mention | null {
    const ms = this.before(pos);
    for (let i = this.upper(ms, pos) - 1; i >= 0; i--) {
      const m = ms[i]!;
      if (m.end <= pos && m.kind === kind && pred(m)) return m;
    }
    return null;
  }

  /** Full name of a person from a partial one ("Churkin" -> "Vitaly Churkin"), looking before `pos`. */
  expandPerson(partial: string, pos: number): string | null {
    const words = partial.split(" ");
    const lastWord = words[words.length - 1]!;
    // The latest person mention before `pos` (ending by pos + 1) that has the word and is no shorter.
    const list = this.byWord("person", pos + 1).get(lastWord) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i]!;
      if (m.start < pos + 1 && m.end <= pos + 1 && m.name.length >= partial.length) return m.name;
    }
    return null;
  }

  private readonly wordIndex: Record<"person" | "org", { map: Map<string, Mention[]>; indexed: number }> = {
    person: { map: new Map(), indexed: 0 },
    org: { map: new Map(), indexed: 0 },
  };

  /**
   * Mentions of `kind` by the words of their name (as written for people, lower-cased for
   * organisations), in text order, covering at least the mentions that start before `pos`. Kept
   * up to date as the scanner goes further: name look-ups are then a short list scan.
   */
  private byWord(kind: "person" | "org", pos: number): Map<string, Mention[]> {
    const ms = this.before(pos);
    const idx = this.wordIndex[kind];
    for (; idx.indexed < ms.length; idx.indexed++) {
      const m = ms[idx.indexed]!;
      if (m.kind !== kind) continue;
      const words = kind === "org" ? m.name.toLowerCase().split(/[\s()]+/) : m.name.split(" ");
      for (const w of new Set(words)) {
        const list = idx.map.get(w);
        if (list) list.push(m);
        else idx.map.set(w, [m]);
      }
    }
    return idx.map;
  }

  /** The organisation whose name contains `head` ("ministry" -> "Syrian Foreign Ministry"). */
  expandOrg(head: string, pos: number): string | null {
    const list = this.byWord("org", pos).get(head.toLowerCase()) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i]!;
      if (m.start < pos && m.end <= pos) return m.name;
    }
    return null;
  }
}
