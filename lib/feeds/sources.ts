/**
 * One-off ingestion of URLs (`POST /api/fetch`, `parallax ingest <url>`): each URL is fetched
 * with the safe fetcher and read according to what it turns out to be — an article page
 * (Readability), an RSS/Atom feed (its current items, once; `feeds add` subscribes), or a
 * sitemap.xml (the pages it lists, up to a limit). Known URLs whose text changed become revisions.
 */
import type { Database } from "../db";
import { FetchError, safeFetch, type FetchPolicy } from "../fetch";
import { parseHtml } from "../ingest/html";
import type { ItemError, NormalizedArticle } from "../ingest/types";
import { ingestWithRevisions } from "../revisions/ingest";
import { fetchPage, HTML_TYPES, mapPool, responseText, XML_TYPES } from "./fetch-text";
import { articleFromEntryContent, articleFromEntryPage } from "./items";
import { FeedParseError, parseFeed, parseSitemap, sniffDocument } from "./parse";

export interface IngestUrlsOptions {
  policy: FetchPolicy;
  trigger: "api" | "cli";
  signal?: AbortSignal;
  /** Pages read from one sitemap (all its child sitemaps together) at most. */
  sitemapLimit?: number;
  /** Entries read from one feed at most. */
  feedLimit?: number;
  /** URLs (and pages within feeds and sitemaps) fetched at once; the per-host limit applies too. */
  concurrency?: number;
  /** Called as each given URL is done. */
  onProgress?: (done: number, total: number, url: string) => void;
}

export type UrlKind = "page" | "feed" | "sitemap" | "failed";

export interface IngestUrlsReport {
  runId: number | null;
  total: number;
  added: number;
  duplicates: number;
  revised: number;
  failed: number;
  errors: ItemError[];
  /** What each given URL was, and how many articles were read from it. */
  sources: { url: string; kind: UrlKind; articles: number }[];
}

const MAX_CHILD_SITEMAPS = 5;

function message(err: unknown): string {
  return err instanceof FetchError || err instanceof FeedParseError ? err.message : ((err as Error).message ?? String(err));
}

async function readPages(urls: string[], opts: IngestUrlsOptions): Promise<{ articles: NormalizedArticle[]; errors: ItemError[] }> {
  const articles: NormalizedArticle[] = [];
  const errors: ItemError[] = [];
  const results = await mapPool(urls, opts.concurrency ?? 4, async (url) => {
    try {
      const page = await fetchPage(url, opts.policy, opts.signal);
      return parseHtml(page.html, { url });
    } catch (err) {
      return { articles: [], errors: [{ item: url, reason: `page not fetched: ${message(err)}` }] };
    }
  });
  for (const r of results) {
    articles.push(...r.articles);
    errors.push(...r.errors);
  }
  return { articles, errors };
}

/** Read one URL into articles and item errors. */
async function readUrl(url: string, opts: IngestUrlsOptions): Promise<{ kind: UrlKind; articles: NormalizedArticle[]; errors: ItemError[] }> {
  let res;
  try {
    res = await safeFetch(url, { policy: opts.policy, accept: [...HTML_TYPES, ...XML_TYPES], signal: opts.signal });
  } catch (err) {
    return { kind: "failed", articles: [], errors: [{ item: url, reason: message(err) }] };
  }
  const text = responseText(res);
  const kind = sniffDocument(text);
  try {
    if (kind === "rss" || kind === "atom" || kind === "rdf") {
      const feed = parseFeed(text, res.url);
      const entries = feed.entries.slice(0, opts.feedLimit ?? 50);
      const errors: ItemError[] = [...feed.errors];
      const articles: NormalizedArticle[] = [];
      const read = await mapPool(entries, opts.concurrency ?? 4, async (entry) => {
        const inline = articleFromEntryContent(entry, url, null);
        if (inline) return { articles: [inline], errors: [] };
        if (!entry.link) return { articles: [], errors: [{ item: `${url} item ${entry.index + 1}`, reason: "the item has no link and too little content to be an article" }] };
        try {
          const page = await fetchPage(entry.link, opts.policy, opts.signal);
          return articleFromEntryPage(entry, page.html, url, null);
        } catch (err) {
          return { articles: [], errors: [{ item: entry.link, reason: `page not fetched: ${message(err)}` }] };
        }
      });
      for (const r of read) {
        articles.push(...r.articles);
        errors.push(...r.errors);
      }
      return { kind: "feed", articles, errors };
    }
    if (kind === "urlset" || kind === "sitemapindex") {
      const limit = opts.sitemapLimit ?? 100;
      let pages = parseSitemap(text, res.url);
      const errors: ItemError[] = [];
      if (pages.kind === "sitemapindex") {
        const children = pages.urls.slice(0, MAX_CHILD_SITEMAPS);
        const urls: typeof pages.urls = [];
        for (const child of children) {
          if (urls.length >= limit) break;
          try {
            const childRes = await safeFetch(child.loc, { policy: opts.policy, accept: XML_TYPES, signal: opts.signal });
            urls.push(...parseSitemap(responseText(childRes), childRes.url).urls);
          } catch (err) {
            errors.push({ item: child.loc, reason: `sitemap not read: ${message(err)}` });
          }
        }
        pages = { kind: "urlset", urls };
      }
      // Newest first when the sitemap dates its pages (news sitemaps do).
      const sorted = [...pages.urls].sort((a, b) => (b.lastmod ?? "").localeCompare(a.lastmod ?? ""));
      if (sorted.length > limit) errors.push({ item: url, reason: `the sitemap lists ${sorted.length} pages; only the newest ${limit} were read` });
      const read = await readPages(sorted.slice(0, limit).map((u) => u.loc), opts);
      return { kind: "sitemap", articles: read.articles, errors: [...errors, ...read.errors] };
    }
    if (kind === "html" || (kind === "unknown" && res.mimeType !== null && HTML_TYPES.some((t) => t === res.mimeType))) {
      const parsed = parseHtml(text, { url });
      return { kind: "page", articles: parsed.articles, errors: parsed.errors };
    }
    return { kind: "failed", articles: [], errors: [{ item: url, reason: `not an article page, feed or sitemap (${res.mimeType ?? "no content type"})` }] };
  } catch (err) {
    return { kind: "failed", articles: [], errors: [{ item: url, reason: message(err) }] };
  }
}

/** Fetch, read and ingest `urls` as one IngestRun. Bad URLs are reported one by one; the good ones are stored. */
export async function ingestUrls(database: Database, urls: string[], opts: IngestUrlsOptions): Promise<IngestUrlsReport> {
  const unique = [...new Set(urls)];
  let done = 0;
  const read = await mapPool(unique, opts.concurrency ?? 4, async (url) => {
    const r = await readUrl(url, opts);
    opts.onProgress?.(++done, unique.length, url);
    return r;
  });
  const articles = read.flatMap((r) => r.articles);
  const errors = read.flatMap((r) => r.errors);
  const source = unique.length === 1 ? unique[0]! : `${unique.length} URLs: ${unique.slice(0, 3).join(", ")}${unique.length > 3 ? ", …" : ""}`;
  const report = await ingestWithRevisions(database, articles, { source, trigger: opts.trigger, parseErrors: errors });
  return {
    runId: report.runId,
    total: report.total,
    added: report.added,
    duplicates: report.duplicates,
    revised: report.revised,
    failed: report.failed,
    errors: report.errors,
    sources: unique.map((url, i) => ({ url, kind: read[i]!.kind, articles: read[i]!.articles.length })),
  };
}
