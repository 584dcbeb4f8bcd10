/**
 * Grouping across languages. A French report of a strike shares almost no words with the English
 * ones, so the TF-IDF cosine cannot join them. What survives translation is compared instead:
 * the place (the gazetteer spells it one way whatever the language), the day the lead gives,
 * the kind of event (a small lexicon per language in `lang/`), the casualty figures (kind and
 * bounds) and the names and numbers both leads print. Only pairs of articles in two different
 * known languages are compared this way: grouping within one language is left exactly as it was.
 */
import { parseDay } from "./day";
import { hashString } from "./hash";
import { eventConcepts, type EventConcept } from "./lang";
import type { ClusterDoc, FigureSignal } from "./types";

/** What cross-language grouping keeps of an indexed article. */
export interface CrossProfile {
  language: string;
  /** Specific places (cities, regions), folded names; countries alone say too little. */
  placeKeys: string[];
  /** The country of each place in `placeKeys` (folded), or "" when the gazetteer did not say. */
  placeCountries: string[];
  /** The event day the lead gives, else null. */
  eventDay: number | null;
  /** Publication day, else null. */
  pubDay: number | null;
  figures: FigureSignal[];
  concepts: Set<EventConcept>;
  /** The kinds of event the headline alone names. */
  headlineConcepts: Set<EventConcept>;
  /** The keys of `placeKeys` the headline names. */
  headlinePlaces: string[];
  /** Names and numbers of the headline and lead, folded, without the places' own words: hashed, ascending. */
  tokens: Uint32Array;
}

/** One pair's evidence, for `explain` and tests. */
export interface CrossEvidence {
  score: number;
  place: number;
  day: number;
  concept: number;
  figures: number;
  names: number;
}

/**
 * Weights of the evidence. A shared place and the same event day are required and give 0.6 at
 * most; the default threshold (0.7) then needs one more agreement: the kind of event, a figure,
 * or two names or numbers. Two kinds of event that exclude each other (a fire, a flood) cost more
 * than any single agreement gives, so the same city on the same day is not enough.
 */
const W = {
  place: 0.35,
  sameEventDay: 0.25,
  nextEventDay: 0.15,
  nearPublication: 0.15,
  laterPublication: 0.05,
  concept: 0.15,
  conceptClash: -0.25,
  sameFigure: 0.2,
  overlappingFigure: 0.1,
  perName: 0.05,
  names: 0.2,
};
/** Reports in another language are expected within a few days; later ones are left to analysts. */
const MAX_PUBLICATION_GAP = 3;
/** Characters of the body read after the headline: the lead. */
const LEAD_CHARS = 600;

// Month and weekday names spelled the same in several languages ("September" in English and
// German) would look like a shared name in every pair of those languages.
const SHARED_WORDS = new Set(
  "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec januar februar marz juni juli oktober dezember monday tuesday wednesday thursday friday saturday sunday".split(
    " ",
  ),
);

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const YEAR = /^(?:19|20)\d\d$/;
const TOKEN_SEED = 0x7a11;

const PLAIN_NAME = /^[A-Za-z0-9]*$/;
const ASCII_NAME = /^[\u0000-\u007f’]*$/;

/** Case, accents and apostrophes folded: "Deir ez-Zor" and "DEIR EZ-ZOR" meet. */
export function foldName(s: string): string {
  // ASCII has no accents to strip, and its letters and digits are [a-z0-9] once lower-cased:
  // the same result without the Unicode passes (most names and numbers).
  if (PLAIN_NAME.test(s)) return s.toLowerCase();
  if (ASCII_NAME.test(s)) return s.toLowerCase().replace(/['’`]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Primary subtag of a language tag ("fr-CA" -> "fr"), or null. */
export function languageCode(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const code = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return /^[a-z]{2,3}$/.test(code) ? code : null;
}

/** /\p{N}/u.test(w), without the regex for ASCII words. */
function hasNumber(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c >= 128) return /\p{N}/u.test(w);
  }
  return false;
}

/** Is `c` (a code unit) in /[\s«»"“”‘'(\u00a0]/u: a space or an opening mark before a word? */
function isSpaceOrOpening(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || c === 34 || c === 39 || c === 40;
  return c === 0xab || c === 0xbb || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Is `c` in /[.!?:;\n]/: the end of a sentence or clause? */
function endsClause(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 10;
}

/** Does `w` start with a capital: a first character that upper-casing keeps and lower-casing changes? */
function startsCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const first = w.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/**
 * The names and numbers of a headline and lead: words with a digit ("62", "F-16"; years left out,
 * every story of a year shares them) and capitalised words inside a sentence ("Tharda"), folded.
 */
export function invariantTokens(text: string, exclude: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(TOKEN)) {
    const w = m[0];
    const at = m.index ?? 0;
    if (hasNumber(w)) {
      if (w.length < 2 || YEAR.test(w)) continue;
    } else {
      if (w.length < 3 || !startsCapitalised(w)) continue;
      // Sentence-initial capitals say nothing: look back past spaces and opening marks.
      let i = at - 1;
      while (i >= 0 && isSpaceOrOpening(text.charCodeAt(i))) i--;
      if (i < 0 || endsClause(text.charCodeAt(i))) continue;
    }
    const f = foldName(w);
    if (!f || SHARED_WORDS.has(f) || exclude.has(f)) continue;
    out.add(f);
  }
  return out;
}

/** The cross-language profile of an article, or null when its language or signals are unknown. */
export function crossProfile(doc: ClusterDoc): CrossProfile | null {
  const language = languageCode(doc.language);
  const s = doc.signals;
  if (!language || !s) return null;
  const placeKeys: string[] = [];
  const placeCountries: string[] = [];
  const placeWords = new Set<string>();
  for (const p of s.places) {
    const name = foldName(p.name);
    if (!name) continue;
    for (const w of name.split(" ")) placeWords.add(w);
    if (p.country) for (const w of foldName(p.country).split(" ")) placeWords.add(w);
    if (p.kind === "country") continue;
    if (placeKeys.includes(name)) continue;
    placeKeys.push(name);
    placeCountries.push(p.country ? foldName(p.country) : "");
  }
  const lead = `${doc.title ?? ""}\n${(doc.text ?? "").slice(0, LEAD_CHARS)}`;
  const headline = ` ${foldName(doc.title ?? "")} `;
  return {
    language,
    placeKeys,
    placeCountries,
    eventDay: parseDay(s.eventDay),
    pubDay: parseDay(doc.date),
    figures: s.figures.filter((f) => f.min !== null || f.max !== null),
    concepts: eventConcepts(lead, language),
    headlineConcepts: eventConcepts(doc.title ?? "", language),
    headlinePlaces: placeKeys.filter((k) => headline.includes(` ${k} `)),
    tokens: Uint32Array.from(new Set([...invariantTokens(lead, placeWords)].map((t) => hashString(t, TOKEN_SEED)))).sort(),
  };
}

/** A specific place both name, in the same country when the gazetteer knows both countries. */
function sharesPlace(a: CrossProfile, b: CrossProfile): boolean {
  for (let i = 0; i < a.placeKeys.length; i++) {
    const j = b.placeKeys.indexOf(a.placeKeys[i] ?? "");
    if (j < 0) continue;
    const ca = a.placeCountries[i] ?? "";
    const cb = b.placeCountries[j] ?? "";
    if (!ca || !cb || ca === cb) return true;
  }
  return false;
}

/** True when the two figures' bounds can describe the same count. */
function overlaps(a: FigureSignal, b: FigureSignal): boolean {
  const aMin = a.min ?? a.max ?? 0;
  const bMin = b.min ?? b.max ?? 0;
  const aMax = a.max ?? Infinity;
  const bMax = b.max ?? Infinity;
  return aMin <= bMax && bMin <= aMax;
}

/**
 * How strongly two articles in different languages look like reports of one event (0 when they
 * share no specific place, or their days are too far apart to be the same event).
 */
export function crossEvidence(a: CrossProfile, b: CrossProfile): CrossEvidence {
  const none: CrossEvidence = { score: 0, place: 0, day: 0, concept: 0, figures: 0, names: 0 };
  if (!sharesPlace(a, b)) return none;
  let day = 0;
  if (a.eventDay !== null && b.eventDay !== null) {
    const gap = Math.abs(a.eventDay - b.eventDay);
    if (gap > 1) return none;
    day = gap === 0 ? W.sameEventDay : W.nextEventDay;
  } else {
    const da = a.eventDay ?? a.pubDay;
    const db = b.eventDay ?? b.pubDay;
    if (da !== null && db !== null) {
      const gap = Math.abs(da - db);
      if (gap > MAX_PUBLICATION_GAP) return none;
      day = gap <= 1 ? W.nearPublication : W.laterPublication;
    }
  }
  let concept = 0;
  if (a.concepts.size && b.concepts.size) {
    concept = [...a.concepts].some((c) => b.concepts.has(c)) ? W.concept : W.conceptClash;
  }
  let figures = 0;
  for (const fa of a.figures) {
    for (const fb of b.figures) {
      if (fa.kind !== fb.kind) continue;
      if (fa.min !== null && fa.min === fb.min && fa.max === fb.max) figures = Math.max(figures, W.sameFigure);
      else if (overlaps(fa, fb)) figures = Math.max(figures, W.overlappingFigure);
    }
  }
  let shared = 0;
  for (let i = 0, j = 0; i < a.tokens.length && j < b.tokens.length; ) {
    const x = a.tokens[i] ?? 0;
    const y = b.tokens[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const names = Math.min(W.names, shared * W.perName);
  const score = W.place + day + concept + figures + names;
  return { score: Math.max(0, Math.round(score * 1000) / 1000), place: W.place, day, concept, figures, names };
}
