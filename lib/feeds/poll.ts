/**
 * One fetch of one feed, by the watcher that holds its lease (lib/feeds/claim.ts):
 *
 * 1. conditional GET (If-None-Match / If-Modified-Since from the last 200): a 304 ends here;
 * 2. parse the RSS/Atom document (a malformed one fails the fetch, with its line and column);
 * 3. only entries that are new, or whose entry changed since the last fetch (FeedItem
 *    signatures), or whose earlier fetch failed (a few times at most), are read: from the feed's
 *    own content when it carries the full text, else from the article page (Readability);
 * 4. the articles go through the ingest pipeline; a known URL whose text or title changed
 *    becomes a revision (lib/revisions) — one IngestRun records it all;
 * 5. the feed's status, validators and next due time are written and the lease released. A
 *    failure stores its reason and pushes the next fetch back exponentially (schedule.ts).
 */
import type { Database } from "../db";
import { FetchError, safeFetch, type FetchPolicy } from "../fetch";
import type { ItemError, NormalizedArticle } from "../ingest/types";
import { ingestWithRevisions } from "../revisions/ingest";
import { finishFeed, releaseFeed, type FeedRow } from "./claim";
import { fetchPage, HTML_TYPES, mapPool, responseText, XML_TYPES } from "./fetch-text";
import { articleFromEntryContent, articleFromEntryPage, entryKey, entrySignature, type FeedOutlet } from "./items";
import { discoverFeedLinks, FeedParseError, parseFeed, sniffDocument, type FeedEntry } from "./parse";
import { nextFetchAfterFailure, nextFetchAfterSuccess } from "./schedule";
import type { PollSummary } from "./types";
import { withStoreRetry } from "../db/store-retry";

export interface PollContext {
  database: Database;
  policy: FetchPolicy;
  /** Aborts the poll (the watcher is stopping): the lease is released, nothing is recorded. */
  signal?: AbortSignal;
  /** Entries read per fetch at most, in feed order (feeds list newest first). */
  maxItems?: number;
  /** Article pages fetched at once (the fetcher's per-host limit applies as well). */
  pageConcurrency?: number;
  /** A poll that takes longer fails (it must end well within its lease). */
  timeoutMs?: number;
  /** IngestRun trigger: "feed" for the scheduler, "api" / "cli" for a manual refresh. */
  trigger?: "feed" | "api" | "cli";
  now?: () => Date;
}

/** An entry whose page failed this many times in a row is left alone until the feed changes it. */
export const MAX_ITEM_ATTEMPTS = 3;
const DEFAULT_MAX_ITEMS = 50;

class PollAborted extends Error {}

function errorText(err: unknown): string {
  if (err instanceof FetchError || err instanceof FeedParseError) return err.message;
  return (err as Error).message?.split("\n").slice(-1)[0] ?? String(err);
}

/** The feed's interval now: it may have been changed (PATCH /api/feeds/:id) while it was being fetched. */
async function currentInterval(database: PollContext["database"], feed: FeedRow): Promise<number> {
  const row = await database.db.feed.findUnique({ where: { id: feed.id }, select: { intervalMinutes: true } });
  return row?.intervalMinutes ?? feed.intervalMinutes;
}

/** Fetch, parse and ingest one claimed feed; always releases the lease. */
export async function pollFeed(ctx: PollContext, feed: FeedRow, owner: string): Promise<PollSummary> {
  const now = ctx.now ?? (() => new Date());
  const timeout = AbortSignal.timeout(ctx.timeoutMs ?? 10 * 60_000);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  const { database } = ctx;
  try {
    const outcome = await fetchAndIngest(ctx, feed, signal);
    if (ctx.signal?.aborted) throw new PollAborted();
    const at = now();
    const next = nextFetchAfterSuccess(at, await currentInterval(database, feed));
    // The fetch worked, but some items could not be read: say so where the feed's status shows.
    const itemNote = outcome.failed > 0 ? `${outcome.failed} ${outcome.failed === 1 ? "item" : "items"} failed${outcome.runId ? ` (see ingest run #${outcome.runId})` : ""}` : null;
    await finishFeed(database, feed.id, owner, {
      status: outcome.status,
      lastError: itemNote,
      consecutiveFailures: 0,
      lastFetchedAt: at,
      nextFetchAt: next,
      ...(outcome.status === "ok"
        ? { itemsSeen: outcome.itemsSeen, lastAdded: outcome.added, lastRevised: outcome.revised, etag: outcome.etag, lastModified: outcome.lastModified }
        : { lastAdded: 0, lastRevised: 0 }),
      ...(outcome.runId ? { lastRunId: outcome.runId } : {}),
      ...(outcome.title && !feed.title ? { title: outcome.title.slice(0, 300) } : {}),
    });
    return { ...outcome, error: null, nextFetchAt: next.toISOString() };
  } catch (err) {
    if (err instanceof PollAborted || (ctx.signal?.aborted && !timeout.aborted)) {
      await releaseFeed(database, feed.id, owner);
      return emptySummary("error", "cancelled before it finished; nothing was recorded", null);
    }
    const message = timeout.aborted ? `the fetch took longer than ${Math.round((ctx.timeoutMs ?? 600_000) / 1000)} s` : errorText(err);
    const failures = feed.consecutiveFailures + 1;
    const at = now();
    const next = nextFetchAfterFailure(at, await currentInterval(database, feed), failures);
    await finishFeed(database, feed.id, owner, {
      status: "error",
      lastError: message.slice(0, 1000),
      consecutiveFailures: failures,
      lastFetchedAt: at,
      nextFetchAt: next,
      lastAdded: 0,
      lastRevised: 0,
    });
    return emptySummary("error", message, next);
  }
}

function emptySummary(status: PollSummary["status"], error: string | null, next: Date | null): PollSummary {
  return { status, error, itemsSeen: 0, itemsFetched: 0, added: 0, duplicates: 0, revised: 0, failed: 0, errors: [], runId: null, nextFetchAt: next?.toISOString() ?? null };
}

interface Outcome extends Omit<PollSummary, "error" | "nextFetchAt"> {
  status: "ok" | "not_modified";
  etag: string | null;
  lastModified: string | null;
  title: string | null;
}

async function fetchAndIngest(ctx: PollContext, feed: FeedRow, signal: AbortSignal): Promise<Outcome> {
  const { database, policy } = ctx;
  const { db } = database;
  const conditional: Record<string, string> = {};
  if (feed.etag) conditional["if-none-match"] = feed.etag;
  if (feed.lastModified) conditional["if-modified-since"] = feed.lastModified;
  const res = await safeFetch(feed.url, { policy, accept: [...XML_TYPES, ...HTML_TYPES], headers: conditional, signal });
  if (res.status === 304) {
    return { status: "not_modified", itemsSeen: feed.itemsSeen, itemsFetched: 0, added: 0, duplicates: 0, revised: 0, failed: 0, errors: [], runId: null, etag: feed.etag, lastModified: feed.lastModified, title: null };
  }
  const text = responseText(res);
  if (sniffDocument(text) === "html") {
    const links = discoverFeedLinks(text, res.url);
    throw new FeedParseError(
      `expected an RSS or Atom feed, got an HTML page${links.length ? `; the page names ${links.length === 1 ? "this feed" : "these feeds"}: ${links.slice(0, 3).join(", ")}` : ""}`,
    );
  }
  const parsed = parseFeed(text, res.url);
  const outlet: FeedOutlet | null = feed.outlet ? { name: feed.outlet.name, domain: feed.outlet.domain } : null;

  // One entry per key (feeds repeat items), newest-first order kept, capped.
  const seenKeys = new Set<string>();
  const entries: { entry: FeedEntry; key: string; signature: string }[] = [];
  for (const entry of parsed.entries) {
    const key = entryKey(entry);
    if (!key || seenKeys.has(key)) continue;
    seenKeys.add(key);
    entries.push({ entry, key, signature: entrySignature(entry) });
  }
  const listed = entries.slice(0, ctx.maxItems ?? DEFAULT_MAX_ITEMS);
  // Unusable entries (no link, no content) are reported the first time they are seen only.
  const rejected = parsed.rejected.map((entry, i) => ({ entry, key: `rejected:${entrySignature(entry)}`, error: parsed.errors[i]! }));
  const known = new Map(
    (
      await db.feedItem.findMany({
        where: { feedId: feed.id, key: { in: [...listed.map((e) => e.key), ...rejected.map((r) => r.key)] } },
        select: { key: true, signature: true, articleId: true, attempts: true },
      })
    ).map((k) => [k.key, k]),
  );
  const newlyRejected = rejected.filter((r) => !known.has(r.key));
  const toRead = listed.filter((e) => {
    const k = known.get(e.key);
    if (!k || k.signature !== e.signature) return true;
    return k.articleId === null && k.attempts < MAX_ITEM_ATTEMPTS;
  });

  // Read each entry: its own content when it is the full text, else its page.
  const errors: ItemError[] = newlyRejected.map((r) => r.error);
  const read = await mapPool(toRead, ctx.pageConcurrency ?? 4, async ({ entry }) => {
    if (signal.aborted) return { article: null, error: "cancelled" };
    const inline = articleFromEntryContent(entry, feed.url, outlet);
    if (inline) return { article: inline, error: null };
    if (!entry.link) return { article: null, error: "the item has no link and too little content to be an article" };
    try {
      const page = await fetchPage(entry.link, policy, signal);
      const result = articleFromEntryPage(entry, page.html, feed.url, outlet);
      const article = result.articles[0];
      return article ? { article, error: null } : { article: null, error: result.errors[0]?.reason ?? "no article text found in the page" };
    } catch (err) {
      return { article: null, error: `page not fetched: ${errorText(err)}` };
    }
  });
  if (signal.aborted) throw signal.reason;

  const articles: NormalizedArticle[] = [];
  const articleIndex = new Map<number, number>(); // toRead index -> articles index
  read.forEach((r, i) => {
    if (r.article) {
      articleIndex.set(i, articles.length);
      articles.push(r.article);
    } else {
      errors.push({ item: toRead[i]!.entry.link ?? `${feed.url} item ${toRead[i]!.entry.index + 1}`, reason: r.error ?? "not read" });
    }
  });

  const report = await ingestWithRevisions(database, articles, { source: `feed ${feed.url}`, trigger: ctx.trigger ?? "feed", parseErrors: errors });

  // Remember what was read, so the next fetch skips it until the feed changes it.
  const storedIds = new Set(
    (await db.article.findMany({ where: { id: { in: [...new Set(report.ids)] } }, select: { id: true } })).map((a) => a.id),
  );
  const reasonByItem = new Map(report.errors.map((e) => [e.item, e.reason]));
  const at = new Date();
  // Upserts, so safe to run again when the database was busy (a deadlock with an ingest).
  await withStoreRetry(() => db.$transaction(
    toRead.map((e, i) => {
      const ai = articleIndex.get(i);
      const articleId = ai !== undefined && storedIds.has(report.ids[ai]!) ? report.ids[ai]! : null;
      const lastError = articleId ? null : (read[i]!.error ?? reasonByItem.get(e.entry.link ?? "") ?? "not stored").slice(0, 500);
      const prior = known.get(e.key);
      const attempts = articleId ? 0 : (prior && prior.signature === e.signature ? prior.attempts : 0) + 1;
      return db.feedItem.upsert({
        where: { feedId_key: { feedId: feed.id, key: e.key } },
        create: { feedId: feed.id, key: e.key, url: e.entry.link, articleId, signature: e.signature, attempts, lastError, firstSeenAt: at, lastSeenAt: at },
        update: { url: e.entry.link, ...(articleId ? { articleId } : {}), signature: e.signature, attempts, lastError, lastSeenAt: at },
      });
    }),
  ));
  if (newlyRejected.length) {
    await db.feedItem.createMany({
      data: newlyRejected.map((r) => ({ feedId: feed.id, key: r.key, signature: entrySignature(r.entry), attempts: MAX_ITEM_ATTEMPTS, lastError: r.error.reason, firstSeenAt: at, lastSeenAt: at })),
    });
  }
  const unchanged = [...listed.filter((e) => !toRead.includes(e)).map((e) => e.key), ...rejected.filter((r) => known.has(r.key)).map((r) => r.key)];
  if (unchanged.length) await db.feedItem.updateMany({ where: { feedId: feed.id, key: { in: unchanged } }, data: { lastSeenAt: at } });

  return {
    status: "ok",
    itemsSeen: parsed.entries.length,
    itemsFetched: toRead.length,
    added: report.added,
    duplicates: report.duplicates,
    revised: report.revised,
    failed: report.failed,
    errors: report.errors.slice(0, 100),
    runId: report.runId,
    etag: res.headers.etag ?? null,
    lastModified: res.headers["last-modified"] ?? null,
    title: parsed.title,
  };
}
