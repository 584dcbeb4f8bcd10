import { casualtySentences, extractCasualties, type DraftClaim } from "./casualties";
import { packFor } from "./lang";
import { extractWithPack } from "./pattern";
import { extractStatements, findQuoteSpans, statementRanges } from "./quotes";
import { splitSentences, titleEndOffset, type Sentence } from "./segment";
import { summarise } from "./summary";
import { SentenceTokens } from "./tokens";
import type { CasualtyClaim, ExtractInput, Extraction, Statement } from "./types";

export type * from "./types";
export { LANGUAGE_PACKS, SUPPORTED_LANGUAGES, packFor } from "./lang";
export type { LanguagePack, PatternPack } from "./lang";

/** The claim as published: the draft without the summary's bookkeeping (same fields, same order). */
function publicClaim(c: DraftClaim): CasualtyClaim {
  return {
    kind: c.kind,
    min: c.min,
    max: c.max,
    qualifier: c.qualifier,
    victimGroup: c.victimGroup,
    authority: c.authority,
    isContext: c.isContext,
    isHeadline: c.isHeadline,
    phrase: c.phrase,
    start: c.start,
    end: c.end,
    sentence: c.sentence,
    sentenceStart: c.sentenceStart,
    sentenceEnd: c.sentenceEnd,
    basis: c.basis,
  };
}

/**
 * The largest figure kept: beyond it a number is not a casualty count (a sum of money, a phone
 * number, "10^30" in a spam page) and would not fit the database's integer columns, where one
 * such claim used to make the whole article fail to store. Infinity (a 400-digit number) too.
 */
export const MAX_FIGURE = 2_147_483_647;

/**
 * Whether a figure can be a count of people: whole (not "1.5 people": a scaled "2.5 thousand"
 * is 2,500 and stays), not negative, and at most MAX_FIGURE.
 */
function plausibleFigure(c: DraftClaim): boolean {
  return [c.min, c.max].every((b) => b === null || (Number.isInteger(b) && b >= 0 && b <= MAX_FIGURE));
}

/** Title plus this many body sentences form the lead, where news puts the event's own figures. */
const LEAD_SENTENCES = 3;

/** Index of the first sentence after the lead. */
function leadEnd(sentences: Sentence[]): number {
  return (sentences[0]?.isTitle ? 1 : 0) + LEAD_SENTENCES;
}

/**
 * Extract casualty claims, a per-article casualty summary and attributed statements from one
 * article. Pure and synchronous: no I/O; offsets index `input.text`. The language pack is chosen
 * by `input.language` (`lang/index.ts#packFor`): English (also when the language is unknown) runs
 * the tagged engine, French, Spanish and German the pattern engine; another language gets an
 * empty extraction rather than wrong figures. `publishedAt` dates the article so that "in 2012"
 * can mark older events.
 */
export function extractArticle(input: ExtractInput): Extraction {
  const text = input.text ?? "";
  const pack = packFor(input.language);
  if (!pack) return { claims: [], statements: [], summary: { killed: null, wounded: null }, language: null };
  if (pack.engine === "pattern") {
    const { sentences, drafts: found, statements } = extractWithPack(input, pack);
    const drafts = found.filter(plausibleFigure);
    const summary = summarise(drafts, leadEnd(sentences), pack.genericGroups);
    return { claims: drafts.map(publicClaim), statements: dropNestedReports(statements), summary, language: pack.code };
  }
  const sentences = splitSentences(text, titleEndOffset(text, input.title));
  const quotes = findQuoteSpans(text);
  const tokens = new SentenceTokens(text, sentences);
  tokens.setMasks(quotes);
  // Tag everything both extractors are known to need in one tagger call (see `tagSegments`).
  const uses = casualtySentences(text, sentences);
  const tagged: number[] = [];
  for (let i = 0; i < uses.length; i++) if (uses[i] === "tokens") tagged.push(i);
  tokens.prefetch(tagged, statementRanges(text, tokens, quotes));
  const drafts = extractCasualties(text, tokens, quotes, input.publishedAt ?? null, uses).filter(plausibleFigure);
  const summary = summarise(drafts, leadEnd(sentences));
  const statements = dropNestedReports(extractStatements(text, tokens, quotes));
  return { claims: drafts.map(publicClaim), statements, summary, language: pack.code };
}

/**
 * One cue can yield reported-speech spans of several lengths from the same start ("told the
 * Times that X" up to the quote, and up to the sentence end). Analysts want the report once:
 * keep the longest indirect span per start and speaker. Direct quotes are never dropped.
 */
function dropNestedReports(statements: Statement[]): Statement[] {
  const longest = new Map<string, number>();
  const key = (s: Statement) => `${s.start}|${s.speaker ?? s.speakerMention ?? ""}`;
  for (const s of statements) if (!s.direct) longest.set(key(s), Math.max(longest.get(key(s)) ?? 0, s.end));
  const kept = new Set<string>();
  return statements.filter((s) => {
    if (s.direct) return true;
    if (s.end !== longest.get(key(s)) || kept.has(key(s))) return false;
    kept.add(key(s));
    return true;
  });
}
