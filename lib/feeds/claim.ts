/**
 * Claiming feeds for fetching, safely across processes: every watcher (`parallax watch`, the one
 * `npm start` runs, a web process refreshing a feed) takes a feed with a lease before fetching it,
 * in ONE atomic statement, so two of them never fetch the same feed at once.
 *
 * - PostgreSQL: `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)`: concurrent claimers
 *   skip each other's rows instead of waiting, and re-check the lease on the row they lock.
 * - SQLite: one `UPDATE … RETURNING` statement. SQLite takes the database's write lock when an
 *   UPDATE starts, before it reads a row (as BEGIN IMMEDIATE would), so the rows it selects cannot
 *   be claimed by another connection between its read and its write; a concurrent claimer waits
 *   on the busy timeout and then sees the lease.
 * A lease expires (`leaseUntil`), so a watcher that dies mid-fetch delays its feeds, never loses them.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Database, Prisma } from "../db";

export const feedRowSelect = {
  id: true,
  url: true,
  title: true,
  intervalMinutes: true,
  enabled: true,
  etag: true,
  lastModified: true,
  lastFetchedAt: true,
  nextFetchAt: true,
  status: true,
  lastError: true,
  consecutiveFailures: true,
  itemsSeen: true,
  lastAdded: true,
  lastRevised: true,
  lastRunId: true,
  leaseOwner: true,
  leaseUntil: true,
  createdAt: true,
  outlet: { select: { id: true, key: true, name: true, domain: true } },
} satisfies Prisma.FeedSelect;

export type FeedRow = Prisma.FeedGetPayload<{ select: typeof feedRowSelect }>;

/** A name for this process's claims: host, pid and a random suffix. */
export function newWatcherId(kind = "watch"): string {
  return `${kind}@${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/** A timestamp parameter in the form each provider stores (SQLite: Prisma's ISO text). */
function ts(provider: Database["provider"], d: Date): string {
  return provider === "sqlite" ? d.toISOString().replace("Z", "+00:00") : d.toISOString().replace("Z", "");
}

async function rowsFor(database: Database, ids: number[]): Promise<FeedRow[]> {
  if (ids.length === 0) return [];
  const rows = await database.db.feed.findMany({ where: { id: { in: ids } }, select: feedRowSelect, orderBy: [{ nextFetchAt: "asc" }, { id: "asc" }] });
  return rows;
}

export interface ClaimOptions {
  owner: string;
  /** How long the claim holds if the owner never finishes. */
  leaseMs: number;
  now?: Date;
}

/**
 * Claim up to `limit` enabled feeds that are due (`nextFetchAt <= now`) and not leased by
 * anyone, oldest due first. Returns the claimed feeds.
 */
export async function claimDueFeeds(database: Database, opts: ClaimOptions & { limit: number }): Promise<FeedRow[]> {
  const now = opts.now ?? new Date();
  const until = new Date(now.getTime() + opts.leaseMs);
  const limit = Math.max(1, Math.floor(opts.limit));
  let rows: { id: number | bigint }[];
  if (database.provider === "postgresql") {
    rows = await database.db.$queryRawUnsafe<{ id: number }[]>(
      `UPDATE "Feed" SET "leaseOwner" = $1, "leaseUntil" = $2::timestamp(3), "updatedAt" = $3::timestamp(3)
       WHERE "id" IN (
         SELECT "id" FROM "Feed"
         WHERE "enabled" = true AND "nextFetchAt" <= $3::timestamp(3) AND ("leaseUntil" IS NULL OR "leaseUntil" <= $3::timestamp(3))
         ORDER BY "nextFetchAt", "id"
         LIMIT $4
         FOR UPDATE SKIP LOCKED)
       AND ("leaseUntil" IS NULL OR "leaseUntil" <= $3::timestamp(3))
       RETURNING "id"`,
      opts.owner, ts("postgresql", until), ts("postgresql", now), limit,
    );
  } else {
    const n = ts("sqlite", now);
    rows = await database.db.$queryRawUnsafe<{ id: number | bigint }[]>(
      `UPDATE "Feed" SET "leaseOwner" = ?, "leaseUntil" = ?, "updatedAt" = ?
       WHERE "id" IN (
         SELECT "id" FROM "Feed"
         WHERE "enabled" = 1 AND "nextFetchAt" <= ? AND ("leaseUntil" IS NULL OR "leaseUntil" <= ?)
         ORDER BY "nextFetchAt", "id"
         LIMIT ?)
       RETURNING "id"`,
      opts.owner, ts("sqlite", until), n, n, n, limit,
    );
  }
  return rowsFor(database, rows.map((r) => Number(r.id)));
}

export type ClaimOneResult = { ok: true; feed: FeedRow } | { ok: false; reason: "not_found" | "leased"; leaseOwner?: string | null; leaseUntil?: Date | null };

/**
 * Claim one feed now, due or not, enabled or not (a manual refresh), unless another watcher
 * holds its lease.
 */
export async function claimFeed(database: Database, id: number, opts: ClaimOptions): Promise<ClaimOneResult> {
  const now = opts.now ?? new Date();
  const until = new Date(now.getTime() + opts.leaseMs);
  const p = database.provider;
  const sql =
    p === "postgresql"
      ? `UPDATE "Feed" SET "leaseOwner" = $1, "leaseUntil" = $2::timestamp(3), "updatedAt" = $3::timestamp(3)
         WHERE "id" = $4 AND ("leaseUntil" IS NULL OR "leaseUntil" <= $3::timestamp(3)) RETURNING "id"`
      : `UPDATE "Feed" SET "leaseOwner" = ?, "leaseUntil" = ?, "updatedAt" = ?
         WHERE "id" = ? AND ("leaseUntil" IS NULL OR "leaseUntil" <= ?) RETURNING "id"`;
  const params = p === "postgresql" ? [opts.owner, ts(p, until), ts(p, now), id] : [opts.owner, ts(p, until), ts(p, now), id, ts(p, now)];
  const rows = await database.db.$queryRawUnsafe<{ id: number | bigint }[]>(sql, ...params);
  if (rows.length === 1) {
    const [feed] = await rowsFor(database, [id]);
    if (feed) return { ok: true, feed };
  }
  const current = await database.db.feed.findUnique({ where: { id }, select: { leaseOwner: true, leaseUntil: true } });
  if (!current) return { ok: false, reason: "not_found" };
  return { ok: false, reason: "leased", leaseOwner: current.leaseOwner, leaseUntil: current.leaseUntil };
}

/**
 * Write a fetch's outcome and release the lease, only if `owner` still holds it (a watcher whose
 * lease expired and was taken over must not overwrite the newer fetch). Returns false then.
 */
export async function finishFeed(database: Database, id: number, owner: string, data: Prisma.FeedUpdateManyMutationInput): Promise<boolean> {
  const { count } = await database.db.feed.updateMany({
    where: { id, leaseOwner: owner },
    data: { ...data, leaseOwner: null, leaseUntil: null },
  });
  return count === 1;
}

/** Release a lease without recording a fetch (the watcher is stopping). */
export async function releaseFeed(database: Database, id: number, owner: string): Promise<boolean> {
  return finishFeed(database, id, owner, {});
}

/** When the next enabled feed is due (null when there is none), so an idle watcher can sleep until then. */
export async function nextDueAt(database: Database): Promise<Date | null> {
  const next = await database.db.feed.findFirst({ where: { enabled: true }, orderBy: { nextFetchAt: "asc" }, select: { nextFetchAt: true } });
  return next?.nextFetchAt ?? null;
}
