import type { DraftClaim } from "../casualties";
import type { PatternPack } from "../lang/types";
import { splitSentences, titleEndOffset, type Sentence } from "../segment";
import type { ExtractInput } from "../types";
import { extractPatternCasualties } from "./casualties";
import { readCardinal } from "./numbers";
import { extractPatternStatements, findPackQuoteSpans } from "./quotes";
import { tokenize } from "./tokens";

export { extractPatternCasualties } from "./casualties";
export { extractPatternStatements, findPackQuoteSpans } from "./quotes";
export { readCardinal, readQuantity } from "./numbers";
export { tokenize } from "./tokens";

/** Sentences of a text in the pack's language: its abbreviations, any-script capitals, its closing marks. */
export function packSentences(text: string, title: string | null | undefined, pack: PatternPack): Sentence[] {
  const closers = pack.quotes.pairs.map(([, c]) => c).join("");
  return splitSentences(text, titleEndOffset(text, title), { abbreviations: pack.abbreviations, unicode: true, closers, afterOrdinal: pack.afterOrdinal });
}

/**
 * The pattern engine on one article: sentences, quotations, casualty claims (drafts, for the
 * summary rule) and statements. No tagger: everything comes from `pack`.
 */
export function extractWithPack(input: ExtractInput, pack: PatternPack): { sentences: Sentence[]; drafts: DraftClaim[]; statements: ReturnType<typeof extractPatternStatements> } {
  const text = input.text ?? "";
  const sentences = packSentences(text, input.title, pack);
  const quotes = findPackQuoteSpans(text, pack);
  const drafts = extractPatternCasualties(text, sentences, quotes, pack, input.publishedAt ?? null);
  const statements = extractPatternStatements(text, sentences, quotes, pack);
  return { sentences, drafts, statements };
}

/** A whole phrase read as one number in the pack's language ("quatre-vingt-dix", "300 000"); null if it is not exactly one. */
export function parsePackNumber(phrase: string, pack: PatternPack): number | null {
  const toks = tokenize(phrase, 0, phrase.length, pack);
  const r = readCardinal(toks, 0, pack);
  return r && r.next === toks.length ? r.value : null;
}
