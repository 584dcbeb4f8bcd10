/** Feed subscriptions: add, list, look up, remove. The only feeds code besides claim.ts and poll.ts that writes. */
import { getDatabase, type Database } from "../db";
import { conflictError, notFoundError } from "../mutations/errors";
import { feedRowSelect, type FeedRow } from "./claim";
import { nextFetchAfterFailure, nextFetchAfterSuccess } from "./schedule";
import type { FeedDto, FeedStatus } from "./types";
import { INTERACTIVE_RETRY_MS, withStoreRetry } from "../db/store-retry";

export function toFeedDto(row: FeedRow, now = new Date()): FeedDto {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    outlet: row.outlet ? { key: row.outlet.key, name: row.outlet.name } : null,
    intervalMinutes: row.intervalMinutes,
    enabled: row.enabled,
    status: row.status as FeedStatus,
    lastError: row.lastError,
    consecutiveFailures: row.consecutiveFailures,
    lastFetchedAt: row.lastFetchedAt?.toISOString() ?? null,
    nextFetchAt: row.nextFetchAt.toISOString(),
    itemsSeen: row.itemsSeen,
    lastAdded: row.lastAdded,
    lastRevised: row.lastRevised,
    lastRunId: row.lastRunId,
    fetching: row.leaseUntil !== null && row.leaseUntil > now,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Every feed, most recently added first. */
export async function listFeeds(database: Database = getDatabase()): Promise<FeedDto[]> {
  const rows = await database.db.feed.findMany({ select: feedRowSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const now = new Date();
  return rows.map((r) => toFeedDto(r, now));
}

export async function getFeed(id: number, database: Database = getDatabase()): Promise<FeedDto | null> {
  const row = await database.db.feed.findUnique({ where: { id }, select: feedRowSelect });
  return row ? toFeedDto(row) : null;
}

/** A feed by id, or by its URL (the CLI accepts either). */
export async function findFeed(ref: number | string, database: Database = getDatabase()): Promise<FeedDto | null> {
  if (typeof ref === "number") return getFeed(ref, database);
  const row = await database.db.feed.findUnique({ where: { url: ref }, select: feedRowSelect });
  return row ? toFeedDto(row) : null;
}

export interface AddFeedInput {
  url: string;
  title?: string | null;
  intervalMinutes: number;
  /** An existing outlet's key: the feed's articles are attributed to it. */
  outlet?: string | null;
  enabled?: boolean;
}

/**
 * Subscribe to a feed; it is due at once. With `lease`, it is created claimed by `lease.owner`
 * (see addAndFetchFeed). Throws ActionError: `conflict` (field "url") when the URL is already a
 * feed, `not_found` (field "outlet") for an unknown outlet key.
 */
export async function addFeed(database: Database, input: AddFeedInput, lease?: { owner: string; leaseMs: number }): Promise<FeedDto> {
  const { db } = database;
  let outletId: number | null = null;
  if (input.outlet) {
    const outlet = await db.outlet.findUnique({ where: { key: input.outlet }, select: { id: true } });
    if (!outlet) throw notFoundError("outlet", `outlet: no outlet with key "${input.outlet}"`);
    outletId = outlet.id;
  }
  const existing = await db.feed.findUnique({ where: { url: input.url }, select: { id: true } });
  if (existing) throw conflictError("url", `url: ${input.url} is already feed #${existing.id}`);
  try {
    const row = await db.feed.create({
      data: {
        url: input.url,
        title: input.title ?? null,
        intervalMinutes: input.intervalMinutes,
        outletId,
        enabled: input.enabled ?? true,
        nextFetchAt: new Date(),
        // Created already claimed when the caller fetches it at once, so no watcher takes it first.
        ...(lease ? { leaseOwner: lease.owner, leaseUntil: new Date(Date.now() + lease.leaseMs) } : {}),
      },
      select: feedRowSelect,
    });
    return toFeedDto(row);
  } catch (err) {
    // Two adds of the same URL at once: the unique index decides.
    if ((err as { code?: string }).code === "P2002") throw conflictError("url", `url: ${input.url} is already a feed`);
    throw err;
  }
}

/** Unsubscribe. The articles the feed brought in stay. Throws ActionError `not_found`. */
export async function removeFeed(database: Database, id: number): Promise<FeedDto> {
  const row = await database.db.feed.findUnique({ where: { id }, select: feedRowSelect });
  if (!row) throw notFoundError("feedId", `feed ${id} not found`);
  await database.db.feed.delete({ where: { id } });
  return toFeedDto(row);
}

export interface UpdateFeedInput {
  /** Paused feeds are never claimed by a watcher (a manual refresh still fetches them). */
  paused?: boolean;
  intervalMinutes?: number;
  /** Null: the feed's own title is taken again at its next full fetch. */
  title?: string | null;
}

/**
 * When a feed is due under a new interval: counted from its last fetch with the same rule the
 * poller uses (one interval after a success, the back-off after failures), so shortening the
 * interval makes it due sooner and lengthening it later. A feed never fetched stays due.
 */
export function rescheduledFetchAt(row: Pick<FeedRow, "lastFetchedAt" | "nextFetchAt" | "consecutiveFailures">, intervalMinutes: number): Date {
  if (!row.lastFetchedAt) return row.nextFetchAt;
  return row.consecutiveFailures > 0
    ? nextFetchAfterFailure(row.lastFetchedAt, intervalMinutes, row.consecutiveFailures)
    : nextFetchAfterSuccess(row.lastFetchedAt, intervalMinutes);
}

/**
 * Pause or resume a feed, change its interval (rescheduling its next fetch, see
 * rescheduledFetchAt) or its title. Resuming a feed whose fetch fell due while it was paused
 * makes it due at once. Throws ActionError `not_found` (field "feedId").
 */
export async function updateFeed(database: Database, id: number, input: UpdateFeedInput): Promise<FeedDto> {
  const { db } = database;
  // Someone waits on this: one more try on a busy database, not four (see INTERACTIVE_RETRY_MS).
  return withStoreRetry(() => db.$transaction(async (tx) => {
    const row = await tx.feed.findUnique({ where: { id }, select: feedRowSelect });
    if (!row) throw notFoundError("feedId", `feed ${id} not found`);
    const interval = input.intervalMinutes ?? row.intervalMinutes;
    const data: { enabled?: boolean; intervalMinutes?: number; nextFetchAt?: Date; title?: string | null } = {};
    if (input.paused !== undefined) data.enabled = !input.paused;
    if (input.title !== undefined) data.title = input.title;
    if (input.intervalMinutes !== undefined && input.intervalMinutes !== row.intervalMinutes) {
      data.intervalMinutes = interval;
      data.nextFetchAt = rescheduledFetchAt(row, interval);
    }
    const updated = await tx.feed.update({ where: { id }, data, select: feedRowSelect });
    return toFeedDto(updated);
  }), { giveUpAfterMs: INTERACTIVE_RETRY_MS });
}
