import { eventTitle } from "../cluster";
import type { Database, Db } from "../db";
import { transactionWithConnection, type RawConnection } from "../db/raw-connection";
import { chooseDay, choosePlace } from "../places/choose";
import { parsePlaceCandidates } from "../places/serialize";
import { toParam, type BulkValue } from "./bulk";
import { allByKeys, sqlRunner, timestampMs, updateFromJsonPg, type SqlRunner, type TypedColumn } from "./sql-runner";
import { countIndependentSources, figuresBySource, isIndependent, resolveOrigins, toProvenanceArticle } from "../provenance";

type Tx = Pick<Db, "event" | "$queryRawUnsafe" | "$executeRawUnsafe">;

export interface FigureSummary {
  min: number | null;
  max: number | null;
  median: number | null;
  divergence: number | null;
}

/**
 * Spread of the figures independent sources give for one kind. Each source contributes its
 * lower bound (`min`, else `max`): an "at least 62" and an "83 to 90" disagree by 62 vs 83.
 * The event's range is [lowest lower bound, highest stated bound]. Divergence is the
 * range of lower bounds relative to their median, so 62 vs 90 scores 0.37 whatever the scale;
 * a single source, or none, has no divergence.
 */
export function summariseFigures(figures: { min: number | null; max: number | null }[]): FigureSummary {
  const lows = figures.map((f) => f.min ?? f.max).filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (lows.length === 0) return { min: null, max: null, median: null, divergence: null };
  const highs = figures.map((f) => f.max ?? f.min).filter((v): v is number => v !== null);
  const mid = Math.floor(lows.length / 2);
  const median = lows.length % 2 ? lows[mid]! : (lows[mid - 1]! + lows[mid]!) / 2;
  const spread = lows[lows.length - 1]! - lows[0]!;
  const ratio = lows.length < 2 ? null : median > 0 ? spread / median : spread > 0 ? 1 : 0;
  // Nine decimals: a ratio written through any driver reads back the same (Prisma's raw queries
  // shorten a double's last digits), so stored and recomputed aggregates compare equal.
  const divergence = ratio === null ? null : Math.round(ratio * 1e9) / 1e9;
  return { min: lows[0]!, max: Math.max(...highs, lows[lows.length - 1]!), median, divergence };
}

/** What the refresh reads of one member article (one row of MEMBERS_SQL). */
interface MemberRow {
  eventId: string;
  id: string;
  title: string;
  publishedAt: unknown;
  publishedDay: string | null;
  places: string | null;
  eventDay: string | null;
  outletId: number;
  outletKey: string;
  outletName: string;
  url: string | null;
  syndicatedFromId: string | null;
  syndicatedKey: string | null;
  syndicatedName: string | null;
  originalSourceName: string | null;
  originalSourceUrl: string | null;
}

/** Events per statement: their ids are bound one parameter each. */
const EVENTS_PER_STATEMENT = 200;

// The columns and joins of a member read (MEMBERS_SQL, PG_MEMBERS_SQL).
const MEMBER_SELECT = `
  SELECT ea."eventId" AS "eventId", a."id" AS "id", a."title" AS "title", a."publishedAt" AS "publishedAt",
         a."publishedDay" AS "publishedDay", a."places" AS "places", a."eventDay" AS "eventDay", a."outletId" AS "outletId",
         o."key" AS "outletKey", o."name" AS "outletName", a."url" AS "url", a."syndicatedFromId" AS "syndicatedFromId",
         so."key" AS "syndicatedKey", so."name" AS "syndicatedName",
         a."originalSourceName" AS "originalSourceName", a."originalSourceUrl" AS "originalSourceUrl"
  FROM "EventArticle" ea
  JOIN "Article" a ON a."id" = ea."articleId"
  JOIN "Outlet" o ON o."id" = a."outletId"
  LEFT JOIN "Article" s ON s."id" = a."syndicatedFromId"
  LEFT JOIN "Outlet" so ON so."id" = s."outletId"`;

// A fixed order: the title chooser breaks ties by position, so both databases agree.
const MEMBERS_SQL = (marks: string) => `${MEMBER_SELECT}
  WHERE ea."eventId" IN (${marks})
  ORDER BY ea."eventId", a."publishedAt" IS NULL, a."publishedAt", a."id"`;

/**
 * PostgreSQL: the same rows as MEMBERS_SQL / CLAIMS_SQL, read event by event (a LATERAL
 * sub-query that OFFSET 0 keeps from being flattened into one join). As one join, the planner
 * estimates the members of 200 events from the average event (large events weigh it up), often
 * thousands of rows, and hashes the whole of "Article" or "CasualtyClaim" for them: a scan that
 * grows with the corpus (30 ms and 100 ms per 200 events at 30,000 articles). Per event it
 * looks up the few members by index.
 */
const PG_MEMBERS_SQL = (marks: string) => `
  SELECT m.* FROM (VALUES ${marks}) AS ev("id") CROSS JOIN LATERAL (${MEMBER_SELECT}
    WHERE ea."eventId" = ev."id"
    OFFSET 0) m
  ORDER BY m."eventId", m."publishedAt" IS NULL, m."publishedAt", m."id"`;
const PG_CLAIMS_SQL = (marks: string) => `
  SELECT c."articleId", c."kind", c."min", c."max" FROM (VALUES ${marks}) AS ev("id") CROSS JOIN LATERAL (
    SELECT c."id" AS "id", c."articleId" AS "articleId", c."kind" AS "kind", c."min" AS "min", c."max" AS "max"
    FROM "EventArticle" ea
    JOIN "CasualtyClaim" c ON c."articleId" = ea."articleId"
    WHERE ea."eventId" = ev."id" AND c."isHeadline" = true AND c."isContext" = false AND c."kind" IN ('killed', 'wounded')
    OFFSET 0) c
  ORDER BY c."id"`;

// The figures the aggregates use: members' headline killed and wounded claims, in stored order.
const CLAIMS_SQL = (marks: string) => `
  SELECT c."articleId" AS "articleId", c."kind" AS "kind", c."min" AS "min", c."max" AS "max"
  FROM "EventArticle" ea
  JOIN "CasualtyClaim" c ON c."articleId" = ea."articleId"
  WHERE ea."eventId" IN (${marks}) AND c."isHeadline" = true AND c."isContext" = false AND c."kind" IN ('killed', 'wounded')
  ORDER BY c."id"`;

const UPDATE_SQL = `
  UPDATE "Event" SET
    "title" = CASE WHEN "titleManual" THEN "title" ELSE ? END,
    "place" = ?, "day" = ?, "articleCount" = ?, "sourceCount" = ?, "outletCount" = ?,
    "firstSeen" = ?::ts, "lastSeen" = ?::ts,
    "killedMin" = ?, "killedMax" = ?, "killedMedian" = ?, "woundedMin" = ?, "woundedMax" = ?, "woundedMedian" = ?,
    "divergence" = ?, "refreshPending" = false, "updatedAt" = ?::ts
  WHERE "id" = ?`;

interface RefreshOptions {
  provider: "sqlite" | "postgresql";
  /** The transaction's driver connection (`transactionWithConnection`), when the caller has it. */
  raw?: RawConnection | null;
}

/**
 * Recompute the denormalised columns of the given events (counts, dates, figure ranges, medians,
 * divergence, title, main place and day) from their members. Events left with no members are
 * deleted. A title an analyst set (`titleManual`) is kept. Runs inside the caller's transaction.
 *
 * Place and day come from what ingest stored on each article (`Article.places`, `eventDay`):
 * no text is read here. Per 200 events: one query for the members, one for their headline
 * figures, then one update per event, in hand-written SQL (`sqlRunner`): ingest refreshes
 * every event a batch touches, and through Prisma's nested selects this step cost more than
 * storing the batch (180 µs of CPU per member read; now about a third of that).
 *
 * @returns the ids among `eventIds` that were deleted because they had no members left
 */
export async function refreshEvents(tx: Tx, eventIds: Iterable<string>, opts: RefreshOptions): Promise<string[]> {
  const ids = [...new Set(eventIds)];
  const sql = sqlRunner(tx, opts.provider, opts.raw);
  const deleted: string[] = [];
  const now = new Date();
  for (let i = 0; i < ids.length; i += EVENTS_PER_STATEMENT) {
    const chunk = ids.slice(i, i + EVENTS_PER_STATEMENT);
    const pg = sql.provider === "postgresql";
    const marks = chunk.map(() => (pg ? "(?)" : "?")).join(", ");
    const rows = await sql.all<MemberRow>((pg ? PG_MEMBERS_SQL : MEMBERS_SQL)(marks), chunk);
    const claimRows = await sql.all<ClaimRow>((pg ? PG_CLAIMS_SQL : CLAIMS_SQL)(marks), chunk);
    const claims = new Map<string, ClaimRow[]>();
    for (const c of claimRows) {
      const list = claims.get(c.articleId);
      if (list) list.push(c);
      else claims.set(c.articleId, [c]);
    }
    const byEvent = new Map<string, MemberArticle[]>();
    for (const r of rows) {
      const list = byEvent.get(r.eventId) ?? [];
      list.push(toMember(r, claims.get(r.id) ?? []));
      byEvent.set(r.eventId, list);
    }
    const empty = chunk.filter((id) => !byEvent.has(id));
    if (empty.length) {
      const gone = await tx.event.findMany({ where: { id: { in: empty } }, select: { id: true } });
      await tx.event.deleteMany({ where: { id: { in: empty } } });
      deleted.push(...gone.map((e) => e.id));
    }
    const updates = [...byEvent].map(([eventId, articles]): BulkValue[] => {
      const a = aggregate(articles);
      return [
        a.title, a.place, a.day, a.articleCount, a.sourceCount, a.outletCount, a.firstSeen, a.lastSeen,
        a.killed.min, a.killed.max, a.killed.median, a.wounded.min, a.wounded.max, a.wounded.median,
        a.killed.divergence, now, eventId,
      ];
    });
    if (sql.provider === "postgresql") await updateEventsPg(sql, updates, now);
    else for (const values of updates) await sql.run(UPDATE_SQL, values);
  }
  return deleted;
}

/** The Event table's key, for `updateFromJsonPg`. */
const EVENT_ID: TypedColumn = ["id", "text"];

/** The columns of UPDATE_SQL's values, in order (the last two: updatedAt, id). */
const UPDATE_COLUMNS: TypedColumn[] = [
  ["title", "text"], ["place", "text"], ["day", "text"], ["articleCount", "integer"], ["sourceCount", "integer"],
  ["outletCount", "integer"], ["firstSeen", "timestamp(3)"], ["lastSeen", "timestamp(3)"], ["killedMin", "integer"],
  ["killedMax", "integer"], ["killedMedian", "double precision"], ["woundedMin", "integer"], ["woundedMax", "integer"],
  ["woundedMedian", "double precision"], ["divergence", "double precision"],
];

/** PostgreSQL: UPDATE_SQL for many events in one statement (`updateFromJsonPg`). */
async function updateEventsPg(sql: SqlRunner, updates: BulkValue[][], now: Date): Promise<void> {
  const rows = updates.map((values) => {
    const row: Record<string, string | number | boolean | null> = { id: toParam("postgresql", values[values.length - 1]!) };
    UPDATE_COLUMNS.forEach(([name], k) => (row[name] = toParam("postgresql", values[k]!)));
    return row;
  });
  const set = UPDATE_COLUMNS.filter(([name]) => name !== "title").map(([name]) => `"${name}" = v."${name}"`).join(", ");
  await updateFromJsonPg(
    sql,
    "Event",
    EVENT_ID,
    UPDATE_COLUMNS,
    `"title" = CASE WHEN t."titleManual" THEN t."title" ELSE v."title" END, ${set}, "refreshPending" = false, "updatedAt" = ?::ts`,
    rows,
    { params: [now] },
  );
}

interface ClaimRow {
  articleId: string;
  kind: string;
  min: number | null;
  max: number | null;
}

type MemberArticle = ReturnType<typeof toMember>;

function toMember(r: MemberRow, claims: ClaimRow[]) {
  const ms = timestampMs(r.publishedAt);
  return {
    id: r.id,
    title: r.title,
    publishedAt: ms === null ? null : new Date(ms),
    publishedDay: r.publishedDay,
    places: r.places,
    eventDay: r.eventDay,
    outletId: Number(r.outletId),
    outlet: { key: r.outletKey, name: r.outletName },
    url: r.url,
    syndicatedFromId: r.syndicatedFromId,
    syndicatedFrom:
      r.syndicatedFromId && r.syndicatedKey !== null && r.syndicatedName !== null
        ? { id: r.syndicatedFromId, outlet: { key: r.syndicatedKey, name: r.syndicatedName } }
        : null,
    originalSourceName: r.originalSourceName,
    originalSourceUrl: r.originalSourceUrl,
    claims: claims.map((c) => ({ kind: c.kind, min: c.min === null ? null : Number(c.min), max: c.max === null ? null : Number(c.max), isHeadline: true, isContext: false })),
  };
}

/** An event's stored aggregates, from its members in publication order. */
function aggregate(articles: MemberArticle[]) {
  // Independent sources as the event page counts them (lib/provenance): detected copies and
  // declared republications count for their original, once, whoever carries them.
  const origins = resolveOrigins(articles.map(toProvenanceArticle));
  const independent = articles.filter((a) => isIndependent(a.id, origins));
  // Where and when: what independent reports say (copies repeat their original); all if none is.
  const voters = independent.length ? independent : articles;
  const place = choosePlace(voters.map((a) => parsePlaceCandidates(a.places)));
  const times = articles.map((a) => a.publishedAt?.getTime()).filter((t): t is number => t !== undefined);
  return {
    title: eventTitle(articles.map((a) => ({ title: a.title, outlet: a.outlet.name }))),
    place: place?.label ?? null,
    day: chooseDay(voters),
    articleCount: articles.length,
    sourceCount: countIndependentSources(articles.map((a) => a.id), origins),
    outletCount: new Set(articles.map((a) => a.outletId)).size,
    firstSeen: times.length ? new Date(Math.min(...times)) : null,
    lastSeen: times.length ? new Date(Math.max(...times)) : null,
    killed: summariseFigures(figuresBySource(articles, origins, "killed")),
    wounded: summariseFigures(figuresBySource(articles, origins, "wounded")),
  };
}

/**
 * Events with at least this many members are not refreshed in full by every ingest batch that
 * adds to them: ingest keeps their counts and dates current and marks them `refreshPending`, and
 * `refreshPendingEvents` recomputes the rest every few seconds and when the ingest ends. A
 * 200-article event reported over a day of news is otherwise re-read, re-titled and re-counted
 * by each of dozens of batches (at 100k articles, 0.7 ms of CPU per article ingested). A full
 * refresh reads every member (its article row, its figures): once the file outgrows the page
 * cache each member read costs several page reads (article row, id index, figures), and 10-49-
 * member events are re-read by many batches too. Below 10 members the refresh stays immediate:
 * new and small events get their title, place and figures in the batch that creates them.
 */
export const DEFER_REFRESH_MIN_MEMBERS = 10;

/** What one batch added to one event. */
export interface MemberAddition {
  eventId: string;
  added: number;
  /** Earliest and latest publication times among the added members (null: none known). */
  first: Date | null;
  last: Date | null;
}

const STORED_COUNTS_SQL = (marks: string) => `SELECT "id" AS "id", "articleCount" AS "articleCount" FROM "Event" WHERE "id" IN (${marks})`;

const ADD_MEMBERS_SQL = `
  UPDATE "Event" SET
    "articleCount" = "articleCount" + ?,
    "firstSeen" = CASE WHEN "firstSeen" IS NULL OR "firstSeen" > ?::ts THEN coalesce(?::ts, "firstSeen") ELSE "firstSeen" END,
    "lastSeen" = CASE WHEN "lastSeen" IS NULL OR "lastSeen" < ?::ts THEN coalesce(?::ts, "lastSeen") ELSE "lastSeen" END,
    "refreshPending" = true, "updatedAt" = ?::ts
  WHERE "id" = ?`;

/**
 * The refresh after a batch of new members (ingest): small and new events in full, now; large
 * ones (`DEFER_REFRESH_MIN_MEMBERS`) by counts and dates only, marked for `refreshPendingEvents`.
 * Runs inside the batch's transaction, so a crash leaves either neither or both the members and
 * the mark.
 */
export async function refreshAfterAdding(tx: Tx, additions: MemberAddition[], opts: RefreshOptions & { deferFrom?: number }): Promise<void> {
  const sql = sqlRunner(tx, opts.provider, opts.raw);
  const deferFrom = opts.deferFrom ?? DEFER_REFRESH_MIN_MEMBERS;
  const stored = new Map<string, number>();
  const counts = await allByKeys<{ id: string; articleCount: number | bigint }>(sql, STORED_COUNTS_SQL, additions.map((a) => a.eventId), EVENTS_PER_STATEMENT);
  for (const r of counts) stored.set(r.id, Number(r.articleCount));
  const now = new Date();
  const full: string[] = [];
  const deferred: MemberAddition[] = [];
  for (const a of additions) {
    if ((stored.get(a.eventId) ?? 0) < deferFrom) full.push(a.eventId);
    else deferred.push(a);
  }
  if (sql.provider === "postgresql") {
    // One statement for all of them (see updateEventsPg); the additions are sorted by event id.
    for (let i = 0; i < deferred.length; i += EVENTS_PER_STATEMENT) await addMembersPg(sql, deferred.slice(i, i + EVENTS_PER_STATEMENT), now);
  } else {
    for (const a of deferred) await sql.run(ADD_MEMBERS_SQL, [a.added, a.first, a.first, a.last, a.last, now, a.eventId]);
  }
  await refreshEvents(tx, full, opts);
}

/** PostgreSQL: ADD_MEMBERS_SQL for many events in one statement (`updateFromJsonPg`). */
async function addMembersPg(sql: SqlRunner, additions: MemberAddition[], now: Date): Promise<void> {
  const rows = additions.map((a) => ({ id: a.eventId, added: a.added, first: toParam("postgresql", a.first), last: toParam("postgresql", a.last) }));
  await updateFromJsonPg(
    sql,
    "Event",
    EVENT_ID,
    [["added", "integer"], ["first", "timestamp(3)"], ["last", "timestamp(3)"]],
    `"articleCount" = t."articleCount" + v."added",
       "firstSeen" = CASE WHEN t."firstSeen" IS NULL OR t."firstSeen" > v."first" THEN coalesce(v."first", t."firstSeen") ELSE t."firstSeen" END,
       "lastSeen" = CASE WHEN t."lastSeen" IS NULL OR t."lastSeen" < v."last" THEN coalesce(v."last", t."lastSeen") ELSE t."lastSeen" END,
       "refreshPending" = true, "updatedAt" = ?::ts`,
    rows,
    { params: [now] },
  );
}

/**
 * Lock events for an aggregate refresh (PostgreSQL; SQLite has one writer at a time). A
 * concurrent ingest adding to the same events waits until this transaction commits, then reads
 * the members with these included: without the lock each transaction would count only its own
 * new members and the last to commit would overwrite the other's aggregates. NO KEY UPDATE does
 * not conflict with the key-share locks membership inserts hold; sorted ids keep two writers
 * from locking in opposite orders.
 */
export async function lockEventsForRefresh(tx: Pick<Db, "$executeRawUnsafe">, provider: "sqlite" | "postgresql", eventIds: string[]): Promise<void> {
  if (provider !== "postgresql") return;
  const sorted = [...new Set(eventIds)].sort();
  for (let i = 0; i < sorted.length; i += 1000) {
    const chunk = sorted.slice(i, i + 1000);
    const marks = chunk.map((_, k) => `$${k + 1}`).join(", ");
    await tx.$executeRawUnsafe(`SELECT 1 FROM "Event" WHERE "id" IN (${marks}) ORDER BY "id" FOR NO KEY UPDATE`, ...chunk);
  }
}

/** Events refreshed per transaction by `refreshPendingEvents`. */
const PENDING_PER_TRANSACTION = 500;

/**
 * Refresh in full every event marked `refreshPending` (see `refreshAfterAdding`): those an
 * ingest deferred, or left marked by one that crashed. Each page of events is one transaction
 * that also clears their marks. Events marked again meanwhile by a concurrent ingest are left
 * for its own refresh (the walk goes once through the ids).
 *
 * @returns the ids refreshed
 */
export async function refreshPendingEvents(database: Database): Promise<string[]> {
  const { db, provider } = database;
  const refreshed: string[] = [];
  let after = "";
  for (;;) {
    const page = await db.event.findMany({
      where: { refreshPending: true, id: { gt: after } },
      orderBy: { id: "asc" },
      take: PENDING_PER_TRANSACTION,
      select: { id: true },
    });
    if (page.length === 0) return refreshed;
    const ids = page.map((e) => e.id);
    await transactionWithConnection(
      db,
      provider,
      async (tx, raw) => {
        await lockEventsForRefresh(tx, provider, ids);
        await refreshEvents(tx, ids, { provider, raw });
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    refreshed.push(...ids);
    after = ids[ids.length - 1]!;
  }
}
