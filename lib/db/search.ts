/**
 * Full-text search, pre-aggregated article counts and the event member table (lib/db/event-members.ts):
 * the database objects Prisma cannot model (an SQLite FTS5 table, a PostgreSQL tsvector column
 * with a GIN index, WITHOUT ROWID tables, triggers). They are
 * created here, from code, never in a Prisma migration: a later `migrate diff` would not know
 * them and would drop them. `ensureSearch` is idempotent and runs when a database is opened by
 * the CLI, `npm start` and `npm run db:migrate`, and once per process before the first query
 * that needs them (`searchReady`), so an existing database gets them, backfilled, on first use.
 *
 * What a text query matches (the same on both databases):
 * - the query is split into words: runs of letters and digits (any script); everything else
 *   separates words. Every word must occur in the article's title or text (AND); case does not
 *   matter, accents do ("enquête" does not match "enquete");
 * - words joined by punctuation (`ez-Zor`, `U.S.`, `3.5`) and words in double quotes
 *   (`"Deir ez-Zor"`) must occur next to each other, in that order (a phrase);
 * - a `*` right after a word (`kill*`, `"deir ez*"`) makes it a prefix (killed, killing…);
 * - `OR` between two words or phrases accepts either (`airstrike OR bombing Aleppo`: Aleppo and
 *   one of the two); `-word`, `-"a phrase"` and `NOT word` exclude articles that hold them; `AND`
 *   is the default. Operators are upper case and stand alone ("or", "not" are words); one with
 *   nothing to apply to is ignored, and parentheses and a lone `*` or `"` are ordinary text, so
 *   no input is ever a syntax error. A query without any word to look for (none, or only
 *   exclusions) matches nothing;
 * - the first 200,000 characters of an article's text are indexed (a PostgreSQL tsvector is
 *   limited to 1 MB; the same cut keeps SQLite equal).
 */
import { empty, join, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import { buildDerivedInWorker } from "./derived-build";
import { MEMBERS_VERSION, PG_MEMBERS, SQLITE_MEMBERS } from "./event-members";
import type { Database } from "./index";
import { pgStatementTriggers } from "./pg-triggers";
import { fts5Query, tsQueryText, type SearchTerm } from "../search/query";

export { fts5Query, parseSearchQuery, tsQueryText, type SearchPhrase, type SearchTerm } from "../search/query";

/**
 * Bumped whenever a definition below changes: `ensureSearch` then rebuilds everything. Per
 * provider, so a change to one database's objects does not rebuild the other's.
 */
export const SEARCH_VERSION: Readonly<Record<Database["provider"], number>> = { sqlite: 3, postgresql: 4 };
/** Characters of an article's text that are indexed. */
export const INDEXED_TEXT_CHARS = 200_000;
// ---------------------------------------------------------------------------------------------
// SQL fragments for queries

/**
 * How a text condition is evaluated on SQLite (PostgreSQL's planner chooses by itself):
 * - "probe": for each candidate row (found through the other filters or the sort's index) the
 *   full-text index is probed for that one article (FTS5 MATCH with a rowid constraint, a seek);
 *   best when the other filters are selective or the text is common and a page is wanted;
 * - "drive": the matching articles are read from the index first and the other filters applied
 *   to them; best when the text is rare;
 * - held (`HeldMatches`, exports only): the index's matches read once into a temporary table of
 *   the reading connection, which each candidate row is looked up in. A probe costs an FTS5
 *   query (~65 µs for a common word, measured at 100k articles), a look-up in the held rowids
 *   ~2 µs, and "drive" reads every match again for each page of the export.
 */
export type TextPlan = "probe" | "drive" | HeldMatches;

/** The matches of a text held for an export: the full-text rowids, in a temporary table (`BulkReader.hold`). */
export interface HeldMatches {
  /** The qualified, quoted name of the temporary table ("r": the rowids of "ArticleSearchKey"). */
  held: string;
}

/** A condition true when the article under `alias` matches the terms. */
export function articleMatchesSql(database: Database, terms: SearchTerm[], alias: string, plan: TextPlan = "probe"): Sql {
  if (terms.length === 0) return sql`1 = 0`;
  const a = raw(`"${alias}"`);
  if (database.provider === "postgresql") return sql`${a}."searchVector" @@ to_tsquery('simple', ${tsQueryText(terms)})`;
  if (plan === "drive") return sql`${a}."id" IN (${matchingArticleIdsSql(database, terms)})`;
  return articleIdMatchesSql(terms, sql`${a}."id"`, plan);
}

/**
 * SQLite, probe (or a look-up in the held matches): a condition true when the article whose id
 * is `id` (any expression) matches.
 */
export function articleIdMatchesSql(terms: SearchTerm[], id: Sql, plan: TextPlan = "probe"): Sql {
  if (terms.length === 0) return sql`1 = 0`;
  if (typeof plan === "object") return sql`EXISTS (SELECT 1 FROM "ArticleSearchKey" k WHERE k."articleId" = ${id} AND k."rowid" IN ${raw(plan.held)})`;
  return sql`EXISTS (SELECT 1 FROM "ArticleSearchKey" k JOIN "ArticleSearch" s ON s."rowid" = k."rowid" WHERE k."articleId" = ${id} AND "ArticleSearch" MATCH ${fts5Query(terms)})`;
}

/** SQLite: the full-text rowids of the articles matching the terms (what `BulkReader.hold` keeps for a held plan). */
export function matchingRowidsSql(terms: SearchTerm[]): Sql {
  return sql`SELECT s."rowid" FROM "ArticleSearch" s WHERE "ArticleSearch" MATCH ${fts5Query(terms)}`;
}

/**
 * The ids of the articles matching the terms, as a sub-select (`SELECT "articleId" ...`): the
 * plan that starts from the index, for when the text is the selective filter.
 */
export function matchingArticleIdsSql(database: Database, terms: SearchTerm[]): Sql {
  if (terms.length === 0) return sql`SELECT NULL AS "articleId" WHERE 1 = 0`;
  if (database.provider === "postgresql") {
    return sql`SELECT m."id" AS "articleId" FROM "Article" m WHERE m."searchVector" @@ to_tsquery('simple', ${tsQueryText(terms)})`;
  }
  return sql`SELECT k."articleId" FROM "ArticleSearch" s JOIN "ArticleSearchKey" k ON k."rowid" = s."rowid" WHERE "ArticleSearch" MATCH ${fts5Query(terms)}`;
}

/**
 * How many articles match, counting no further than `cap` (SQLite only; null on PostgreSQL,
 * whose planner keeps statistics on the index). Reads at most `cap` entries of the index.
 */
export async function countMatchesUpTo(database: Database, terms: SearchTerm[], cap: number): Promise<number | null> {
  if (terms.length === 0) return 0;
  if (database.provider !== "sqlite") return null;
  const rows = await database.db.$queryRaw<{ n: unknown }[]>(
    sql`SELECT COUNT(*) AS n FROM (SELECT 1 FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ${fts5Query(terms)} LIMIT ${cap}) m`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * SQLite: FROM and WHERE that walk the index's matches in index order and join each to its
 * article under `alias` (CROSS JOIN fixes that order), so a `LIMIT` stops the walk early.
 */
export function matchJoinSql(terms: SearchTerm[], alias: string): { from: Sql; where: Sql[] } {
  const a = raw(`"${alias}"`);
  return {
    from: sql`"ArticleSearch" s CROSS JOIN "ArticleSearchKey" k CROSS JOIN "Article" ${a}`,
    where: [sql`"ArticleSearch" MATCH ${fts5Query(terms)}`, sql`k."rowid" = s."rowid"`, sql`${a}."id" = k."articleId"`],
  };
}

// ---------------------------------------------------------------------------------------------
// Derived objects: DDL, check, backfill

const SQLITE_OBJECTS = {
  tables: ["ParallaxDerived", "ParallaxBulkWrite", "ArticleSearch", "ArticleSearchKey", "ArticleDayCount", "ArticleMonthCount", "ArticleDayTotal", "ArticleOutletCount", "ArticleExtractCount", "EventCount"],
  triggers: [
    "Article_derived_ai", "Article_derived_ad", "Article_search_au", "Article_counts_au", "Event_counts_ai", "Event_counts_ad",
    ...["CasualtyClaim", "Statement"].flatMap((t) => [`${t}_counts_ai`, `${t}_counts_ad`, `${t}_counts_au`]),
  ],
};

/** Counts changed by one article row (NEW or OLD) in SQLite trigger bodies. */
const sqliteAdd = (row: "NEW" | "OLD", delta: 1 | -1) =>
  delta === 1
    ? `INSERT INTO "ArticleDayCount" ("outletId", "day", "language", "articles")
         SELECT ${row}."outletId", ${row}."publishedDay", coalesce(${row}."language", ''), 1 WHERE ${row}."publishedDay" IS NOT NULL
         ON CONFLICT ("outletId", "day", "language") DO UPDATE SET "articles" = "articles" + 1;
       INSERT INTO "ArticleMonthCount" ("outletId", "month", "language", "articles")
         SELECT ${row}."outletId", substr(${row}."publishedDay", 1, 7), coalesce(${row}."language", ''), 1 WHERE ${row}."publishedDay" IS NOT NULL
         ON CONFLICT ("outletId", "month", "language") DO UPDATE SET "articles" = "articles" + 1;
       INSERT INTO "ArticleDayTotal" ("day", "language", "articles")
         SELECT ${row}."publishedDay", coalesce(${row}."language", ''), 1 WHERE ${row}."publishedDay" IS NOT NULL
         ON CONFLICT ("day", "language") DO UPDATE SET "articles" = "articles" + 1;
       INSERT INTO "ArticleOutletCount" ("outletId", "language", "articles", "dated")
         VALUES (${row}."outletId", coalesce(${row}."language", ''), 1, ${row}."publishedDay" IS NOT NULL)
         ON CONFLICT ("outletId", "language") DO UPDATE SET "articles" = "articles" + 1, "dated" = "dated" + excluded."dated";`
    : `UPDATE "ArticleDayCount" SET "articles" = "articles" - 1
         WHERE "day" = ${row}."publishedDay" AND "outletId" = ${row}."outletId" AND "language" = coalesce(${row}."language", '');
       DELETE FROM "ArticleDayCount"
         WHERE "day" = ${row}."publishedDay" AND "outletId" = ${row}."outletId" AND "language" = coalesce(${row}."language", '') AND "articles" <= 0;
       UPDATE "ArticleMonthCount" SET "articles" = "articles" - 1
         WHERE "month" = substr(${row}."publishedDay", 1, 7) AND "outletId" = ${row}."outletId" AND "language" = coalesce(${row}."language", '');
       DELETE FROM "ArticleMonthCount"
         WHERE "month" = substr(${row}."publishedDay", 1, 7) AND "outletId" = ${row}."outletId" AND "language" = coalesce(${row}."language", '') AND "articles" <= 0;
       UPDATE "ArticleDayTotal" SET "articles" = "articles" - 1
         WHERE "day" = ${row}."publishedDay" AND "language" = coalesce(${row}."language", '');
       DELETE FROM "ArticleDayTotal"
         WHERE "day" = ${row}."publishedDay" AND "language" = coalesce(${row}."language", '') AND "articles" <= 0;
       UPDATE "ArticleOutletCount" SET "articles" = "articles" - 1, "dated" = "dated" - (${row}."publishedDay" IS NOT NULL)
         WHERE "outletId" = ${row}."outletId" AND "language" = coalesce(${row}."language", '');
       DELETE FROM "ArticleOutletCount"
         WHERE "outletId" = ${row}."outletId" AND "language" = coalesce(${row}."language", '') AND "articles" <= 0;`;

/** Claims or statements of one article (`row`."articleId") counted up or down, in SQLite trigger bodies. */
const sqliteExtractCount = (column: "claims" | "statements", row: "NEW" | "OLD", delta: 1 | -1) =>
  delta === 1
    ? `INSERT INTO "ArticleExtractCount" ("articleId", "claims", "statements")
         VALUES (${row}."articleId", ${column === "claims" ? "1, 0" : "0, 1"})
         ON CONFLICT ("articleId") DO UPDATE SET "${column}" = "${column}" + 1;`
    : `UPDATE "ArticleExtractCount" SET "${column}" = "${column}" - 1 WHERE "articleId" = ${row}."articleId";
       DELETE FROM "ArticleExtractCount" WHERE "articleId" = ${row}."articleId" AND "claims" <= 0 AND "statements" <= 0;`;

const sqliteSearchInsert = `INSERT INTO "ArticleSearchKey" ("articleId") VALUES (NEW."id");
       INSERT INTO "ArticleSearch" ("rowid", "title", "text")
         SELECT k."rowid", NEW."title", substr(NEW."text", 1, ${INDEXED_TEXT_CHARS}) FROM "ArticleSearchKey" k WHERE k."articleId" = NEW."id";`;
const sqliteSearchDelete = `DELETE FROM "ArticleSearch" WHERE "rowid" = (SELECT k."rowid" FROM "ArticleSearchKey" k WHERE k."articleId" = OLD."id");
       DELETE FROM "ArticleSearchKey" WHERE "articleId" = OLD."id";`;

/**
 * The number of events, for the unfiltered event list's total: its sum over a few rows instead
 * of a COUNT(*) that reads every event (~50 ms at 280,000 events on PostgreSQL). PostgreSQL
 * keeps one row per slot (the backend's pid modulo EVENT_COUNT_SLOTS), so concurrent ingests
 * that create events rarely wait for each other's commit on the same counter row.
 */
const EVENT_COUNT_SLOTS = 16;
const EVENT_COUNT_TABLE = `CREATE TABLE "EventCount" ("slot" INTEGER NOT NULL PRIMARY KEY, "events" INTEGER NOT NULL)`;

/** SQL for the number of events (all of them), from the counter the triggers keep. */
export const EVENT_TOTAL_SQL = `SELECT coalesce(SUM("events"), 0) AS n FROM "EventCount"`;

/** SQLite: holds a row while a bulk ingest writes its batch (see NOT_BULK). */
const BULK_WRITE_TABLE = `CREATE TABLE "ParallaxBulkWrite" ("on" INTEGER NOT NULL PRIMARY KEY)`;

/**
 * SQLite: a contentless FTS5 table (the text stays in Article only) whose rowid is the integer
 * key of "ArticleSearchKey". Not an external-content table over Article's own rowid: Article
 * has a text primary key, and VACUUM may renumber the rowids of such a table, which would
 * silently point the index at other articles.
 */
const SQLITE_CREATE = [
  `CREATE TABLE "ParallaxDerived" ("name" TEXT NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL)`,
  `CREATE TABLE "ArticleSearchKey" ("rowid" INTEGER PRIMARY KEY, "articleId" TEXT NOT NULL UNIQUE)`,
  `CREATE VIRTUAL TABLE "ArticleSearch" USING fts5("title", "text", content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`,
  `CREATE TABLE "ArticleDayCount" ("outletId" INTEGER NOT NULL, "day" TEXT NOT NULL, "language" TEXT NOT NULL, "articles" INTEGER NOT NULL,
     PRIMARY KEY ("outletId", "day", "language")) WITHOUT ROWID`,
  // Per month ("YYYY-MM"): a long date range sums whole months here and only its partial
  // months' days in "ArticleDayCount" (lib/queries/overview.ts), ~30 times fewer rows.
  `CREATE TABLE "ArticleMonthCount" ("outletId" INTEGER NOT NULL, "month" TEXT NOT NULL, "language" TEXT NOT NULL, "articles" INTEGER NOT NULL,
     PRIMARY KEY ("outletId", "month", "language")) WITHOUT ROWID`,
  `CREATE TABLE "ArticleDayTotal" ("day" TEXT NOT NULL, "language" TEXT NOT NULL, "articles" INTEGER NOT NULL,
     PRIMARY KEY ("day", "language")) WITHOUT ROWID`,
  // "dated": the articles with a publication day (what the coverage chart counts).
  `CREATE TABLE "ArticleOutletCount" ("outletId" INTEGER NOT NULL, "language" TEXT NOT NULL, "articles" INTEGER NOT NULL, "dated" INTEGER NOT NULL,
     PRIMARY KEY ("outletId", "language")) WITHOUT ROWID`,
  `CREATE TABLE "ArticleExtractCount" ("articleId" TEXT NOT NULL PRIMARY KEY, "claims" INTEGER NOT NULL, "statements" INTEGER NOT NULL) WITHOUT ROWID`,
  BULK_WRITE_TABLE,
  EVENT_COUNT_TABLE,
];
const COUNT_BACKFILL = [
  `INSERT INTO "EventCount" ("slot", "events") SELECT 0, COUNT(*) FROM "Event"`,
  `INSERT INTO "ArticleDayCount" ("outletId", "day", "language", "articles")
     SELECT "outletId", "publishedDay", coalesce("language", ''), COUNT(*) FROM "Article" WHERE "publishedDay" IS NOT NULL GROUP BY 1, 2, 3`,
  `INSERT INTO "ArticleMonthCount" ("outletId", "month", "language", "articles")
     SELECT "outletId", substr("publishedDay", 1, 7), coalesce("language", ''), COUNT(*) FROM "Article" WHERE "publishedDay" IS NOT NULL GROUP BY 1, 2, 3`,
  `INSERT INTO "ArticleDayTotal" ("day", "language", "articles")
     SELECT "publishedDay", coalesce("language", ''), COUNT(*) FROM "Article" WHERE "publishedDay" IS NOT NULL GROUP BY 1, 2`,
  `INSERT INTO "ArticleOutletCount" ("outletId", "language", "articles", "dated")
     SELECT "outletId", coalesce("language", ''), COUNT(*), COUNT("publishedDay") FROM "Article" GROUP BY 1, 2`,
  `INSERT INTO "ArticleExtractCount" ("articleId", "claims", "statements")
     SELECT "articleId", SUM("claims"), SUM("statements") FROM (
       SELECT "articleId", COUNT(*) AS "claims", 0 AS "statements" FROM "CasualtyClaim" GROUP BY 1
       UNION ALL SELECT "articleId", 0, COUNT(*) FROM "Statement" GROUP BY 1) x GROUP BY 1`,
];
const SQLITE_BACKFILL = [
  `INSERT INTO "ArticleSearchKey" ("articleId") SELECT "id" FROM "Article" ORDER BY "rowid"`,
  `INSERT INTO "ArticleSearch" ("rowid", "title", "text")
     SELECT k."rowid", a."title", substr(a."text", 1, ${INDEXED_TEXT_CHARS}) FROM "ArticleSearchKey" k JOIN "Article" a ON a."id" = k."articleId"`,
  `INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('optimize')`,
  ...COUNT_BACKFILL,
];
/**
 * SQLite, bulk ingest: the per-row insert triggers stand aside while the batch's transaction
 * holds a row in "ParallaxBulkWrite", and `sqliteBulkDerived` then does their work for the whole
 * batch in a few set-based statements. Row by row, each FTS5 insert made from a trigger flushes
 * the index's pending terms (a statement savepoint), which made the full-text index cost ~100 µs
 * per article instead of ~15; the count upserts cost as much again. The row is inserted and
 * deleted inside the batch's own transaction, so no other connection ever sees it.
 */
const NOT_BULK = `NOT EXISTS (SELECT 1 FROM "ParallaxBulkWrite")`;

const SQLITE_TRIGGERS = [
  `CREATE TRIGGER "Article_derived_ai" AFTER INSERT ON "Article" WHEN ${NOT_BULK} BEGIN
       ${sqliteSearchInsert}
       ${sqliteAdd("NEW", 1)}
     END`,
  `CREATE TRIGGER "Article_derived_ad" AFTER DELETE ON "Article" BEGIN
       ${sqliteSearchDelete}
       ${sqliteAdd("OLD", -1)}
     END`,
  `CREATE TRIGGER "Article_search_au" AFTER UPDATE OF "id", "title", "text" ON "Article"
     WHEN OLD."id" IS NOT NEW."id" OR OLD."title" IS NOT NEW."title" OR OLD."text" IS NOT NEW."text" BEGIN
       ${sqliteSearchDelete}
       ${sqliteSearchInsert}
     END`,
  `CREATE TRIGGER "Article_counts_au" AFTER UPDATE OF "publishedDay", "outletId", "language" ON "Article"
     WHEN OLD."publishedDay" IS NOT NEW."publishedDay" OR OLD."outletId" IS NOT NEW."outletId" OR OLD."language" IS NOT NEW."language" BEGIN
       ${sqliteAdd("OLD", -1)}
       ${sqliteAdd("NEW", 1)}
     END`,
  `CREATE TRIGGER "Event_counts_ai" AFTER INSERT ON "Event" BEGIN
     INSERT INTO "EventCount" ("slot", "events") VALUES (0, 1) ON CONFLICT ("slot") DO UPDATE SET "events" = "events" + 1;
   END`,
  `CREATE TRIGGER "Event_counts_ad" AFTER DELETE ON "Event" BEGIN
     UPDATE "EventCount" SET "events" = "events" - 1 WHERE "slot" = 0;
   END`,
  ...(["CasualtyClaim", "Statement"] as const).flatMap((t) => {
    const column = t === "CasualtyClaim" ? "claims" : "statements";
    return [
      `CREATE TRIGGER "${t}_counts_ai" AFTER INSERT ON "${t}" WHEN ${NOT_BULK} BEGIN ${sqliteExtractCount(column, "NEW", 1)} END`,
      `CREATE TRIGGER "${t}_counts_ad" AFTER DELETE ON "${t}" BEGIN ${sqliteExtractCount(column, "OLD", -1)} END`,
      `CREATE TRIGGER "${t}_counts_au" AFTER UPDATE OF "articleId" ON "${t}" WHEN OLD."articleId" IS NOT NEW."articleId" BEGIN
         ${sqliteExtractCount(column, "OLD", -1)}
         ${sqliteExtractCount(column, "NEW", 1)}
       END`,
    ];
  }),
];

const PG_OBJECTS = {
  tables: ["ParallaxDerived", "ArticleDayCount", "ArticleMonthCount", "ArticleDayTotal", "ArticleOutletCount", "ArticleExtractCount", "EventCount"],
  indexes: ["Article_searchVector_idx", "ArticleDayCount_day_idx", "ArticleMonthCount_month_idx"],
  triggers: [...["Article", "CasualtyClaim", "Statement"].flatMap((t) => [`${t}_counts_ai`, `${t}_counts_ad`, `${t}_counts_au`]), "Event_counts_ai", "Event_counts_ad"],
};

// ASCII punctuation (the 32 characters 0x21-0x2F, 0x3A-0x40, 0x5B-0x60, 0x7B-0x7E) becomes a
// space before parsing, so PostgreSQL splits `ez-Zor`, `U.S.` and `3.5` into words as SQLite's
// unicode61 does (its parser would keep compound tokens). A regular expression, not translate():
// the same result, but translate() compares every character with each of the 32 in turn and took
// ~0.4 ms per article of ingest, more than to_tsvector itself (regexp_replace: ~0.03 ms).
const PG_PUNCTUATION = `'[\\x21-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7e]'`;
const PG_DOCUMENT = `to_tsvector('simple'::regconfig, regexp_replace(left(coalesce("title", '') || ' ' || coalesce("text", ''), ${INDEXED_TEXT_CHARS}), ${PG_PUNCTUATION}, ' ', 'g'))`;

/** Count deltas of the rows in `source` (a transition table) with `sign`, as day and outlet rows. */
const pgDelta = (parts: { source: string; sign: number }[]) => {
  const removes = parts.some((p) => p.sign < 0);
  const rows = parts
    .map(
      (p) =>
        `SELECT "publishedDay", "outletId", coalesce("language", '') AS "language", ${p.sign} AS d,
           CASE WHEN "publishedDay" IS NULL THEN 0 ELSE ${p.sign} END AS dd FROM ${p.source}`,
    )
    .join(" UNION ALL ");
  // Sorted upserts: concurrent writers lock the counter rows in the same order.
  return `
    INSERT INTO "ArticleDayCount" AS c ("outletId", "day", "language", "articles")
      SELECT "outletId", "publishedDay", "language", SUM(d) FROM (${rows}) x WHERE "publishedDay" IS NOT NULL
      GROUP BY 1, 2, 3 HAVING SUM(d) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT ("outletId", "day", "language") DO UPDATE SET "articles" = c."articles" + EXCLUDED."articles";
    INSERT INTO "ArticleMonthCount" AS c ("outletId", "month", "language", "articles")
      SELECT "outletId", substr("publishedDay", 1, 7), "language", SUM(d) FROM (${rows}) x WHERE "publishedDay" IS NOT NULL
      GROUP BY 1, 2, 3 HAVING SUM(d) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT ("outletId", "month", "language") DO UPDATE SET "articles" = c."articles" + EXCLUDED."articles";
    INSERT INTO "ArticleDayTotal" AS c ("day", "language", "articles")
      SELECT "publishedDay", "language", SUM(d) FROM (${rows}) x WHERE "publishedDay" IS NOT NULL
      GROUP BY 1, 2 HAVING SUM(d) <> 0 ORDER BY 1, 2
      ON CONFLICT ("day", "language") DO UPDATE SET "articles" = c."articles" + EXCLUDED."articles";
    INSERT INTO "ArticleOutletCount" AS c ("outletId", "language", "articles", "dated")
      SELECT "outletId", "language", SUM(d), SUM(dd) FROM (${rows}) x
      GROUP BY 1, 2 HAVING SUM(d) <> 0 OR SUM(dd) <> 0 ORDER BY 1, 2
      ON CONFLICT ("outletId", "language") DO UPDATE SET "articles" = c."articles" + EXCLUDED."articles", "dated" = c."dated" + EXCLUDED."dated";${removes ? `
    DELETE FROM "ArticleDayCount" c WHERE c."articles" <= 0
      AND (c."outletId", c."day", c."language") IN (SELECT "outletId", "publishedDay", "language" FROM (${rows}) x WHERE d < 0);
    DELETE FROM "ArticleMonthCount" c WHERE c."articles" <= 0
      AND (c."outletId", c."month", c."language") IN (SELECT "outletId", substr("publishedDay", 1, 7), "language" FROM (${rows}) x WHERE d < 0);
    DELETE FROM "ArticleDayTotal" c WHERE c."articles" <= 0
      AND (c."day", c."language") IN (SELECT "publishedDay", "language" FROM (${rows}) x WHERE d < 0);
    DELETE FROM "ArticleOutletCount" c WHERE c."articles" <= 0
      AND (c."outletId", c."language") IN (SELECT "outletId", "language" FROM (${rows}) x WHERE d < 0);` : ""}`;
};

/** Claims or statements per article from the rows of a statement on CasualtyClaim or Statement. */
const pgExtractDelta = (column: "claims" | "statements", parts: { source: string; sign: number }[]) => {
  const rows = parts.map((p) => `SELECT "articleId", ${p.sign} AS d FROM ${p.source}`).join(" UNION ALL ");
  const removes = parts.some((p) => p.sign < 0);
  return `
    INSERT INTO "ArticleExtractCount" AS c ("articleId", "claims", "statements")
      SELECT "articleId", ${column === "claims" ? "SUM(d), 0" : "0, SUM(d)"} FROM (${rows}) x
      GROUP BY 1 HAVING SUM(d) <> 0 ORDER BY 1
      ON CONFLICT ("articleId") DO UPDATE SET "${column}" = c."${column}" + EXCLUDED."${column}";${removes ? `
    DELETE FROM "ArticleExtractCount" c WHERE c."claims" <= 0 AND c."statements" <= 0
      AND c."articleId" IN (SELECT "articleId" FROM (${rows}) x WHERE d < 0);` : ""}`;
};
const pgExtractFunction = (name: string, column: "claims" | "statements") => `CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $fn$
   BEGIN
     IF TG_OP = 'INSERT' THEN ${pgExtractDelta(column, [{ source: "new_rows", sign: 1 }])}
     ELSIF TG_OP = 'DELETE' THEN ${pgExtractDelta(column, [{ source: "old_rows", sign: -1 }])}
     ELSE ${pgExtractDelta(column, [{ source: "new_rows", sign: 1 }, { source: "old_rows", sign: -1 }])}
     END IF;
     RETURN NULL;
   END $fn$`;


/**
 * PostgreSQL: the search document is a stored generated column (always in sync, no trigger to
 * lose) with a GIN index. Counts are kept by statement-level triggers over transition tables:
 * one grouped upsert per INSERT/UPDATE/DELETE statement, not one per row.
 */
const PG_CREATE = [
  `CREATE TABLE "ParallaxDerived" ("name" TEXT NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL)`,
  `ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (${PG_DOCUMENT}) STORED`,
  `CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector")`,
  `CREATE TABLE "ArticleDayCount" ("outletId" INTEGER NOT NULL, "day" TEXT NOT NULL, "language" TEXT NOT NULL, "articles" INTEGER NOT NULL,
     PRIMARY KEY ("outletId", "day", "language"))`,
  // PostgreSQL sums a date range per outlet faster with one grouped scan of this index than
  // with one sub-plan per outlet (SQLite is the other way round: lib/queries/overview.ts).
  `CREATE INDEX "ArticleDayCount_day_idx" ON "ArticleDayCount" ("day") INCLUDE ("outletId", "language", "articles")`,
  `CREATE TABLE "ArticleMonthCount" ("outletId" INTEGER NOT NULL, "month" TEXT NOT NULL, "language" TEXT NOT NULL, "articles" INTEGER NOT NULL,
     PRIMARY KEY ("outletId", "month", "language"))`,
  `CREATE INDEX "ArticleMonthCount_month_idx" ON "ArticleMonthCount" ("month") INCLUDE ("outletId", "language", "articles")`,
  `CREATE TABLE "ArticleDayTotal" ("day" TEXT NOT NULL, "language" TEXT NOT NULL, "articles" INTEGER NOT NULL,
     PRIMARY KEY ("day", "language"))`,
  `CREATE TABLE "ArticleOutletCount" ("outletId" INTEGER NOT NULL, "language" TEXT NOT NULL, "articles" INTEGER NOT NULL, "dated" INTEGER NOT NULL,
     PRIMARY KEY ("outletId", "language"))`,
  `CREATE TABLE "ArticleExtractCount" ("articleId" TEXT NOT NULL PRIMARY KEY, "claims" INTEGER NOT NULL, "statements" INTEGER NOT NULL)`,
  EVENT_COUNT_TABLE,
  `CREATE FUNCTION "parallax_event_counts"() RETURNS trigger LANGUAGE plpgsql AS $fn$
   BEGIN
     IF TG_OP = 'INSERT' THEN
       INSERT INTO "EventCount" AS c ("slot", "events") SELECT pg_backend_pid() % ${EVENT_COUNT_SLOTS}, COUNT(*) FROM new_rows HAVING COUNT(*) > 0
         ON CONFLICT ("slot") DO UPDATE SET "events" = c."events" + EXCLUDED."events";
     ELSE
       INSERT INTO "EventCount" AS c ("slot", "events") SELECT pg_backend_pid() % ${EVENT_COUNT_SLOTS}, -COUNT(*) FROM old_rows HAVING COUNT(*) > 0
         ON CONFLICT ("slot") DO UPDATE SET "events" = c."events" + EXCLUDED."events";
     END IF;
     RETURN NULL;
   END $fn$`,
  pgExtractFunction("parallax_claim_counts", "claims"),
  pgExtractFunction("parallax_statement_counts", "statements"),
  `CREATE FUNCTION "parallax_article_counts"() RETURNS trigger LANGUAGE plpgsql AS $fn$
   BEGIN
     IF TG_OP = 'INSERT' THEN ${pgDelta([{ source: "new_rows", sign: 1 }])}
     ELSIF TG_OP = 'DELETE' THEN ${pgDelta([{ source: "old_rows", sign: -1 }])}
     ELSE ${pgDelta([{ source: "new_rows", sign: 1 }, { source: "old_rows", sign: -1 }])}
     END IF;
     RETURN NULL;
   END $fn$`,
];
const PG_BACKFILL = COUNT_BACKFILL;
const PG_TRIGGERS = [
  ...pgStatementTriggers("Article", "parallax_article_counts", "counts"),
  ...pgStatementTriggers("CasualtyClaim", "parallax_claim_counts", "counts"),
  ...pgStatementTriggers("Statement", "parallax_statement_counts", "counts"),
  // Updates leave the number of events as it is: no update trigger.
  ...pgStatementTriggers("Event", "parallax_event_counts", "counts").slice(0, 2),
];
const PG_DROP = [
  ...["Article", "CasualtyClaim", "Statement", "Event"].flatMap((t) => ["ai", "ad", "au"].map((k) => `DROP TRIGGER IF EXISTS "${t}_counts_${k}" ON "${t}"`)),
  ...["parallax_article_counts", "parallax_claim_counts", "parallax_statement_counts", "parallax_event_counts"].map((f) => `DROP FUNCTION IF EXISTS "${f}"()`),
  `DROP INDEX IF EXISTS "Article_searchVector_idx"`,
  `ALTER TABLE "Article" DROP COLUMN IF EXISTS "searchVector"`,
  `DROP TABLE IF EXISTS "ArticleDayCount"`,
  `DROP TABLE IF EXISTS "ArticleMonthCount"`,
  `DROP TABLE IF EXISTS "ArticleDayTotal"`,
  `DROP TABLE IF EXISTS "ArticleOutletCount"`,
  `DROP TABLE IF EXISTS "ArticleExtractCount"`,
  `DROP TABLE IF EXISTS "EventCount"`,
  `DROP TABLE IF EXISTS "ParallaxDerived"`,
];
const SQLITE_DROP = [
  ...SQLITE_OBJECTS.triggers.map((t) => `DROP TRIGGER IF EXISTS "${t}"`),
  ...SQLITE_OBJECTS.tables.map((t) => `DROP TABLE IF EXISTS "${t}"`),
];

/**
 * SQLite: the article export's columns, in its default order (newest first, ties by id), so an
 * export reads them from this index alone. An "Article" row holds the article's text, and SQLite
 * reads the columns stored after it (publication time, outlet, language, word count, original
 * source, copy) by walking the text's overflow pages: at 1M articles the export read most of the
 * 9.6 GB file. Measured there, rows only (no CSV), cold page cache: 4.39 s per 100k rows without
 * it, 2.47 with it; 213 MB on disk, 48 s to build. PostgreSQL keeps long text out of line
 * (TOAST), so it needs no such index. Named, not versioned: a different definition takes a new name.
 *
 * Partial on `EXPORT_INDEX_TERM` (true of every article: word counts are never negative), which
 * only the export's query states: as a plain index it covered the list's filters too, and SQLite
 * chose it for the filtered articles list (an outlet and a date range: every article of the
 * range read instead of the outlet's, 68 -> 199 ms p95 at 1M).
 */
export const EXPORT_INDEX_TERM = `"wordCount" >= 0`;
const SQLITE_EXPORT_INDEX = {
  name: "Article_export_idx",
  create: `CREATE INDEX IF NOT EXISTS "Article_export_idx" ON "Article" ("publishedAt", "id", "url", "title", "outletId", "author", "language",
    "wordCount", "originalSourceName", "originalSourceUrl", "syndicatedFromId", "syndicationScore") WHERE ${EXPORT_INDEX_TERM}`,
};

/** Names of every object this module creates (tables, indexes, triggers), per provider. */
export const DERIVED_OBJECT_NAMES: Readonly<Record<Database["provider"], readonly string[]>> = {
  sqlite: [
    ...SQLITE_OBJECTS.tables, ...SQLITE_OBJECTS.triggers, ...SQLITE_MEMBERS.tables, ...SQLITE_MEMBERS.triggers, ...SQLITE_MEMBERS.indexes,
    SQLITE_EXPORT_INDEX.name,
  ],
  postgresql: [
    ...PG_OBJECTS.tables, ...PG_OBJECTS.indexes, ...PG_OBJECTS.triggers, "parallax_article_counts", "parallax_claim_counts", "parallax_statement_counts", "parallax_event_counts",
    ...PG_MEMBERS.tables, ...PG_MEMBERS.indexes, ...PG_MEMBERS.triggers, ...PG_MEMBERS.functions,
  ],
};

type RawDb = Pick<Database["db"], "$queryRawUnsafe" | "$executeRawUnsafe">;

/** The tables that carry derived-object triggers, and the shape of those triggers' names (`<Table>_<purpose>_a<i|d|u>`). */
const TRIGGER_TABLES = ["Article", "CasualtyClaim", "Statement", "Event", "EventArticle"];
const DERIVED_TRIGGER_NAME = new RegExp(`^(?:${TRIGGER_TABLES.join("|")})_[a-z]+_a[idu]$`);
const TRIGGER_TABLES_SQL = TRIGGER_TABLES.map((t) => `'${t}'`).join(", ");

/** The triggers on TRIGGER_TABLES (PostgreSQL: of the current schema, not the internal ones), with their table. */
async function triggersOnDerivedTables(db: RawDb, provider: Database["provider"]): Promise<{ name: string; tbl: string }[]> {
  return provider === "sqlite"
    ? db.$queryRawUnsafe<{ name: string; tbl: string }[]>(`SELECT name, tbl_name AS tbl FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (${TRIGGER_TABLES_SQL})`)
    : db.$queryRawUnsafe<{ name: string; tbl: string }[]>(
        `SELECT t.tgname::text AS name, c.relname::text AS tbl FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND c.relname IN (${TRIGGER_TABLES_SQL}) AND NOT t.tgisinternal`,
      );
}

/** Which derived objects are there at the current version: the search objects and counts, the event members, SQLite's export index. */
interface Current {
  search: boolean;
  members: boolean;
  exportIndex: boolean;
}

const allCurrent = (c: Current) => c.search && c.members && c.exportIndex;

/** Checks every object and the versions recorded in "ParallaxDerived". */
async function isCurrent(db: RawDb, provider: Database["provider"]): Promise<Current> {
  let names: string[];
  let expected: { search: string[]; members: string[] };
  if (provider === "sqlite") {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index')`);
    names = rows.map((r) => r.name);
    expected = { search: [...SQLITE_OBJECTS.tables, ...SQLITE_OBJECTS.triggers], members: [...SQLITE_MEMBERS.tables, ...SQLITE_MEMBERS.triggers] };
  } else {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()`,
    );
    names = [...rows.map((r) => r.name), ...(await triggersOnDerivedTables(db, provider)).map((r) => r.name)];
    expected = {
      search: [...PG_OBJECTS.tables, ...PG_OBJECTS.indexes, ...PG_OBJECTS.triggers],
      members: [...PG_MEMBERS.tables, ...PG_MEMBERS.indexes, ...PG_MEMBERS.triggers],
    };
  }
  const has = (list: string[]) => list.every((n) => names.includes(n));
  const exportIndex = provider !== "sqlite" || names.includes(SQLITE_EXPORT_INDEX.name);
  if (!names.includes("ParallaxDerived")) return { search: false, members: false, exportIndex };
  const rows = await db.$queryRawUnsafe<{ name: string; version: number | bigint }[]>(`SELECT "name", "version" FROM "ParallaxDerived"`);
  const version = (name: string) => Number(rows.find((r) => r.name === name)?.version);
  return {
    search: has(expected.search) && version("search") === SEARCH_VERSION[provider],
    members: has(expected.members) && version("members") === MEMBERS_VERSION[provider],
    exportIndex,
  };
}

/**
 * Drop the triggers named like derived objects (DERIVED_TRIGGER_NAME) that this version does not
 * make: another version's, left when it opened the database (an upgrade rolled back). Its
 * tables are rebuilt to this version's shape, and a trigger naming a column they lack would fail
 * every write to its table. Triggers named otherwise (an administrator's) are left alone.
 */
async function dropStrayTriggers(db: RawDb, provider: Database["provider"]): Promise<void> {
  const known = new Set(DERIVED_OBJECT_NAMES[provider]);
  for (const { name, tbl } of await triggersOnDerivedTables(db, provider)) {
    if (known.has(name) || !DERIVED_TRIGGER_NAME.test(name)) continue;
    await db.$executeRawUnsafe(provider === "sqlite" ? `DROP TRIGGER IF EXISTS "${name}"` : `DROP TRIGGER IF EXISTS "${name}" ON "${tbl}"`);
  }
}

/**
 * Create (or re-create) the derived objects (full-text index, count tables, event members, the
 * SQLite export index) with
 * their triggers, and fill them from what is already stored, unless they are all there at the
 * current version; only the event members when only they are stale (a backfill of the
 * full-text index takes minutes at a million articles).
 * One transaction: readers see the old state or the new one; writers wait (SQLite's write lock,
 * PostgreSQL's table lock), so no article is missed between the backfill and the triggers.
 * A missing trigger (e.g. a future migration that rebuilds "Article") means the derived data
 * may be stale, so it is rebuilt. Returns true when it built something.
 */
export async function ensureSearch(database: Database, opts: { onBuild?: () => void } = {}): Promise<boolean> {
  const { db, provider } = database;
  const first = await isCurrent(db, provider);
  if (allCurrent(first)) return false;
  opts.onBuild?.();
  return db.$transaction(
    async (tx) => {
      if (provider === "postgresql") {
        // One builder at a time; everyone else re-checks after it committed.
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(727275)`);
        await tx.$executeRawUnsafe(`LOCK TABLE "Article", "CasualtyClaim", "Statement", "Event", "EventArticle" IN SHARE ROW EXCLUSIVE MODE`);
      }
      // SQLite: the connection begins transactions IMMEDIATE (lib/db/sqlite-connection.ts), so the
      // write lock is held from here and the check below and the build see the same data. (Not a
      // no-op write on "Article" to take it: SQLite compiles every trigger such a statement could
      // fire through its cascades, and one left behind by another version would fail it.)
      const current = await isCurrent(tx, provider);
      if (allCurrent(current)) return false;
      const pg = provider === "postgresql";
      const members = pg ? PG_MEMBERS : SQLITE_MEMBERS;
      // Rebuilding the search objects drops "ParallaxDerived", so the members are rebuilt with them.
      const rebuildMembers = !current.search || !current.members;
      const steps = [
        ...(current.search ? [] : pg ? [...PG_DROP, ...PG_CREATE, ...PG_BACKFILL, ...PG_TRIGGERS] : [...SQLITE_DROP, ...SQLITE_CREATE, ...SQLITE_BACKFILL, ...SQLITE_TRIGGERS]),
        ...(rebuildMembers ? [...members.drop, ...members.create, ...members.backfill, ...members.trigger] : []),
        ...(current.exportIndex ? [] : [SQLITE_EXPORT_INDEX.create]),
      ];
      await dropStrayTriggers(tx, provider);
      for (const step of steps) await tx.$executeRawUnsafe(step);
      if (!current.search) await tx.$executeRawUnsafe(`INSERT INTO "ParallaxDerived" ("name", "version") VALUES ('search', ${SEARCH_VERSION[provider]})`);
      if (rebuildMembers) {
        await tx.$executeRawUnsafe(`DELETE FROM "ParallaxDerived" WHERE "name" = 'members'`);
        await tx.$executeRawUnsafe(`INSERT INTO "ParallaxDerived" ("name", "version") VALUES ('members', ${MEMBERS_VERSION[provider]})`);
      }
      return true;
    },
    // A backfill of a million articles takes minutes; the default 5 s would abort it.
    { timeout: 6 * 60 * 60_000, maxWait: 10 * 60_000 },
  );
}

const ready = new WeakMap<Database, Promise<unknown>>();
/** The builds (entries of `ready`) that have succeeded. */
const built = new WeakSet<Promise<unknown>>();

/**
 * `ensureSearch` in a worker thread (./derived-build.ts) when the database asks for it
 * (`derivedBuildUrl`: the web server's SQLite database) and something is to be built; else in
 * this thread.
 */
async function ensureSearchFor(database: Database): Promise<boolean> {
  if (!database.derivedBuildUrl) return ensureSearch(database);
  if (allCurrent(await isCurrent(database.db, database.provider))) return false;
  const run = buildDerivedInWorker(database.derivedBuildUrl);
  return run ? (await run).built : ensureSearch(database);
}

/** The web server's last failed build (failures in a row): when the next may start, and the pause before it. */
const failedBuilds = new WeakMap<Database, { build: Promise<unknown>; retryAt: number; pauseMs: number }>();
/** After the web server's build failed, its error is what callers get for this long (doubled at each failure in a row). */
export const DERIVED_RETRY_MIN_MS = 5_000;
const DERIVED_RETRY_MAX_MS = 5 * 60_000;

/**
 * `ensureSearch` once per open database and process, started by the first caller: settles when
 * the derived objects are current. A failure is not kept: the next caller starts the build again,
 * at once, except in the web server (`derivedBuildUrl`), where every request would start one (a
 * worker thread each: a disk that is full fails them all): there callers get the failure for
 * DERIVED_RETRY_MIN_MS, then twice as long after each failure in a row, up to five minutes.
 */
export function derivedTablesBuild(database: Database): Promise<unknown> {
  let p = ready.get(database);
  const failed = failedBuilds.get(database);
  if (p && failed?.build === p && Date.now() >= failed.retryAt) {
    ready.delete(database);
    p = undefined;
  }
  if (!p) {
    const build: Promise<unknown> = ensureSearchFor(database).then(
      (result) => {
        built.add(build);
        failedBuilds.delete(database);
        return result;
      },
      (err: unknown) => {
        if (database.derivedBuildUrl) {
          const last = failedBuilds.get(database);
          const pauseMs = last ? Math.min(last.pauseMs * 2, DERIVED_RETRY_MAX_MS) : DERIVED_RETRY_MIN_MS;
          failedBuilds.set(database, { build, retryAt: Date.now() + pauseMs, pauseMs });
        } else {
          ready.delete(database);
        }
        throw err;
      },
    );
    p = build;
    ready.set(database, p);
  }
  return p;
}

/**
 * Thrown by `searchReady` when the derived objects are still being built after the database's
 * `derivedWaitMs` (the web server): API routes answer 503 "starting" (lib/http/respond.ts)
 * instead of holding the request for the whole build.
 */
export class DerivedTablesBuilding extends Error {
  constructor() {
    super("the derived tables (full-text index, counts, event members) are being built, once after an upgrade; try again in a moment");
    this.name = "DerivedTablesBuilding";
  }
}

/**
 * What queries that read the derived objects await first (a cheap no-op once they are built):
 * `derivedTablesBuild`, waited for at most the database's `derivedWaitMs` when it has one
 * (then `DerivedTablesBuilding` is thrown), else for as long as the build takes.
 */
export async function searchReady(database: Database): Promise<unknown> {
  const build = derivedTablesBuild(database);
  const waitMs = database.derivedWaitMs;
  if (waitMs === undefined || built.has(build)) return build;
  if (!(await settledWithin(build, waitMs))) throw new DerivedTablesBuilding();
  return build;
}

/**
 * True once `build` has succeeded, false if it is still running after `waitMs`; its failure is
 * thrown. The health check, the pages' gate (lib/http/readiness.ts) and `searchReady` wait so.
 */
export async function settledWithin(build: Promise<unknown>, waitMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([build.then(() => true), new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), waitMs)))]).finally(() =>
    clearTimeout(timer),
  );
}

/** For tests and tools: forget that `database` was checked, so the next query checks again. */
export function forgetSearchReady(database: Database): void {
  ready.delete(database);
  failedBuilds.delete(database);
}

export { empty, join, raw, sql, type Sql };

// ---------------------------------------------------------------------------------------------
// SQLite bulk ingest (see NOT_BULK)

/** The batch's article ids, as the one JSON parameter of the statements below. */
const BATCH = `SELECT "value" AS "id" FROM json_each(?)`;

/**
 * What the insert triggers do for one article, claim or statement, done for a batch of new
 * articles (their claims and statements stored) in set-based statements. Each takes the
 * batch's ids as one JSON array parameter.
 */
const SQLITE_BULK_DERIVED = [
  `INSERT INTO "ArticleSearchKey" ("articleId") SELECT b."id" FROM (${BATCH}) b`,
  `INSERT INTO "ArticleSearch" ("rowid", "title", "text")
     SELECT k."rowid", a."title", substr(a."text", 1, ${INDEXED_TEXT_CHARS})
     FROM (${BATCH}) b JOIN "ArticleSearchKey" k ON k."articleId" = b."id" JOIN "Article" a ON a."id" = b."id"`,
  `INSERT INTO "ArticleDayCount" ("outletId", "day", "language", "articles")
     SELECT a."outletId", a."publishedDay", coalesce(a."language", ''), COUNT(*)
     FROM (${BATCH}) b JOIN "Article" a ON a."id" = b."id" WHERE a."publishedDay" IS NOT NULL GROUP BY 1, 2, 3
     ON CONFLICT ("outletId", "day", "language") DO UPDATE SET "articles" = "articles" + excluded."articles"`,
  `INSERT INTO "ArticleMonthCount" ("outletId", "month", "language", "articles")
     SELECT a."outletId", substr(a."publishedDay", 1, 7), coalesce(a."language", ''), COUNT(*)
     FROM (${BATCH}) b JOIN "Article" a ON a."id" = b."id" WHERE a."publishedDay" IS NOT NULL GROUP BY 1, 2, 3
     ON CONFLICT ("outletId", "month", "language") DO UPDATE SET "articles" = "articles" + excluded."articles"`,
  `INSERT INTO "ArticleDayTotal" ("day", "language", "articles")
     SELECT a."publishedDay", coalesce(a."language", ''), COUNT(*)
     FROM (${BATCH}) b JOIN "Article" a ON a."id" = b."id" WHERE a."publishedDay" IS NOT NULL GROUP BY 1, 2
     ON CONFLICT ("day", "language") DO UPDATE SET "articles" = "articles" + excluded."articles"`,
  `INSERT INTO "ArticleOutletCount" ("outletId", "language", "articles", "dated")
     SELECT a."outletId", coalesce(a."language", ''), COUNT(*), SUM(a."publishedDay" IS NOT NULL)
     FROM (${BATCH}) b JOIN "Article" a ON a."id" = b."id" WHERE true GROUP BY 1, 2
     ON CONFLICT ("outletId", "language") DO UPDATE SET "articles" = "articles" + excluded."articles", "dated" = "dated" + excluded."dated"`,
  `INSERT INTO "ArticleExtractCount" ("articleId", "claims", "statements")
     SELECT x."articleId", SUM(x."c"), SUM(x."s") FROM (
       SELECT c."articleId", 1 AS "c", 0 AS "s" FROM "CasualtyClaim" c WHERE c."articleId" IN (${BATCH})
       UNION ALL SELECT st."articleId", 0, 1 FROM "Statement" st WHERE st."articleId" IN (${BATCH})
     ) x WHERE true GROUP BY x."articleId"
     ON CONFLICT ("articleId") DO UPDATE SET "claims" = "claims" + excluded."claims", "statements" = "statements" + excluded."statements"`,
];

/** A statement runner on the SQLite transaction's own connection. */
export type SqliteRun = (sql: string, params: unknown[]) => Promise<void>;

/**
 * SQLite bulk ingest: `write` inserts a batch of new articles with their claims and statements
 * while the per-row insert triggers stand aside, then their derived rows (full-text index,
 * counts) are written for the whole batch. Must run inside the batch's transaction, on its
 * connection. When the derived objects are not there (never built, or built by an older
 * version) `write` runs as is: their build backfills from the articles later.
 */
export async function sqliteBulkDerived<T>(
  run: SqliteRun,
  has: (sql: string) => Promise<boolean>,
  articleIds: string[],
  write: () => Promise<T>,
): Promise<T> {
  if (!(await has(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ParallaxBulkWrite'`))) return write();
  await run(`INSERT INTO "ParallaxBulkWrite" ("on") VALUES (1)`, []);
  const result = await write();
  const ids = JSON.stringify(articleIds);
  for (const step of SQLITE_BULK_DERIVED) await run(step, step.includes("UNION ALL") ? [ids, ids] : [ids]);
  await run(`DELETE FROM "ParallaxBulkWrite"`, []);
  return result;
}
