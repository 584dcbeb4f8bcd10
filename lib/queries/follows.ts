/**
 * Read access for follows: the follows with their unread counts, a follow's change log, webhook
 * deliveries, and what change detection compares (event states, which new articles a saved search
 * matches).
 */
import { getDatabase, type Database } from "../db";
import type { EventState } from "../follows/detect";
import type { ChangeKind, DeliveryStatus, FollowChangeItem, FollowItem, FollowKind, SavedSearch, WebhookDeliveryItem } from "../schemas/follows";
import { and, ident, join, readRows, sql, toBool, toDate, toNullableNumber, toNumber } from "./sql";
import { articleConditions } from "./where";

const followSelect = {
  id: true,
  kind: true,
  target: true,
  label: true,
  divergenceThreshold: true,
  webhookUrl: true,
  webhookSecret: true,
  createdBy: true,
  createdAt: true,
} as const;

type FollowRow = { id: number; kind: string; target: string; label: string; divergenceThreshold: number | null; webhookUrl: string | null; webhookSecret: string | null; createdBy: string; createdAt: Date };

function toFollowItem(r: FollowRow, counts: { total: number; unread: number }): FollowItem {
  return {
    id: r.id,
    kind: r.kind as FollowKind,
    target: r.target,
    label: r.label,
    divergenceThreshold: r.divergenceThreshold,
    webhookUrl: r.webhookUrl,
    hasWebhookSecret: r.webhookSecret !== null,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    changeCount: counts.total,
    unreadCount: counts.unread,
  };
}

async function changeCounts(database: Database, followIds: number[]): Promise<Map<number, { total: number; unread: number }>> {
  const out = new Map<number, { total: number; unread: number }>();
  if (!followIds.length) return out;
  // Raw SQL over `FollowChange_followId_createdAt_idx` (the event page asks on every request;
  // Prisma's groupBy cost more CPU to compile than the count).
  const groups = await readRows<{ followId: unknown; read: unknown; n: unknown }>(
    database,
    sql`SELECT c."followId" AS "followId", c."read" AS "read", COUNT(*) AS "n" FROM "FollowChange" c
      WHERE c."followId" IN (${join(followIds)}) GROUP BY c."followId", c."read"`,
  );
  for (const g of groups) {
    const id = toNumber(g.followId);
    const n = toNumber(g.n);
    const c = out.get(id) ?? { total: 0, unread: 0 };
    c.total += n;
    if (!toBool(g.read)) c.unread += n;
    out.set(id, c);
  }
  return out;
}

/** Every follow, newest first, with how many changes it has and how many are unread. */
export async function listFollows(database: Database = getDatabase()): Promise<FollowItem[]> {
  const rows = await database.db.follow.findMany({ orderBy: { id: "desc" }, select: followSelect });
  const counts = await changeCounts(database, rows.map((r) => r.id));
  return rows.map((r) => toFollowItem(r, counts.get(r.id) ?? { total: 0, unread: 0 }));
}

/** One follow, or null. */
export async function getFollow(id: number, database: Database = getDatabase()): Promise<FollowItem | null> {
  const row = await database.db.follow.findUnique({ where: { id }, select: followSelect });
  if (!row) return null;
  const counts = await changeCounts(database, [id]);
  return toFollowItem(row, counts.get(id) ?? { total: 0, unread: 0 });
}

/** Follows of one item (for a Follow button: is it followed already?). */
export async function findFollows(kind: FollowKind, target: string, database: Database = getDatabase()): Promise<FollowItem[]> {
  // Raw SQL over `Follow_kind_target_idx`: asked by every event and outlet page.
  const rows = await readRows<Record<keyof FollowRow, unknown>>(
    database,
    sql`SELECT ${join(
      Object.keys(followSelect).map((c) => sql`f.${ident(c)} AS ${ident(c)}`),
      ", ",
    )} FROM "Follow" f WHERE f."kind" = ${kind} AND f."target" = ${target} ORDER BY f."id" ASC`,
  );
  const follows: FollowRow[] = rows.map((r) => ({
    id: toNumber(r.id),
    kind: String(r.kind),
    target: String(r.target),
    label: String(r.label),
    divergenceThreshold: toNullableNumber(r.divergenceThreshold),
    webhookUrl: r.webhookUrl == null ? null : String(r.webhookUrl),
    webhookSecret: r.webhookSecret == null ? null : String(r.webhookSecret),
    createdBy: String(r.createdBy),
    createdAt: toDate(r.createdAt)!,
  }));
  const counts = await changeCounts(database, follows.map((r) => r.id));
  return follows.map((r) => toFollowItem(r, counts.get(r.id) ?? { total: 0, unread: 0 }));
}

/** Unread changes over every follow (the navigation badge). */
export async function countUnreadChanges(database: Database = getDatabase()): Promise<number> {
  // Every page's navigation asks: raw SQL over `FollowChange_read_idx` (`= false` is the
  // index's value on both databases; SQLite reads FALSE as 0).
  const [row] = await readRows<{ n: unknown }>(database, sql`SELECT COUNT(*) AS "n" FROM "FollowChange" c WHERE c."read" = false`);
  return toNumber(row?.n);
}

export interface ChangeListOptions {
  followId?: number;
  unread?: boolean;
  limit?: number;
  /** Changes with a smaller id than this (paging back). */
  before?: number;
}

/** Changes, newest first, with their webhook delivery state. */
export async function listChanges(opts: ChangeListOptions = {}, database: Database = getDatabase()): Promise<FollowChangeItem[]> {
  const rows = await database.db.followChange.findMany({
    where: {
      ...(opts.followId !== undefined ? { followId: opts.followId } : {}),
      ...(opts.unread ? { read: false } : {}),
      ...(opts.before !== undefined ? { id: { lt: opts.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: opts.limit ?? 100,
    select: {
      id: true,
      followId: true,
      kind: true,
      summary: true,
      payload: true,
      eventId: true,
      articleId: true,
      read: true,
      createdAt: true,
      delivery: { select: { status: true, attempts: true, responseCode: true, lastError: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    followId: r.followId,
    kind: r.kind as ChangeKind,
    summary: r.summary,
    payload: (r.payload ?? {}) as Record<string, unknown>,
    eventId: r.eventId,
    articleId: r.articleId,
    read: r.read,
    createdAt: r.createdAt.toISOString(),
    delivery: r.delivery ? { ...r.delivery, status: r.delivery.status as DeliveryStatus } : null,
  }));
}

/** Webhook deliveries, newest first (optionally one follow's, or only those not delivered). */
export async function listDeliveries(
  opts: { followId?: number; undelivered?: boolean; limit?: number } = {},
  database: Database = getDatabase(),
): Promise<WebhookDeliveryItem[]> {
  const rows = await database.db.webhookDelivery.findMany({
    where: {
      ...(opts.followId !== undefined ? { followId: opts.followId } : {}),
      ...(opts.undelivered ? { status: { not: "delivered" } } : {}),
    },
    orderBy: { id: "desc" },
    take: opts.limit ?? 50,
    select: {
      id: true,
      followId: true,
      changeId: true,
      url: true,
      status: true,
      attempts: true,
      responseCode: true,
      lastError: true,
      nextAttemptAt: true,
      lastAttemptAt: true,
      deliveredAt: true,
      follow: { select: { label: true } },
      change: { select: { summary: true } },
    },
  });
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return rows.map((r) => ({
    id: r.id,
    followId: r.followId,
    followLabel: r.follow.label,
    changeId: r.changeId,
    changeSummary: r.change.summary,
    url: r.url,
    status: r.status as DeliveryStatus,
    attempts: r.attempts,
    responseCode: r.responseCode,
    lastError: r.lastError,
    nextAttemptAt: iso(r.nextAttemptAt),
    lastAttemptAt: iso(r.lastAttemptAt),
    deliveredAt: iso(r.deliveredAt),
  }));
}

/**
 * The state of each event in `eventIds` that change detection compares (events that do not exist
 * are absent): title, divergence, member articles with their outlets in publication order, and the
 * figures about the event (context figures left out).
 */
export async function loadEventStates(database: Database, eventIds: string[]): Promise<Map<string, EventState>> {
  const out = new Map<string, EventState>();
  const ids = [...new Set(eventIds)];
  for (let i = 0; i < ids.length; i += 100) {
    const events = await database.db.event.findMany({
      where: { id: { in: ids.slice(i, i + 100) } },
      select: {
        id: true,
        title: true,
        divergence: true,
        articles: {
          orderBy: [{ article: { publishedAt: { sort: "asc", nulls: "last" } } }, { articleId: "asc" }],
          select: {
            article: {
              select: {
                id: true,
                title: true,
                outlet: { select: { key: true, name: true } },
                claims: {
                  where: { isContext: false },
                  orderBy: { start: "asc" },
                  select: { kind: true, min: true, max: true, qualifier: true, authority: true, phrase: true },
                },
              },
            },
          },
        },
      },
    });
    for (const e of events) {
      out.set(e.id, {
        eventId: e.id,
        title: e.title,
        divergence: e.divergence,
        articles: e.articles.map(({ article: a }) => ({ id: a.id, title: a.title, outletKey: a.outlet.key, outletName: a.outlet.name })),
        figures: e.articles.flatMap(({ article: a }) => a.claims.map((c) => ({ ...c, articleId: a.id, outletKey: a.outlet.key }))),
      });
    }
  }
  return out;
}

/** What detection needs to know of a touched article. */
export interface TouchedArticle {
  id: string;
  title: string;
  outletKey: string;
  outletName: string;
  eventId: string | null;
}

/** The stored articles among `ids`, with outlet and event, in publication order (then id). */
export async function loadTouchedArticles(database: Database, ids: string[]): Promise<TouchedArticle[]> {
  const out: TouchedArticle[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await database.db.article.findMany({
      where: { id: { in: unique.slice(i, i + 500) } },
      orderBy: [{ publishedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      select: { id: true, title: true, outlet: { select: { key: true, name: true } }, membership: { select: { eventId: true } } },
    });
    for (const r of rows) out.push({ id: r.id, title: r.title, outletKey: r.outlet.key, outletName: r.outlet.name, eventId: r.membership?.eventId ?? null });
  }
  return out;
}

/** Which of `ids` a saved search matches (the same conditions as the article list). */
export async function matchSavedSearch(database: Database, search: SavedSearch, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const where = await articleConditions(database, search, { alias: "a", rowsWanted: chunk.length });
    where.push(sql`${ident("a", "id")} IN (${join(chunk)})`);
    const rows = await database.db.$queryRaw<{ id: string }[]>(sql`SELECT ${ident("a", "id")} AS "id" FROM "Article" a WHERE ${and(where)}`);
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** Whether `kind`'s target names something that exists (events by id, outlets by key). */
export async function followTargetExists(database: Database, kind: FollowKind, target: string): Promise<boolean> {
  if (kind === "event") return (await database.db.event.count({ where: { id: target } })) > 0;
  if (kind === "outlet") return (await database.db.outlet.count({ where: { key: target } })) > 0;
  return true;
}

/** A display label for a follow's target: the event's title, the outlet's name. */
export async function followTargetLabel(database: Database, kind: FollowKind, target: string): Promise<string | null> {
  if (kind === "event") return (await database.db.event.findUnique({ where: { id: target }, select: { title: true } }))?.title ?? null;
  if (kind === "outlet") return (await database.db.outlet.findUnique({ where: { key: target }, select: { name: true } }))?.name ?? null;
  return null;
}
