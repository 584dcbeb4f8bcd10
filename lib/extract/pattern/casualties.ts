import { draftClaim, type ClaimBasis, type DraftClaim } from "../casualties";
import { referenceYear } from "../casualties";
import type { PatternPack, PredicateSpec } from "../lang/types";
import { firstMatch, firstMatchBefore } from "../match";
import type { Token } from "../nlp";
import type { Quantity } from "../numbers";
import type { QuoteSpan } from "../quotes";
import type { Sentence } from "../segment";
import type { CasualtyKind, Qualifier } from "../types";
import { findAuthority } from "./attribution";
import { isQuantityStart, postQualify, readQuantity } from "./numbers";
import { isCapitalised, isWord, tokenize } from "./tokens";

type Bounds = { min: number | null; max: number | null; qualifier: Qualifier };
const ZERO: Bounds = { min: 0, max: 0, qualifier: "exact" };

interface AuxScan {
  next: number;
  negated: boolean;
  modal: boolean;
  passive: boolean;
  active: boolean;
  singular: boolean;
}

/** Skip auxiliaries, negators and adverbs from `i` ("n'ont pas été", "auraient également été"). */
function scanAux(toks: Token[], i: number, pack: PatternPack): AuxScan {
  const a = pack.aux;
  const r: AuxScan = { next: i, negated: false, modal: false, passive: false, active: false, singular: false };
  let j = i;
  while (j < toks.length && j - i < 8) {
    const w = toks[j]!.lower;
    if (a.negators.has(w)) r.negated = true;
    else if (a.modal.has(w)) r.modal = true;
    else if (a.passive.has(w)) r.passive = true;
    else if (a.active.has(w)) r.active = true;
    else if (!a.skip.has(w)) break;
    if (a.singular.has(w)) r.singular = true;
    j++;
  }
  r.next = j;
  return r;
}

/** Same, read leftwards from `end` (exclusive): returns the first index of the auxiliary group. */
function scanAuxLeft(toks: Token[], end: number, pack: PatternPack): AuxScan & { start: number } {
  const a = pack.aux;
  const r = { next: end, start: end, negated: false, modal: false, passive: false, active: false, singular: false };
  let j = end - 1;
  while (j >= 0 && end - j <= 8) {
    const w = toks[j]!.lower;
    if (a.negators.has(w)) r.negated = true;
    else if (a.modal.has(w)) r.modal = true;
    else if (a.passive.has(w)) r.passive = true;
    else if (a.active.has(w)) r.active = true;
    else if (!a.skip.has(w) || w === "qui") break;
    j--;
  }
  r.start = j + 1;
  return r;
}

/**
 * The predicate that closes a verb bracket opened at `from` (German: "wurden am Samstag bei dem
 * Angriff getötet"), or null: the words between are adverbials, up to the pack's window, within
 * the clause (no punctuation, conjunction or other figure between). A negator or modal word among
 * them counts as the auxiliaries' ("wurden dabei nicht verletzt").
 */
function bracketPredicate(toks: Token[], from: number, aux: AuxScan, pack: PatternPack): { label: PredicateSpec; start: number; next: number } | null {
  const bracket = pack.aux.bracket;
  const opener = toks.slice(from, aux.next).some((t) => bracket?.finite.has(t.lower));
  if (!bracket || !opener) return null;
  for (let j = aux.next; j < toks.length && j - aux.next < bracket.window; j++) {
    const m = firstMatch(toks, j, pack.predicates);
    if (m) return { ...m, start: j };
    const t = toks[j]!;
    if (pack.aux.negators.has(t.lower)) aux.negated = true;
    else if (pack.aux.modal.has(t.lower)) aux.modal = true;
    else if (bracket.stops.has(t.lower)) return null;
    else if (t.pos === "NUM") {
      // A date ("am 17. September") is an adverbial; another figure is another clause's.
      if (toks[j + 1]?.text !== ".") return null;
      j++;
    } else if (!isWord(t)) return null;
  }
  return null;
}

/**
 * The noun phrase after a figure: words and "de"-links up to a verb, preposition, punctuation or
 * predicate ("soldats syriens", "membres des forces de sécurité").
 */
function scanNounPhrase(toks: Token[], i: number, pack: PatternPack): { start: number; end: number } {
  let j = i;
  while (j < toks.length && j - i < 8) {
    const t = toks[j]!;
    if (!isWord(t) || t.pos === "NUM") break;
    if (pack.npLinks.has(t.lower)) {
      // A link continues the phrase only before a word: "membres des forces", "employés d'une société".
      let n = j + 1;
      if (pack.speech.determiners.has(toks[n]?.lower ?? "")) n++;
      if (j === i || !isWord(toks[n]) || toks[n]!.pos === "NUM" || pack.npStop.has(toks[n]!.lower) || firstMatch(toks, n, pack.predicates)) break;
      j = n;
      continue;
    }
    if (pack.npStop.has(t.lower)) break;
    if (firstMatch(toks, j, pack.predicates)) break;
    if (pack.speech.verbs.has(t.lower)) break;
    j++;
  }
  return { start: i, end: j };
}

/** The number is a date, an age, a unit or an id, not a count of people. */
function isNonCount(toks: Token[], q: Quantity, pack: PatternPack): boolean {
  const first = toks[q.numFirst]!;
  const next = toks[q.next];
  const prev = toks[q.first - 1];
  if (next && pack.unitsAfter.has(next.lower)) return true;
  // "âgé de 25 ans" (caught by the unit too), "numéro 3", "route 7"
  if (prev && pack.nonCountBefore.has(prev.lower)) return true;
  if (prev && pack.of.has(prev.lower) && pack.nonCountBefore.has(toks[q.first - 2]?.lower ?? "")) return true;
  if (first.pos === "NUM") {
    if (/^(?:19|20)\d\d$/.test(first.text)) return true;
    // "17h30", "05:00", "1/3"
    if (next && (next.text === ":" || next.text === "/" || /^h\d*$/.test(next.lower)) && next.start === first.end) return true;
    if (prev && (prev.text === ":" || prev.text === "/" || prev.text === "n°" || prev.text === "#") && prev.end === first.start) return true;
    // "F-16", "A-10", "Su-24": an aircraft or weapon model glued to a hyphen.
    if (prev && (prev.text === "-" || prev.text === "‐") && prev.start === toks[q.first - 2]?.end && prev.end === first.start) return true;
    // "(25)" after a name: an age.
    if (prev?.text === "(" && next?.text === ")") return true;
  }
  return false;
}

/** Strip determiners and links from the front of a victim group: "des forces" → "forces". */
function cleanGroup(text: string, toks: Token[], s: number, e: number, pack: PatternPack): string | null {
  while (s < e && (pack.npLinks.has(toks[s]!.lower) || pack.speech.determiners.has(toks[s]!.lower) || pack.otherWords.has(toks[s]!.lower))) s++;
  if (e <= s) return null;
  const g = text.slice(toks[s]!.start, toks[e - 1]!.end).trim();
  return g || null;
}

/** Does the sentence place its event in a year at least two before the article's? */
function pastYear(sentence: string, pack: PatternPack, refYear: () => number | null): boolean {
  const re = pack.pastYear;
  re.lastIndex = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const y = refYear();
    if (y !== null && Number(m[1]) <= y - 2) return true;
  }
  return false;
}

/** The kind a negated casualty word names: "blessés" → wounded, "disparus" → missing, else killed. */
function kindOfWord(w: string, fallback: CasualtyKind, pack: PatternPack): CasualtyKind {
  const lower = w.toLowerCase();
  const noun = pack.casualtyNouns[lower];
  if (noun) return noun;
  const pred = pack.predicates.find(([p]) => p.length === 1 && p[0]!.split("|").includes(lower));
  return pred ? pred[1].kind : fallback;
}

/**
 * Casualty claims of one article in a pattern-engine language. Per candidate sentence:
 *
 * 1. Figures: a quantity (`numbers.ts`) followed by a casualty noun ("62 morts", "une centaine de
 *    blessés"), or by a noun phrase, auxiliaries and a predicate ("62 soldats ont été tués"; a
 *    transitive participle after an active auxiliary alone is active voice: "62 soldats ont tué"
 *    is no claim), or preceded by an active verb ("tuant 62 soldats") or a death toll ("le
 *    bilan s'élève à 62"). Zero ("aucun mort") and negated predicates are negations. "Un"/"une"
 *    count only with a person noun ("un soldat a été tué", not "une frappe a tué").
 * 2. Implicit single victims: "le chauffeur a été tué", "il a été blessé", a name.
 * 3. Negations without a subject: "pas de victimes", "indemnes".
 *
 * Context (totals, other incidents, older years) and authority ("selon X") are per sentence.
 */
export function extractPatternCasualties(
  text: string,
  sentences: ReadonlyArray<Sentence>,
  quotes: ReadonlyArray<QuoteSpan>,
  pack: PatternPack,
  publishedAt: string | null,
): DraftClaim[] {
  const out: DraftClaim[] = [];
  let year: number | null | undefined;
  const refYear = () => (year === undefined ? (year = referenceYear(text, publishedAt)) : year);

  sentences.forEach((sent, sentenceIndex) => {
    const stext = text.slice(sent.start, sent.end);
    if (!pack.candidate.test(stext)) return;
    const toks = tokenize(text, sent.start, sent.end, pack);
    const isContext = pack.context.test(stext) || pastYear(stext, pack, refYear);
    let authority: string | null | undefined;
    const claims: DraftClaim[] = [];
    const usedPred = new Set<number>();
    const usedTok = new Set<number>();

    const emitSpan = (kind: CasualtyKind, b: Bounds, s: number, e: number, group: string | null, basis: ClaimBasis, names?: string[]) => {
      authority ??= findAuthority(text, toks, pack);
      const c = draftClaim({ text, sentence: sent, sentenceIndex, authority, isContext, quoteSpans: quotes }, kind, b, s, e, group, basis);
      if (names) c.victimNames = names;
      claims.push(c);
    };
    const emit = (kind: CasualtyKind, b: Bounds, first: number, next: number, group: string | null, basis: ClaimBasis, names?: string[]) => {
      emitSpan(kind, b, toks[first]!.start, toks[next - 1]!.end, group, basis, names);
      for (let k = first; k < next; k++) usedTok.add(k);
    };
    const isAnd = (t: Token | undefined) => !!t && pack.range.betweenSeparators.has(t.lower);
    const markPredicate = (s: number, e: number) => {
      for (let k = s; k < e; k++) usedPred.add(k);
    };

    /** A predicate after the quantity's noun phrase (at `from`), or null. */
    const predicateAfter = (from: number, q: Quantity, headTok: Token | undefined, isArticle: boolean) => {
      let k = from;
      // "62 personnes, dont 20 enfants, ont été tuées": skip a parenthetical between commas.
      if (toks[k]?.text === ",") {
        for (let m = k + 1; m < toks.length && m - k <= 14; m++) {
          if (/^[.;:]$/.test(toks[m]!.text)) break;
          if (toks[m]!.text !== ",") continue;
          const a = scanAux(toks, m + 1, pack);
          if (a.next > m + 1 && firstMatch(toks, a.next, pack.predicates)) k = m + 1;
          break;
        }
      }
      const aux = scanAux(toks, k, pack);
      const direct = firstMatch(toks, aux.next, pack.predicates);
      const m = direct ? { ...direct, start: aux.next } : bracketPredicate(toks, k, aux, pack);
      if (!m || aux.modal) return null;
      const spec: PredicateSpec = m.label;
      // "62 soldats ont tué ...": active voice, the figure is the agent.
      if (spec.transitive && aux.active && !aux.passive) return null;
      // A plural figure with a singular verb is not the subject ("deux obus ... la colline a été touchée").
      if (q.value > 1 && aux.singular && !q.qualifier.startsWith("at_") && q.qualifier !== "vague") return null;
      if (headTok && pack.nonPersonNouns.has(headTok.lower)) return null;
      if (isArticle && !(headTok && pack.personNouns.has(headTok.lower))) return null;
      return { spec, start: m.start, next: m.next, negated: aux.negated };
    };

    // Pass 1: figures.
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (usedTok.has(i) || !isQuantityStart(t, pack)) continue;
      let q = readQuantity(toks, i, pack);
      if (!q) continue;
      if (isNonCount(toks, q, pack)) {
        i = q.next - 1;
        continue;
      }
      const isArticle = q.next - q.numFirst === 1 && pack.numbers.articles.has(toks[q.numFirst]!.lower) && q.first === q.numFirst;
      let phraseEnd = q.next;
      const pq = postQualify(toks, q.next, q, pack);
      if (pq) {
        q = pq.q;
        phraseEnd = pq.end;
      }
      let j = phraseEnd;
      if (pack.of.has(toks[j]?.lower ?? "") && isWord(toks[j + 1])) j++;
      const zero = q.value === 0 && q.qualifier === "exact";
      const nounKind = pack.casualtyNouns[toks[j]?.lower ?? ""];
      let done = false;
      if (nounKind && !(isArticle && j > q.next)) {
        // "62 morts", "une centaine de blessés", "aucune victime", "62 morts au moins".
        const after = postQualify(toks, j + 1, q, pack);
        const b = after ? after.q : q;
        emit(nounKind, zero ? ZERO : b, q.first, after ? after.end : phraseEnd, null, zero ? "negation" : isArticle ? "implicit" : "number");
        done = true;
      }
      const np = scanNounPhrase(toks, j, pack);
      const headTok = np.end > np.start ? toks[np.start] : undefined;
      if (!done) {
        const pred = predicateAfter(np.end, q, headTok, isArticle);
        if (pred) {
          const negated = pred.negated || zero;
          emit(pred.spec.kind, negated ? ZERO : q, q.first, phraseEnd, cleanGroup(text, toks, np.start, np.end, pack), negated ? "negation" : isArticle ? "implicit" : "number");
          markPredicate(pred.start, pred.next);
          done = true;
        }
      }
      if (!done) {
        // Left: "tuant au moins 62 soldats", "a blessé une centaine de personnes", "coûté la vie à 62 soldats".
        let p = q.first;
        while (p > 0 && pack.determinersBeforeNumber.has(toks[p - 1]!.lower)) p--;
        const act = firstMatchBefore(toks, p, pack.activeVerbs);
        if (act && !usedPred.has(act.start) && !(isArticle && !(headTok && pack.personNouns.has(headTok.lower))) && !(headTok && pack.nonPersonNouns.has(headTok.lower))) {
          emit(act.label, zero ? ZERO : q, q.first, phraseEnd, cleanGroup(text, toks, np.start, np.end, pack), zero ? "negation" : isArticle ? "implicit" : "number");
          markPredicate(act.start, p);
          done = true;
        } else if (!isArticle && toks[p - 1]?.text === ":" && pack.casualtyNouns[toks[p - 2]?.lower ?? ""] && (p < 3 || /^[,;(|\u2013\u2014-]$/.test(toks[p - 3]!.text))) {
          // A label: "Morts : 12. Blessés : 30.", "Tote: 4, Verletzte: 11" (fact boxes, live blogs).
          emit(pack.casualtyNouns[toks[p - 2]!.lower]!, zero ? ZERO : q, q.first, phraseEnd, null, zero ? "negation" : "number");
          done = true;
        } else if (!isArticle) {
          // Death toll: "le bilan s'élève à 62", "le nombre de morts a atteint 83".
          let b = p - 1;
          // (a change "est passé de 62 à 83" leaves "de 62 à" before the figure)
          while (b >= 0 && p - b <= 10 && (pack.toll.filler.has(toks[b]!.lower) || toks[b]!.pos === "NUM" || pack.range.from.has(toks[b]!.lower) || pack.range.fromSeparators.has(toks[b]!.lower))) b--;
          if (b < p - 1 && pack.toll.heads.some((h) => firstMatchBefore(toks, b + 1, [[h, true]]))) {
            emit("killed", q, q.first, phraseEnd, null, "number");
            done = true;
          }
        }
      }
      if (!done && (isAnd(toks[np.end]) || toks[np.end]?.text === ",")) {
        // "62 soldats et 10 civils ont été tués": coordinated figures share the predicate.
        const chain: Array<{ q: Quantity; np: { start: number; end: number }; end: number }> = [{ q, np, end: phraseEnd }];
        let k = np.end;
        while (chain.length < 4 && (isAnd(toks[k]) || toks[k]?.text === ",")) {
          const q2 = readQuantity(toks, k + 1, pack);
          if (!q2 || q2.first !== k + 1 || isNonCount(toks, q2, pack)) break;
          let j2 = q2.next;
          if (pack.of.has(toks[j2]?.lower ?? "") && isWord(toks[j2 + 1])) j2++;
          const np2 = scanNounPhrase(toks, j2, pack);
          chain.push({ q: q2, np: np2, end: q2.next });
          k = np2.end;
        }
        const last = chain[chain.length - 1]!;
        const pred2 = chain.length > 1 ? predicateAfter(last.np.end, { ...q, value: 2, qualifier: "at_least" }, toks[last.np.start], false) : null;
        if (pred2) {
          for (const c of chain) {
            const z = c.q.value === 0 && c.q.qualifier === "exact";
            const negated = pred2.negated || z;
            emit(pred2.spec.kind, negated ? ZERO : c.q, c.q.first, c.end, cleanGroup(text, toks, c.np.start, c.np.end, pack), negated ? "negation" : "number");
          }
          markPredicate(pred2.start, pred2.next);
          done = true;
        }
      }
      i = Math.max(i, q.next - 1);
    }

    // Pass 2: single victims named by a person noun, a pronoun or a name: "le chauffeur a été tué".
    for (let i = 0; i < toks.length; i++) {
      if (usedPred.has(i)) continue;
      const m = firstMatch(toks, i, pack.predicates);
      if (!m) continue;
      const aux = scanAuxLeft(toks, i, pack);
      if (aux.modal) continue;
      const spec = m.label;
      if (spec.transitive && aux.active && !aux.passive) continue;
      const b = aux.start - 1;
      const subj = toks[b];
      if (!subj || usedTok.has(b)) continue;
      if (spec.kind === "displaced") continue; // displacement is only reported with a count
      const one: Bounds = aux.negated ? ZERO : { min: 1, max: 1, qualifier: "exact" };
      const basis: ClaimBasis = aux.negated ? "negation" : "implicit";
      if (pack.personPronouns.has(subj.lower)) {
        emit(spec.kind, one, b, b + 1, null, basis);
        markPredicate(i, m.next);
        continue;
      }
      // The subject noun phrase: its first word is the head ("le chauffeur du bus", "le maire de la ville").
      let s = b + 1;
      while (s > 0 && b + 1 - s < 8) {
        const w = toks[s - 1]!;
        if (pack.speech.determiners.has(w.lower) && pack.npLinks.has(toks[s - 2]?.lower ?? "")) s -= 2;
        else if (isWord(w) && !pack.npStop.has(w.lower) && !pack.speech.determiners.has(w.lower)) s--;
        else break;
      }
      while (s <= b && pack.npLinks.has(toks[s]!.lower)) s++;
      if (s > b) continue;
      const det = toks[s - 1];
      const head = toks[s]!;
      if (pack.speech.determiners.has(head.lower)) continue;
      if (det && pack.singularDeterminers.has(det.lower) && pack.personNouns.has(head.lower)) {
        emit(spec.kind, one, s - 1, b + 1, cleanGroup(text, toks, s, b + 1, pack), basis);
        markPredicate(i, m.next);
      } else if (isCapitalised(head) && (s === 0 ? isCapitalised(toks[s + 1]) : det!.text === "," || isAnd(det)) && !pack.speech.speakerNouns.has(head.lower)) {
        // A name: "Karim Haddad a été blessé".
        let e = s;
        while (e <= b && isCapitalised(toks[e])) e++;
        if (e === b + 1) {
          emit(spec.kind, one, s, b + 1, null, basis, [toks[b]!.lower]);
          markPredicate(i, m.next);
        }
      } else if (aux.negated && det?.lower === "les") {
        // "les soldats n'ont pas été blessés": none of them.
        emit(spec.kind, ZERO, s - 1, b + 1, cleanGroup(text, toks, s, b + 1, pack), "negation");
        markPredicate(i, m.next);
      }
    }

    // Pass 2b: a single victim as the object of an active verb: "a tué le chauffeur".
    for (let i = 0; i < toks.length; i++) {
      if (usedPred.has(i)) continue;
      const act = firstMatch(toks, i, pack.activeVerbs);
      if (!act) continue;
      const det = toks[act.next];
      const head = toks[act.next + 1];
      if (det && head && pack.singularDeterminers.has(det.lower) && pack.personNouns.has(head.lower) && !usedTok.has(act.next)) {
        const np = scanNounPhrase(toks, act.next + 1, pack);
        const e = Math.max(np.end, act.next + 2);
        emit(act.label, { min: 1, max: 1, qualifier: "exact" }, act.next, act.next + 2, cleanGroup(text, toks, act.next + 1, e, pack), "implicit");
        markPredicate(i, act.next);
      }
    }

    // Pass 3: negations with no subject ("pas de victimes", "sains et saufs").
    for (const [re, fallback] of pack.negations) {
      re.lastIndex = 0;
      for (let m = re.exec(stext); m; m = re.exec(stext)) {
        const s = sent.start + m.index;
        if (claims.some((c) => c.start <= s && c.end > s)) continue;
        emitSpan(m[1] ? kindOfWord(m[1], fallback, pack) : fallback, ZERO, s, s + m[0].length, null, "negation");
      }
    }

    claims.sort((a, b) => a.start - b.start);
    out.push(...claims);
  });
  return out;
}
