import type { Token } from "./nlp";
import type { Qualifier } from "./types";

/** A number phrase found in a token list, with the bounds it implies. */
export interface Quantity {
  /** First token of the phrase, qualifier included ("At least sixty-two" starts at "At"). */
  first: number;
  /** Token index one past the phrase. */
  next: number;
  /** First token of the number itself (after the qualifier). */
  numFirst: number;
  /** The number as written, before the qualifier is applied (62 for "at least sixty-two"). */
  value: number;
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };

/**
 * Vague amounts, kept as lower bounds the word guarantees: "dozens" is at least two dozen,
 * "scores" at least two score, "several" at least three. Upper bounds only where usage is
 * clear (a handful, a few, a couple). Followed by an optional "of".
 */
const VAGUE: Record<string, { min: number; max: number | null }> = {
  dozens: { min: 24, max: null },
  scores: { min: 40, max: null },
  hundreds: { min: 200, max: null },
  thousands: { min: 2000, max: null },
  millions: { min: 2e6, max: null },
  several: { min: 3, max: null },
  numerous: { min: 3, max: null },
};

/** Multi-word qualifiers before a number, longest first, with how they bound it. */
type QualKind = "at_least" | "more_than" | "at_most" | "less_than" | "about";
const QUALIFIERS: Array<[string[], QualKind]> = [
  [["no", "fewer", "than"], "at_least"],
  [["no", "less", "than"], "at_least"],
  [["not", "less", "than"], "at_least"],
  [["a", "minimum", "of"], "at_least"],
  [["in", "excess", "of"], "more_than"],
  [["no", "more", "than"], "at_most"],
  [["a", "maximum", "of"], "at_most"],
  [["as", "many", "as"], "at_most"],
  [["as", "much", "as"], "at_most"],
  [["at", "least"], "at_least"],
  [["more", "than"], "more_than"],
  [["greater", "than"], "more_than"],
  [["upwards", "of"], "more_than"],
  [["up", "to"], "at_most"],
  [["at", "most"], "at_most"],
  [["close", "to"], "at_most"],
  [["just", "under"], "at_most"],
  [["fewer", "than"], "less_than"],
  [["less", "than"], "less_than"],
  [["an", "estimated"], "about"],
  [["over"], "more_than"],
  [["nearly"], "at_most"],
  [["almost"], "at_most"],
  [["under"], "less_than"],
  [["about"], "about"],
  [["around"], "about"],
  [["roughly"], "about"],
  [["approximately"], "about"],
  [["approx"], "about"],
  [["some"], "about"],
  [["estimated"], "about"],
  [["circa"], "about"],
];

/** Is `t` glued to the previous token (no space), as in "sixty-two" tokenised sixty / - / two? */
function glued(toks: Token[], i: number): boolean {
  const a = toks[i - 1];
  const b = toks[i];
  return !!a && !!b && a.end === b.start;
}

const DIGITS = /^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$/;

/** Parse a single word number (no scale): "62", "1,200", "sixty", "sixty-two" as one token. */
function wordValue(w: string): number | null {
  if (DIGITS.test(w)) return Number(w.replace(/,/g, ""));
  if (w in UNITS) return UNITS[w] as number;
  if (w in TENS) return TENS[w] as number;
  const m = /^([a-z]+)-([a-z]+)$/.exec(w);
  if (m && m[1]! in TENS && m[2]! in UNITS && (UNITS[m[2]!] as number) < 10) return (TENS[m[1]!] as number) + (UNITS[m[2]!] as number);
  return null;
}

/**
 * Read a cardinal number starting at token `i`: digits ("1,200", "2.5 million"), words
 * ("sixty-two", "two hundred and fifty", "a dozen", "two dozen"). Returns its value and the
 * index after it, or null. Ordinals, fractions and "a" alone are not numbers here.
 */
export function readCardinal(toks: Token[], i: number): { value: number; next: number } | null {
  const t = toks[i];
  if (!t) return null;
  let j = i;
  let total = 0;
  let current = 0;
  let any = false;
  // "a hundred", "a dozen", "a thousand"
  if ((t.lower === "a" || t.lower === "an") && toks[i + 1]) {
    const n = toks[i + 1]!.lower;
    if (n === "dozen") return { value: 12, next: i + 2 };
    if (n in SCALES && n !== "billion") {
      current = 1;
      j = i + 1;
      any = true;
    } else return null;
  }
  for (; j < toks.length; j++) {
    const w = toks[j]!.lower;
    if (w === "-" && any && glued(toks, j) && glued(toks, j + 1)) continue; // sixty-two, two-hundred
    if (w === "and" && any && current > 0 && current % 100 === 0 && toks[j + 1] && wordValue(toks[j + 1]!.lower) !== null && !DIGITS.test(toks[j + 1]!.lower)) continue; // two hundred and fifty
    if (w in SCALES) {
      if (!any) return null;
      const s = SCALES[w] as number;
      if (s === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * s;
        current = 0;
      }
      continue;
    }
    if (w === "dozen" && any) {
      current = (current || 1) * 12;
      continue;
    }
    const v = wordValue(w);
    if (v === null) break;
    const isDigits = DIGITS.test(w);
    if (any) {
      // Word numbers combine ("twenty five", "two hundred twenty", "two thousand five"); a digit
      // token, or words that cannot follow ("five six", "twenty thirty"), start a new number.
      if (isDigits || DIGITS.test(toks[j - 1]?.lower ?? "")) break;
      const lastTwo = current % 100;
      const afterTens = lastTwo >= 20 && lastTwo % 10 === 0 && v < 10;
      const afterHundred = current > 0 && lastTwo === 0 && v < 100;
      const afterThousand = current === 0 && total > 0 && v < 1000;
      if (!(afterTens || afterHundred || afterThousand)) break;
    }
    current += v;
    any = true;
  }
  if (!any) return null;
  return { value: total + current, next: j };
}

function matchWords(toks: Token[], i: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) if (toks[i + k]?.lower !== words[k]) return false;
  return true;
}

/**
 * Parse a quantity whose number starts at token `i`: the number plus any qualifier just before
 * it ("at least", "more than", "up to", "about" ...) and a range after it ("83 to 90", "two or
 * three", "between 20 and 30", "20-30"). Vague words ("dozens", "several") are quantities too.
 */
export function readQuantity(toks: Token[], i: number): Quantity | null {
  const t = toks[i];
  if (!t) return null;
  let first = i;
  let qual: QualKind | null = null;
  // Qualifier before the number.
  for (const [words, kind] of QUALIFIERS) {
    const s = i - words.length;
    if (s >= 0 && matchWords(toks, s, words)) {
      first = s;
      qual = kind;
      break;
    }
  }
  // "between 20 and 30" / "from 20 to 30"
  const betweenRange = toks[i - 1]?.lower === "between" || toks[i - 1]?.lower === "from";

  const vague = VAGUE[t.lower];
  if (vague) {
    let next = i + 1;
    if (toks[next]?.lower === "of") next++;
    // "tens of thousands", "hundreds of thousands"
    return { first, next, numFirst: i, value: vague.min, min: vague.min, max: vague.max, qualifier: "vague" };
  }
  if (t.lower === "tens" && toks[i + 1]?.lower === "of" && toks[i + 2]?.lower === "thousands") {
    let next = i + 3;
    if (toks[next]?.lower === "of") next++;
    return { first, next, numFirst: i, value: 20000, min: 20000, max: null, qualifier: "vague" };
  }
  if ((t.lower === "a" || t.lower === "an") && ["few", "couple", "handful", "pair"].includes(toks[i + 1]?.lower ?? "")) {
    const w = toks[i + 1]!.lower;
    let next = i + 2;
    if (toks[next]?.lower === "of") next++;
    if (w === "couple" || w === "pair") return { first, next, numFirst: i, value: 2, min: 2, max: 2, qualifier: w === "pair" ? "exact" : "about" };
    if (w === "few") return { first, next, numFirst: i, value: 2, min: 2, max: null, qualifier: "vague" };
    return { first, next, numFirst: i, value: 3, min: 3, max: 6, qualifier: "vague" };
  }
  if (t.lower === "both") return { first: i, next: i + 1, numFirst: i, value: 2, min: 2, max: 2, qualifier: "exact" };

  // "20-30" as one token.
  const dash = /^(\d+)[-–](\d+)$/.exec(t.lower);
  if (dash) {
    const a = Number(dash[1]);
    const b = Number(dash[2]);
    if (a < b) return { first, next: i + 1, numFirst: i, value: a, min: a, max: b, qualifier: "range" };
    return null;
  }

  const card = readCardinal(toks, i);
  if (!card) return null;
  const next = card.next;
  const n = card.value;
  // Range after the number.
  const sep = toks[next]?.lower;
  if (sep === "to" || sep === "or" || sep === "-" || sep === "–" || (sep === "and" && betweenRange)) {
    const second = readCardinal(toks, next + 1);
    if (second && second.value > n && second.value <= n * 20 + 10) {
      const startRange = betweenRange ? i - 1 : first;
      return { first: qual ? first : startRange, next: second.next, numFirst: i, value: n, min: n, max: second.value, qualifier: "range" };
    }
    // "between 90 and 62": the same bounds written high first. Only after "between": "from 90 to
    // 62" is a revision and "90 to 62" a score.
    if (second && sep === "and" && toks[i - 1]?.lower === "between" && second.value < n && n <= second.value * 20 + 10) {
      return { first: qual ? first : i - 1, next: second.next, numFirst: i, value: second.value, min: second.value, max: n, qualifier: "range" };
    }
  }
  if (betweenRange && !qual) first = i; // "between" with no second number: not a range
  switch (qual) {
    case "at_least":
      return { first, next, numFirst: i, value: n, min: n, max: null, qualifier: "at_least" };
    case "more_than":
      return { first, next, numFirst: i, value: n, min: n + 1, max: null, qualifier: "at_least" };
    case "at_most":
      return { first, next, numFirst: i, value: n, min: null, max: n, qualifier: "at_most" };
    case "less_than":
      return { first, next, numFirst: i, value: n, min: null, max: Math.max(0, n - 1), qualifier: "at_most" };
    case "about":
      return { first, next, numFirst: i, value: n, min: n, max: n, qualifier: "about" };
    default:
      return { first, next, numFirst: i, value: n, min: n, max: n, qualifier: "exact" };
  }
}

/** Parse a number written in words or digits ("sixty-two", "1,200", "two hundred"); null if not one. */
export function parseNumberWords(s: string): number | null {
  const toks: Token[] = [];
  const re = /[A-Za-z]+|\d[\d,.]*|-/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) toks.push({ text: m[0], lower: m[0].toLowerCase(), pos: "X", start: m.index, end: m.index + m[0].length });
  const r = readCardinal(toks, 0);
  return r && r.next === toks.length ? r.value : null;
}
