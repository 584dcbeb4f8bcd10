/**
 * Normalisation of quoted wording for matching and diffing. Pure: no I/O.
 *
 * Two outlets rarely print a statement byte for byte: one cuts it with an ellipsis, one inserts
 * "[the US]" for a pronoun, one uses curly quotes, one capitalises differently. Everything here
 * maps those surface differences away so that only the words remain.
 */
import { NUMBER_WORDS, STOPWORDS } from "../cluster/stopwords";

/** Double quotation marks in the languages Parallax reads (straight, curly, low-9, guillemets). */
const DOUBLE_QUOTES = /["“”„‟«»]/;
const DOUBLE_QUOTES_G = /["“”„‟«»]/g;
/** "…", "...", ". . ." (with or without spaces), and the four-dot form at a sentence end. */
const ELLIPSIS_G = /…|\.(?:\s?\.){2,}/g;
/** A bracket that restores one or two letters of a word ("[t]he", "make[s]"): kept, unwrapped. */
const BRACKET_LETTERS_G = /(?<=\p{L})\[(\p{L}{1,2})\]|\[(\p{L}{1,2})\](?=\p{L})/gu;
/** Any other square-bracketed insertion by the outlet ("[the US]", "[sic]", "[...]"). */
const BRACKET_INSERTION_G = /\[[^\]\n]{0,80}\]/g;

/**
 * The words a statement quotes, without the attribution that splits a quote in two.
 *
 * The extractor stores a split quote ("“A,” he said. “B.”") as one span from the first piece to
 * the last, so the stored text is `A," he said. "B.`: it starts inside quotation marks and every
 * mark toggles in and out. For a direct statement with an even number of marks we keep the
 * pieces inside (even-numbered segments). Reported speech keeps all its words (marks dropped):
 * there the marked words are part of the paraphrase.
 */
export function quotedWords(text: string, direct: boolean): string {
  const trimmed = text.trim();
  const marks = trimmed.match(DOUBLE_QUOTES_G)?.length ?? 0;
  let out: string;
  if (direct && marks > 0 && marks % 2 === 0 && !DOUBLE_QUOTES.test(trimmed[0] ?? "")) {
    out = trimmed
      .split(DOUBLE_QUOTES)
      .filter((_, i) => i % 2 === 0)
      .map((s) => s.trim())
      .filter(Boolean)
      .join(" ");
  } else {
    out = trimmed.replace(DOUBLE_QUOTES_G, " ");
  }
  // A trailing comma is the quote's hand-over to its attribution ("…position," the ministry said).
  return out.replace(/\s+/g, " ").trim().replace(/[,;:]$/, "").trim();
}

/**
 * Lower-case, NFKC, typographic apostrophes folded, ellipses and bracketed insertions removed
 * (letters restored by brackets are kept: "[t]he" is "the"), punctuation and whitespace reduced
 * to single spaces. The result is what two wordings are compared on.
 */
export function normalizeQuote(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[’‘‛`´]/g, "'")
    .replace(BRACKET_LETTERS_G, (_m, a: string | undefined, b: string | undefined) => a ?? b ?? "")
    .replace(BRACKET_INSERTION_G, " ")
    .replace(ELLIPSIS_G, " ")
    .toLowerCase()
    .replace(/'s\b/g, "")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .replace(/(^|\s)'+|'+(?=\s|$)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A light suffix fold so "targeted"/"targeting"/"targets" and "forces"/"force" meet. Only for
 * matching (never shown); deliberately crude: a real stemmer buys little on quotes, which are
 * compared against other renderings of the same sentence.
 */
export function foldWord(w: string): string {
  const n = NUMBER_WORDS.get(w);
  if (n) return n;
  if (w.length > 5 && w.endsWith("ing")) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith("ed")) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.slice(0, -1);
  return w;
}

/** Normalised words, in order. */
export function quoteTokens(text: string): string[] {
  const n = normalizeQuote(text);
  return n ? n.split(" ") : [];
}

export interface QuoteFingerprint {
  /** Normalised words in order, joined: equal keys mean equal wording. */
  key: string;
  /** Number of words (the reference of a group is its longest member by this count). */
  wordCount: number;
  /**
   * Folded content words (function words dropped) as a multiset. A very short quote ("difficult
   * but necessary") keeps its function words too, so it still has something to match on.
   */
  content: Map<string, number>;
  /** Total of `content`'s counts. */
  contentSize: number;
  /** At least MIN_CONTENT_WORDS content words: enough to say something on its own. */
  informative: boolean;
}

/** Fewer content words than this and the function words are kept as content too. */
const MIN_CONTENT_WORDS = 3;

/** The fingerprint of one wording (already reduced with `quotedWords`). */
export function fingerprint(wording: string): QuoteFingerprint {
  const words = quoteTokens(wording);
  const contentWords = words.filter((w) => !STOPWORDS.has(w));
  const chosen = contentWords.length >= MIN_CONTENT_WORDS ? contentWords : words;
  const content = new Map<string, number>();
  for (const w of chosen) {
    const f = foldWord(w);
    content.set(f, (content.get(f) ?? 0) + 1);
  }
  return {
    key: words.join(" "),
    wordCount: words.length,
    content,
    contentSize: chosen.length,
    informative: contentWords.length >= MIN_CONTENT_WORDS,
  };
}
