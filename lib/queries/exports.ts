import { getDatabase, type Database, type Prisma } from "../db";
import type { ExportColumn } from "../export";
import { ARTICLE_SORTS, EVENT_SORTS, type ExportFilters, type ExportTable } from "../schemas/filters";
import { articleFrom, articleSortKeys } from "./articles";
import { claimSelect, statementSelect } from "./select";
import { eventListSelect, eventOrderBy, eventWhere } from "./events";
import { and, empty, raw, readRows, sortKeysFromPrisma, sql, timestampSql, toBool, toDate, toNullableNumber, toNumber, type SortKey, type Sql } from "./sql";
import { searchReady } from "../db/search";
import { articleConditions } from "./where";

/**
 * Rows fetched per round trip while streaming an export. Small enough that a page is written out
 * before the young generation is collected twice: a 5,000-row page (~7 MB of row objects) lived
 * through several scavenges, was promoted, and old space filled with dead rows until a full GC
 * (measured, 100k-article CSV, SQLite: +150 MB RSS and +0.6 s CPU at 5,000 rows a page, +30 MB
 * at 1,000; PostgreSQL 20k: 870 ms CPU at 5,000, 460 ms at 1,000). A keyset page costs about the
 * same whatever its position, so more pages cost little. On PostgreSQL it is the cursor's fetch size.
 */
const DEFAULT_PAGE = 1000;

/** A literal for a value read back from a row, as the column stores it. */
function literal(database: Database, v: unknown): Sql {
  return v instanceof Date ? timestampSql(database, v) : sql`${v as string | number}`;
}

interface KeysetQuery {
  /** Columns; must include the unique `id` as "id", and the sort key (see `keyOf`). */
  select: Sql;
  /** The sort key's value in a row; default: a column selected as "_key". */
  keyOf?: (row: Record<string, unknown>) => unknown;
  from: Sql;
  where: Sql[];
  /** The sort key (none: by id only); a nullable key puts its nulls last. */
  key?: SortKey;
  /** The unique column: ties of the key, and the null pass, in the key's direction (ascending without key). */
  id: Sql;
}

/**
 * Streams every row of a query. PostgreSQL: one query through a cursor, `pageSize` rows per
 * fetch (lib/db/bulk-read.ts: per-page plans cost twice the whole query there). SQLite, and
 * PostgreSQL without the driver: in pages by keyset: each page continues after the last row of
 * the previous one (descending: `key < last OR (key = last AND id < lastId)`, plus a plain
 * `key <= last` bound so the index range starts there), never with OFFSET, so each page costs
 * the same however deep the export is and rows inserted meanwhile cannot shift it. Rows with a
 * null key come in a second pass, by id.
 */
async function* keysetRows<T extends { id: string | number; _key?: unknown }>(
  database: Database,
  q: KeysetQuery,
  limit: number,
  pageSize: number,
): AsyncGenerator<T> {
  const { key } = q;
  if (database.bulk?.batches) {
    // PostgreSQL: one query behind a cursor, in the same order as the keyset pages below (nulls
    // of a nullable key last, by id in the key's direction). See lib/db/bulk-read.ts.
    const dir = raw(key?.dir === "desc" ? "DESC" : "ASC");
    const order = key ? sql`${key.expr} ${dir} NULLS LAST, ${q.id} ${dir}` : sql`${q.id} ${dir}`;
    const query = sql`SELECT ${q.select} FROM ${q.from} WHERE ${and(q.where)} ORDER BY ${order}`;
    let sent = 0;
    for await (const rows of database.bulk.batches<T>(query, pageSize)) {
      for (const r of rows) {
        if (sent++ >= limit) return;
        yield r;
      }
    }
    return;
  }
  let phase: "all" | "set" | "null" = !key ? "all" : key.nullable ? "set" : "all";
  let last: T | undefined;
  let sent = 0;
  for (;;) {
    const where = [...q.where];
    if (phase === "set") where.push(sql`${key!.expr} IS NOT NULL`);
    if (phase === "null") where.push(sql`${key!.expr} IS NULL`);
    const keyed = key && phase !== "null";
    // Ties (and the null pass) go by id in the key's direction, as the lists order them.
    const desc = key?.dir === "desc";
    const [cmp, bound, dir] = desc ? ["<", "<=", "DESC"] : [">", ">=", "ASC"];
    if (last) {
      const id = literal(database, last.id);
      if (keyed) {
        const k = literal(database, q.keyOf ? q.keyOf(last as unknown as Record<string, unknown>) : last._key);
        where.push(sql`${key.expr} ${raw(bound)} ${k}`);
        where.push(sql`${key.expr} ${raw(cmp)} ${k} OR (${key.expr} = ${k} AND ${q.id} ${raw(cmp)} ${id})`);
      } else {
        where.push(sql`${q.id} ${raw(cmp)} ${id}`);
      }
    }
    const order = keyed ? sql`${key.expr} ${raw(dir)}, ${q.id} ${raw(dir)}` : sql`${q.id} ${raw(dir)}`;
    const query = sql`SELECT ${q.select} FROM ${q.from} WHERE ${and(where)} ORDER BY ${order} LIMIT ${pageSize}`;
    const rows = await readRows<T>(database, query);
    for (const r of rows) {
      if (sent++ >= limit) return;
      yield r;
    }
    if (rows.length < pageSize) {
      if (phase !== "set") return;
      phase = "null";
      last = undefined;
      continue;
    }
    last = rows[rows.length - 1];
  }
}

// Rows come from the driver (lib/db/bulk-read.ts) or from Prisma's raw queries, which decode
// differently (SQLite timestamps as text or Date, booleans as 0/1 or true/false, integers as
// number or bigint): every cell goes through one of these.
/**
 * Prisma's SQLite text form of a UTC timestamp ("2016-09-10T12:00:00.000+00:00"), which converts
 * to ISO 8601 by its suffix alone.
 */
const SQLITE_UTC = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}\+00:00$/;
/**
 * A timestamp cell as ISO 8601 UTC. SQLite's stored text takes the string path: under `next start`
 * every `new Date` goes through Next's patched Date constructor, which was ~9% of a 100k-row CSV
 * export's CPU time (profile on the 100k bench corpus: 304 ms of ~3.4 s). Any other form (a
 * driver's Date, text in another offset) goes through Date.
 */
const iso = (d: unknown) => (typeof d === "string" && SQLITE_UTC.test(d) ? `${d.slice(0, 23)}Z` : (toDate(d)?.toISOString() ?? null));
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
/** A row type with every field as the driver may return it. */
type Raw<T> = { [K in keyof T]: unknown };

/** One article row of the export, flat: joins resolved in SQL, claim and statement counts from the counts table. */
interface ArticleExportRow {
  id: string;
  _key?: unknown;
  url: string | null;
  title: string;
  outletName: string;
  outletKey: string;
  outletKind: string;
  publishedAt: unknown;
  author: string | null;
  language: string | null;
  wordCount: unknown;
  originalSourceName: string | null;
  originalSourceUrl: string | null;
  syndicatedFromId: string | null;
  copyUrl: string | null;
  copyOutlet: string | null;
  syndicationScore: unknown;
  eventId: string | null;
  eventTitle: string | null;
  claimCount: unknown;
  statementCount: unknown;
}

const ARTICLE_EXPORT_JOINS = sql`LEFT JOIN "Article" s ON s."id" = a."syndicatedFromId" LEFT JOIN "Outlet" so ON so."id" = s."outletId"
  LEFT JOIN "EventArticle" ea ON ea."articleId" = a."id" LEFT JOIN "Event" e ON e."id" = ea."eventId"
  LEFT JOIN "ArticleExtractCount" n ON n."articleId" = a."id"`;
const ARTICLE_EXPORT_COLUMNS = sql`a."id" AS "id", a."url" AS "url", a."title" AS "title",
  o."name" AS "outletName", o."key" AS "outletKey", o."kind" AS "outletKind",
  a."publishedAt" AS "publishedAt", a."author" AS "author", a."language" AS "language", a."wordCount" AS "wordCount",
  a."originalSourceName" AS "originalSourceName", a."originalSourceUrl" AS "originalSourceUrl",
  a."syndicatedFromId" AS "syndicatedFromId", s."url" AS "copyUrl", so."name" AS "copyOutlet", a."syndicationScore" AS "syndicationScore",
  ea."eventId" AS "eventId", e."title" AS "eventTitle",
  coalesce(n."claims", 0) AS "claimCount",
  coalesce(n."statements", 0) AS "statementCount"`;

const articleColumns: ExportColumn<ArticleExportRow>[] = [
  { key: "id", header: "article_id", value: (r) => r.id },
  { key: "url", header: "url", value: (r) => r.url },
  { key: "title", header: "title", value: (r) => r.title },
  { key: "outlet", header: "outlet", value: (r) => r.outletName },
  { key: "outlet_key", header: "outlet_key", value: (r) => r.outletKey },
  { key: "outlet_kind", header: "outlet_kind", value: (r) => r.outletKind },
  { key: "published_at", header: "published_at", value: (r) => iso(r.publishedAt) },
  { key: "author", header: "author", value: (r) => r.author },
  { key: "language", header: "language", value: (r) => r.language },
  { key: "word_count", header: "word_count", value: (r) => toNumber(r.wordCount) },
  { key: "original_source", header: "original_source", value: (r) => r.originalSourceName },
  { key: "original_source_url", header: "original_source_url", value: (r) => r.originalSourceUrl },
  { key: "copy_of_article_id", header: "copy_of_article_id", value: (r) => r.syndicatedFromId },
  { key: "copy_of_url", header: "copy_of_url", value: (r) => r.copyUrl },
  { key: "copy_of_outlet", header: "copy_of_outlet", value: (r) => r.copyOutlet },
  { key: "copy_similarity", header: "copy_similarity", value: (r) => toNullableNumber(r.syndicationScore) },
  { key: "event_id", header: "event_id", value: (r) => r.eventId },
  { key: "event_title", header: "event_title", value: (r) => r.eventTitle },
  { key: "claims", header: "claims", value: (r) => toNumber(r.claimCount) },
  { key: "statements", header: "statements", value: (r) => toNumber(r.statementCount) },
];

type EventExportRow = Raw<Prisma.EventGetPayload<{ select: typeof eventListSelect }>> & { id: string };
const eventColumns: ExportColumn<EventExportRow>[] = [
  { key: "id", header: "event_id", value: (r) => r.id },
  { key: "title", header: "title", value: (r) => text(r.title) },
  { key: "place", header: "place", value: (r) => text(r.place) },
  { key: "day", header: "day", value: (r) => text(r.day) },
  { key: "first_seen", header: "first_seen", value: (r) => iso(r.firstSeen) },
  { key: "last_seen", header: "last_seen", value: (r) => iso(r.lastSeen) },
  { key: "articles", header: "articles", value: (r) => toNumber(r.articleCount) },
  { key: "independent_sources", header: "independent_sources", value: (r) => toNumber(r.sourceCount) },
  { key: "outlets", header: "outlets", value: (r) => toNumber(r.outletCount) },
  { key: "killed_min", header: "killed_min", value: (r) => toNullableNumber(r.killedMin) },
  { key: "killed_max", header: "killed_max", value: (r) => toNullableNumber(r.killedMax) },
  { key: "killed_median", header: "killed_median", value: (r) => toNullableNumber(r.killedMedian) },
  { key: "wounded_min", header: "wounded_min", value: (r) => toNullableNumber(r.woundedMin) },
  { key: "wounded_max", header: "wounded_max", value: (r) => toNullableNumber(r.woundedMax) },
  { key: "wounded_median", header: "wounded_median", value: (r) => toNullableNumber(r.woundedMedian) },
  { key: "divergence", header: "divergence", value: (r) => toNullableNumber(r.divergence) },
  { key: "locked", header: "locked", value: (r) => toBool(r.locked) },
  { key: "title_manual", header: "title_manual", value: (r) => toBool(r.titleManual) },
];

/** The article a claim or statement comes from, joined in the same query (flat). */
type ArticleRef = Raw<{
  articleId: string;
  articleUrl: string | null;
  articlePublishedAt: Date | null;
  outletName: string;
  outletKey: string;
  eventId: string | null;
  eventTitle: string | null;
}>;
const refColumns = <T extends ArticleRef>(): ExportColumn<T>[] => [
  { key: "event_id", header: "event_id", value: (r) => text(r.eventId) },
  { key: "event_title", header: "event_title", value: (r) => text(r.eventTitle) },
  { key: "article_id", header: "article_id", value: (r) => text(r.articleId) },
  { key: "article_url", header: "article_url", value: (r) => text(r.articleUrl) },
  { key: "outlet", header: "outlet", value: (r) => text(r.outletName) },
  { key: "outlet_key", header: "outlet_key", value: (r) => text(r.outletKey) },
  { key: "published_at", header: "published_at", value: (r) => iso(r.articlePublishedAt) },
];
const REF_FROM = sql`JOIN "Article" a ON a."id" = x."articleId" JOIN "Outlet" o ON o."id" = a."outletId"
  LEFT JOIN "EventArticle" ea ON ea."articleId" = a."id" LEFT JOIN "Event" e ON e."id" = ea."eventId"`;
const REF_COLUMNS = sql`a."url" AS "articleUrl", a."publishedAt" AS "articlePublishedAt", o."name" AS "outletName", o."key" AS "outletKey",
  ea."eventId" AS "eventId", e."title" AS "eventTitle"`;

type ClaimExportRow = Raw<Prisma.CasualtyClaimGetPayload<{ select: typeof claimSelect }>> & ArticleRef & { id: number };
const claimColumns: ExportColumn<ClaimExportRow>[] = [
  { key: "claim_id", header: "claim_id", value: (r) => toNumber(r.id) },
  ...refColumns<ClaimExportRow>(),
  { key: "kind", header: "kind", value: (r) => text(r.kind) },
  { key: "min", header: "min", value: (r) => toNullableNumber(r.min) },
  { key: "max", header: "max", value: (r) => toNullableNumber(r.max) },
  { key: "qualifier", header: "qualifier", value: (r) => text(r.qualifier) },
  { key: "victim_group", header: "victim_group", value: (r) => text(r.victimGroup) },
  { key: "authority", header: "authority", value: (r) => text(r.authority) },
  { key: "is_context", header: "is_context", value: (r) => toBool(r.isContext) },
  { key: "is_headline", header: "is_headline", value: (r) => toBool(r.isHeadline) },
  { key: "phrase", header: "phrase", value: (r) => text(r.phrase) },
  { key: "start", header: "start", value: (r) => toNumber(r.start) },
  { key: "end", header: "end", value: (r) => toNumber(r.end) },
  { key: "sentence", header: "evidence_sentence", value: (r) => text(r.sentence) },
  { key: "sentence_start", header: "sentence_start", value: (r) => toNumber(r.sentenceStart) },
  { key: "sentence_end", header: "sentence_end", value: (r) => toNumber(r.sentenceEnd) },
];

type StatementExportRow = Raw<Prisma.StatementGetPayload<{ select: typeof statementSelect }>> & ArticleRef & { id: number };
const statementColumns: ExportColumn<StatementExportRow>[] = [
  { key: "statement_id", header: "statement_id", value: (r) => toNumber(r.id) },
  ...refColumns<StatementExportRow>(),
  { key: "speaker", header: "speaker", value: (r) => text(r.speaker) },
  { key: "speaker_mention", header: "speaker_mention", value: (r) => text(r.speakerMention) },
  { key: "affiliation", header: "affiliation", value: (r) => text(r.affiliation) },
  { key: "cue", header: "cue", value: (r) => text(r.cue) },
  { key: "channel", header: "channel", value: (r) => text(r.channel) },
  { key: "direct", header: "direct", value: (r) => toBool(r.direct) },
  { key: "text", header: "text", value: (r) => text(r.text) },
  { key: "start", header: "start", value: (r) => toNumber(r.start) },
  { key: "end", header: "end", value: (r) => toNumber(r.end) },
];

// The export's rows and columns vary per table; callers treat rows as opaque.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ExportSource<T = any> {
  table: ExportTable;
  columns: ExportColumn<T>[];
  rows: AsyncIterable<T>;
}

/**
 * The rows of an export table under the same filters the pages use (full-text query included),
 * streamed from the database page by page (flat raw-SQL queries, keyset paging) so memory stays
 * flat whatever the row count. Articles come in the list's order (its sort and direction);
 * events in the events list's order; claims and statements by id.
 */
export function exportRows(
  table: ExportTable,
  f: ExportFilters,
  opts: { limit: number; pageSize?: number },
  database: Database = getDatabase(),
): ExportSource {
  const PAGE = opts.pageSize ?? DEFAULT_PAGE;
  // The conditions are built (and the derived tables checked) on the first pull.
  const lazy = <T extends { id: string | number }>(build: () => Promise<KeysetQuery>): AsyncIterable<T> => ({
    async *[Symbol.asyncIterator]() {
      await searchReady(database);
      yield* keysetRows<T>(database, await build(), opts.limit, PAGE);
    },
  });
  switch (table) {
    case "events": {
      const sort = (EVENT_SORTS as readonly string[]).includes(f.sort ?? "") ? (f.sort as (typeof EVENT_SORTS)[number]) : "lastSeen";
      const [key] = sortKeysFromPrisma(eventOrderBy(sort, f.dir), "e");
      return {
        table,
        columns: eventColumns,
        rows: lazy<EventExportRow & { _key?: unknown }>(async () => ({
          // Every column, so columns added to the event export need no change here.
          select: sql`e.*, ${key!.expr} AS "_key"`,
          from: sql`"Event" e`,
          where: [...(await eventWhere(database, f, { exportPageSize: PAGE })), ...(f.event ? [sql`e."id" = ${f.event}`] : [])],
          key,
          id: sql`e."id"`,
        })),
      };
    }
    case "articles": {
      const sort = (ARTICLE_SORTS as readonly string[]).includes(f.sort ?? "") ? (f.sort as (typeof ARTICLE_SORTS)[number]) : "publishedAt";
      const [key] = articleSortKeys(sort, f.dir);
      return {
        table,
        columns: articleColumns,
        rows: lazy<ArticleExportRow>(async () => {
          // The list's FROM (outlet joined first when sorting by it), then the export's joins.
          const base = articleFrom(database, sort === "outlet" ? "outlet" : undefined);
          // `+a."outletId"`: not an index constraint. Otherwise, once a keyset page adds a range on
          // the sort key, SQLite's planner (no ANALYZE statistics) prefers scanning Outlet and
          // probing (outletId, publishedAt) per outlet, then sorts every remaining row for each
          // page: 1.1 s per 5,000-row page at 100k articles instead of 80 ms on the sort key's
          // index (quadratic in the row count). PostgreSQL keeps its plan with it (backward scan
          // of the sort key's index, incremental sort on id).
          const outlet = sort === "outlet" ? empty : sql`JOIN "Outlet" o ON o."id" = +a."outletId"`;
          return {
            select: ARTICLE_EXPORT_COLUMNS,
            // The sort key is one of the exported columns already.
            keyOf: (r) => r[{ publishedAt: "publishedAt", title: "title", outlet: "outletName", language: "language" }[sort]],
            from: sql`${base.from} ${outlet} ${ARTICLE_EXPORT_JOINS}`,
            where: [...base.where, ...(await articleConditions(database, f, { exportPageSize: PAGE }))],
            key,
            id: sql`a."id"`,
          };
        }),
      };
    }
    case "claims":
    case "statements": {
      const from = table === "claims" ? sql`"CasualtyClaim" x ${REF_FROM}` : sql`"Statement" x ${REF_FROM}`;
      return {
        table,
        columns: table === "claims" ? claimColumns : statementColumns,
        rows: lazy<ClaimExportRow | StatementExportRow>(async () => ({
          select: sql`x.*, ${REF_COLUMNS}`,
          from,
          where: await articleConditions(database, f, { exportPageSize: PAGE }),
          id: sql`x."id"`,
        })),
      };
    }
  }
}
