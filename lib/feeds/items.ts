/**
 * From feed entries and fetched pages to normalised articles. Pure: pages are fetched by the
 * caller. A feed that carries each article's full text (content:encoded, Atom content) is used as
 * is; one that carries only a summary sends us to the article's page, read with Readability.
 */
import { createHash } from "node:crypto";
import { parseHtml } from "../ingest/html";
import type { NormalizedArticle, ParseResult } from "../ingest/types";
import type { FeedEntry } from "./parse";

/**
 * Words of feed content below which it is taken for a summary and the page is fetched. Full
 * news articles run to hundreds of words; teasers to one or two sentences.
 */
export const FULL_TEXT_MIN_WORDS = 150;

/** The outlet a feed's articles are attributed to, when the feed names one. */
export interface FeedOutlet {
  name: string;
  domain: string | null;
}

/** What identifies an entry within its feed: guid/id, else the link, else a hash of its content. */
export function entryKey(entry: FeedEntry): string | null {
  if (entry.guid) return `guid:${entry.guid.slice(0, 500)}`;
  if (entry.link) return `link:${entry.link.slice(0, 1000)}`;
  if (entry.content) return `content:${createHash("sha256").update(entry.content).digest("hex").slice(0, 32)}`;
  return null;
}

/** A hash of everything the feed says about the entry: when it changes, the entry is fetched again. */
export function entrySignature(entry: FeedEntry): string {
  const basis = JSON.stringify([entry.title, entry.link, entry.published, entry.updated, entry.summary, entry.content]);
  return createHash("sha256").update(basis).digest("hex").slice(0, 32);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function label(entry: FeedEntry, feedUrl: string): string {
  return entry.link ?? `${feedUrl} item ${entry.index + 1}`;
}

/** Fill what the page did not say from the entry (title, date, author, tags) and apply the feed's outlet. */
export function completeFromEntry(article: NormalizedArticle, entry: FeedEntry, outlet: FeedOutlet | null): NormalizedArticle {
  return {
    ...article,
    url: entry.link ?? article.url,
    title: article.title || entry.title,
    publishedAt: article.publishedAt ?? entry.published,
    author: article.author ?? entry.author,
    outlet: outlet ? { name: outlet.name, domain: outlet.domain } : article.outlet,
    tags: [...new Set([...article.tags, ...entry.categories])],
  };
}

/**
 * The article in the entry's own content, or null when the entry carries no more than a summary
 * (fewer than FULL_TEXT_MIN_WORDS words): then the page must be fetched.
 */
export function articleFromEntryContent(entry: FeedEntry, feedUrl: string, outlet: FeedOutlet | null): NormalizedArticle | null {
  if (!entry.content) return null;
  const html = `<!doctype html><html><head><title>${escapeHtml(entry.title)}</title></head><body><article>${entry.content}</article></body></html>`;
  const parsed = parseHtml(html, { url: entry.link, source: label(entry, feedUrl) });
  const article = parsed.articles[0];
  if (!article) return null;
  const words = article.text.match(/\S+/g)?.length ?? 0;
  if (words < FULL_TEXT_MIN_WORDS) return null;
  // The synthetic page has no metadata of its own: the entry's title wins over Readability's guess.
  return completeFromEntry({ ...article, title: entry.title || article.title }, entry, outlet);
}

/** The article read from the entry's fetched page. */
export function articleFromEntryPage(entry: FeedEntry, pageHtml: string, feedUrl: string, outlet: FeedOutlet | null): ParseResult {
  const parsed = parseHtml(pageHtml, { url: entry.link, source: label(entry, feedUrl) });
  return { articles: parsed.articles.map((a) => completeFromEntry(a, entry, outlet)), errors: parsed.errors };
}
