import type { Token } from "../nlp";
import type { PatternPack, QualKind, VagueAmount } from "../lang/types";
import type { Quantity } from "../numbers";
import { firstMatch, firstMatchBefore } from "../match";

/**
 * The value of a digit token: "62", "300 000", "1.200" (thousands), "2,5" (decimal with a
 * decimal comma). Null for anything else.
 */
export function digitValue(s: string, decimalComma: boolean): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?$/.test(s)) {
    const [int, dec] = s.split(",");
    return Number(int!.replace(/[ \u00a0\u202f.]/g, "") + (dec ? "." + dec : ""));
  }
  if (decimalComma && /^\d+,\d+$/.test(s)) return Number(s.replace(",", "."));
  if (!decimalComma && /^\d+\.\d+$/.test(s)) return Number(s);
  return null;
}

/**
 * Adds up number morphemes the way cardinal numbers are written in European languages: a value
 * below 100 adds to the current group when it can follow what is there ("vingt" + "deux",
 * "soixante" + "dix", "dix" + "sept", "cent" + "vingt"); "cent" multiplies the group; "mille",
 * "million" close the group into the total. Returns false (and changes nothing) when the morpheme
 * cannot continue the number ("deux trois", "vingt trente").
 */
class Accumulator {
  total = 0;
  current = 0;
  any = false;
  /** Only a scale may follow a decimal ("2,5 millions"). */
  decimal = false;
  /** The last scale of 1000 or more applied: later ones must be smaller. */
  bigScale = Infinity;

  add(v: number): boolean {
    if (this.decimal) return false;
    if (this.any) {
      const lastTwo = this.current % 100;
      const ok =
        (this.current === 0 && (this.total > 0 ? v < 1000 : true)) ||
        (lastTwo === 0 && this.current > 0 && v < 100) ||
        (lastTwo >= 20 && lastTwo % 10 === 0 && v < 10) ||
        ((lastTwo === 60 || lastTwo === 80) && v >= 10 && v < 20) ||
        (lastTwo === 10 && v >= 7 && v <= 9);
      if (!ok) return false;
    }
    this.current += v;
    this.any = true;
    return true;
  }

  scale(s: number): boolean {
    if (this.decimal && s === 100) return false;
    if (s === 100) {
      // "deux cents", "mille cent"; not "vingt cents".
      if (this.current >= 10) return false;
      this.current = (this.current || 1) * 100;
    } else {
      // "mille mille", "deux mille trois millions" are not numbers: each larger scale comes first.
      if ((this.any && this.current === 0) || s >= this.bigScale) return false;
      this.total += (this.current || 1) * s;
      this.current = 0;
      this.bigScale = s;
      this.decimal = false;
    }
    this.any = true;
    return true;
  }

  get value(): number {
    return this.total + this.current;
  }
}

/** Is the lower-cased token a number word of `pack` (or made only of number morphemes)? */
export function isNumberWord(lower: string, pack: PatternPack): boolean {
  const n = pack.numbers;
  if (lower in n.values || lower in n.scales) return true;
  const parts = n.morphemes(lower);
  return !!parts && parts.length > 0;
}

/**
 * Read a cardinal number at token `i`: digits ("62", "300 000", "2,5 millions") or words
 * ("soixante-deux", "quatre-vingt-dix", "vingt et un", "mille deux cents", "deux millions").
 * Returns its value and the index after it, or null.
 */
export function readCardinal(toks: Token[], i: number, pack: PatternPack): { value: number; next: number } | null {
  const n = pack.numbers;
  const acc = new Accumulator();
  let j = i;
  const first = toks[i];
  if (!first) return null;
  if (first.pos === "NUM") {
    const v = digitValue(first.text, pack.decimalComma);
    if (v === null) return null;
    acc.current = v;
    acc.any = true;
    acc.decimal = !Number.isInteger(v);
    j = i + 1;
    // Digits take only a scale after them: "2,5 millions", "300 mille".
    const s = toks[j] ? n.scales[toks[j]!.lower] : undefined;
    if (s !== undefined && s >= 1000) {
      acc.total = Math.round(v * s);
      acc.current = 0;
      acc.decimal = false;
      j++;
    }
    if (acc.decimal) return null;
    return { value: acc.value, next: j };
  }
  let end = i;
  for (; j < toks.length; j++) {
    const t = toks[j]!;
    const w = t.lower;
    if (acc.any && n.connectors.has(w)) continue; // "vingt et un", "treinta y dos": kept only if a number word follows
    const parts = w in n.values || w in n.scales ? [w] : n.morphemes(w);
    if (!parts || !parts.length) break;
    // All of the token's morphemes continue the number, or none is taken.
    const saved = { total: acc.total, current: acc.current, any: acc.any, decimal: acc.decimal, bigScale: acc.bigScale };
    let ok = true;
    for (const p of parts) {
      const sc = n.scales[p];
      if (sc !== undefined) ok = acc.scale(sc);
      else {
        const v = n.values[p];
        ok = v !== undefined && acc.add(v);
      }
      if (!ok) break;
    }
    if (!ok) {
      Object.assign(acc, saved);
      break;
    }
    end = j + 1;
  }
  if (!acc.any || end === i) return null;
  return { value: acc.value, next: end };
}

/** The bounds a qualifier gives number `n`. */
export function bound(n: number, qual: QualKind | null): { min: number | null; max: number | null; qualifier: Quantity["qualifier"] } {
  switch (qual) {
    case "at_least":
      return { min: n, max: null, qualifier: "at_least" };
    case "more_than":
      return { min: n + 1, max: null, qualifier: "at_least" };
    case "at_most":
      return { min: null, max: n, qualifier: "at_most" };
    case "less_than":
      return { min: null, max: Math.max(0, n - 1), qualifier: "at_most" };
    case "about":
      return { min: n, max: n, qualifier: "about" };
    default:
      return { min: n, max: n, qualifier: "exact" };
  }
}

/** Can a number or vague amount start at this token? (a cheap filter before `readQuantity`) */
export function isQuantityStart(t: Token, pack: PatternPack): boolean {
  if (t.pos === "NUM") return true;
  return isNumberWord(t.lower, pack) || pack.numbers.zero.has(t.lower) || vagueStarts(pack).has(t.lower);
}

const VAGUE_STARTS = new WeakMap<PatternPack, Set<string>>();
function vagueStarts(pack: PatternPack): Set<string> {
  let s = VAGUE_STARTS.get(pack);
  if (!s) {
    s = new Set(pack.vague.flatMap(([p]) => (p[0] ?? "").split("|")));
    VAGUE_STARTS.set(pack, s);
  }
  return s;
}

/**
 * A quantity starting at token `i`: a vague amount ("des dizaines", "une centaine"), zero
 * ("aucun"), or a cardinal with the qualifier before it ("au moins", "plus de", "près de") and a
 * range after it ("83 à 90", "entre 83 et 90", "de 83 à 90", "deux ou trois"). "Le bilan est
 * passé de 62 à 83" is a change: the quantity is the second number. `value` is the number as
 * written (before the qualifier).
 */
export function readQuantity(toks: Token[], i: number, pack: PatternPack): Quantity | null {
  const t = toks[i];
  if (!t) return null;
  let first = i;
  let qual: QualKind | null = null;
  const q = firstMatchBefore(toks, i, pack.qualifiers);
  if (q) {
    first = q.start;
    qual = q.label;
  }
  if (pack.numbers.zero.has(t.lower)) return { first: i, next: i + 1, numFirst: i, value: 0, min: 0, max: 0, qualifier: "exact" };

  const vague = firstMatch(toks, i, pack.vague);
  if (vague) {
    const v: VagueAmount = vague.label;
    const n = v.min ?? v.max ?? 0;
    // "au moins une centaine", "plus d'une centaine": the qualifier bounds the approximate number.
    if (qual && v.qualifier === "about") return { first, next: vague.next, numFirst: i, value: n, ...bound(n, qual) };
    return { first, next: vague.next, numFirst: i, value: n, min: v.min, max: v.max, qualifier: v.qualifier };
  }

  // "83-90" as one token is two numbers and a punctuation token here.
  const card = readCardinal(toks, i, pack);
  if (!card) return null;
  const n = card.value;
  const prev = toks[i - 1]?.lower ?? "";
  const r = pack.range;
  const isBetween = r.between.has(prev);
  const isFrom = r.from.has(prev);
  const sep = toks[card.next]?.lower ?? "";
  if (r.separators.has(sep) || (isBetween && r.betweenSeparators.has(sep)) || (isFrom && r.fromSeparators.has(sep))) {
    const second = readCardinal(toks, card.next + 1, pack);
    if (second && second.value > n && second.value <= n * 20 + 10) {
      // "est passé de 62 à 83": a change; the later figure is the one that stands.
      if (isFrom && pack.changeWords.has(toks[i - 2]?.lower ?? "")) {
        return { first: card.next + 1, next: second.next, numFirst: card.next + 1, value: second.value, min: second.value, max: second.value, qualifier: "exact" };
      }
      const start = qual ? first : isBetween || isFrom ? i - 1 : i;
      return { first: start, next: second.next, numFirst: i, value: n, min: n, max: second.value, qualifier: "range" };
    }
    // "entre 90 et 62": the same bounds written high first (only after "between": "de 90 à 62"
    // is a change, "90 à 62" a score).
    if (second && isBetween && r.betweenSeparators.has(sep) && second.value < n && n <= second.value * 20 + 10) {
      return { first: qual ? first : i - 1, next: second.next, numFirst: i, value: second.value, min: second.value, max: n, qualifier: "range" };
    }
  }
  return { first, next: card.next, numFirst: i, value: n, ...bound(n, qual) };
}

/** A qualifier written after the figure or its noun ("62 morts au moins"), applied to `q`. */
export function postQualify(toks: Token[], at: number, q: Quantity, pack: PatternPack): { q: Quantity; end: number } | null {
  if (q.qualifier !== "exact") return null;
  const m = firstMatch(toks, at, pack.postQualifiers);
  if (!m) return null;
  return { q: { ...q, ...bound(q.value, m.label) }, end: m.next };
}
