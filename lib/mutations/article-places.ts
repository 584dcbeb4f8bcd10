import type { Database } from "../db";
import { withStoreRetry } from "../db/store-retry";
import { locateArticle } from "../places/article";
import { refreshEvents } from "./events";

/** Articles read, located and written per transaction. */
const PAGE = 500;

export interface FillLocationsReport {
  /** Articles whose places and event day were computed now (stored before ingest computed them). */
  articles: number;
  /** Events whose place, day and other aggregates were refreshed as a result. */
  events: number;
}

/** How many stored articles have no places computed yet (`Article.places` is null). */
export async function countArticlesWithoutLocation(database: Database): Promise<number> {
  return database.db.article.count({ where: { places: null } });
}

/**
 * Compute the places and event day of the articles stored before ingest computed them (their
 * `places` is null), then refresh their events so that `Event.place` and `Event.day` are filled.
 * Pages by id, one transaction per page of 500: a run that stops half-way is completed by the next,
 * and a second run finds nothing to do. `parallax regroup` runs it after re-grouping.
 */
export async function fillArticleLocations(
  database: Database,
  opts: { onProgress?: (done: number, total: number) => void } = {},
): Promise<FillLocationsReport> {
  const { db } = database;
  const total = await countArticlesWithoutLocation(database);
  const report: FillLocationsReport = { articles: 0, events: 0 };
  if (total === 0) return report;
  opts.onProgress?.(0, total);
  let lastId: string | null = null;
  for (;;) {
    const rows: { id: string; title: string; text: string; publishedAt: Date | null; language: string | null; membership: { eventId: string } | null }[] =
      await db.article.findMany({
        where: { places: null, ...(lastId === null ? {} : { id: { gt: lastId } }) },
        orderBy: { id: "asc" },
        take: PAGE,
        select: { id: true, title: true, text: true, publishedAt: true, language: true, membership: { select: { eventId: true } } },
      });
    if (rows.length === 0) break;
    lastId = rows[rows.length - 1]!.id;
    const located = rows.map((r) => ({ id: r.id, ...locateArticle({ ...r, publishedAt: r.publishedAt?.toISOString() ?? null }) }));
    const events = new Set(rows.map((r) => r.membership?.eventId).filter((e): e is string => !!e));
    // Run again after a transient failure (a deadlock with a concurrent ingest or edit): the page
    // was rolled back whole, and its updates are conditional.
    await withStoreRetry(() =>
      db.$transaction(
        async (tx) => {
          // `places: null` again: an ingest that raced this run has written its own value, keep it.
          for (const l of located) await tx.article.updateMany({ where: { id: l.id, places: null }, data: { places: l.places, eventDay: l.eventDay } });
          await refreshEvents(tx, events, database);
        },
        { timeout: 120_000, maxWait: 30_000 },
      ),
    );
    report.articles += rows.length;
    report.events += events.size;
    opts.onProgress?.(report.articles, total);
    if (rows.length < PAGE) break;
  }
  return report;
}
