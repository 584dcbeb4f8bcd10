/**
 * Article -> features for grouping: weighted bag of hashed terms (words, capitalised-name
 * phrases, numbers) and word shingles for near-duplicate detection. Pure, one pass over the text,
 * no per-token objects (this is the hot path of the grouper).
 */
import { fmix32, hashPair, hashString } from "./hash";
import { CLUSTER_LANGUAGES } from "./lang";
import { NUMBER_WORDS, STOPWORDS } from "./stopwords";
import { cleanTitle } from "./title";
import type { GrouperOptions } from "./types";

/** Tunable weights of the feature extractor (see GrouperOptions for the documented defaults). */
export type FeatureOptions = Pick<
  GrouperOptions,
  "titleWeight" | "capitalBoost" | "phraseWeight" | "leadTokens" | "tailFloor" | "nonProseWeight" | "lineDfStop" | "outletLineStop" | "shingleSize" | "seed"
> & {
  /** Development aid: when given, records the surface form behind every term id. */
  debugNames?: Map<number, string>;
};

export interface DocFeatures {
  /** Distinct term ids of the article... */
  terms: Int32Array;
  /** ...and their raw term frequencies (already multiplied by line, position, field weights). */
  tf: Float64Array;
  /** Hashed word shingles of the body, for MinHash (may contain repeats). */
  shingles: Uint32Array;
  /** Distinct keys of the body's lines (global and per outlet), for the boilerplate line counter. */
  lineKeys: number[];
}

// Kinds of terms get distinct seeds so a word, a phrase and a number never share an id.
const SEED_WORD = 0x1234567;
const SEED_PHRASE = 0x7654321;
const SEED_NUMBER = 0x2468ace;
const SEED_LINE = 0x51ed;
/**
 * Characters of body text read per article (~3,500 words). Beyond that a page is an archive, a
 * transcript or a comment thread, its words would weigh at most tailFloor anyway, and the cap
 * keeps the cost of one article bounded. 2 of the 1,046 dev articles are longer.
 */
const MAX_TEXT_CHARS = 20_000;
/** Odd multiplier of the rolling shingle hash. */
const SHINGLE_BASE = 0x01000193;
// Facts: casualty counts ("six hurt" -> wounded:6) and ages ("24-year-old" -> age:24).
const SEED_KILLED = 0x6b111;
const SEED_WOUNDED = 0x70d2;
const SEED_SHOT = 0x5407;
const SEED_AGE = 0xa6e;
const FACT_NAMES: Record<number, string> = { [SEED_KILLED]: "killed:", [SEED_WOUNDED]: "wounded:", [SEED_SHOT]: "shot:", [SEED_AGE]: "age:" };

// Lines that are site furniture whatever the site: copyright, sharing, sign-up, players.
// Only applied to short lines (< 25 words) so that a paragraph that happens to say "click here"
// is not dropped.
const BOILERPLATE_LINE =
  /copyright|©|all rights reserved|share this|follow us|follow @|click here|sign up|subscribe|newsletter|javascript|advertisement|download (?:our|the) app|may not be (?:published|broadcast|rewritten|redistributed)|comments?\b.*(?:policy|guidelines)|^(?:twitter|facebook|email|print|google|pinterest|more|comments?|share|tweet|reddit|linkedin|whatsapp)$|^(?:by|posted|updated|published)\b.*\d|^(?:\W|\d)*$|loading\.\.\.|transcript/i;

// A short line like "ALSO:" or "Related stories" starts a list of other headlines: every
// following short line is dropped until a real paragraph appears. Such lists name other
// shootings and would otherwise pull unrelated events together.
const RELATED_MARKER =
  /^(?:also|related(?: stories| articles| content| coverage| links| news)?|more (?:from|stories|news|on)\b.*|trending(?: stories| now)?|recommended(?: for you)?|you (?:may|might) also (?:like|be interested in)|popular(?: stories| now)?|most (?:read|popular|viewed)|read more|see also|latest (?:news|stories|headlines)|top stories|previous coverage|other stories|in (?:other|case you missed)[^:]*|around the web|sponsored)\s*:?\s*$/i;

const VIDEO_ITEM = /^\d{1,2}:\d{2}\s+(?![ap]\.?m\b)/i;

const URLISH = /(?:https?:\/\/|www\.)\S+|\S+\.(?:com|net|org)\/\S*/gi;

// Character classes of the Basic Multilingual Plane, filled on first sight of a character:
// word characters are letters and digits of any script (\p{L}, \p{N}); everything else
// (punctuation, symbols, spaces) separates words. Latin-1 is filled up front (the hot path).
const KNOWN = 4;
const WORD_CHAR = 1;
const UPPER_CHAR = 2;
const CHAR_CLASS = new Uint8Array(0x10000);
const LOWER = new Uint16Array(0x10000);
const WORD_RE = /[\p{L}\p{N}]/u;

function classify(c: number): number {
  const ch = String.fromCharCode(c);
  const word = c < 0xd800 || c > 0xdfff ? WORD_RE.test(ch) : false;
  const lower = ch.toLowerCase();
  const upper = word && lower !== ch && lower.length === 1;
  CHAR_CLASS[c] = KNOWN | (word ? WORD_CHAR : 0) | (upper ? UPPER_CHAR : 0);
  LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  return CHAR_CLASS[c] ?? 0;
}
for (let c = 0; c < 0x250; c++) classify(c);
// "ª" and "º" are letters to Unicode but ordinal marks in text; "µ" a unit: not word characters.
for (const c of [0xaa, 0xba, 0xb5]) CHAR_CLASS[c] = KNOWN;

function charClass(c: number): number {
  const k = CHAR_CLASS[c] ?? 0;
  return k !== 0 ? k : classify(c);
}

function isLetterCode(c: number): boolean {
  return (charClass(c) & WORD_CHAR) !== 0;
}

function isUpperCode(c: number): boolean {
  return (charClass(c) & UPPER_CHAR) !== 0;
}

/** Light English suffix stripping: plural/possessive forms share an id with the singular. */
export function stem(w: string): string {
  const n = w.length;
  if (n <= 3 || w.charCodeAt(n - 1) !== 115) return w; // not "...s"
  if (w.endsWith("ies") && n > 4) return w.slice(0, -3) + "y";
  if (w.endsWith("sses")) return w.slice(0, -2);
  if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) return w;
  return w.slice(0, -1);
}

// Token flags.
const CAPITAL = 1;
const ALL_CAPS = 2;
const DIGITS = 4;
/** First token of a sentence: capitalisation says nothing about names there. */
const INITIAL = 8;
/** A number, in digits or words ("three"): its term is the number's. */
const NUMBER = 16;
/** A comma stands between the previous token and this one. */
const COMMA_BEFORE = 32;

const FNV_PRIME = 0x01000193;
const fnvInit = (seed: number): number => (0x811c9dc5 ^ seed) >>> 0;

/**
 * Reusable token buffers (extraction is synchronous, so one set serves every call). Tokens are
 * never materialised as strings: the scanner hashes the lower-cased characters as it reads them.
 */
const tok = {
  n: 0,
  /** hash of the lower-cased token (hashString(lower, seed), 30 bits) */
  hash: new Uint32Array(512),
  /** term id of the token, or -1 (stopword, single letter) */
  term: new Float64Array(512),
  flags: new Uint8Array(512),
  start: new Int32Array(512),
  end: new Int32Array(512),
};

function growTokens(): void {
  const size = tok.hash.length * 2;
  const grow = <T extends Uint32Array | Float64Array | Uint8Array | Int32Array>(a: T, b: T): T => {
    b.set(a);
    return b;
  };
  tok.hash = grow(tok.hash, new Uint32Array(size));
  tok.term = grow(tok.term, new Float64Array(size));
  tok.flags = grow(tok.flags, new Uint8Array(size));
  tok.start = grow(tok.start, new Int32Array(size));
  tok.end = grow(tok.end, new Int32Array(size));
}

/** Per-seed lookup tables, keyed by token hash: stopwords, number words, casualty words. */
interface SeedTables {
  stop: Set<number>;
  numberWords: Map<number, number>;
  /** casualty word hash -> fact kind seed (killed / wounded / shot) */
  casualtyAfter: Map<number, number>;
  /** "killing three", "injuring two": verb before the number */
  casualtyBefore: Map<number, number>;
  year: number;
  years: number;
  old: number;
}
const seedTables = new Map<number, SeedTables>();
const languageTables = new Map<string, SeedTables>();

/**
 * The tables for an article in `language`: English's, plus that language's function words when
 * `lang/` has a module for it ("dans", "los", "und" would otherwise be rare, heavy terms while few
 * articles in the language have been seen, and pull unrelated reports in that language together).
 * English and unknown languages use the English tables unchanged.
 */
function tablesForLanguage(seed: number, language: string | null | undefined): SeedTables {
  const base = tablesFor(seed);
  const words = language ? CLUSTER_LANGUAGES[language]?.stopwords : undefined;
  if (!language || !words?.length) return base;
  const key = `${seed}:${language}`;
  let t = languageTables.get(key);
  if (!t) {
    t = { ...base, stop: new Set(base.stop) };
    for (const w of words) t.stop.add(tokenHash(w, seed));
    languageTables.set(key, t);
  }
  return t;
}

function tablesFor(seed: number): SeedTables {
  let t = seedTables.get(seed);
  if (!t) {
    t = {
      stop: new Set(),
      numberWords: new Map(),
      casualtyAfter: new Map(),
      casualtyBefore: new Map(),
      year: tokenHash("year", seed),
      years: tokenHash("years", seed),
      old: tokenHash("old", seed),
    };
    for (const w of STOPWORDS) t.stop.add(tokenHash(w, seed));
    for (const [w, n] of NUMBER_WORDS) t.numberWords.set(tokenHash(w, seed), numberTerm(n, seed));
    const kinds: [number, string, string][] = [
      [SEED_KILLED, "dead killed died dies slain fatally murdered deaths", "killing leaving"],
      [SEED_WOUNDED, "wounded injured hurt hospitalized injuries wounds", "injuring wounding"],
      [SEED_SHOT, "shot", ""],
    ];
    for (const [kind, after, before] of kinds) {
      for (const w of after.split(" ")) t.casualtyAfter.set(tokenHash(w, seed), kind);
      for (const w of before.split(" ").filter(Boolean)) t.casualtyBefore.set(tokenHash(w, seed), kind);
    }
    seedTables.set(seed, t);
  }
  return t;
}

/**
 * Term ids are 30-bit: V8 keeps such integers unboxed (Smi), which makes Map keys and arrays of
 * ids much cheaper than full 32-bit hashes. ~1e-9 collision rate per pair of terms: irrelevant.
 */
const TERM_MASK = 0x3fffffff;

/** Hash of a lower-case token as the scanner computes it (30-bit, like term ids). */
function tokenHash(word: string, seed: number): number {
  return hashString(word, seed) & TERM_MASK;
}

function numberTerm(digits: string, seed: number): number {
  return hashString(digits, seed ^ SEED_NUMBER) & TERM_MASK;
}

function wordTerm(stemHash: number): number {
  return fmix32((stemHash ^ SEED_WORD) >>> 0) & TERM_MASK;
}

function lowerCode(c: number): number {
  charClass(c);
  return LOWER[c] ?? c;
}

/** FNV state of stem(word) for a word ending in "s" (the word is line[start, end), apostrophes skipped). */
function stemHashState(line: string, start: number, end: number, init: number): number {
  let w = "";
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c !== 39 && c !== 8217) w += String.fromCharCode(lowerCode(c));
  }
  const st = stem(w);
  let h = init;
  for (let i = 0; i < st.length; i++) h = Math.imul(h ^ st.charCodeAt(i), FNV_PRIME) >>> 0;
  return h;
}

/**
 * Tokenise one line into `tok`: runs of letters/digits, hashed lower-case; apostrophes inside a
 * word are dropped ("didn't" -> "didnt"), a possessive "'s" ends the word. Each token also gets
 * its term id: light stemming (plural -s, -ies -> -y) is done on the hash states of the word's
 * prefixes; number words map to digits; stopwords and single letters get -1.
 */
function tokenizeLine(line: string, seed: number, tables: SeedTables, names: Map<number, string> | undefined): number {
  let count = 0;
  const n = line.length;
  const init = fnvInit(seed);
  let i = 0;
  let initial = true;
  let comma = false;
  while (i < n) {
    let c = line.charCodeAt(i);
    if (!isLetterCode(c)) {
      // Sentence boundary (. ! ? : and dashes): the next token is sentence-initial.
      if (c === 46 || c === 33 || c === 63 || c === 58 || c === 8212 || c === 8211) initial = true;
      else if (c === 44) comma = true;
      i++;
      continue;
    }
    const start = i;
    let h = init;
    let last = 0;
    let len = 0;
    let digits = true;
    let upper = 0;
    let letters = 0;
    const first = c;
    let end = -1;
    while (i < n) {
      c = line.charCodeAt(i);
      const cls = charClass(c);
      if ((cls & WORD_CHAR) !== 0) {
        if (c < 48 || c > 57) {
          digits = false;
          letters++;
          if (cls & UPPER_CHAR) upper++;
        }
        last = LOWER[c] ?? c;
        h = Math.imul(h ^ last, FNV_PRIME) >>> 0;
        len++;
        i++;
        continue;
      }
      if ((c === 39 || c === 8217) && i > start && i + 1 < n && isLetterCode(line.charCodeAt(i + 1))) {
        const next = line.charCodeAt(i + 1);
        const after = i + 2 < n ? line.charCodeAt(i + 2) : 32;
        if ((next === 115 || next === 83) && !isLetterCode(after)) {
          end = i;
          i += 2; // possessive 's: the word ends before it
          break;
        }
        i++; // inner apostrophe: skip it, the word goes on
        continue;
      }
      break;
    }
    if (end < 0) end = i;
    if (count >= tok.hash.length) growTokens();
    const hash = fmix32(h) & TERM_MASK;
    let term = -1;
    let isNumber = digits;
    if (digits) {
      let num = line.slice(start, end);
      if (num.length > 1 && num.charCodeAt(0) === 48) num = num.replace(/^0+(?=\d)/, "");
      term = numberTerm(num, seed);
      if (names) names.set(term, "#" + num);
    } else {
      const nw = tables.numberWords.get(hash);
      if (nw !== undefined) {
        term = nw;
        isNumber = true;
        if (names) names.set(term, "#" + (NUMBER_WORDS.get(line.slice(start, end).toLowerCase()) ?? "?"));
      }
      else if (len >= 2 && !tables.stop.has(hash)) {
        // Plural -s / -ies: hash the stem (rare enough to re-read the word's characters).
        const stemState = len > 3 && last === 115 ? stemHashState(line, start, end, init) : h;
        term = wordTerm(fmix32(stemState));
        if (names) names.set(term, stem(line.slice(start, end).toLowerCase().replace(/['’]/g, "")));
      }
    }
    let f = 0;
    if (isUpperCode(first)) f |= CAPITAL;
    if (letters >= 2 && upper === letters) f |= ALL_CAPS;
    if (digits) f |= DIGITS;
    if (initial) f |= INITIAL;
    if (isNumber) f |= NUMBER;
    if (comma) f |= COMMA_BEFORE;
    comma = false;
    tok.hash[count] = hash;
    tok.term[count] = term;
    tok.flags[count] = f;
    tok.start[count] = start;
    tok.end[count] = end;
    count++;
    initial = false;
  }
  tok.n = count;
  return count;
}

/** Tokens of a line (lower-case strings with flags), for tests and tools. */
export function tokenize(line: string, seed = 0): { lower: string; capital: boolean; allCaps: boolean; digits: boolean; initial: boolean }[] {
  const n = tokenizeLine(line, seed, tablesFor(seed), undefined);
  const out = [];
  for (let i = 0; i < n; i++) {
    const f = tok.flags[i] ?? 0;
    out.push({
      lower: line.slice(tok.start[i] ?? 0, tok.end[i] ?? 0).toLowerCase().replace(/['’]/g, ""),
      capital: (f & CAPITAL) !== 0,
      allCaps: (f & ALL_CAPS) !== 0,
      digits: (f & DIGITS) !== 0,
      initial: (f & INITIAL) !== 0,
    });
  }
  return out;
}

/**
 * Term frequency accumulator: open addressing over typed arrays, reused from one article to the
 * next (a Map per article was a third of the extraction's allocations). Term ids are hashes
 * already, so their low bits index the table.
 */
class TermCounter {
  private keys = new Int32Array(1024).fill(-1);
  private vals = new Float64Array(1024);
  private used: number[] = [];
  private mask = 1023;

  add(term: number, w: number): void {
    let i = term & this.mask;
    for (;;) {
      const k = this.keys[i] ?? -1;
      if (k === term) break;
      if (k === -1) {
        this.keys[i] = term;
        this.used.push(i);
        if (this.used.length * 2 > this.mask) {
          this.grow();
          this.add(term, w);
          return;
        }
        break;
      }
      i = (i + 1) & this.mask;
    }
    this.vals[i] = (this.vals[i] ?? 0) + w;
  }

  /** Copy out the counts (in insertion order) and reset for the next article. */
  drain(): { terms: Int32Array; tf: Float64Array } {
    const n = this.used.length;
    const terms = new Int32Array(n);
    const tf = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const i = this.used[j] ?? 0;
      terms[j] = this.keys[i] ?? 0;
      tf[j] = this.vals[i] ?? 0;
      this.keys[i] = -1;
      this.vals[i] = 0;
    }
    this.used.length = 0;
    return { terms, tf };
  }

  private grow(): void {
    const { terms, tf } = this.drain();
    const size = (this.mask + 1) * 2;
    this.keys = new Int32Array(size).fill(-1);
    this.vals = new Float64Array(size);
    this.mask = size - 1;
    for (let j = 0; j < terms.length; j++) this.add(terms[j] ?? 0, tf[j] ?? 0);
  }
}

const counter = new TermCounter();

/** Reusable buffer of token hashes for shingling. */
let shingleBuf = new Uint32Array(4096);

function add(tf: TermCounter, term: number, w: number): void {
  tf.add(term, w);
}

/** Last non-space character is sentence punctuation: the line is prose, not a menu or caption. */
function endsLikeProse(line: string): boolean {
  for (let i = line.length - 1; i >= 0; i--) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9 || c === 160) continue;
    // . ! ? " ” ' ’ )
    return c === 46 || c === 33 || c === 63 || c === 34 || c === 8221 || c === 39 || c === 8217 || c === 41;
  }
  return false;
}

/**
 * Facts of the tokenised line: casualty counts and ages, as terms of their own. "One dead, six
 * hurt" and "1 killed, 6 injured" share killed:1 and wounded:6; two shootings in one city rarely
 * share their counts and ages, and the online IDF makes a common fact (killed:1) weigh little.
 */
function addFacts(n: number, tables: SeedTables, tf: TermCounter, w: number, names: Map<number, string> | undefined): void {
  for (let i = 0; i < n; i++) {
    if (((tok.flags[i] ?? 0) & NUMBER) === 0) continue;
    const num = tok.term[i] ?? 0;
    let kind = 0;
    const next = tok.hash[i + 1];
    if (i + 2 < n && (next === tables.year || next === tables.years) && tok.hash[i + 2] === tables.old) kind = SEED_AGE;
    // "Marcus Delane, 24, was shot": a number set off by commas after a name or noun is an age.
    else if (
      i > 0 &&
      ((tok.flags[i] ?? 0) & COMMA_BEFORE) !== 0 &&
      (i + 1 === n || ((tok.flags[i + 1] ?? 0) & COMMA_BEFORE) !== 0) &&
      (tok.end[i] ?? 0) - (tok.start[i] ?? 0) <= 3 &&
      ((tok.flags[i - 1] ?? 0) & NUMBER) === 0
    )
      kind = SEED_AGE;
    for (let j = i + 1; kind === 0 && j < n && j <= i + 3; j++) {
      if (((tok.flags[j] ?? 0) & NUMBER) !== 0) break;
      kind = tables.casualtyAfter.get(tok.hash[j] ?? 0) ?? 0;
    }
    for (let j = i - 1; kind === 0 && j >= 0 && j >= i - 2; j--) kind = tables.casualtyBefore.get(tok.hash[j] ?? 0) ?? 0;
    if (kind === 0) continue;
    const term = hashPair(num, kind) & TERM_MASK;
    if (names) names.set(term, (FACT_NAMES[kind] ?? "fact:") + (names.get(num) ?? "?").replace("#", ""));
    add(tf, term, w);
  }
}

/**
 * Extract grouping features from one article.
 * @param outlet hash of the publishing outlet, or null: a line the same outlet already printed in
 *   `outletLineStop` earlier articles is its template (footer, slogan, app promotion).
 * @param lineDocFreq how many earlier documents contained a line key: a short line seen in
 *   `lineDfStop` or more documents is boilerplate.
 * @param language ISO 639-1 code: that language's function words (`lang/`) are not terms.
 */
export function extractFeatures(
  title: string,
  text: string,
  outlet: number | null,
  lineDocFreq: (key: number) => number,
  o: FeatureOptions,
  language: string | null = null,
): DocFeatures {
  const tf = counter;
  let nShingleTokens = 0;
  const lineKeys: number[] = [];
  const seen = new Set<number>();
  const names = o.debugNames;
  const seed = o.seed;
  const tables = tablesForLanguage(seed, language);

  // Title: headline words, weighted up (the headline states the event), without the outlet name.
  // Title Case makes capitalisation useless there, so no name phrases.
  const nTitle = tokenizeLine(cleanTitle(title), seed, tables, names);
  for (let i = 0; i < nTitle; i++) {
    const term = tok.term[i] ?? -1;
    if (term >= 0) add(tf, term, o.titleWeight);
  }
  addFacts(nTitle, tables, tf, o.titleWeight, names);

  let position = 0;
  let inRelatedList = false;
  const body = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  for (let raw of body.split("\n")) {
    if (raw.indexOf("://") >= 0 || raw.indexOf("www.") >= 0 || raw.indexOf(".com/") >= 0) raw = raw.replace(URLISH, " ");
    const line = raw.trim();
    if (line === "") continue;
    const nWords = tokenizeLine(line, seed, tables, names);
    if (nWords === 0) continue;

    // Line key from its tokens (digits folded: "© 2016" and "© 2017" are the same footer).
    let key = SEED_LINE ^ seed;
    for (let i = 0; i < nWords; i++) {
      key = Math.imul(key ^ (((tok.flags[i] ?? 0) & DIGITS) !== 0 ? 0x30 : (tok.hash[i] ?? 0)), FNV_PRIME);
    }
    key = fmix32((key ^ nWords) >>> 0);
    const outletKey = outlet === null ? null : hashPair(outlet, key);
    if (!seen.has(key)) {
      seen.add(key);
      lineKeys.push(key);
      if (outletKey !== null) lineKeys.push(outletKey);
    }

    const short = nWords < 25;
    if (short && RELATED_MARKER.test(line)) {
      inRelatedList = true;
      continue;
    }
    if (inRelatedList) {
      if (nWords < 15) continue;
      inRelatedList = false;
    }
    if (short && BOILERPLATE_LINE.test(line)) continue;
    // "1:17 Kansas wildfire update ..." : an item of a video playlist (duration first).
    if (VIDEO_ITEM.test(line)) continue;
    // Shingles see every line that is not obvious furniture, before any statistics-based
    // stopping: a republished copy must look like its original whatever the counters say.
    if (nShingleTokens + nWords > shingleBuf.length) {
      const bigger = new Uint32Array(Math.max(shingleBuf.length * 2, nShingleTokens + nWords));
      bigger.set(shingleBuf);
      shingleBuf = bigger;
    }
    for (let i = 0; i < nWords; i++) shingleBuf[nShingleTokens++] = tok.hash[i] ?? 0;
    // Short lines many earlier documents also contained are site furniture (bylines, station
    // slogans). Long lines are exempt: a paragraph recurring across outlets is syndicated news.
    if (nWords < 20 && lineDocFreq(key) >= o.lineDfStop) continue;
    // Whatever its length, a line this outlet keeps printing is its template, not news.
    if (outletKey !== null && lineDocFreq(outletKey) >= o.outletLineStop) continue;
    // Prose ends its lines with sentence punctuation. Short lines that do not are menus,
    // captions, headings, playlists and lists of other headlines: kept, at reduced weight, and
    // they do not push the real lead out of the lead window.
    const prose = nWords >= 20 || endsLikeProse(line);
    let lineWeight = prose ? 1 : o.nonProseWeight;
    if (nWords < 5) lineWeight = Math.min(lineWeight, o.nonProseWeight);
    // An all-capitals line is a heading or a dateline: its capitals are not name evidence, and a
    // shouted heading mostly repeats the headline, already counted: 0.7.
    let caps = 0;
    for (let i = 0; i < nWords; i++) if (((tok.flags[i] ?? 0) & (ALL_CAPS | DIGITS)) !== 0) caps++;
    const allCapsLine = caps === nWords;
    if (allCapsLine && nWords > 3) lineWeight *= 0.7;

    addFacts(nWords, tables, tf, lineWeight * (position < o.leadTokens ? 1 : Math.max(o.tailFloor, o.leadTokens / position)), names);
    // Runs of capitalised words ("Cerise Avenue", "Los Angeles County") become phrase terms.
    let runLength = 0;
    let runHash = 0;
    let runText = "";
    let runWeight = 0;
    for (let i = 0; i <= nWords; i++) {
      const last = i === nWords;
      const f = last ? 0 : (tok.flags[i] ?? 0);
      const term = last ? -1 : (tok.term[i] ?? -1);
      const isName =
        !last && !allCapsLine && (f & DIGITS) === 0 && (f & (CAPITAL | ALL_CAPS)) !== 0 && term >= 0;
      if (!isName && runLength > 0) {
        if (runLength >= 2) {
          const h = hashPair(runHash, SEED_PHRASE) & TERM_MASK;
          if (names) names.set(h, "E:" + runText);
          add(tf, h, o.phraseWeight * runWeight);
        }
        runLength = 0;
        runHash = 0;
        runText = "";
      }
      if (last) break;
      // Inverted pyramid: weight decays as lead/position after the lead, floored.
      const pos = position < o.leadTokens ? 1 : Math.max(o.tailFloor, o.leadTokens / position);
      const w = lineWeight * pos;
      if (isName) {
        // A capitalised word inside a sentence is a name (person, place, organisation).
        const h = tok.hash[i] ?? 0;
        runHash = runLength === 0 ? h : hashPair(runHash, h);
        if (names) {
          const lower = line.slice(tok.start[i] ?? 0, tok.end[i] ?? 0).toLowerCase();
          runText = runLength === 0 ? lower : runText + " " + lower;
        }
        runLength++;
        runWeight = w;
        add(tf, term, (f & INITIAL) !== 0 ? w : w * o.capitalBoost);
      } else if (term >= 0) {
        add(tf, term, w);
      }
      if (term >= 0 && prose) position++;
    }
  }

  // Shingles: a polynomial rolling hash over k consecutive token hashes (O(1) per shingle),
  // finalised by MinHash's own mixing.
  const k = o.shingleSize;
  const nt = nShingleTokens;
  const shingles = new Uint32Array(nt >= k ? nt - k + 1 : nt > 0 ? 1 : 0);
  if (nt >= k) {
    let pk = 1; // SHINGLE_BASE^(k-1)
    for (let j = 1; j < k; j++) pk = Math.imul(pk, SHINGLE_BASE);
    let h = 0;
    for (let j = 0; j < k; j++) h = (Math.imul(h, SHINGLE_BASE) + (shingleBuf[j] ?? 0)) | 0;
    shingles[0] = h >>> 0;
    for (let i = k; i < nt; i++) {
      h = (h - Math.imul(shingleBuf[i - k] ?? 0, pk)) | 0;
      h = (Math.imul(h, SHINGLE_BASE) + (shingleBuf[i] ?? 0)) | 0;
      shingles[i - k + 1] = h >>> 0;
    }
  } else if (nt > 0) {
    // Texts shorter than one shingle: one shingle of everything.
    let h = 0;
    for (let i = 0; i < nt; i++) h = hashPair(h, shingleBuf[i] ?? 0);
    shingles[0] = h;
  }
  const { terms, tf: freqs } = tf.drain();
  return { terms, tf: freqs, shingles, lineKeys };
}
