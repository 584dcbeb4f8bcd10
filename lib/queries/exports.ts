import { getDatabase, type Database, type Prisma } from "../db";
import type { ExportColumn } from "../export";
import { ARTICLE_SORTS, EVENT_SORTS, type ExportFilters, type ExportTable } from "../schemas/filters";
import { articleFrom, articleSortKeys } from "./articles";
import { claimSelect, statementSelect } from "./select";
import { eventListSelect, eventOrderBy, eventWhere } from "./events";
import { and, empty, ident, join, raw, readArrays, sortKeysFromPrisma, sql, timestampSql, toBool, toDate, toNullableNumber, toNumber, type SortKey, type Sql } from "./sql";
import { EXPORT_INDEX_TERM, searchReady } from "../db/search";
import { articleConditions, type ExportPages } from "./where";

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

/** An export query's columns, `[alias, expression]`: rows come as arrays in this order. */
type ExportSelect = readonly (readonly [alias: string, expr: Sql])[];

interface KeysetQuery {
  /** Columns; must include the unique id (at `idAt`). */
  columns: ExportSelect;
  idAt: number;
  /** Where the sort key's value is among `columns`; default: the key is read as one more column. */
  keyAt?: number;
  from: Sql;
  where: Sql[];
  /** The sort key (none: by id only); a nullable key puts its nulls last. */
  key?: SortKey;
  /** The unique column: ties of the key, and the null pass, in the key's direction (ascending without key). */
  id: Sql;
}

/**
 * Streams every row of a query, a page at a time, each row an array of `q.columns` (plus the
 * sort key when `keyAt` is not given): no object per row, which was a good part of the export's
 * CPU and garbage.
 * PostgreSQL: one query through a cursor, `pageSize` rows per fetch (lib/db/bulk-read.ts:
 * per-page plans cost twice the whole query there). SQLite, and PostgreSQL without the driver:
 * in pages by keyset: each page continues after the last row of the previous one (descending:
 * `key < last OR (key = last AND id < lastId)`, plus a plain `key <= last` bound so the index
 * range starts there), never with OFFSET, so each page costs the same however deep the export is
 * and rows inserted meanwhile cannot shift it. Rows with a null key come in a second pass, by id.
 */
async function* keysetPages(database: Database, q: KeysetQuery, limit: number, pageSize: number): AsyncGenerator<unknown[][]> {
  const { key } = q;
  const columns: ExportSelect = key && q.keyAt === undefined ? [...q.columns, ["_key", key.expr]] : q.columns;
  const keyAt = q.keyAt ?? q.columns.length;
  const select = join(
    columns.map(([alias, expr]) => sql`${expr} AS ${ident(alias)}`),
    ", ",
  );
  const bulk = database.bulk;
  if (bulk?.batches) {
    // PostgreSQL: one query behind a cursor, in the same order as the keyset pages below (nulls
    // of a nullable key last, by id in the key's direction). See lib/db/bulk-read.ts.
    const dir = raw(key?.dir === "desc" ? "DESC" : "ASC");
    const order = key ? sql`${key.expr} ${dir} NULLS LAST, ${q.id} ${dir}` : sql`${q.id} ${dir}`;
    const query = sql`SELECT ${select} FROM ${q.from} WHERE ${and(q.where)} ORDER BY ${order}`;
    let sent = 0;
    for await (const rows of bulk.batches(query, pageSize)) {
      yield sent + rows.length > limit ? rows.slice(0, limit - sent) : rows;
      sent += rows.length;
      if (sent >= limit) return;
    }
    return;
  }
  // Through Prisma (no driver reader): rows keyed by alias, put in column order.
  const aliases = columns.map(([alias]) => alias);
  const read = bulk
    ? (query: Sql) => bulk.arrays(query)
    : async (query: Sql) => (await database.db.$queryRaw<Record<string, unknown>[]>(query)).map((r) => aliases.map((a) => r[a]));
  let phase: "all" | "set" | "null" = !key ? "all" : key.nullable ? "set" : "all";
  let last: unknown[] | undefined;
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
      const id = literal(database, last[q.idAt]);
      if (keyed) {
        const k = literal(database, last[keyAt]);
        where.push(sql`${key.expr} ${raw(bound)} ${k}`);
        where.push(sql`${key.expr} ${raw(cmp)} ${k} OR (${key.expr} = ${k} AND ${q.id} ${raw(cmp)} ${id})`);
      } else {
        where.push(sql`${q.id} ${raw(cmp)} ${id}`);
      }
    }
    const order = keyed ? sql`${key.expr} ${raw(dir)}, ${q.id} ${raw(dir)}` : sql`${q.id} ${raw(dir)}`;
    const rows = await read(sql`SELECT ${select} FROM ${q.from} WHERE ${and(where)} ORDER BY ${order} LIMIT ${pageSize}`);
    if (rows.length) yield sent + rows.length > limit ? rows.slice(0, limit - sent) : rows;
    sent += rows.length;
    if (sent >= limit) return;
    if (rows.length < pageSize) {
      if (phase !== "set") return;
      phase = "null";
      last = undefined;
      continue;
    }
    last = rows[rows.length - 1];
  }
}

/** The columns of `select` (a Prisma select of scalar fields) under `alias`, as the fields are named. */
function fieldsOf(select: Record<string, true>, alias: string): ExportSelect {
  return Object.keys(select).map((field) => [field, ident(alias, field)] as const);
}

/** A row as an object keyed by column alias, for the tables whose columns read fields by name. */
function toNamed<T>(columns: ExportSelect): (row: unknown[]) => T {
  const aliases = columns.map(([alias]) => alias);
  return (r) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < aliases.length; i++) o[aliases[i]!] = r[i];
    return o as T;
  };
}

// Rows come from the driver (lib/db/bulk-read.ts) or from Prisma's raw queries, which decode
// differently (SQLite timestamps as text or Date, booleans as 0/1 or true/false, integers as
// number or bigint): every cell goes through one of these.
/**
 * Prisma's SQLite text form of a UTC timestamp ("2016-09-10T12:00:00.000+00:00"), which converts
 * to ISO 8601 by its suffix alone.
 */
const SQLITE_UTC = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}\+00:00$/;
/** ISO 8601 UTC as `toISOString` writes it (the PostgreSQL export cursor's timestamps: lib/db/bulk-read.ts). */
const ISO_UTC = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
/**
 * A timestamp cell as ISO 8601 UTC. SQLite's stored text takes the string path: under `next start`
 * every `new Date` goes through Next's patched Date constructor, which was ~9% of a 100k-row CSV
 * export's CPU time (profile on the 100k bench corpus: 304 ms of ~3.4 s). Any other form (a
 * driver's Date, text in another offset) goes through Date.
 */
const iso = (d: unknown) =>
  typeof d === "string" && SQLITE_UTC.test(d) ? `${d.slice(0, 23)}Z` : typeof d === "string" && ISO_UTC.test(d) ? d : (toDate(d)?.toISOString() ?? null);
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
/** A row type with every field as the driver may return it. */
type Raw<T> = { [K in keyof T]: unknown };

/** An outlet as the article export prints it: name, key, kind. */
type OutletCells = readonly [name: string, key: string, kind: string];

/**
 * The article export's columns as read, in this order (`A` names the positions). Outlets are not
 * joined (neither the article's nor its original's): their name, key and kind come from a map of
 * every outlet, read once per export (hundreds to a few thousand rows).
 */
const ARTICLE_EXPORT_SELECT = [
  ["id", sql`a."id"`],
  ["url", sql`a."url"`],
  ["title", sql`a."title"`],
  ["outletId", sql`a."outletId"`],
  ["publishedAt", sql`a."publishedAt"`],
  ["author", sql`a."author"`],
  ["language", sql`a."language"`],
  ["wordCount", sql`a."wordCount"`],
  ["originalSourceName", sql`a."originalSourceName"`],
  ["originalSourceUrl", sql`a."originalSourceUrl"`],
  ["syndicatedFromId", sql`a."syndicatedFromId"`],
  ["copyUrl", sql`s."url"`],
  ["copyOutletId", sql`s."outletId"`],
  ["syndicationScore", sql`a."syndicationScore"`],
  ["eventId", sql`ea."eventId"`],
  ["eventTitle", sql`e."title"`],
  ["claimCount", sql`coalesce(n."claims", 0)`],
  ["statementCount", sql`coalesce(n."statements", 0)`],
] as const satisfies ExportSelect;
type ArticleField = (typeof ARTICLE_EXPORT_SELECT)[number][0];
const A = Object.fromEntries(ARTICLE_EXPORT_SELECT.map(([alias], i) => [alias, i])) as Record<ArticleField, number>;

const ARTICLE_EXPORT_JOINS = sql`LEFT JOIN "Article" s ON s."id" = a."syndicatedFromId"
  LEFT JOIN "EventArticle" ea ON ea."articleId" = a."id" LEFT JOIN "Event" e ON e."id" = ea."eventId"
  LEFT JOIN "ArticleExtractCount" n ON n."articleId" = a."id"`;

/** The article export's columns over rows of ARTICLE_EXPORT_SELECT, outlets looked up in `outlets`. */
function articleColumns(outlets: Map<number, OutletCells>): ExportColumn<unknown[]>[] {
  const outlet = (id: unknown) => outlets.get(outletId(id));
  // Text columns go out as the driver returns them.
  const str = (i: number) => (r: unknown[]) => r[i] as string | null;
  return [
    { key: "id", header: "article_id", value: str(A.id) },
    { key: "url", header: "url", value: str(A.url) },
    { key: "title", header: "title", value: str(A.title) },
    { key: "outlet", header: "outlet", value: (r) => outlet(r[A.outletId])?.[0] ?? null },
    { key: "outlet_key", header: "outlet_key", value: (r) => outlet(r[A.outletId])?.[1] ?? null },
    { key: "outlet_kind", header: "outlet_kind", value: (r) => outlet(r[A.outletId])?.[2] ?? null },
    { key: "published_at", header: "published_at", value: (r) => iso(r[A.publishedAt]) },
    { key: "author", header: "author", value: str(A.author) },
    { key: "language", header: "language", value: str(A.language) },
    { key: "word_count", header: "word_count", value: (r) => toNumber(r[A.wordCount]) },
    { key: "original_source", header: "original_source", value: str(A.originalSourceName) },
    { key: "original_source_url", header: "original_source_url", value: str(A.originalSourceUrl) },
    { key: "copy_of_article_id", header: "copy_of_article_id", value: str(A.syndicatedFromId) },
    { key: "copy_of_url", header: "copy_of_url", value: str(A.copyUrl) },
    { key: "copy_of_outlet", header: "copy_of_outlet", value: (r) => (r[A.copyOutletId] == null ? null : (outlet(r[A.copyOutletId])?.[0] ?? null)) },
    { key: "copy_similarity", header: "copy_similarity", value: (r) => toNullableNumber(r[A.syndicationScore]) },
    { key: "event_id", header: "event_id", value: str(A.eventId) },
    { key: "event_title", header: "event_title", value: str(A.eventTitle) },
    { key: "claims", header: "claims", value: (r) => toNumber(r[A.claimCount]) },
    { key: "statements", header: "statements", value: (r) => toNumber(r[A.statementCount]) },
  ];
}

/** An outlet id as the map keys it (Prisma's raw path may give a bigint). */
const outletId = (v: unknown) => (typeof v === "number" ? v : toNumber(v));

/** Every outlet's export cells by id. */
async function readOutlets(database: Database): Promise<Map<number, OutletCells>> {
  const rows = await database.db.$queryRaw<{ id: unknown; name: string; key: string; kind: string }[]>(
    sql`SELECT o."id" AS "id", o."name" AS "name", o."key" AS "key", o."kind" AS "kind" FROM "Outlet" o`,
  );
  return new Map(rows.map((o) => [toNumber(o.id), [o.name, o.key, o.kind] as const]));
}

/**
 * Refreshes `outlets` when a page holds an outlet (or an original's outlet) it lacks: one created
 * after the export started (an ingest meanwhile).
 */
function outletRefresher(database: Database, outlets: Map<number, OutletCells>): (page: unknown[][]) => Promise<void> {
  // Ids still unknown after a refresh are not looked for again.
  const absent = new Set<number>();
  const unknown = (v: unknown) => v != null && !outlets.has(outletId(v)) && !absent.has(outletId(v));
  return async (page) => {
    const missing = page.some((r) => unknown(r[A.outletId]) || unknown(r[A.copyOutletId]));
    if (!missing) return;
    for (const [id, cells] of await readOutlets(database)) outlets.set(id, cells);
    for (const r of page) for (const v of [r[A.outletId], r[A.copyOutletId]]) if (unknown(v)) absent.add(outletId(v));
  };
}

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
const REF_COLUMNS: ExportSelect = [
  ["articleUrl", sql`a."url"`],
  ["articlePublishedAt", sql`a."publishedAt"`],
  ["outletName", sql`o."name"`],
  ["outletKey", sql`o."key"`],
  ["eventId", sql`ea."eventId"`],
  ["eventTitle", sql`e."title"`],
];

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
 * Reading the held articles' claims (statements) again for each page and sorting them by id,
 * against walking every claim once: per row, the first costs about this many times the second.
 */
const REREAD_PER_WALKED_ROW = 2;

/**
 * SQLite: the article conditions of a claims or statements export as one look-up per row. The
 * export walks the claims (statements) by id, a page at a time. Left to SQLite, a filter on the
 * articles was planned from the articles' side for every page: a date range read every article
 * in it and their claims and sorted them again for each page; a text query built a Bloom filter
 * over the matching articles for each page (1.4M statement lines took 104 s at 100k articles).
 * Here the matching articles' ids are read once into a temporary table of the reading
 * connection (`BulkReader.hold`) and each row looked up in it, unless those articles have so
 * few rows (a page or two) that reading them again for each page costs less than walking every
 * row once; the conditions are then kept as they are.
 */
async function articleFilterPerRow(database: Database, table: "claims" | "statements", where: Sql[], pages: ExportPages): Promise<Sql[]> {
  const reader = database.bulk;
  if (database.provider !== "sqlite" || !reader?.hold || where.length === 0) return where;
  const held = await reader.hold(sql`SELECT a."id" FROM "Article" a WHERE ${and(where)}`, "text");
  const rowsTable = raw(table === "claims" ? `"CasualtyClaim"` : `"Statement"`);
  const [stats] = await reader.all<{ rows: unknown; articles: unknown }>(
    sql`SELECT (SELECT MAX("id") FROM ${rowsTable}) AS "rows", (SELECT SUM("articles") FROM "ArticleOutletCount") AS "articles"`,
  );
  const walked = toNumber(stats?.rows);
  const rowsOfHeld = (held.size * walked) / Math.max(1, toNumber(stats?.articles));
  if (rowsOfHeld * Math.ceil(rowsOfHeld / pages.size) * REREAD_PER_WALKED_ROW <= walked) {
    held.release();
    return where;
  }
  pages.onRelease(held.release);
  // Unary plus: not an index constraint, so the plan stays a walk by id with one look-up per row.
  return [sql`+x."articleId" IN ${raw(held.table)}`];
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
  // One async generator per export, yielding rows from whole pages: each layer of async
  // iteration per row (a promise and a microtask each) showed in the export's profile.
  // `pages` goes to the conditions: what they set up for the export's pages (held text matches,
  // see chooseExportTextPlan) is released when the export ends, finished, failed or cancelled.
  function lazy<T = unknown[]>(
    build: (pages: ExportPages) => Promise<KeysetQuery>,
    each?: { page?: (page: unknown[][]) => Promise<void>; row?: (row: unknown[]) => T },
  ): AsyncIterable<T> {
    return {
      async *[Symbol.asyncIterator]() {
        const { pages, releaseAll } = releasedTogether(PAGE);
        try {
          await searchReady(database);
          const query = await build(pages);
          for await (const page of keysetPages(database, query, opts.limit, PAGE)) {
            await each?.page?.(page);
            const map = each?.row;
            for (const r of page) yield map ? map(r) : (r as T);
          }
        } finally {
          releaseAll();
        }
      },
    };
  }
  switch (table) {
    case "events":
      return {
        table,
        columns: eventColumns,
        rows: lazy((pages) => exportQuery(database, table, f, pages), { row: toNamed<EventExportRow>(EVENT_EXPORT_SELECT) }),
      };
    case "articles": {
      const outlets = new Map<number, OutletCells>();
      return {
        table,
        columns: articleColumns(outlets),
        rows: lazy(
          async (pages) => {
            for (const [id, cells] of await readOutlets(database)) outlets.set(id, cells);
            return exportQuery(database, table, f, pages);
          },
          { page: outletRefresher(database, outlets) },
        ),
      };
    }
    case "claims":
    case "statements":
      return {
        table,
        columns: table === "claims" ? claimColumns : statementColumns,
        rows: lazy((pages) => exportQuery(database, table, f, pages), {
          row: toNamed<ClaimExportRow | StatementExportRow>(table === "claims" ? CLAIM_EXPORT_SELECT : STATEMENT_EXPORT_SELECT),
        }),
      };
  }
}

const EVENT_EXPORT_SELECT = fieldsOf(eventListSelect, "e");
const CLAIM_EXPORT_SELECT: ExportSelect = [...fieldsOf(claimSelect, "x"), ...REF_COLUMNS];
const STATEMENT_EXPORT_SELECT: ExportSelect = [...fieldsOf(statementSelect, "x"), ...REF_COLUMNS];

/**
 * The query of an export (columns, FROM, WHERE, order) under the filters the pages use. `pages`:
 * what the conditions set up for the export's pages is handed to `pages.onRelease`.
 */
async function exportQuery(database: Database, table: ExportTable, f: ExportFilters, pages: ExportPages): Promise<KeysetQuery> {
  switch (table) {
    case "events": {
      const sort = (EVENT_SORTS as readonly string[]).includes(f.sort ?? "") ? (f.sort as (typeof EVENT_SORTS)[number]) : "lastSeen";
      const [key] = sortKeysFromPrisma(eventOrderBy(sort, f.dir), "e");
      return {
        columns: EVENT_EXPORT_SELECT,
        idAt: 0,
        from: sql`"Event" e`,
        where: [...(await eventWhere(database, f, { exportPages: pages })), ...(f.event ? [sql`e."id" = ${f.event}`] : [])],
        key,
        id: sql`e."id"`,
      };
    }
    case "articles": {
      const sort = (ARTICLE_SORTS as readonly string[]).includes(f.sort ?? "") ? (f.sort as (typeof ARTICLE_SORTS)[number]) : "publishedAt";
      const [key, id] = articleSortKeys(sort, f.dir);
      const conditions = await articleConditions(database, f, { exportPages: pages });
      const reader = database.bulk;
      if (database.provider === "sqlite" && sort !== "publishedAt" && conditions.length && reader?.hold) {
        // Filtered and in another order than the export index's: SQLite read the filter's
        // articles and sorted them again for every page (a quarter's articles by title at 1M:
        // 17 s per 100k rows). Their ids are put in order once, and the pages read them by rank.
        const dir = raw(key!.dir === "desc" ? "DESC" : "ASC");
        const nullsLast = key!.nullable ? sql`${key!.expr} IS NULL, ` : empty;
        // A plain join: the list's CROSS JOIN walks every outlet's articles in order, here SQLite
        // should start from the filter (one language by outlet: 22.7 s at 1M that way).
        const from = sort === "outlet" ? sql`"Article" a JOIN "Outlet" o ON o."id" = a."outletId"` : sql`"Article" a`;
        const ordered = await reader.hold(
          sql`SELECT a."id" FROM ${from} WHERE ${and(conditions)} ORDER BY ${nullsLast}${key!.expr} ${dir}, ${id!.expr} ${dir}`,
          "sequence",
        );
        pages.onRelease(ordered.release);
        return {
          columns: ARTICLE_EXPORT_SELECT,
          idAt: A.id,
          from: sql`${raw(ordered.table)} h JOIN "Article" a ON a."id" = h."r" ${ARTICLE_EXPORT_JOINS}`,
          where: [],
          key: { expr: sql`h."seq"`, dir: "asc", nullable: false },
          id: sql`a."id"`,
        };
      }
      // The list's FROM (outlet joined first when sorting by it: its name is the key), then the export's joins.
      const base = articleFrom(database, sort === "outlet" ? "outlet" : undefined, "a", f.event);
      return {
        columns: ARTICLE_EXPORT_SELECT,
        idAt: A.id,
        // The sort key is one of the exported columns, except the outlet's name.
        keyAt: sort === "outlet" ? undefined : A[sort],
        from: sql`${base.from} ${ARTICLE_EXPORT_JOINS}`,
        where: [
          ...base.where,
          ...conditions,
          // SQLite: the term of the partial covering index of the export's columns (lib/db/search.ts).
          ...(database.provider === "sqlite" ? [sql`a.${raw(EXPORT_INDEX_TERM)}`] : []),
        ],
        key,
        id: sql`a."id"`,
      };
    }
    case "claims":
    case "statements":
      return {
        columns: table === "claims" ? CLAIM_EXPORT_SELECT : STATEMENT_EXPORT_SELECT,
        idAt: 0,
        from: table === "claims" ? sql`"CasualtyClaim" x ${REF_FROM}` : sql`"Statement" x ${REF_FROM}`,
        where: await articleFilterPerRow(database, table, await articleConditions(database, f, { exportPages: pages }), pages),
        id: sql`x."id"`,
      };
  }
}

/**
 * Whether the export of `table` under `f` holds more than `limit` rows: the export route checks
 * its row limit with it before it sends anything, so that a file is never cut short without a
 * word. Cheap in the usual case: when the whole table holds no more than `limit` rows (from the
 * counts the triggers keep, or the largest id), nothing is counted. Articles are counted from
 * their conditions alone (the export's joins add no rows, its order none either), claims and
 * statements from the matching articles' counts (every claim of a matching article is
 * exported), events by reading the export's matches; each up to `limit + 1`. A counted verdict
 * is reused for the same request while the table's total stands, for `EXPORT_CHECK_REUSE_MS`.
 */
export async function exportExceeds(table: ExportTable, f: ExportFilters, limit: number, database: Database = getDatabase()): Promise<boolean> {
  await searchReady(database);
  const rowsTable = table === "claims" ? `"CasualtyClaim"` : `"Statement"`;
  const totalSql = sql`SELECT ${raw(
    table === "events"
      ? `coalesce(SUM("events"), 0) FROM "EventCount"`
      : table === "articles"
        ? `coalesce(SUM("articles"), 0) FROM "ArticleOutletCount"`
        : `coalesce(MAX("id"), 0) FROM ${rowsTable}`,
  )}`;
  const total = toNumber((await readArrays(database, totalSql))[0]?.[0]);
  if (total <= limit) return false;
  const key = checkKey(table, f, limit);
  const known = recentChecks(database).get(key);
  if (known && known.total === total && Date.now() - known.at < EXPORT_CHECK_REUSE_MS) return known.exceeds;
  const exceeds = await countExceeds(table, f, limit, database);
  rememberCheck(database, key, { total, exceeds, at: Date.now() });
  return exceeds;
}

/**
 * How long a counted verdict of `exportExceeds` stands for the same table, filters and limit while
 * the table's total (the cheap first look) is unchanged. The export buttons ask first
 * (`check=1`) and then download: without it the download counted again (at 1M articles 0.3 s for a
 * half-year's claims, 4.5 s for the claims of articles matching a common word). Short, because a
 * move or merge by an analyst can change which rows match without changing the total.
 */
export const EXPORT_CHECK_REUSE_MS = 30_000;
/** Verdicts kept per database (the most recent). */
const CHECKS_KEPT = 64;

interface CheckVerdict {
  total: number;
  exceeds: boolean;
  at: number;
}

const checksByDatabase = new WeakMap<Database, Map<string, CheckVerdict>>();

function recentChecks(database: Database): Map<string, CheckVerdict> {
  let checks = checksByDatabase.get(database);
  if (!checks) checksByDatabase.set(database, (checks = new Map()));
  return checks;
}

function rememberCheck(database: Database, key: string, verdict: CheckVerdict): void {
  const checks = recentChecks(database);
  checks.delete(key);
  checks.set(key, verdict);
  // A Map iterates in insertion order: the first key is the oldest.
  if (checks.size > CHECKS_KEPT) checks.delete(checks.keys().next().value!);
}

/** What the count depends on: the table, its filters (not the format, the order or the direction) and the limit. */
function checkKey(table: ExportTable, f: ExportFilters, limit: number): string {
  const { format: _format, sort: _sort, dir: _dir, ...filters } = f;
  return JSON.stringify([table, limit, filters]);
}

/** Count the rows `f` selects in `table`, up to `limit + 1`: true when there are more than `limit`. */
async function countExceeds(table: ExportTable, f: ExportFilters, limit: number, database: Database): Promise<boolean> {
  const { pages, releaseAll } = releasedTogether(DEFAULT_PAGE);
  try {
    let count: Sql;
    if (table === "events") {
      const q = await exportQuery(database, table, f, pages);
      count = sql`SELECT COUNT(*) FROM (SELECT 1 FROM ${q.from} WHERE ${and(q.where)} LIMIT ${limit + 1}) c`;
    } else {
      const where = and(await articleConditions(database, f, { exportPages: pages }));
      count =
        table === "articles"
          ? sql`SELECT COUNT(*) FROM (SELECT 1 FROM "Article" a WHERE ${where} LIMIT ${limit + 1}) c`
          : sql`SELECT coalesce(SUM(n.${raw(table === "claims" ? `"claims"` : `"statements"`)}), 0) FROM "Article" a
              JOIN "ArticleExtractCount" n ON n."articleId" = a."id" WHERE ${where}`;
    }
    return toNumber((await readArrays(database, count))[0]?.[0]) > limit;
  } finally {
    releaseAll();
  }
}

/** Export pages of `size` rows whose set-ups (`pages.onRelease`) `releaseAll` releases together, in a `finally`. */
function releasedTogether(size: number): { pages: ExportPages; releaseAll: () => void } {
  const releases: (() => void)[] = [];
  return {
    pages: { size, onRelease: (release) => releases.push(release) },
    releaseAll: () => {
      for (const release of releases.splice(0)) release();
    },
  };
}
