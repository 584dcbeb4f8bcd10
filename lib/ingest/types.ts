/** An article as every importer normalises it, before extraction and grouping. */
export interface NormalizedArticle {
  url: string | null;
  canonicalUrl: string | null;
  title: string;
  /** Plain-text body; paragraphs separated by a blank line. Boilerplate removed. */
  text: string;
  /** ISO 8601 (date or date-time, UTC) or null when unknown. */
  publishedAt: string | null;
  author: string | null;
  /** ISO 639-1 code or null. */
  language: string | null;
  /** The publisher as the source states it; `domain` without "www.". */
  outlet: { name: string; domain: string | null } | null;
  /** The source the article says it republishes ("La source originale de cet article est ..."). */
  originalSource: { name: string; url: string | null } | null;
  tags: string[];
  /** An identifier the input carried (eval ids, CMS ids), kept for round-tripping. */
  externalId: string | null;
}

/** One item an importer could not turn into an article, with a reason a person can act on. */
export interface ItemError {
  /** Where the item came from: "file.csv:12", "feed.xml item 3", "records[4]". */
  item: string;
  reason: string;
}

export interface ParseResult {
  articles: NormalizedArticle[];
  errors: ItemError[];
}
