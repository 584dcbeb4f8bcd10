import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/** A token of the input text with its part of speech and absolute [start, end) offsets. */
export interface Token {
  /** The token as written. */
  text: string;
  /** Lower-cased `text`, for lexicon look-ups. */
  lower: string;
  /** Universal POS tag from wink-nlp ("NOUN", "PROPN", "VERB", ...). */
  pos: string;
  start: number;
  end: number;
  /** Tagged from a lower-cased title-case headline: capitalisation says nothing about names. */
  caseless?: boolean;
}

// Only the POS tagger: sentence splitting is done by `segment.ts` on the whole article (cheap
// regexes), and wink's NER/negation/sentiment passes are not needed. With this pipe wink tags
// ~15k news sentences/s on one core against ~8k/s with the default pipe (TOOLCHAIN.md measures
// the full pipe at ~990 docs/s), which is what lets us stay above 1,000 articles/s when only
// candidate sentences are tagged.
let tagger: ReturnType<typeof winkNLP> | null = null;

function getTagger(): ReturnType<typeof winkNLP> {
  tagger ??= winkNLP(model, ["pos"]);
  return tagger;
}

/**
 * Tokenise and POS-tag `text.slice(start, end)` with wink-nlp, returning tokens with offsets into
 * `text`. Pure apart from a lazily built, module-level tagger.
 */
export function tagSpan(text: string, start: number, end: number, lowerCase = false): Token[] {
  return tagSegments([{ text: text.slice(start, end), offset: start, lowerCase }])[0]!;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000;
}

/** A piece of text to tag: its characters, where they start in the article, and its casing rule. */
export interface Segment {
  /** The characters to tag (quoted words may be blanked with spaces: same length, same offsets). */
  text: string;
  /** Offset of `text[0]` in the article. */
  offset: number;
  /** Tag the lower-cased text (title-case headlines), see `tagSpan`. */
  lowerCase: boolean;
}

// Segments are tagged in one wink document joined by a blank line: wink sets up a document for each
// call, and an article needs dozens of short windows (measured on the development texts: about 10%
// less tagging time than one call per window, and no window tagged twice when windows are merged).
// Tags do not cross a blank line: on 11k tokens of news windows, joined and separate tagging gave
// the same tags (see nlp.test.ts).
const SEPARATOR = "\n\n";

/**
 * Tag several segments in one wink call; returns each segment's tokens, offsets into the article.
 * Title-case segments are tagged lower-cased (see `tagSpan`) but keep their original text.
 */
export function tagSegments(segments: ReadonlyArray<Segment>): Token[][] {
  const out: Token[][] = segments.map(() => []);
  if (!segments.length) return out;
  const nlp = getTagger();
  const original = segments.map((s) => s.text).join(SEPARATOR);
  const lowered = segments.some((s) => s.lowerCase);
  const source = lowered ? segments.map((s) => (s.lowerCase ? s.text.toLowerCase() : s.text)).join(SEPARATOR) : original;
  const doc = nlp.readDoc(source);
  const its = nlp.its;
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  // Where each segment starts in the joined string.
  const starts: number[] = [];
  let at0 = 0;
  for (const s of segments) {
    starts.push(at0);
    at0 += s.text.length + SEPARATOR.length;
  }
  const softHyphens = original.includes("\u00ad");
  let seg = 0;
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const lv = values[i] ?? "";
    // wink keeps the original characters of each token; searching forward from the cursor also
    // absorbs any whitespace wink folded (non-breaking spaces, line breaks).
    // Usually the token starts after the whitespace at the cursor; search only when it does not.
    let at = cursor;
    while (at < source.length && isSpace(source.charCodeAt(at))) at++;
    if (!source.startsWith(lv, at)) {
      at = source.indexOf(lv, cursor);
      if (at < 0) at = cursor;
    }
    cursor = at + lv.length;
    while (seg + 1 < segments.length && at >= starts[seg + 1]!) seg++;
    const s = segments[seg]!;
    const local = at - starts[seg]!;
    if (local + lv.length > s.text.length) continue; // the separator itself, or a token running into it
    // Without lower-casing, wink's value is the text itself.
    const v = lowered ? original.slice(at, at + lv.length) : lv;
    const start = s.offset + local;
    // Soft hyphens ("neigh\u00adbor") are invisible in print: drop them from the look-up form.
    const low = s.lowerCase ? lv : v.toLowerCase();
    // Every token gets the same fields, in the same order: one object shape for the hot loops.
    out[seg]!.push({ text: v, lower: softHyphens && low.includes("\u00ad") ? low.replace(/\u00ad/g, "") : low, pos: tags[i] ?? "X", start, end: start + v.length, caseless: s.lowerCase });
  }
  return out;
}
