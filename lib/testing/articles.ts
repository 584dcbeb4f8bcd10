import type { NormalizedArticle } from "../ingest/types";

/** A normalised English article for tests; `originalSource` declares a republication. */
export function testArticle(url: string, outlet: string, publishedAt: string, title: string, text: string, originalSource: string | null = null): NormalizedArticle {
  return {
    url,
    title,
    text,
    canonicalUrl: null,
    publishedAt,
    author: null,
    language: "en",
    outlet: { name: outlet, domain: new URL(url).hostname },
    originalSource: originalSource ? { name: originalSource, url: null } : null,
    tags: [],
    externalId: null,
  };
}
