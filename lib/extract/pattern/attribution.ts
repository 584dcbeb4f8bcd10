import type { Token } from "../nlp";
import type { PatternPack } from "../lang/types";
import { firstMatch, matchAt } from "../match";
import { isNumberWord } from "./numbers";
import { isCapitalised, isWord } from "./tokens";

/** A noun phrase as token indices [s, e). */
export interface Span {
  s: number;
  e: number;
}

const PUNCT_STOP = /^[.,;:!?()[\]{}«»“”„‹›"'—–…/]$/;

/** Is token `i` a reporting verb of `pack` ("déclaré", "dijo", "sagte")? */
export function isSpeechVerb(toks: Token[], i: number, pack: PatternPack): boolean {
  const t = toks[i];
  return !!t && pack.speech.verbs.has(t.lower);
}

/**
 * The speaker noun phrase starting at token `k`, after a cue: "le ministère russe de la Défense",
 * "un porte-parole de la coalition", "Moscou", "il". Stops at punctuation, at words that start an
 * adjunct ("dans", "lors", "à", days) and at reporting verbs; null when nothing plausible is left.
 */
export function speakerAfter(toks: Token[], k: number, pack: PatternPack): Span | null {
  const sp = pack.speech;
  const t0 = toks[k];
  if (!t0) return null;
  if (sp.pronouns.has(t0.lower)) return { s: k, e: k + 1 };
  // "a annoncé vendredi le ministère": the day is no part of the speaker.
  while (k < toks.length - 1 && sp.timeWords?.has(toks[k]!.lower)) k++;
  let j = k;
  while (j < toks.length && sp.determiners.has(toks[j]!.lower) && j - k < 2) j++;
  const contentStart = j;
  while (j < toks.length && j - k < 12) {
    const t = toks[j]!;
    if (PUNCT_STOP.test(t.text) || t.pos === "NUM") break;
    // "selon les Nations unies plus de 300 000 ...": a figure starts after the speaker.
    if (j > contentStart && (isNumberWord(t.lower, pack) || firstMatch(toks, j, pack.qualifiers))) break;
    if (j > contentStart && (sp.speakerStops.has(t.lower) || sp.verbs.has(t.lower) || sp.complementizers.has(t.lower) || pack.aux.passive.has(t.lower) || pack.aux.active.has(t.lower))) break;
    // "de la Défense", "du ministère", "de l'armée": a link and its determiner join the phrase.
    if (pack.npLinks.has(t.lower)) {
      let n = j + 1;
      if (sp.determiners.has(toks[n]?.lower ?? "")) n++;
      if (!isWord(toks[n]) || PUNCT_STOP.test(toks[n]!.text) || sp.speakerStops.has(toks[n]!.lower)) break;
      j = n;
      continue;
    }
    if (!isWord(t)) break;
    j++;
  }
  if (j === contentStart) return null;
  if (!plausibleSpeaker(toks, contentStart, j, pack)) return null;
  return { s: k, e: j };
}

/**
 * The speaker noun phrase ending right before token `c` (an auxiliary or a cue): "la police",
 * "Le porte-parole du ministère", "Igor Kirillov" in "Le porte-parole du ministère, Igor Kirillov,".
 * `lo` is the first token it may use. Returns the phrase and, for an apposition, the role phrase.
 */
export function speakerBefore(toks: Token[], c: number, pack: PatternPack, lo = 0): { span: Span; role: Span | null } | null {
  const j = c - 1;
  // Adverbs between subject and verb ("a également déclaré") are skipped by the caller; here only the "," of an apposition.
  if (toks[j]?.text === ",") {
    // "X, porte-parole de Y, a déclaré" / "Le porte-parole, Igor Kirillov, a déclaré".
    let k = j - 1;
    while (k >= lo && j - k < 14 && toks[k]!.text !== ",") k--;
    if (k < lo || toks[k]!.text !== ",") return null;
    const inner = { s: k + 1, e: j };
    const outerEnd = k;
    const outer = npLeft(toks, outerEnd, pack, lo);
    if (!outer) return null;
    if (isName(toks, inner.s, inner.e, pack)) return { span: inner, role: outer };
    if (isName(toks, outer.s, outer.e, pack)) return { span: outer, role: inner };
    return { span: outer, role: inner };
  }
  const np = npLeft(toks, c, pack, lo);
  if (!np) return null;
  return { span: np, role: null };
}

/** A noun phrase ending before token `end`, read leftwards over words, links and determiners. */
function npLeft(toks: Token[], end: number, pack: PatternPack, lo: number): Span | null {
  const sp = pack.speech;
  let j = end - 1;
  if (j < lo) return null;
  const t = toks[j]!;
  if (sp.pronouns.has(t.lower)) return { s: j, e: j + 1 };
  while (j >= lo && end - j <= 10) {
    const w = toks[j]!;
    if (PUNCT_STOP.test(w.text) || !isWord(w)) break;
    if (sp.determiners.has(w.lower)) {
      // A determiner starts the phrase unless a link precedes it ("de la Défense").
      if (pack.npLinks.has(toks[j - 1]?.lower ?? "")) {
        j -= 2;
        continue;
      }
      j--;
      break;
    }
    if (pack.npLinks.has(w.lower)) {
      j--;
      continue;
    }
    if (sp.speakerStops.has(w.lower) || sp.verbs.has(w.lower) || pack.aux.active.has(w.lower) || pack.aux.passive.has(w.lower) || sp.complementizers.has(w.lower)) break;
    j--;
  }
  let s = j + 1;
  // Never start on a link ("de l'ONU a déclaré" has no subject here).
  while (s < end && pack.npLinks.has(toks[s]!.lower)) s++;
  if (s >= end) return null;
  let content = s;
  while (content < end && sp.determiners.has(toks[content]!.lower)) content++;
  if (content >= end || !plausibleSpeaker(toks, content, end, pack)) return null;
  return { s, e: end };
}

/** A person's name, after any determiner and titles: "Anne Lefort", "le colonel Samir Nasser". */
export function isName(toks: Token[], s: number, e: number, pack: PatternPack): boolean {
  let k = s;
  while (k < e && (pack.speech.determiners.has(toks[k]!.lower) || (pack.speech.roleNouns.has(toks[k]!.lower) && isCapitalised(toks[k + 1])))) k++;
  if (k >= e) return false;
  const sp = pack.speech;
  for (let m = k; m < e; m++) {
    const t = toks[m]!;
    if (pack.npLinks.has(t.lower)) continue;
    // German capitalises every noun: a known common noun is no part of a name.
    if (!isCapitalised(t) || sp.speakerNouns.has(t.lower) || sp.roleNouns.has(t.lower) || pack.personNouns.has(t.lower)) return false;
  }
  return isCapitalised(toks[k]);
}

/** Can the words toks[s, e) say something? A pronoun, a name, or a speaker/role noun as head. */
export function plausibleSpeaker(toks: Token[], s: number, e: number, pack: PatternPack): boolean {
  const sp = pack.speech;
  const head = toks[s];
  if (!head) return false;
  if (sp.pronouns.has(head.lower)) return e - s === 1;
  for (let k = s; k < e; k++) {
    const t = toks[k]!;
    if (pack.npLinks.has(t.lower)) break; // the head comes before its "de ..." complement
    if (sp.speakerNouns.has(t.lower) || sp.roleNouns.has(t.lower) || pack.personNouns.has(t.lower) || sp.speakerSuffix?.test(t.lower)) return true;
    if (isCapitalised(t) && !(k === s && s === 0 && sp.determiners.has(t.lower))) return true;
  }
  return false;
}

/** Strip leading determiners and surrounding punctuation: "le ministère russe" → "ministère russe". */
export function cleanSpeaker(text: string, toks: Token[], span: Span, pack: PatternPack): string {
  let s = span.s;
  while (s < span.e - 1 && pack.speech.determiners.has(toks[s]!.lower)) s++;
  return text.slice(toks[s]!.start, toks[span.e - 1]!.end).replace(/\s+/g, " ");
}

/** "porte-parole de la coalition" → "coalition": the organisation of a role phrase. */
export function affiliationOf(text: string, toks: Token[], span: Span, pack: PatternPack): string | null {
  let s = span.s;
  while (s < span.e && pack.speech.determiners.has(toks[s]!.lower)) s++;
  if (!pack.speech.roleNouns.has(toks[s]?.lower ?? "")) return null;
  for (let k = s + 1; k < span.e; k++) {
    if (!pack.npLinks.has(toks[k]!.lower)) continue;
    let o = k + 1;
    while (o < span.e && pack.speech.determiners.has(toks[o]!.lower)) o++;
    if (o >= span.e) return null;
    return text.slice(toks[o]!.start, toks[span.e - 1]!.end).replace(/\s+/g, " ");
  }
  return null;
}

/** The "selon"/"d'après" pattern ending at token `i` (exclusive) or starting at `i`. */
export function accordingAt(toks: Token[], i: number, pack: PatternPack): number {
  for (const p of pack.speech.according) {
    const n = matchAt(toks, i, p);
    if (n >= 0) return n;
  }
  return -1;
}

const CHANNEL_TABLES = new WeakMap<PatternPack, Array<[string[], true]>>();

/** The outlet named after a cue or a speaker: "à l'AFP", "cité par l'agence Tass", "au journal Le Monde". */
export function channelAt(text: string, toks: Token[], k: number, pack: PatternPack): string | null {
  const sp = pack.speech;
  let table = CHANNEL_TABLES.get(pack);
  if (!table) CHANNEL_TABLES.set(pack, (table = sp.channelCues.map((p) => [p, true])));
  const cue = firstMatch(toks, k, table);
  if (!cue) return null;
  let j = cue.next;
  while (sp.determiners.has(toks[j]?.lower ?? "")) j++;
  const s = j;
  let head = false;
  if (sp.outletHeads.has(toks[j]?.lower ?? "") && !isCapitalised(toks[j])) {
    head = true;
    j++;
  }
  const nameStart = j;
  while (j < toks.length && j - nameStart < 5 && isCapitalised(toks[j])) j++;
  if (j === nameStart && !head) return null;
  const name = toks.slice(nameStart, j);
  // An outlet: named after "agence"/"journal", a known outlet word, or an acronym ("AFP").
  const known = name.some((t) => sp.outletHeads.has(t.lower)) || (name.length === 1 && /^[A-Z]{2,6}$/.test(name[0]!.text) && !/^(?:ONU|EI|UE|OTAN|ONG|USA|RFA)$/.test(name[0]!.text));
  if (!head && !known) return null;
  if (j === nameStart) return null;
  return text.slice(toks[head ? nameStart : s]!.start, toks[j - 1]!.end);
}

const AS_WORDS = new Set(["wie", "comme", "como"]);

/** Who a figure in the sentence is attributed to: "selon X", "a indiqué X", "X a indiqué", "de source médicale". */
export function findAuthority(text: string, toks: Token[], pack: PatternPack): string | null {
  for (let i = 0; i < toks.length; i++) {
    const a = accordingAt(toks, i, pack);
    if (a >= 0) {
      const sp = speakerAfter(toks, a, pack);
      if (sp && !pack.speech.pronouns.has(toks[sp.s]!.lower)) return cleanAuthority(text, toks, sp);
    }
  }
  for (let c = 0; c < toks.length; c++) {
    if (!isSpeechVerb(toks, c, pack)) continue;
    // "..., a indiqué la police." / "..., indique l'ONG."
    let b = c - 1;
    while (b >= 0 && pack.speech.aux.has(toks[b]!.lower)) b--;
    const sp = speakerAfter(toks, c + 1, pack);
    if (toks[b]?.text === "," && sp && !pack.speech.pronouns.has(toks[sp.s]!.lower)) return cleanAuthority(text, toks, sp);
    // "La police a indiqué que ...": the subject at the start of the clause.
    const before = speakerBefore(toks, b + 1, pack);
    if (before && !pack.speech.pronouns.has(toks[before.span.s]!.lower)) {
      const p = toks[before.span.s - 1];
      // At the start of a clause, or after "as" ("wie die Polizei mitteilte", "comme l'a indiqué").
      if (!p || p.text === "," || p.text === "«" || p.text === ":" || AS_WORDS.has(p.lower)) return cleanAuthority(text, toks, before.span);
    }
  }
  return null;
}

function cleanAuthority(text: string, toks: Token[], sp: Span): string {
  return text.slice(toks[sp.s]!.start, toks[sp.e - 1]!.end).replace(/\s+/g, " ");
}
