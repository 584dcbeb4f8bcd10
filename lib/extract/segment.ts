/** A sentence of the input text: [start, end) offsets, trimmed of surrounding whitespace. */
export interface Sentence {
  start: number;
  end: number;
  /** Index of the paragraph (blocks separated by a blank line) the sentence starts in. */
  para: number;
  /** True for the title when the text starts with it (GVDB glues the title to the body). */
  isTitle: boolean;
}

// Words that end with a period without ending the sentence. Titles and name parts first, then
// street/company/month/state abbreviations frequent in US news. Checked case-insensitively on the
// word right before the period.
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms messrs dr prof rev sen sens rep reps gov gen lt col sgt capt cmdr adm maj cpl pvt det insp supt " +
    "st ste ave blvd rd mt ft hwy jr sr inc corp co ltd bros no nos vs v etc approx est dept univ " +
    "jan feb mar apr jun jul aug sep sept oct nov dec " +
    "ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev " +
    "okla ore pa tenn tex va vt wash wis wyo"
  ).split(" "),
);

// After these, a capitalised word is usually still the same sentence ("8:20 a.m. Tuesday").
const TIME_FOLLOWERS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|ET|EST|EDT|PT|PST|PDT|CT|CST|CDT|MT|local)\b/;

const CLOSERS = "\"'”’»)]*";
const OPENERS = "\"'“‘«([*";

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x200a || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
}

function isUpper(c: string): boolean {
  return c >= "A" && c <= "Z";
}

function isLetterOrDot(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
}

/** Any-script capital ("É", "À", "Ö"), for languages other than English. */
function isUpperUnicode(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Any-script letter or a period. */
function isLetterOrDotUnicode(c: number): boolean {
  return isLetterOrDot(c) || (c > 127 && /\p{L}/u.test(String.fromCharCode(c)));
}

/** Does the period at `dot` end the word before it as a known abbreviation or an initial? */
function isAbbreviation(text: string, dot: number, opts?: SegmentOptions): boolean {
  const letter = opts?.unicode ? isLetterOrDotUnicode : isLetterOrDot;
  const upper = opts?.unicode ? isUpperUnicode : isUpper;
  // Back over the letters and periods before the dot ("U.S", "a.m", "Sen").
  let i = dot - 1;
  while (i >= 0 && letter(text.charCodeAt(i))) i--;
  const word = text.slice(i + 1, dot);
  if (!word) return false;
  // Single capital initial: "C. J. Chivers", "George W. Bush".
  if (word.length === 1 && upper(word)) return true;
  // Dotted forms: "U.S.", "D.C.", "a.m." -- the caller decides about a.m./p.m.
  if (word.includes(".")) return true;
  return (opts?.abbreviations ?? ABBREVIATIONS).has(word.toLowerCase());
}

/** How to split another language than English. */
export interface SegmentOptions {
  /** Words that end with a period inside a sentence, lower case without the dot (default: English). */
  abbreviations?: ReadonlySet<string>;
  /**
   * Letters of any script: a sentence may start with "À" or "É", abbreviations may hold accents,
   * and a closing guillemet after a space ("… morts. »") belongs to the sentence before it.
   */
  unicode?: boolean;
  /** Closing quotation marks beyond the English ones (German "“" and "«", French "›"). */
  closers?: string;
  /**
   * Words that make a number's period an ordinal inside the sentence when they follow it (German
   * dates: "am 17. September"); a figure ending a sentence ("stieg auf 62. Die ...") still ends it.
   */
  afterOrdinal?: RegExp;
}

/**
 * Split `text` into sentences with offsets. Breaks at blank lines (paragraphs), at single line
 * breaks, after [.!?] (plus closing quotes/brackets) followed by whitespace and a capital, digit or
 * opening quote, and at a period glued to a capitalised word after a lower-case word
 * ("west side.Rockford" -- GVDB strips newlines). `titleEnd` (when the text starts with the title)
 * forces a break there.
 */
export function splitSentences(text: string, titleEnd = 0, opts?: SegmentOptions): Sentence[] {
  const out: Sentence[] = [];
  const uni = !!opts?.unicode;
  const closers = uni ? CLOSERS + (opts?.closers ?? "") : CLOSERS;
  let para = 0;
  let segStart = 0;
  let segPara = 0;
  const push = (s: number, e: number, isTitle = false) => {
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    // A run-on "sentence" (a scraped line without full stops) would become the evidence of every
    // claim in it, copied into each: cut it into pieces of at most MAX_SENTENCE_CHARS.
    while (e - s > MAX_SENTENCE_CHARS) {
      const cut = longSentenceCut(text, s, s + MAX_SENTENCE_CHARS);
      let t = cut;
      while (t > s && isSpace(text.charCodeAt(t - 1))) t--;
      out.push({ start: s, end: t, para: segPara, isTitle });
      isTitle = false;
      s = cut;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
    }
    if (e > s) out.push({ start: s, end: e, para: segPara, isTitle });
  };
  if (titleEnd > 0) {
    push(0, titleEnd, true);
    segStart = titleEnd;
  }
  const n = text.length;
  for (let i = segStart; i < n; i++) {
    // Only line breaks and . ! ? can end a sentence: skip everything else by char code.
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 46 && code !== 33 && code !== 63) continue;
    const c = text[i] as string;
    if (c === "\n") {
      // A line break ends the sentence; a blank line also starts a new paragraph.
      let j = i;
      let newlines = 0;
      while (j < n && isSpace(text.charCodeAt(j))) {
        if (text[j] === "\n") newlines++;
        j++;
      }
      push(segStart, i);
      if (newlines >= 2) para++;
      segStart = j;
      segPara = para;
      i = j - 1;
      continue;
    }
    if (c !== "." && c !== "!" && c !== "?") continue;
    // Absorb runs of terminators and closing quotes/brackets: `...`, `?!`, `."`, `.”)`.
    let j = i + 1;
    while (j < n && ".!?".includes(text[j] ?? "x")) j++;
    while (j < n && closers.includes(text[j] ?? "x")) j++;
    if (uni) {
      // French spacing: "… morts. »", "… ? »": the closing mark after a space ends this sentence.
      let k = j;
      while (k < n && (text[k] === " " || text[k] === "\u00a0" || text[k] === "\u202f")) k++;
      if (k > j && "»”›".includes(text[k] ?? "x") && (opts?.closers ?? "").includes(text[k]!)) {
        j = k + 1;
        while (j < n && closers.includes(text[j] ?? "x")) j++;
      }
    }
    const next = text[j] ?? "";
    if (next === "") continue;
    if (isSpace(next.charCodeAt(0))) {
      let k = j;
      while (k < n && (text[k] === " " || text[k] === "\t" || text[k] === "\u00a0")) k++;
      if (text[k] === "\n") continue; // the line-break branch handles it
      const after = text[k] ?? "";
      if (!((uni ? isUpperUnicode(after) : isUpper(after)) || /[0-9]/.test(after) || OPENERS.includes(after) || (uni && "„‹»".includes(after)))) continue;
      if (c === "." && j === i + 1 && opts?.afterOrdinal && /[0-9]/.test(text[i - 1] ?? "") && opts.afterOrdinal.test(text.slice(k, k + 12))) continue;
      if (c === "." && j === i + 1 && isAbbreviation(text, i, opts)) {
        // "a.m."/"p.m." end a sentence unless a day, month or time zone follows.
        const word = text.slice(Math.max(0, i - 3), i + 1).toLowerCase();
        const isTime = /(?:a\.m|p\.m)\.$/.test(word);
        if (!isTime || TIME_FOLLOWERS.test(text.slice(k))) continue;
      }
      push(segStart, j);
      segStart = k;
      segPara = para;
      i = k - 1;
      continue;
    }
    // No space: "side.Rockford police". Only after a lower-case word of 2+ letters and before a
    // capitalised word, which leaves URLs ("FOX6Now.com") and initials ("U.S.") alone.
    if (c === "." && j === i + 1 && /[a-z]{2}$/.test(text.slice(i - 2, i)) && isUpper(next) && /[a-z]/.test(text[j + 1] ?? "")) {
      if (isAbbreviation(text, i, opts)) continue;
      push(segStart, j);
      segStart = j;
      segPara = para;
      i = j - 1;
    }
  }
  push(segStart, n);
  return out;
}

/** Longest sentence kept whole; far beyond real prose (news sentences stay under ~400 characters). */
export const MAX_SENTENCE_CHARS = 1000;

/**
 * Where to cut a run-on sentence starting at `start` so that the piece ends at or before `limit`:
 * after the last clause mark (, ; : — –) followed by a space in the second half, else at the last
 * space, else at `limit` (never inside a surrogate pair).
 */
function longSentenceCut(text: string, start: number, limit: number): number {
  const half = start + ((limit - start) >> 1);
  let space = -1;
  for (let i = limit - 1; i > half; i--) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) continue;
    const before = text[i - 1] ?? "";
    if (",;:—–".includes(before)) return i;
    if (space < 0) space = i;
  }
  if (space > 0) return space;
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/**
 * Where the glued title ends: GVDB texts start with the title with no separator. Returns the
 * title's length when `text` starts with it, else 0.
 */
export function titleEndOffset(text: string, title: string | null | undefined): number {
  const t = (title ?? "").trim();
  if (t.length < 8) return 0;
  return text.startsWith(t) ? t.length : 0;
}
