import type { Token } from "./nlp";
import type { Sentence } from "./segment";
import type { SentenceTokens } from "./tokens";
import type { CasualtyClaim, CasualtyKind, Qualifier } from "./types";
import {
  ACTIVE_VERBS,
  AUX_WORDS,
  CASUALTY_NOUNS,
  MODAL_WORDS,
  NEGATORS,
  PERSON_NOUNS,
  PREDICATES,
  type PredicateKind,
  isPersonPlural,
} from "./lexicon";
import { firstMatch, firstMatchBefore } from "./match";
import { readCardinal, readQuantity, type Quantity } from "./numbers";
import { isTitleCase } from "./tokens";

/** How a claim's figure was found. */
export type ClaimBasis = NonNullable<CasualtyClaim["basis"]>;

/** A claim plus what the summary rule needs to know about it. */
export interface DraftClaim extends CasualtyClaim {
  basis: ClaimBasis;
  /** Index of the sentence in the article's sentence list. */
  sentenceIndex: number;
  /** The figure sits inside quotation marks (a quoted witness, not the reporter's figure). */
  inQuote: boolean;
  /** The sentence is the title glued to the body. */
  inTitle: boolean;
  /** Lower-cased surnames of implicitly counted victims, to count distinct victims across sentences. */
  victimNames?: string[];
}

/** Where a claim was found and what the sentence around it says: shared by every claim of a sentence. */
export interface ClaimSite {
  text: string;
  sentence: Sentence;
  sentenceIndex: number;
  authority: string | null;
  isContext: boolean;
  quoteSpans: ReadonlyArray<{ start: number; end: number }>;
}

/** One claim over text[start, end), built the same way by the English rules and the language packs. */
export function draftClaim(
  site: ClaimSite,
  kind: CasualtyKind,
  bounds: { min: number | null; max: number | null; qualifier: Qualifier },
  start: number,
  end: number,
  victimGroup: string | null,
  basis: ClaimBasis,
): DraftClaim {
  const { text, sentence } = site;
  return {
    kind,
    min: bounds.min,
    max: bounds.max,
    qualifier: bounds.qualifier,
    victimGroup,
    authority: site.authority,
    isContext: site.isContext,
    isHeadline: false,
    phrase: text.slice(start, end),
    start,
    end,
    sentence: text.slice(sentence.start, sentence.end),
    sentenceStart: sentence.start,
    sentenceEnd: sentence.end,
    basis,
    sentenceIndex: site.sentenceIndex,
    inQuote: inSpans(start, site.quoteSpans),
    inTitle: sentence.isTitle,
  };
}

// Words that start a predicate, casualty noun or active-verb pattern. Only sentences with one of
// these are POS-tagged: most sentences of a news article carry no casualty figure, and tagging is
// the expensive step (see TOOLCHAIN.md: wink reads ~1 MB/s).
const TOKEN_TRIGGER =
  /\b(?:kill(?:ed|ing|s)?\b|dead\b|die[ds]?\b|gunning|gunned|mowed|mowing|deaths?\b|fatalit|fatally|slain|murdered|murdering|murders? of|slayings? of|killings? of|massacr|executed|perished|deceased|wound(?:ed|ing|s)?\b|injur|hurt\b|hospitali[sz]ed|hospital|condition|shot\b|shooting (?:and|him|her|them|a|an|the|his|their|one|two|three|\d)\b|shoots\b|stabbed|missing|unaccounted|captured|abducted|kidnapped|hostages?\b|displaced|homeless|uprooted|fled\b|captive|prisoners?\b|seized|maimed|treated|casualt|toll\b|lost \w+ lives?|(?:claim(?:ed|ing|s)|t(?:ook|aking|akes)) the li(?:ves|fe) of|grazed|mortally|slaughter|assassinat|refugees|bodies|no one|nobody|none|neither|to flee|fleeing (?:their|his|her)|succumb|passed away|(?:not|n't) survive|recovering|recuperating)/i;

// Sentences worth reading at all: TOKEN_TRIGGER plus words only the regex passes need (events such
// as "fatal shooting", "homicide victim", "body"; negations such as "unharmed").
const CANDIDATE =
  /\b(?:kill(?:ed|ing|s)?\b|dead\b|die[ds]?\b|gunning|mowed|deaths?\b|fatal(?:ly|ities|ity)?\b|deadly|slain|murder|massacr|executed|perished|deceased|wound(?:ed|ing|s)?\b|injur|hurt\b|hospitali[sz]ed|hospital|critical|serious|stable|shot\b|stabbed|gunned|missing|unaccounted|captured|abducted|kidnapped|hostages?\b|displaced|fled\b|to flee|fleeing (?:their|his|her)|homeless|uprooted|captive|prisoners?\b|seized|maimed|treated|shoot(?:s|ing)?\s+(?:him|her|them|a|an|the|his|her|their|two|three|\d)|casualt|lives\b|life\b|bod(?:y|ies)\b|toll\b|unharm|unhurt|uninjur|unscathed|grazed|mortally|slaughter|assassinat|refugees|homicide|succumb|passed away|(?:not|n't) survive|recovering|recuperating|neither|none)/i;

// Sentence-level cues that a figure is a total over time or another event, not this event's.
// Kept to aggregate phrasings: GVDB articles about trials still count the original incident's
// victims, so a bare past date is not context.
const CONTEXT =
  /^(?:earlier,|in (?:a|an) (?:separate|unrelated|earlier) (?:incident|shooting|case))|\b(?:so far (?:this|in)|this year|since (?:the (?:start|beginning)|19\d\d|20\d\d|january|february|march|april|may|june|july|august|september|october|november|december|then|last)|to date|in total|altogether|overall|all[- ]time|annual(?:ly)?|every year|each year|per year|a year\b|a decade|over the (?:past|last)|in the (?:past|last) (?:\w+ )?(?:years|months|decades)|(?:the|this|civil) war (?:has|had)|conflict (?:has|had)|(?:separate|unrelated|similar|previous|earlier|another) (?:shooting|incident|attack|case|killing|homicide|stabbing)|nationwide|statewide|citywide|(?:homicides|killings|murders|shootings) (?:this|so far|in 20\d\d))\b/i;

// "in 2012", "in the summer of 2012": a past year places the figure in another event when it is at
// least two years before the article's own year (the publication year, else the latest year the
// article mentions).
const IN_YEAR = /\bin (?:the (?:summer|spring|fall|autumn|winter) of |(?:early|late|mid-?) ?|(?:january|february|march|april|may|june|july|august|september|october|november|december) )?((?:19|20)\d\d)\b/gi;

/** The article's own year: the publication year, else the latest year mentioned in the text. */
export function referenceYear(text: string, publishedAt?: string | null): number | null {
  const y = publishedAt ? Number(publishedAt.slice(0, 4)) : NaN;
  if (y > 1900) return y;
  let max: number | null = null;
  for (const m of text.matchAll(/\b(?:19|20)\d\d\b/g)) {
    const v = Number(m[0]);
    if (max === null || v > max) max = v;
  }
  return max;
}

/** Does `sentence` place its event in a year at least two before the article's (`refYear()`)? */
function pastYear(sentence: string, refYear: () => number | null): boolean {
  IN_YEAR.lastIndex = 0;
  for (let m = IN_YEAR.exec(sentence); m; m = IN_YEAR.exec(sentence)) {
    const y = refYear();
    if (y !== null && Number(m[1]) <= y - 2) return true;
  }
  return false;
}

const PASSIVE_AUX = new Set("was were is are be been being 's 're get got gets".split(" "));
const OBJECT_START = new Set("a an the his her their its this that these those him them himself herself themselves another one two three four five".split(" "));
// Predicates whose last word is a transitive verb: when no passive auxiliary precedes and an
// object follows ("Two gunmen killed a man"), the subject is the agent, not the victims.
const TRANSITIVE_LAST = new Set("killed shot wounded injured hurt stabbed murdered executed massacred slaughtered kidnapped abducted captured seized displaced struck hit assassinated".split(" "));
const AGE_PREV = new Set(["aged", "age", "ages"]);
const UNIT_NEXT = new Set(
  (
    "a.m. p.m. am pm a.m p.m o'clock hours hour minutes minute seconds days day weeks week months month years year " +
    "yr yrs percent % times rounds round shots shot bullets bullet miles mile feet foot ft yards yard inches " +
    "dollars cents pounds lbs kg degrees mph caliber calibre mm millimeter block blocks st nd rd th acres " +
    "grand counts count charges votes points games mg grams ounces kilos"
  ).split(" "),
);
const MONTHS = new Set("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split(" "));
const DETERMINERS_BEFORE_NUM = new Set("his her their its the all another our my your these those".split(" "));
// Words that can start a figure: digits, number words ("twenty" also starts "twenty-five"), vague
// amounts, "both", "a" ("a dozen"). Checked for every token of every candidate sentence, so a Set
// look-up rather than a long alternation.
const NUMBER_START_WORDS = new Set(
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen hundred dozens scores hundreds thousands millions several numerous tens both a an".split(" "),
);
const FOUND_WORDS = new Set(["found", "discovered", "located"]);
/** Is any of tokens [from, to) in `used`? */
function anyUsed(used: ReadonlySet<number>, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (used.has(k)) return true;
  return false;
}

/** What a count of the dead is called: "toll", "number of dead" ("of deaths", "of people killed"). */
function isTollWord(toks: Token[], b: number): boolean {
  const w = toks[b]?.lower;
  if (w === "toll") return true;
  let o = b - 1;
  if (w === "killed" && /^(?:people|those|persons|civilians|soldiers)$/.test(toks[o]?.lower ?? "")) o--;
  else if (!/^(?:dead|deaths|fatalities|victims)$/.test(w ?? "")) return false;
  if (toks[o]?.lower === "the") o--;
  return toks[o]?.lower === "of" && toks[o - 1]?.lower === "number";
}

/**
 * Does a death toll end at token `b`, or a prepositional phrase after one ("the death toll from
 * Saturday's airstrike", "the number of dead in Aleppo")? No verb, figure or comma in the phrase.
 */
function isTollHead(toks: Token[], b: number): boolean {
  if (isTollWord(toks, b)) return true;
  for (let k = b; k > 0 && b - k < 6; k--) {
    const t = toks[k]!;
    if (t.pos === "VERB" || t.pos === "AUX" || t.pos === "NUM" || t.lower === ",") return false;
    if (/^(?:from|in|after|on|at|since)$/.test(t.lower)) return isTollWord(toks, k - 1);
  }
  return false;
}

/** Labels a figure follows after a colon ("Killed: 12"), and what they count. */
const LABELS: Readonly<Record<string, CasualtyKind>> = {
  killed: "killed", dead: "killed", deaths: "killed", fatalities: "killed",
  wounded: "wounded", injured: "wounded", injuries: "wounded", hurt: "wounded", missing: "missing",
};
/** What may stand before such a label: nothing of the sentence (it starts it), or a list's separator. */
const LABEL_BEFORE = /^(?:[,;(|\u2013\u2014-]|and|confirmed|reported)$/;
const TENS_PREFIX = /^(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)/;

function isNumberStart(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  return NUMBER_START_WORDS.has(w) || ((c === 116 || c === 102 || c === 115 || c === 101 || c === 110) && TENS_PREFIX.test(w));
}

function predicateKind(k: PredicateKind): CasualtyKind {
  return k === "shot" ? "wounded" : k;
}

/** Token i looks like an age/unit/date number that can never be a casualty count. */
function isNonCount(toks: Token[], q: Quantity): boolean {
  const first = toks[q.numFirst]!;
  const next = toks[q.next];
  const next2 = toks[q.next + 1];
  const prev = toks[q.first - 1];
  // "5-year-old", "20 years old", "a 5-year-old"
  if (next && (next.lower === "-" || next.lower === "–") && next2 && /^(?:year|yr|month|week|day)s?$/.test(next2.lower)) return true;
  if (next && /^(?:year|yr|month|week|day)s?-old$/.test(next.lower)) return true;
  if (next && UNIT_NEXT.has(next.lower)) {
    // "Three shot in ..." is a count of victims; "fired one shot", "heard two shots" are rounds.
    if (next.lower === "shot") return !!prev && (prev.pos === "VERB" || /^(?:fired|fire|fires|firing|returned|heard|single|another|warning)$/.test(prev.lower));
    return true;
  }
  if (next && /^(?:-?year|-?yr)/.test(next.lower)) return true;
  if (prev && (AGE_PREV.has(prev.lower) || prev.lower === "$" || prev.lower === "#" || prev.lower === "no." || prev.lower === "number" || MONTHS.has(prev.lower) || prev.lower === "route" || prev.lower === "highway" || prev.lower === "interstate" || prev.lower === "i" || prev.lower === "u.s." || prev.lower === "us" || prev.lower === "channel" || prev.lower === "chapter" || prev.lower === "section" || prev.lower === "page" || prev.lower === "ward" || prev.lower === "district" || prev.lower === "precinct" || prev.lower === "apartment" || prev.lower === "unit" || prev.lower === "suite" || prev.lower === "room")) return true;
  // Age apposition after a name: "Jones, 25, was" / "Jones, 25." Only digits.
  if (/^\d+$/.test(first.lower) && prev?.lower === "," && (toks[q.first - 2]?.pos === "PROPN" || PERSON_NOUNS.has(toks[q.first - 2]?.lower ?? "")) && (!next || next.lower === "," || next.lower === "." || next.lower === "and" || next.lower === ")")) return true;
  // "(25)" after a name
  if (prev?.lower === "(" && next?.lower === ")") return true;
  // Years, clock times, ids: a bare 4-digit number from 1900 to 2099, "8:20", "1.5".
  if (/^(?:19|20)\d\d$/.test(first.lower)) return true;
  if (/[:/]/.test(first.text)) return true;
  if (first.lower.includes(".") && !(next && /^(?:million|billion|thousand)$/.test(next.lower))) return true;
  // Ordinals written as digits ("2nd") are single tokens that fail to parse anyway.
  return false;
}

interface NP {
  start: number;
  end: number; // exclusive token index
}

/**
 * Scan the noun phrase right after a number: adjectives, nouns, names, "other(s)", "of them",
 * "of the victims". Stops before a predicate so "100 wounded" leaves "wounded" as predicate.
 */
function scanNounPhrase(toks: Token[], i: number): NP {
  let j = i;
  while (j < toks.length && j - i < 7) {
    const t = toks[j]!;
    if (j > i && firstMatch(toks, j, PREDICATES) && !(t.pos === "NOUN" && CASUALTY_NOUNS[t.lower] === undefined && !["dead", "wounded", "injured", "missing"].includes(t.lower))) break;
    if (j === i && firstMatch(toks, j, PREDICATES) && !CASUALTY_NOUNS[t.lower]) break;
    if (t.lower === "of" && /^(?:them|whom|those|these|us|the|his|her|their)$/.test(toks[j + 1]?.lower ?? "")) {
      j += 2;
      continue;
    }
    if (t.lower === "-" && j > i && toks[j - 1]!.end === t.start) {
      j++;
      continue;
    }
    if (t.pos === "ADJ" || t.pos === "NOUN" || t.pos === "PROPN" || /^(?:other|others|more|additional|people|persons|men|women|children|victims|civilians)$/.test(t.lower)) {
      // A casualty noun ends the phrase ("62 deaths").
      j++;
      if (CASUALTY_NOUNS[t.lower]) break;
      continue;
    }
    break;
  }
  return { start: i, end: j };
}

interface AuxScan {
  next: number;
  negated: boolean;
  modal: boolean;
  passive: boolean;
}

/** Skip auxiliaries/adverbs from `i`; note negation, modality and passive voice. */
function scanAux(toks: Token[], i: number): AuxScan {
  let j = i;
  let negated = false;
  let modal = false;
  let passive = false;
  while (j < toks.length && j - i < 7) {
    const w = toks[j]!.lower;
    // "were not seriously hurt" is still hurt.
    if (NEGATORS.has(w)) negated ||= !DEGREE.test(toks[j + 1]?.lower ?? "");
    else if (MODAL_WORDS.has(w)) modal = true;
    else if (PASSIVE_AUX.has(w)) passive = true;
    else if (!AUX_WORDS.has(w)) break;
    j++;
  }
  return { next: j, negated, modal, passive };
}

interface PredMatch {
  kind: PredicateKind;
  start: number;
  next: number;
}

/** A predicate at `i` that applies to the subject before it (not an active verb with an object). */
function predicateFor(toks: Token[], i: number, passive: boolean): PredMatch | null {
  const m = firstMatch(toks, i, PREDICATES);
  if (!m) return null;
  // "shot at" hit nobody -- unless, after a passive auxiliary, "at" starts a place, time or
  // amount: "were shot at a party", "was shot at 1400 N. 5th Street", "was shot at least twice".
  // ("Two men shot at a car" is active: they fired.)
  if (m.label === "shot" && toks[m.next]?.lower === "at" && !(passive && shotAtPlace(toks[m.next + 1]))) return null;
  const last = toks[m.next - 1]!.lower;
  if (!passive && TRANSITIVE_LAST.has(last)) {
    // No passive auxiliary and an object follows: active voice ("Two gunmen killed a man").
    // Headlines drop the auxiliary ("Man shot, killed at Walmart"), so a following preposition,
    // day or time keeps the passive reading.
    const after = toks[m.next];
    if (after && !DAYS_MONTHS.test(after.lower) && (OBJECT_START.has(after.lower) || /^(?:PROPN|NUM|PRON|NOUN|ADJ|DET)$/.test(after.pos)) && !/^(?:early|late|last|this|overnight|today|tonight|yesterday|outside|inside|near|downtown|there|here|again|once|twice)$/.test(after.lower)) return null;
  }
  return { kind: m.label, start: i, next: m.next };
}

/** After "shot at": a place, time or amount ("a party", "Brigham", "1400", "least twice"), not a target. */
function shotAtPlace(t: Token | undefined): boolean {
  if (!t) return false;
  if (/^(?:least|about|around|close|point-blank|his|her|their|the|a|an)$/.test(t.lower)) return true;
  return t.pos === "NUM" || (t.pos === "PROPN" && !t.caseless);
}

/**
 * Does a bare "fled" after the figure `q` (head noun `head`) report displacement? Yes for a large
 * or vague figure, for a population noun, or when a home or region follows; not for a few people
 * fleeing a scene.
 */
function fledAsDisplaced(toks: Token[], q: Quantity, head: Token | undefined, next: number): boolean {
  const after = toks[next]?.lower ?? "";
  if (/^(?:on|in|from|before|after|when|as|into)$/.test(after) || (after === "the" && /^(?:scene|area|building|store|house|home|car|vehicle)$/.test(toks[next + 1]?.lower ?? ""))) return false;
  if (head && /^(?:suspects?|gunm[ae]n|shooters?|robbers?|attackers?|assailants?|men|males?|people|persons)$/.test(head.lower) && q.qualifier !== "vague" && q.value < 10) return false;
  return true;
}

/** Victims named by a noun phrase: how many, where, whether plural, and their surnames. */
interface Victims {
  count: number;
  start: number;
  end: number; // exclusive
  plural: boolean;
  names: string[];
  /** Some of the count was written as a number ("two men and a woman"). */
  counted?: boolean;
}

const DAYS_MONTHS = /^(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|christmas|police|officials|authorities)$/i;
const DET = /^(?:a|an|the|his|her|their|its|this|that|another|one|each|every|our|my|your)$/;

/** Is token `i` the "old" of "N-year-old" / "N year old" (a person head: "a 13-year-old")? */
function isAgeHead(toks: Token[], i: number): boolean {
  return toks[i]?.lower === "old" && (toks[i - 1]?.lower === "year" || toks[i - 2]?.lower === "year");
}

function isNameTok(t: Token | undefined, i: number): boolean {
  if (!t) return false;
  // Headlines capitalise common nouns ("Teen found dead"): a person noun is never a name.
  if (DAYS_MONTHS.test(t.lower) || t.caseless || PERSON_NOUNS.has(t.lower) || isPersonPlural(t.lower)) return false;
  return t.pos === "PROPN" || (i > 0 && t.pos === "NOUN" && /^[A-Z][a-z]+$/.test(t.text));
}

// Nouns for a fixed number of people: "the couple were found dead", "the pair", "twins".
const COLLECTIVE: Record<string, number> = { couple: 2, pair: 2, twins: 2, duo: 2, trio: 3 };

/** A count written inside a noun phrase's modifiers ("her two children"), ignoring ages ("20-year-old"). */
function countIn(toks: Token[], s: number, e: number): number {
  for (let k = s; k < e; k++) {
    const t = toks[k]!;
    if (t.lower === "both") return 2;
    if (t.lower === "twin") return 2;
    if (t.pos !== "NUM" && !NUMBER_WORD.test(t.lower)) continue;
    const n = toks[k + 1];
    if (n && (n.lower === "-" || /^(?:year|years|yr|month|months)(?:-old)?$/.test(n.lower) || /^-?year/.test(n.lower))) continue;
    const c = readCardinal(toks, k);
    if (c && c.value > 0 && c.value < 1e6) return c.value;
  }
  return 0;
}

const NUMBER_WORD = /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)$/;

/** One noun phrase ending at token `k` (inclusive), read leftwards. */
function npLeft(toks: Token[], k: number): { start: number; kind: "name" | "person" | "plural"; name: string | null; count: number } | null {
  let j = k;
  let kind: "name" | "person" | "plural";
  let name: string | null = null;
  let fixed = 1;
  const t = toks[j];
  if (!t) return null;
  if (isNameTok(t, j)) {
    kind = "name";
    name = t.lower;
    while (j > 0 && (isNameTok(toks[j - 1], j - 1) || /^[A-Z]\.$/.test(toks[j - 1]!.text))) j--;
    // "LeGrier's neighbor Bettie Jones" / "Officer Thomas Cottrell": fall through to modifiers.
  } else if (COLLECTIVE[t.lower] && /^(?:the|a|this|that|both|young|elderly|married|same-sex)$/.test(toks[j - 1]?.lower ?? "")) {
    kind = "person";
    fixed = COLLECTIVE[t.lower]!;
  } else if ((PERSON_NOUNS.has(t.lower) && t.pos !== "VERB") || isAgeHead(toks, j) || (/^(?:second|third|fourth|other)$/.test(t.lower) && /^(?:a|the|another)$/.test(toks[j - 1]?.lower ?? "")) || (t.lower === "another" && j > 0)) {
    // "a second was injured", "the other is stable", "another was wounded"
    kind = "person";
  } else if (isPersonPlural(t.lower)) {
    kind = "plural";
  } else return null;
  // Modifiers: adjectives, ages, nouns, possessives.
  while (j > 0) {
    const p = toks[j - 1]!;
    if (p.pos === "ADJ" || p.pos === "NUM" || p.lower === "-" || p.lower === "year" || p.lower === "old" || p.lower === "'s" || p.lower === "’s" || (p.pos === "NOUN" && !PERSON_NOUNS.has(p.lower)) || (kind !== "name" && p.pos === "PROPN") || (kind === "plural" && (p.lower === "both" || NUMBER_WORD.test(p.lower)))) {
      j--;
      continue;
    }
    if (DET.test(p.lower)) j--;
    break;
  }
  // A plural with a count ("her two children", "both men") is as good as that many people.
  const count = kind === "plural" ? countIn(toks, j, k) : fixed;
  return { start: j, kind, name, count };
}

/** How many ages a list "ages 19 and 21" / "19, 20 and 22" in tokens [s, e) gives; 0 if it is not one. */
function agesList(toks: Token[], s: number, e: number): number {
  let k = s;
  if (/^(?:ages?|aged)$/.test(toks[k]?.lower ?? "")) k++;
  let n = 0;
  for (; k < e; k++) {
    const t = toks[k]!;
    if (/^\d{1,2}$/.test(t.lower)) n++;
    else if (!/^(?:,|and)$/.test(t.lower)) return 0;
  }
  return n;
}

/**
 * The subject ending at token `k`: a name, a person noun or coordinated ones ("Stephens, 32, and
 * Paul J. Rayer", "two men and a woman"), skipping an apposition before the verb ("Jones, a
 * 19-year-old Latino male,"). A plural head whose apposition lists the people ("the victims, a
 * 20-year-old man and a 22-year-old woman,") counts them. `listed`: the caller already saw an
 * "and" to the right, so a comma continues the list ("a man, [a woman and two children]").
 */
function subjectBefore(toks: Token[], k: number, listed = false, depth = 0, lo = 0): Victims | null {
  let j = k;
  // an officer and a "citizen" were injured
  if (/^["”’]$/.test(toks[j]?.text ?? "") && toks[j - 1] && toks[j - 2] && /^["“‘]$/.test(toks[j - 2]!.text)) j--;
  let apposition: Victims | null = null;
  if (toks[j]?.lower === ",") {
    let s = j - 1;
    while (s >= 0 && j - s <= 20 && toks[s]!.lower !== ",") s--;
    if (s >= 0 && toks[s]!.lower === "," && s < j - 1) {
      if (depth === 0) {
        const inner = subjectBefore(toks, j - 1, false, 1, s + 1);
        if (inner && inner.start > s && !inner.plural) apposition = inner;
        else {
          // "the victims, ages 19 and 21," / "the men, 20, 22 and 25,": one age per person.
          const ages = agesList(toks, s + 1, j);
          if (ages > 1) apposition = { count: ages, start: s + 1, end: j, plural: false, names: [] };
        }
      }
      j = s - 1;
    } else return null;
  }
  // "Jon Boring, 51, who was ...": the age apposition before the relative clause.
  if (toks[j]?.pos === "NUM" && toks[j - 1]?.lower === ",") j -= 2;
  const end = j + 1;
  let count = 0;
  let plural = false;
  let counted = false;
  let start = end;
  const names: string[] = [];
  let sawAnd = listed;
  for (let conj = 0; conj < 5 && j >= lo; conj++) {
    let np = npLeft(toks, j);
    if (np && np.start < lo) break;
    // "..., the couple's toddler and their dog were found dead": skip a non-person last conjunct.
    if (!np && conj === 0 && toks[j]?.pos === "NOUN") {
      let p = j - 1;
      while (p >= 0 && j - p < 4 && toks[p]!.lower !== "and") p--;
      if (toks[p]?.lower === "and" && p > 0) {
        sawAnd = true;
        j = p - 1;
        if (toks[j]?.lower === ",") j--;
        np = npLeft(toks, j);
      }
    }
    if (!np) break;
    if (np.kind === "plural" && !np.count) {
      if (conj === 0) plural = true;
      start = np.start;
      break;
    }
    if (np.kind === "plural") counted = true;
    count += np.count;
    if (np.name) names.push(np.name);
    start = np.start;
    // Coordination: "X, 32, and Y" / "X and Y" / "X, Y and Z"
    let p = np.start - 1;
    // A comma only joins a list that has an "and" nearer the verb ("Smith, Jones and Brown"), not
    // "In Chicago, Smith was killed".
    if (toks[p]?.lower === "and") sawAnd = true;
    else if (!(toks[p]?.lower === "," && sawAnd)) break;
    p--;
    if (toks[p]?.lower === ",") p--;
    if (toks[p]?.pos === "NUM" && toks[p - 1]?.lower === ",") p -= 2;
    j = p;
  }
  // "The victims, a man and a woman, were shot": the apposition counts the plural head.
  if (plural && apposition) return { count: apposition.count, start, end, plural: false, names: apposition.names, counted: true };
  if (count === 0 && !plural) return null;
  return { count, start, end, plural, names, counted };
}

/** One noun phrase starting at token `o`, read rightwards: "a 25-year-old man", "Bettie Jones". */
function npRight(toks: Token[], o: number): { end: number; name: string | null; count: number } | null {
  let j = o;
  if (DET.test(toks[j]?.lower ?? "")) j++;
  else if (isNameTok(toks[j], j) && /^(?:'s|’s)$/.test(toks[j + 1]?.lower ?? "")) j += 2; // "LeGrier's neighbor"
  while (j < toks.length && j - o < 8) {
    const t = toks[j]!;
    if (isNameTok(t, j)) {
      let e = j;
      while (e + 1 < toks.length && (isNameTok(toks[e + 1], e + 1) || /^[A-Z]\.$/.test(toks[e + 1]!.text))) e++;
      // "Carson City man", "a Washington state man": a name used as a modifier of a person noun.
      let f = e + 1;
      while (f < toks.length && f - e <= 3 && toks[f]!.pos === "NOUN" && !PERSON_NOUNS.has(toks[f]!.lower)) f++;
      if (PERSON_NOUNS.has(toks[f]?.lower ?? "")) return { end: f + 1, name: null, count: 1 };
      // A title before the name ("Officer Thomas Cottrell") is part of the run.
      return { end: e + 1, name: toks[e]!.lower, count: 1 };
    }
    if (PERSON_NOUNS.has(t.lower) && t.pos !== "VERB") {
      // "his 9-year-old sister", "a neighbor, 55-year-old Bettie Jones" (apposition handled by caller)
      return { end: j + 1, name: null, count: 1 };
    }
    if (isPersonPlural(t.lower) && t.pos !== "VERB") {
      // "his wife and two children": a plural counts only with a number.
      const n = countIn(toks, o, j);
      return n ? { end: j + 1, name: null, count: n } : null;
    }
    if (isAgeHead(toks, j) && !(toks[j + 1] && (toks[j + 1]!.pos === "NOUN" || toks[j + 1]!.pos === "PROPN" || toks[j + 1]!.pos === "ADJ"))) {
      return { end: j + 1, name: null, count: 1 };
    }
    if (t.pos === "ADJ" || t.pos === "NUM" || t.lower === "-" || t.lower === "year" || t.lower === "old" || (t.pos === "NOUN" && toks[j + 1] && (toks[j + 1]!.pos === "NOUN" || toks[j + 1]!.pos === "PROPN"))) {
      j++;
      continue;
    }
    return null;
  }
  return null;
}

/** The victims after an active verb: "a man", "his wife", "LeGrier, 19, and LeGrier's neighbor Bettie Jones, 55". */
function objectAfter(toks: Token[], o: number, reflexive = true): Victims | null {
  const first = toks[o];
  if (!first) return null;
  if ((/^(?:him)$/.test(first.lower) || (reflexive && /^(?:himself|herself)$/.test(first.lower))) || (first.lower === "her" && !/^(?:NOUN|ADJ|PROPN|NUM)$/.test(toks[o + 1]?.pos ?? ""))) {
    return { count: 1, start: o, end: o + 1, plural: false, names: [] };
  }
  let count = 0;
  let end = o;
  let j = o;
  const names: string[] = [];
  let conjuncts = 0;
  for (let conj = 0; conj < 5; conj++) {
    const np = npRight(toks, j);
    if (!np) break;
    count += np.count;
    conjuncts++;
    end = np.end;
    let k = np.end;
    let name = np.name;
    // Apposition: ", 19," or ", 55-year-old Bettie Jones" or ", identified as X,"
    if (toks[k]?.lower === ",") {
      if (toks[k + 1]?.pos === "NUM" && (toks[k + 2]?.lower === "," || toks[k + 2]?.lower === "and" || toks[k + 2]?.lower === "." || !toks[k + 2])) {
        k += 2;
        end = k - 1 + 1;
      } else {
        const app = npRight(toks, k + 1);
        // Only a closed apposition: "a neighbor, 55-year-old Bettie Jones." -- not "his
        // girlfriend, the Stockton Police Department said".
        if (app && app.name && (!toks[app.end] || /^(?:,|\.|and|who|;)$/.test(toks[app.end]!.lower))) {
          name = app.name;
          k = app.end;
          end = app.end;
        }
      }
      if (toks[k]?.lower === ",") k++;
    }
    if (name) names.push(name);
    if (toks[k]?.lower === "and" && npRight(toks, k + 1)) {
      j = k + 1;
      continue;
    }
    break;
  }
  if (!count) return null;
  return { count, start: o, end, plural: false, names, counted: count > conjuncts };
}

/**
 * "the man who police fatally shot": the victim is the noun the relative clause hangs on. `i` is
 * the first token of the active verb; a short subject and "who/whom/that" sit before it.
 */
function gapRelativeObject(toks: Token[], i: number): Victims | null {
  let k = i - 1;
  let n = 0;
  while (k >= 0 && n < 3 && /^(?:PROPN|NOUN|PRON|DET)$/.test(toks[k]!.pos) && !/^(?:who|whom|that)$/.test(toks[k]!.lower)) {
    k--;
    n++;
  }
  if (n === 0 || !/^(?:who|whom|that)$/.test(toks[k]?.lower ?? "")) return null;
  const head = toks[k - 1];
  if (!head || !(PERSON_NOUNS.has(head.lower) || isNameTok(head, k - 1))) return null;
  return { count: 1, start: k - 1, end: k, plural: false, names: isNameTok(head, k - 1) ? [head.lower] : [] };
}

/** "Girl shot at party dies": the person before a participle, when the main predicate has no subject. */
function reducedRelativeSubject(toks: Token[], b: number, allowParticiple: boolean): Victims | null {
  for (let j = b; j >= 0 && b - j < 24; j--) {
    const t = toks[j]!;
    // (headline tagging often reads "shot" as a noun: match the word whatever its tag)
    if (allowParticiple && /^(?:shot|wounded|injured|stabbed)$/.test(t.lower) || (allowParticiple && t.pos === "VERB" && /^(?:struck|hit)$/.test(t.lower))) {
      // "An Everett teen who was found shot ... has died": skip "who was found" to the subject.
      let k = j - 1;
      while (k >= 0 && (AUX_WORDS.has(toks[k]!.lower) || PASSIVE_AUX.has(toks[k]!.lower) || toks[k]!.lower === "found")) k--;
      return subjectBefore(toks, k);
    }
    // "A man wielding two handguns was shot": a participle phrase after the subject.
    if (t.pos === "VERB" && /ing$/.test(t.lower) && b - j <= 6) {
      const subj = subjectBefore(toks, j - 1);
      if (subj) return subj;
    }
    if (t.pos === "VERB" || t.lower === ";" || t.lower === "." || t.lower === ":") return null;
  }
  return null;
}

/**
 * "threatening to kill him", "came within inches of possibly killing", "attempted murder": the
 * verb at `i` describes something that did not (or not yet) happen.
 */
function preventedOrHypothetical(toks: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= 2; k--) {
    const w = toks[k]!.lower;
    if (/^(?:to|possibly|nearly|almost|attempted|attempting|tried|trying|try|threatened|threatening|intent|could|would|might|will|wanted|plotting|plotted|plan|planned|planning|avoid|without)$/.test(w)) return true;
    if (w === "not" || w === "never" || w === "n't") return true;
  }
  return false;
}

/**
 * "taken to the hospital with non-life-threatening injuries", "shot ... and is in stable
 * condition": weak evidence becomes a wounded victim when the clause says the victim survived.
 */
function survived(toks: Token[], from: number): boolean {
  for (let j = from; j < toks.length && j - from < 10; j++) {
    const w = toks[j]!.lower;
    if (w === "died" || w === "dead" || w === "killed" || w === "deceased") return false;
    if (w === "injuries" || w === "condition" || w === "survive" || w === "recover" || w === "recovering" || w === "released") return true;
  }
  return false;
}

/** "taken to a hospital, where he died": a hospital predicate that ends in death. */
function hospitalDeath(toks: Token[], pred: PredMatch): boolean {
  if ((pred.kind !== "wounded" && pred.kind !== "shot") || !/hospital/.test(toks[pred.next - 1]?.lower ?? "")) return false;
  for (let j = pred.next; j < toks.length && j - pred.next < 10; j++) {
    const w = toks[j]!.lower;
    if (w === "died" || (w === "dead" && toks[j - 1]?.lower === "pronounced") || w === "deceased") return true;
  }
  return false;
}

// Head nouns after a number that name things, not people: "two handguns", "three shots".
const NON_PERSON = /^(?:guns?|handguns?|rifles?|pistols?|shotguns?|weapons?|firearms?|shots?|rounds?|bullets?|casings?|cars?|vehicles?|trucks?|homes?|houses?|buildings?|stores?|apartments?|times?|counts?|charges?|calls?|cameras?|dogs?|cats?|animals?|horses?|cows?|rooms?|windows?|doors?|blocks?|miles?|feet|yards?|dollars?|hours?|minutes?|days?|weeks?|months?|years?|ounces?|pounds?|grams?|kilos?|businesses?|schools?|cities|towns?|states?|countries|incidents?|shootings?|attacks?|cases?)$/;

const EVENT = /\b(?:(?<!non-?)(?:fatal|deadly)\s+(?:[A-Z]\w+\s+){0,2}(?:shooting|stabbing|attack)|shooting\s+death|(?:homicide|murder)\s+victim|(?:a|the)\s+(?:\w+(?:'s|’s)\s+)?body|(?:double|triple|quadruple)\s+(?:homicide|murder|killing|fatal\s+shooting)|murder-suicide)\b/gi;

const PRONOUN_SUBJECTS = new Set(["he", "she"]);

// Degree adverbs after a negator keep the predicate: "was not seriously injured" is injured.
const DEGREE = /^(?:seriously|critically|badly|severely|gravely|life-threateningly|grievously|too|that|very)$/;

/**
 * The token that negates a subject starting at `s` -- "no officers", "neither man", "none of the
 * officers", "neither of the men" -- or -1.
 */
function negatedSubject(toks: Token[], s: number): number {
  if (toks[s]?.lower === "no" || toks[s]?.lower === "neither") return s;
  if (/^(?:no|neither)$/.test(toks[s - 1]?.lower ?? "")) return s - 1;
  if (toks[s - 1]?.lower === "of" && /^(?:none|neither)$/.test(toks[s - 2]?.lower ?? "")) return s - 2;
  return -1;
}

/**
 * For a verb phrase after "and"/"but" at `c` ("... and was taken to a hospital"), the last token of
 * the subject of the verb phrase before it: the nearest verb group to the left whose left
 * neighbour ends a person subject or is he/she. -1 if there is none in the clause.
 */
function sharedSubjectEnd(toks: Token[], c: number): number {
  for (let k = c - 1; k > 0 && c - k <= 30; k--) {
    const t = toks[k]!;
    if (/^[;:.!?]$/.test(t.lower) || t.lower === "and" || t.lower === "but" || t.lower === "who" || t.lower === "that" || t.lower === "which") return -1;
    if (t.pos !== "VERB" && t.pos !== "AUX") continue;
    // The left edge of the verb group: "was accidentally shot", "had been".
    let e = k;
    while (e > 0 && (toks[e - 1]!.pos === "AUX" || toks[e - 1]!.pos === "ADV" || toks[e - 1]!.pos === "PART" || AUX_WORDS.has(toks[e - 1]!.lower))) e--;
    const p = toks[e - 1];
    if (!p) return -1;
    if (PRONOUN_SUBJECTS.has(p.lower) && p.pos === "PRON") return e - 1;
    const subj = subjectBefore(toks, e - 1);
    if (subj && !subj.plural && subj.count > 0) return e - 1;
    return -1;
  }
  return -1;
}
// Names of institutions that act as subjects but are never victims.
const NON_VICTIM = /^(?:police|officials|authorities|department|sheriff's|investigators|detectives|prosecutors|officers said)$/i;

function joinText(text: string, toks: Token[], s: number, e: number): string {
  if (e <= s) return "";
  return text.slice(toks[s]!.start, toks[e - 1]!.end);
}

function cleanGroup(s: string): string | null {
  const g = s
    .replace(/^(?:of\s+)?(?:them|whom|those|these)\b\s*/i, "")
    .replace(/^of\s+(?:the|his|her|their)\s+/i, "")
    .replace(/^(?:the|his|her|their|its|other|others|more|additional)\s+/i, "")
    .trim();
  if (!g || /^(?:other|others|more|additional)$/i.test(g)) return null;
  return g;
}

// Authority: who a figure is attributed to in its sentence.
const AUTH_ACCORDING = /\baccording to\s+((?:the\s+)?[^,.;:"“”]{2,80}?)(?=\s*[,.;:"“”]|\s+(?:on|in|at)\s|$)/i;
const AUTH_SAID_AFTER = /(?:^|[,"”]\s*)((?:the\s+|a\s+)?[A-Za-z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,7}?)\s+(?:said|says|say|reported|reports|told|confirmed|announced|stated)\b/;
const AUTH_SAID_BEFORE = /\b(?:said|says)\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tonight|Yesterday|Last|This|On|In|At)\b)((?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,7}?)(?=\s*[,.;]|$)/;

const AUTH_WORD = /\b(?:according|said|says|say|reported|reports|told|confirmed|announced|stated)\b/i;

/** Who a figure in `sentence` is attributed to ("police", "the Syrian Observatory ..."), or null. */
export function findAuthority(sentence: string): string | null {
  // Every pattern needs one of these words; most sentences have none.
  if (!AUTH_WORD.test(sentence)) return null;
  const a = AUTH_ACCORDING.exec(sentence);
  if (a?.[1]) return a[1].trim();
  const b = AUTH_SAID_BEFORE.exec(sentence);
  if (b?.[1] && !/^(?:he|she|it|they|that|the)$/i.test(b[1])) return b[1].trim();
  const c = AUTH_SAID_AFTER.exec(sentence);
  // "No injuries were reported": a clause, not a source.
  if (c?.[1] && !/^(?:he|she|it|they|i|we|you|who|which|that)$/i.test(c[1]) && !/\b(?:no|not|was|were|is|are|been|be|has|have|had)\b/i.test(c[1])) {
    // Keep the tail after the last clause word: "the man died, police said" -> "police".
    const words = c[1].trim();
    if (words.split(/\s+/).length <= 6) return words;
  }
  return null;
}

function inSpans(pos: number, spans: ReadonlyArray<{ start: number; end: number }>): boolean {
  for (const s of spans) if (pos >= s.start && pos < s.end) return true;
  return false;
}

/** How `extractCasualties` reads a sentence: not at all, by regex only, or with its tokens too. */
export type SentenceUse = "none" | "regex" | "tokens";

/**
 * What `extractCasualties` needs of each sentence: candidates are read by regex (events, lexical
 * negations); those with a predicate, casualty noun or active-verb trigger are also tagged.
 */
export function casualtySentences(text: string, sentences: ReadonlyArray<Sentence>): SentenceUse[] {
  return sentences.map((s) => {
    const stext = text.slice(s.start, s.end);
    if (!CANDIDATE.test(stext)) return "none";
    return TOKEN_TRIGGER.test(stext) ? "tokens" : "regex";
  });
}

/**
 * Find casualty claims in the candidate sentences of an article. Three passes per sentence:
 * explicit figures linked to a casualty predicate or noun; implicit single victims (a person
 * noun, a name or he/she as subject of a casualty predicate, or as object of "killed"); and
 * negations ("no one was hurt") as 0. `quoteSpans` mark quoted text.
 */
export function extractCasualties(
  text: string,
  tokens: SentenceTokens,
  quoteSpans: ReadonlyArray<{ start: number; end: number }> = [],
  publishedAt: string | null = null,
  uses: ReadonlyArray<SentenceUse> = casualtySentences(text, tokens.sentences),
): DraftClaim[] {
  const out: DraftClaim[] = [];
  // The article's year is only needed when a sentence names a year: found on first use.
  let year: number | null | undefined;
  const refYear = () => (year === undefined ? (year = referenceYear(text, publishedAt)) : year);
  // The sentence being read. The helpers below are defined once per article and read these (a
  // closure per sentence costs more than the look-ups they make).
  let sent: Sentence = tokens.sentences[0]!;
  let sentenceIndex = 0;
  let stext = "";
  let toks: Token[] = [];
  let isContext = false;
  let authority: string | null | undefined;
  let claimsHere: DraftClaim[] = [];
  let usedPred = new Set<number>(); // token indices of predicates already used
  let usedTok = new Set<number>(); // number/subject tokens already used

  const emit = (
    kind: CasualtyKind,
    bounds: { min: number | null; max: number | null; qualifier: Qualifier },
    phraseStart: number,
    phraseEnd: number,
    group: string | null,
    basis: ClaimBasis,
  ) => {
    emitSpan(kind, bounds, toks[phraseStart]!.start, toks[phraseEnd - 1]!.end, group, basis);
    for (let k = phraseStart; k < phraseEnd; k++) usedTok.add(k);
  };
  const emitSpan = (
    kind: CasualtyKind,
    bounds: { min: number | null; max: number | null; qualifier: Qualifier },
    s: number,
    e: number,
    group: string | null,
    basis: ClaimBasis,
  ) => {
    authority ??= findAuthority(stext);
    claimsHere.push(draftClaim({ text, sentence: sent, sentenceIndex, authority, isContext, quoteSpans }, kind, bounds, s, e, group, basis));
  };

  const subjectSide = (i: number) => {
    let b = i - 1;
    let negated = false;
    let modal = false;
    let passive = false;
    // A reporting parenthetical between subject and predicate: "the person who had been shot,
    // police say, died".
    {
      let k = b;
      if (toks[k]?.lower === ",") k--;
      if (/^(?:say|says|said)$/.test(toks[k]?.lower ?? "") && /^(?:police|officials|authorities|investigators|officers|witnesses|he|she|they)$/.test(toks[k - 1]?.lower ?? "")) {
        b = k - 2;
        if (toks[b]?.lower === ",") b--;
      }
    }
    let notFatal = false;
    while (b >= 0 && i - b <= 9) {
      const w = toks[b]!.lower;
      // "was not seriously injured" is still injured; "not fatally shot" is wounded.
      if (NEGATORS.has(w)) {
        if (/^(?:fatally|mortally)$/.test(toks[b + 1]?.lower ?? "") && b + 1 === i) notFatal = true;
        else if (!DEGREE.test(toks[b + 1]?.lower ?? "")) negated = true;
      } else if (MODAL_WORDS.has(w)) modal = true;
      else if (PASSIVE_AUX.has(w)) passive = true;
      else if (!AUX_WORDS.has(w)) break;
      b--;
    }
    // "X suffered a cut ... and was taken to hospital", "He was shot and later died": a second
    // verb phrase shares the subject of the first.
    let shared = false;
    // Only for a death ("was shot ... and later died"): a hospital or injury clause after "and"
    // mostly re-describes a victim already counted, or a suspect ("fired at officers and was
    // taken to a hospital"); on the development set the wounded half did not hold up.
    if (b >= 0 && /^(?:and|but)$/.test(toks[b]!.lower) && firstMatch(toks, i, PREDICATES)?.label === "killed") {
      const k = sharedSubjectEnd(toks, b);
      if (k >= 0) {
        b = k;
        shared = true;
      }
    }
    // A shared subject may already carry the first verb phrase's claim.
    const pred = predicateFor(toks, i, passive);
    if (!pred || modal || b < 0) return;
    // "The suspect fled": displacement is only reported with a count.
    if (pred.kind === "displaced") return;
    // Without a passive auxiliary, "killed"/"shot" after a pronoun or inside body text is active
    // ("Teen He Fatally Shot"); only headlines drop the auxiliary of a passive.
    const lastWord = toks[pred.next - 1]!.lower;
    // Reduced relatives ("the man killed after a dispute") keep the passive reading in body text
    // too, except for a bare "shot" ("The man shot at officers").
    // ("The man shot at officers"); "a person shot in the 400 block" stays passive.
    const afterPred = toks[pred.next];
    const bareShotActive = pred.kind === "shot" && (!afterPred || afterPred.lower === "at" || afterPred.lower === "and" || afterPred.lower === "," || afterPred.pos !== "ADP");
    if (!passive && TRANSITIVE_LAST.has(lastWord) && (PRONOUN_SUBJECTS.has(toks[b]!.lower) || (!sent.isTitle && !isTitleCase(stext) && toks[b]!.lower !== "," && bareShotActive))) return;
    // Relative clause: "Juwan Small, who was pronounced dead" -- the subject is before the comma.
    if (toks[b]!.lower === "," && /^(?:who|that|which)$/.test(toks[b + 1]?.lower ?? "")) b--;
    const kind = notFatal ? "wounded" : hospitalDeath(toks, pred) ? "killed" : predicateKind(pred.kind);
    const basis: ClaimBasis = negated ? "negation" : pred.kind === "shot" && kind !== "killed" && !survived(toks, pred.next) ? "shot" : "implicit";
    const zero = { min: 0, max: 0, qualifier: "exact" as Qualifier };
    const before = claimsHere.length;
    const subjTok = toks[b]!;
    if (/^(?:one|nobody|none)$/.test(subjTok.lower) && (toks[b - 1]?.lower === "no" || subjTok.lower !== "one")) {
      // "No one was injured", "nobody was hurt", "none were killed".
      const s = subjTok.lower === "one" ? b - 1 : b;
      if (!usedTok.has(s)) emit(kind, zero, s, b + 1, null, "negation");
    } else if (subjTok.lower === "else" && /^(?:one|nobody|anyone)$/.test(toks[b - 1]?.lower ?? "")) {
      const s = toks[b - 2]?.lower === "no" ? b - 2 : b - 1;
      if (negated || toks[b - 2]?.lower === "no" || toks[b - 1]?.lower === "nobody") emit(kind, zero, s, b + 1, null, "negation");
    } else if (PRONOUN_SUBJECTS.has(subjTok.lower) && subjTok.pos === "PRON") {
      if (shared || !usedTok.has(b)) emit(kind, negated ? zero : { min: 1, max: 1, qualifier: "exact" }, b, b + 1, null, basis);
    } else if (shared || !usedTok.has(b)) {
      let subj = subjectBefore(toks, b);
      // Reduced relative: "Girl shot at party dies", "a man shot Monday has died".
      if (!subj) subj = reducedRelativeSubject(toks, b, pred.kind !== "shot");
      if (!subj) return;
      const headText = joinText(text, toks, subj.start, subj.end);
      const negator = negatedSubject(toks, subj.start);
      if (negator >= 0) {
        // "no officers were hurt", "neither man was injured", "none of the officers were hurt": 0.
        const groupStart = toks[subj.start]?.lower === "no" ? subj.start + 1 : subj.start;
        if (!usedTok.has(negator)) emit(kind, zero, negator, subj.end, cleanGroup(joinText(text, toks, groupStart, subj.end)), "negation");
      } else if (!subj.plural && subj.count > 0 && !NON_VICTIM.test(headText) && !/^(?:in|at|on|near|from|of|to|by|for|with|into|than)$/.test(toks[subj.start - 1]?.lower ?? "")) {
        // "X was killed along with Y": one more victim.
        const along = toks[pred.next]?.lower === "along" && toks[pred.next + 1]?.lower === "with" ? objectAfter(toks, pred.next + 2) : null;
        const n = subj.count + (along?.count ?? 0);
        emit(kind, negated ? zero : { min: n, max: n, qualifier: "exact" }, subj.start, subj.end, cleanGroup(headText.replace(/^(?:a|an|the|one|another)\s+/i, "")), subj.counted && basis === "implicit" ? "number" : basis);
        claimsHere[claimsHere.length - 1]!.victimNames = [...subj.names, ...(along?.names ?? [])];
      } else if (subj.plural && negated) {
        emit(kind, zero, subj.start, subj.end, cleanGroup(headText), "negation");
      }
    }
    if (claimsHere.length > before) for (let k = pred.start; k < pred.next; k++) usedPred.add(k);
  };

  const objectSide = (i: number, next: number, label: PredicateKind) => {
    if (preventedOrHypothetical(toks, i)) return;
    // "injured himself in the crash": self-inflicted non-gunshot injuries are not this event's.
    const obj = objectAfter(toks, next, label !== "wounded") ?? gapRelativeObject(toks, i);
    if (!obj || usedTok.has(obj.start)) return;
    // "go ahead and kill him" inside a quotation is talk, not a report of a victim.
    if (/^(?:him|her|them)$/.test(toks[obj.start]!.lower) && inSpans(toks[i]!.start, quoteSpans)) return;
    emit(predicateKind(label), { min: obj.count, max: obj.count, qualifier: "exact" }, obj.start, obj.end, cleanGroup(joinText(text, toks, obj.start, obj.end).replace(/^(?:a|an|the|one|another)\s+/i, "")), label === "shot" ? "shot" : obj.counted ? "number" : "implicit");
    claimsHere[claimsHere.length - 1]!.victimNames = obj.names;
    for (let k = i; k < next; k++) usedPred.add(k);
  };

  for (sentenceIndex = 0; sentenceIndex < tokens.sentences.length; sentenceIndex++) {
    const use = uses[sentenceIndex] ?? "none";
    if (use === "none") continue;
    sent = tokens.sentences[sentenceIndex]!;
    stext = text.slice(sent.start, sent.end);
    toks = use === "tokens" ? tokens.sentence(sentenceIndex) : [];
    isContext = CONTEXT.test(stext) || pastYear(stext, refYear);
    authority = undefined;
    claimsHere = [];
    usedPred = new Set<number>();
    usedTok = new Set<number>();

    // Pass 1: explicit figures.
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (!isNumberStart(t.lower) || usedTok.has(i)) continue;
      if ((t.lower === "a" || t.lower === "an") && !/^(?:dozen|hundred|thousand|few|couple|handful|pair)$/.test(toks[i + 1]?.lower ?? "")) continue;
      // "No one" / "one of" handled as negation / normal.
      if (t.lower === "one" && (toks[i - 1]?.lower === "no" || toks[i + 1]?.lower === "another")) continue;
      const q = readQuantity(toks, i);
      if (!q) continue;
      if (isNonCount(toks, q)) {
        i = q.next - 1;
        continue;
      }
      const np = scanNounPhrase(toks, q.next);
      const group = cleanGroup(joinText(text, toks, np.start, np.end));
      const headTok = toks[np.end - 1];
      // Right: "62 Syrian troops died", "100 were wounded", "two of them were killed".
      let j = np.end;
      // Skip a parenthetical apposition: "two men, ages 20 and 25, were shot", "three men, ages
      // 18, 20 and 22, were shot", "26 people, mostly children, died". Without an auxiliary only an
      // intransitive predicate follows ("two men, armed with rifles, killed ..." is active).
      if (toks[j]?.lower === ",") {
        for (let k = j + 1; k < toks.length && k - j <= 14; k++) {
          if (/^[.;:]$/.test(toks[k]!.lower)) break;
          if (toks[k]!.lower !== ",") continue;
          const a = scanAux(toks, k + 1);
          const p = predicateFor(toks, a.next, a.passive);
          if (p && (a.next > k + 1 || /^(?:died|dies|perished)$/.test(toks[a.next]!.lower))) {
            j = k + 1;
            break;
          }
        }
      }
      const aux = scanAux(toks, j);
      let pred = predicateFor(toks, aux.next, aux.passive);
      // "a man wielding two handguns was shot", "a mother of three is dead": a plural figure with a
      // singular verb, or a head noun that names things, is not the subject of the predicate.
      const collective = toks[q.first - 1]?.lower === "of" && /^(?:family|group|total|crowd|party|couple|team|band)$/.test(toks[q.first - 2]?.lower ?? "");
      if (pred && q.value > 1 && !collective && !q.qualifier.startsWith("at_") && toks.slice(j, aux.next).some((t) => /^(?:was|is|has|'s)$/.test(t.lower))) pred = null;
      if (pred && headTok && np.end > np.start && NON_PERSON.test(headTok.lower)) pred = null;
      // A bare "fled" is displacement for a population ("thousands fled", "200 families fled the
      // city"), not for a few people escaping ("two men fled the scene on foot").
      if (pred?.kind === "displaced" && toks[pred.next - 1]?.lower === "fled" && pred.next - pred.start === 1 && !fledAsDisplaced(toks, q, headTok, pred.next)) pred = null;
      let done = false;
      if (pred && !aux.modal) {
        const kind = hospitalDeath(toks, pred) ? "killed" : predicateKind(pred.kind);
        // "A mother and her two children were killed", "a woman and two men were shot": people
        // coordinated before the figure add to it.
        let p = q.first;
        while (p > 0 && /^(?:her|his|their|the|its)$/.test(toks[p - 1]!.lower)) p--;
        const left = !aux.negated && toks[p - 1]?.lower === "and" && !usedTok.has(p - 2) ? subjectBefore(toks, p - 2, true) : null;
        const extra = left && !left.plural && left.count > 0 && !NON_VICTIM.test(joinText(text, toks, left.start, left.end)) ? left : null;
        const bounds = aux.negated ? { min: 0, max: 0, qualifier: "exact" as Qualifier } : extra ? { min: q.min === null ? null : q.min + extra.count, max: q.max === null ? null : q.max + extra.count, qualifier: q.qualifier } : q;
        const basis: ClaimBasis = aux.negated ? "negation" : pred.kind === "shot" && kind !== "killed" && !survived(toks, pred.next) ? "shot" : "number";
        if (extra) emit(kind, bounds, extra.start, np.end > q.next ? np.end : q.next, cleanGroup(joinText(text, toks, extra.start, np.end > q.next ? np.end : q.next)), basis);
        else emit(kind, bounds, q.first, q.next, group, basis);
        for (let k = pred.start; k < pred.next; k++) usedPred.add(k);
        done = true;
      } else if (headTok && np.end > np.start && CASUALTY_NOUNS[headTok.lower] && !aux.modal) {
        // "62 deaths", "three fatalities", "100 wounded". "casualties" alone is ambiguous (killed
        // and wounded) and only counts as wounded next to a separate killed figure.
        const k = CASUALTY_NOUNS[headTok.lower]!;
        if (headTok.lower !== "casualties" || /\b(?:dead|killed|died|deaths)\b/i.test(stext)) {
          emit(predicateKind(k), q, q.first, q.next, cleanGroup(joinText(text, toks, np.start, np.end - 1)), "number");
          done = true;
        }
      }
      if (!done && toks[q.first - 1]?.lower === "," && /^(?:fatally|mortally)$/.test(toks[np.end]?.lower ?? "") && !/^(?:shot|wounded|injured|stabbed|hit|struck)$/.test(toks[np.end + 1]?.lower ?? "")) {
        // "Two people were shot, one fatally", "three were shot, two of them fatally".
        emit("killed", q, q.first, q.next, group, "number");
        done = true;
      }
      if (!done) {
        // Left: "killing his five young children", "left two dead", "the death toll rose to 12".
        let p = q.first;
        while (p > 0 && DETERMINERS_BEFORE_NUM.has(toks[p - 1]!.lower)) p--;
        if (toks[p - 1]?.lower === "of" && toks[p - 2]?.lower === "total" && toks[p - 3]?.lower === "a") p -= 3;
        const left = firstMatchBefore(toks, p, ACTIVE_VERBS);
        if (left && !usedPred.has(left.start)) {
          // "shot two people to death", "stabbed three men to death": the outcome follows the object.
          const toDeath = toks[np.end]?.lower === "to" && toks[np.end + 1]?.lower === "death";
          const label = toDeath ? "killed" : left.label;
          // "killing two children and their mother": coordinated objects add to the figure.
          const more = toks[np.end]?.lower === "and" ? objectAfter(toks, np.end + 1, false) : null;
          if (more && q.min !== null && q.max !== null && q.qualifier === "exact") emit(predicateKind(label), { min: q.min + more.count, max: q.max + more.count, qualifier: "exact" }, q.first, more.end, cleanGroup(joinText(text, toks, np.start, more.end)), label === "shot" ? "shot" : "number");
          else emit(predicateKind(label), q, q.first, q.next, group, label === "shot" ? "shot" : "number");
          for (let k = left.start; k < p; k++) usedPred.add(k);
          done = true;
        } else if (/^(?:left|leaving|leaves|leave)$/.test(toks[p - 1]?.lower ?? "")) {
          const after = predicateFor(toks, np.end, true);
          if (after) {
            emit(predicateKind(after.kind), q, q.first, q.next, group, "number");
            for (let k = after.start; k < after.next; k++) usedPred.add(k);
            done = true;
          }
        } else if (toks[p - 1]?.lower === ":" && LABELS[toks[p - 2]?.lower ?? ""] && (p < 3 || LABEL_BEFORE.test(toks[p - 3]!.lower))) {
          // A label: "Killed: 12. Wounded: 30.", "Dead: 4, injured: 11" (fact boxes, live blogs).
          emit(LABELS[toks[p - 2]!.lower]!, q, q.first, q.next, group, "number");
          done = true;
        } else {
          // Death toll: "the death toll rose to 12", "a toll of 12", "Death toll: 12".
          let b = p - 1;
          while (b >= 0 && p - b <= 5 && /^(?:has|had|have|rose|risen|climbed|increased|jumped|reached|hit|stood|stands|is|was|of|at|to|now|rises|climbs|reaches|officially|already|further|grew|mounted|jumps|:)$/.test(toks[b]!.lower)) b--;
          if (b < p - 1 && isTollHead(toks, b)) {
            emit("killed", q, q.first, q.next, group, "number");
            done = true;
          }
        }
      }
      i = Math.max(i, q.next - 1);
    }

    // Pass 2: implicit victims -- subjects of unused predicates ("a man was killed", "Jones, 25,
    // died", "he was pronounced dead") and objects of active verbs ("shot and killed a neighbor").
    for (let i = 0; i < toks.length; i++) {
      if (usedPred.has(i)) continue;
      // (Not a predicate pass 1 used a later word of: "were confirmed dead" was read there.)
      const pm = firstMatch(toks, i, PREDICATES);
      if (pm && !anyUsed(usedPred, i, pm.next)) subjectSide(i);
      if (usedPred.has(i)) continue;
      const act = firstMatch(toks, i, ACTIVE_VERBS);
      if (act) objectSide(i, act.next, act.label);
      else if (FOUND_WORDS.has(toks[i]!.lower)) {
        // "officers found a man with a gunshot wound": weak evidence of a wounded victim.
        const obj = objectAfter(toks, i + 1);
        if (obj && !usedTok.has(obj.start) && toks.slice(obj.end, obj.end + 7).some((t) => /^(?:wounds?|injuries|shot)$/.test(t.lower))) {
          emit("wounded", { min: obj.count, max: obj.count, qualifier: "exact" }, obj.start, obj.end, cleanGroup(joinText(text, toks, obj.start, obj.end).replace(/^(?:a|an|the|one|another)\s+/i, "")), "shot");
        }
      }
    }

    // Pass 3: events that imply deaths without a count: "a fatal shooting" (at least 1), "the
    // homicide victim", "a man's body was found", "a double homicide" (2), "murder-suicide" (2).
    for (let m = EVENT.exec(stext); m; m = EVENT.exec(stext)) {
      const w = m[0].toLowerCase();
      if (/body/.test(w) && !/\b(?:found|discovered|recovered|pulled|located)\b/i.test(stext)) continue;
      const s0 = sent.start + m.index;
      if (claimsHere.some((c) => c.start <= s0 && c.end > s0)) continue;
      const n = /double/.test(w) ? 2 : /triple/.test(w) ? 3 : /quadruple/.test(w) ? 4 : /suicide/.test(w) ? 2 : 1;
      const exact = /victim|body|double|triple|quadruple/.test(w);
      emitSpan("killed", { min: n, max: exact ? n : null, qualifier: exact ? "exact" : "at_least" }, s0, s0 + m[0].length, null, "event");
    }
    EVENT.lastIndex = 0;

    // Pass 4: lexical negations that need no subject.
    const neg = /\b(?:no|without)\s+(?:other\s+|further\s+|additional\s+|serious\s+|major\s+|reported\s+)?(injuries|deaths|fatalities|casualties|one\s+(?:else\s+)?(?:was|were)\s+(?:injured|hurt|wounded|killed))\b|\b(uninjured|unharmed|unhurt|unscathed)\b|\bescaped\s+(?:injury|unharmed|unhurt)\b/gi;
    for (let m = neg.exec(stext); m; m = neg.exec(stext)) {
      const s = sent.start + m.index;
      if (claimsHere.some((c) => c.start <= s && c.end > s)) continue;
      const w = (m[1] ?? m[2] ?? "injur").toLowerCase();
      const kind: CasualtyKind = /death|fatal|killed/.test(w) ? "killed" : "wounded";
      emitSpan(kind, { min: 0, max: 0, qualifier: "exact" }, s, s + m[0].length, null, "negation");
    }

    // "Jones was wounded and later died": the same victims wounded and killed are the killed; the
    // wounded claim stays as evidence of the shooting only.
    for (const w of claimsHere) {
      if (w.kind !== "wounded" || w.basis !== "implicit") continue;
      if (claimsHere.some((k) => k.kind === "killed" && k.basis !== "negation" && k.start === w.start && k.end === w.end)) w.basis = "shot";
    }
    claimsHere.sort((a, b) => a.start - b.start);
    out.push(...claimsHere);
  }
  return out;
}
