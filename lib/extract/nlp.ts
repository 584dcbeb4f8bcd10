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
  const nlp = getTagger();
  const slice = text.slice(start, end);
  // Title-case headlines ("Man Found Shot Dead In Westwood") make every word look like a name to
  // the tagger; tagging the lower-cased slice (same length, same offsets) restores nouns and verbs.
  const source = lowerCase ? slice.toLowerCase() : slice;
  const doc = nlp.readDoc(source);
  const its = nlp.its;
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const out: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const lv = values[i] ?? "";
    // wink keeps the original characters of each token; searching forward from the cursor also
    // absorbs any whitespace wink folded (non-breaking spaces, line breaks).
    let at = source.indexOf(lv, cursor);
    if (at < 0) at = cursor;
    const v = slice.slice(at, at + lv.length);
    const s = start + at;
    // Soft hyphens ("neigh\u00adbor") are invisible in print: drop them from the look-up form.
    const low = v.toLowerCase();
    const tok: Token = { text: v, lower: low.includes("\u00ad") ? low.replace(/\u00ad/g, "") : low, pos: tags[i] ?? "X", start: s, end: s + v.length };
    if (lowerCase) tok.caseless = true;
    out.push(tok);
    cursor = at + lv.length;
  }
  return out;
}
