import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensureSearch, forgetSearchReady } from "../db/search";
import { articleFiltersSchema, exportFiltersSchema } from "../schemas/filters";
import { createTestDatabase, type TestDatabase } from "../testing/database";
import { recordingDatabase, sqlitePlan } from "../testing/query-plan";
import { listArticles } from "./articles";
import { exportRows } from "./exports";
import { insertTestCorpus, type TestArticle } from "./test-corpus";
import { sql, type Sql } from "./sql";

// The article export reads its columns from "Article_export_idx" (lib/db/search.ts), not from
// the article rows: a row holds the text before most of the exported columns, and SQLite walks a
// long text's overflow pages to reach them. SQLite only (PostgreSQL keeps long text out of line).
describe("article export read plan (sqlite)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await ensureSearch(t.database);
  });
  afterAll(async () => t?.drop());

  /** The page queries an export of the articles table sends, with `pageSize` rows a page. */
  async function exportQueries(pageSize: number, sort?: string): Promise<Sql[]> {
    const queries: Sql[] = [];
    const spy = recordingDatabase(t.database, queries);
    const f = exportFiltersSchema.parse({ format: "csv", ...(sort ? { sort } : {}) });
    for await (const _ of exportRows("articles", f, { limit: 10, pageSize }, spy).rows) void _;
    // The page reads (the outlet names are read once beside them).
    return queries.filter(readsArticles);
  }

  const plan = (q: Sql) => sqlitePlan(t.database, q);
  const readsArticles = (q: Sql) => /"Article" "?a"?/.test(q.sql);

  test("the derived objects include the export index", async () => {
    const [row] = await t.database.db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'index' AND name = 'Article_export_idx'`);
    expect(Number(row!.n)).toBe(1);
  });

  test("newest first (the default): every page is a walk of the covering export index", async () => {
    // Three articles and pages of one: the first page, then keyset pages after it.
    await t.database.db.outlet.create({ data: { id: 1, key: "plan.example", name: "Plan" } });
    for (const [i, day] of ["2016-09-17", "2016-09-18", "2016-09-19"].entries()) {
      await t.database.db.article.create({
        data: { id: `a_${i}`, title: `Article ${i}`, text: "x".repeat(5000), contentHash: `h${i}`, outletId: 1, publishedAt: new Date(`${day}T10:00:00Z`), publishedDay: day },
      });
    }
    const queries = await exportQueries(1);
    expect(queries.length).toBeGreaterThanOrEqual(3);
    for (const q of queries.slice(0, 3)) {
      const text = await plan(q);
      expect(text).toMatch(/(SCAN|SEARCH) a USING COVERING INDEX Article_export_idx/);
      expect(text).not.toMatch(/TEMP B-TREE/);
    }
  });

  test("the articles list does not use it (partial on a term only the export states)", async () => {
    const queries: Sql[] = [];
    const spy = recordingDatabase(t.database, queries);
    await listArticles(articleFiltersSchema.parse({ outlet: "plan.example", from: "2016-09-01", to: "2016-09-30", q: "article" }), spy);
    const plans = await Promise.all(queries.filter(readsArticles).map(plan));
    expect(plans.length).toBeGreaterThan(0);
    for (const text of plans) expect(text).not.toMatch(/Article_export_idx/);
  });

  test("a missing export index is built again alone (a migration that rebuilds Article drops it)", async () => {
    await t.database.db.$executeRawUnsafe(`DROP INDEX "Article_export_idx"`);
    // Sentinels a rebuild of the counts or of the member table would drop.
    await t.database.db.$executeRawUnsafe(`INSERT INTO "ArticleDayCount" ("outletId", "day", "language", "articles") VALUES (999, '1999-01-01', 'xx', 7)`);
    await t.database.db.$executeRawUnsafe(
      `INSERT INTO "EventMember" ("eventId", "id", "outletId", "title", "claims", "direct", "reported") VALUES ('ev_sentinel', 'a_sentinel', 1, 'sentinel', 0, 0, 0)`,
    );
    forgetSearchReady(t.database);
    expect(await ensureSearch(t.database)).toBe(true);
    expect(await plan((await exportQueries(1))[0]!)).toMatch(/COVERING INDEX Article_export_idx/);
    // The other derived objects were current: not rebuilt.
    expect(await t.database.db.$queryRawUnsafe<unknown[]>(`SELECT "articles" FROM "ArticleDayCount" WHERE "outletId" = 999`)).toHaveLength(1);
    expect(await t.database.db.$queryRawUnsafe<unknown[]>(`SELECT "id" FROM "EventMember" WHERE "eventId" = 'ev_sentinel'`)).toHaveLength(1);
    expect(await ensureSearch(t.database)).toBe(false);
  });
});

// A text filter on an export that many articles match: the matches are read from the full-text
// index once, into a temporary table of the reading connection, instead of an FTS5 query per
// candidate row ("probe": ~65 µs each) or the whole match list again for every page ("drive").
describe("text-filtered export read plan (sqlite)", () => {
  let t: TestDatabase;
  const ids = Array.from({ length: 30 }, (_, i) => `h_${String(i).padStart(2, "0")}`);
  // Newest first: the highest index is the latest article.
  const convoy = ids.filter((_, i) => i % 5 !== 0).reverse();
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await ensureSearch(t.database);
    await t.database.db.outlet.create({ data: { id: 1, key: "held.example", name: "Held" } });
    for (const [i, id] of ids.entries()) {
      const text = i % 5 !== 0 ? "The convoy was hit near the bridge." : i === 0 ? "A mosque was hit." : "Talks resumed.";
      const at = new Date(Date.UTC(2016, 8, 1, i));
      await t.database.db.article.create({
        data: { id, title: `Article ${i}`, text, contentHash: `h${i}`, outletId: 1, publishedAt: at, publishedDay: at.toISOString().slice(0, 10), wordCount: 5 },
      });
    }
  });
  afterAll(async () => t?.drop());

  const heldTables = async () =>
    (await t.database.bulk!.all<{ name: string }>(sql`SELECT "name" FROM "temp"."sqlite_master" WHERE "type" = 'table' AND "name" LIKE 'parallax_held_%'`)).map((r) => r.name);

  /** An export of `table` filtered by `q`, 4 rows a page, consumed one row at a time. */
  function start(table: "articles" | "claims", q: string, queries: Sql[]) {
    const f = exportFiltersSchema.parse({ format: "csv", q });
    return exportRows(table, f, { limit: 1000, pageSize: 4 }, recordingDatabase(t.database, queries)).rows[Symbol.asyncIterator]();
  }

  test("a common word: its matches are held while the export runs; each page walks the export index and looks rows up in them", async () => {
    const queries: Sql[] = [];
    const it = start("articles", "convoy", queries);
    const first = await it.next();
    expect((first.value as unknown[])[0]).toBe(convoy[0]);
    expect(await heldTables()).toHaveLength(1);
    const page = queries.filter((q) => /"Article" "?a"?/.test(q.sql)).at(-1)!;
    const text = await sqlitePlan(t.database, page, { reader: true });
    expect(text).toMatch(/(SCAN|SEARCH) a USING COVERING INDEX Article_export_idx/);
    expect(text).toMatch(/parallax_held_/);
    // No full-text query per row, no sort.
    expect(text).not.toMatch(/VIRTUAL TABLE/);
    expect(text).not.toMatch(/TEMP B-TREE/);
    const rest: unknown[] = [];
    for (let r = await it.next(); !r.done; r = await it.next()) rest.push((r.value as unknown[])[0]);
    expect([first.value![0], ...rest]).toEqual(convoy);
    // Released when the export ends.
    expect(await heldTables()).toEqual([]);
  });

  test("a cancelled export (the client went away) releases them too", async () => {
    const it = start("articles", "convoy", []);
    await it.next();
    expect(await heldTables()).toHaveLength(1);
    await it.return?.(undefined);
    expect(await heldTables()).toEqual([]);
  });

  test("exports running side by side on the one reading connection each keep their own held matches", async () => {
    const a = start("articles", "convoy", []);
    const b = start("articles", "convoy", []);
    const c = start("articles", "convoy", []);
    const rows: Record<string, unknown[]> = { a: [], b: [], c: [] };
    // Interleaved pulls; `c` is abandoned after its first page (a client that went away).
    for (let i = 0; i < convoy.length; i++) {
      for (const [name, it] of [["a", a], ["b", b]] as const) {
        const r = await it.next();
        if (!r.done) rows[name]!.push((r.value as unknown[])[0]);
      }
      if (i === 0) rows.c!.push(((await c.next()).value as unknown[])[0]);
      if (i === 0) expect(await heldTables()).toHaveLength(3);
      if (i === 1) await c.return?.(undefined);
    }
    expect(rows.a).toEqual(convoy);
    expect(rows.b).toEqual(convoy);
    expect(rows.c).toEqual([convoy[0]]);
    expect((await a.next()).done).toBe(true);
    expect((await b.next()).done).toBe(true);
    expect(await heldTables()).toEqual([]);
  });

  test("filtered and in another order: the ids are put in order once, each page reads them by rank", async () => {
    const queries: Sql[] = [];
    const f = exportFiltersSchema.parse({ format: "csv", from: "2016-09-01", to: "2016-09-02", sort: "title", dir: "asc" });
    const it = exportRows("articles", f, { limit: 1000, pageSize: 4 }, recordingDatabase(t.database, queries)).rows[Symbol.asyncIterator]();
    const got: unknown[] = [];
    for (let r = await it.next(); !r.done; r = await it.next()) {
      got.push((r.value as unknown[])[0]);
      if (got.length === 6) {
        expect(await heldTables()).toHaveLength(1);
        const text = await sqlitePlan(t.database, queries.filter((q) => /"Article" "?a"?/.test(q.sql)).at(-1)!, { reader: true });
        expect(text).toMatch(/SEARCH h USING INTEGER PRIMARY KEY \(rowid>\?\)/);
        expect(text).not.toMatch(/TEMP B-TREE/);
      }
    }
    // Titles "Article 0" … "Article 29" in text order.
    expect(got).toEqual([...ids].sort((x, y) => (`Article ${Number(x.slice(2))}` < `Article ${Number(y.slice(2))}` ? -1 : 1)));
    expect(await heldTables()).toEqual([]);
    // Unfiltered, the title index is walked in order as it is: nothing held.
    const all = exportRows("articles", exportFiltersSchema.parse({ format: "csv", sort: "title" }), { limit: 1000, pageSize: 4 }, t.database).rows[Symbol.asyncIterator]();
    await all.next();
    expect(await heldTables()).toEqual([]);
    await all.return?.(undefined);
  });

  test("a rare word reads its few matches for each page instead (nothing held)", async () => {
    const it = start("articles", "mosque", []);
    const first = await it.next();
    expect((first.value as unknown[])[0]).toBe("h_00");
    expect(await heldTables()).toEqual([]);
    expect((await it.next()).done).toBe(true);
  });
});

// Claims and statements exports walk their table by id; a filter on the articles is read once
// (the matching ids held in a temporary table) and each row looked up in it, instead of SQLite
// planning every page from the articles' side (all of a date range's claims sorted again for
// each page; a Bloom filter over the matching articles built for each page).
describe("claims and statements export read plan (sqlite)", () => {
  let t: TestDatabase;
  // 40 articles on consecutive days from 2016-09-01, two claims and one statement each.
  const corpus: TestArticle[] = Array.from({ length: 40 }, (_, i) => ({
    id: `c_${String(i).padStart(2, "0")}`,
    title: `Article ${i}`,
    text: i % 2 ? "The convoy was hit." : "Talks resumed.",
    outlet: "rows.example",
    publishedAt: new Date(Date.UTC(2016, 8, 1 + i, 12)).toISOString(),
    claims: 2,
    statements: 1,
  }));
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await ensureSearch(t.database);
    await insertTestCorpus(t.database, corpus);
    // Planner statistics, as an ingest keeps them (with them SQLite chose the Bloom filter).
    await t.database.db.$executeRawUnsafe("ANALYZE");
  });
  afterAll(async () => t?.drop());

  const heldTables = async () =>
    (await t.database.bulk!.all<{ name: string }>(sql`SELECT "name" FROM "temp"."sqlite_master" WHERE "type" = 'table' AND "name" LIKE 'parallax_held_%'`)).map((r) => r.name);

  /** The export's row ids (claims: claim ids), the plan of its last page, and the held tables seen during it. */
  async function run(table: "claims" | "statements", filters: Record<string, string>) {
    const queries: Sql[] = [];
    const f = exportFiltersSchema.parse({ format: "csv", ...filters });
    const it = exportRows(table, f, { limit: 1000, pageSize: 4 }, recordingDatabase(t.database, queries)).rows[Symbol.asyncIterator]();
    const ids: number[] = [];
    let held: string[] = [];
    let plan = "";
    for (let r = await it.next(); !r.done; r = await it.next()) {
      ids.push((r.value as { id: number }).id);
      if (ids.length === 5) {
        held = await heldTables();
        plan = await sqlitePlan(t.database, queries.filter((q) => /FROM "(CasualtyClaim|Statement)" x/.test(q.sql)).at(-1)!, { reader: true });
      }
    }
    return { ids, held, plan, after: await heldTables() };
  }

  const expected = async (table: "claims" | "statements", articleIds: string[]) =>
    (table === "claims"
      ? await t.database.db.casualtyClaim.findMany({ where: { articleId: { in: articleIds } }, orderBy: { id: "asc" }, select: { id: true } })
      : await t.database.db.statement.findMany({ where: { articleId: { in: articleIds } }, orderBy: { id: "asc" }, select: { id: true } })
    ).map((r) => r.id);

  test.each(["claims", "statements"] as const)("%s, a broad date range: walked by id, each row looked up in the held articles", async (table) => {
    const r = await run(table, { from: "2016-09-05", to: "2016-10-04" });
    expect(r.ids).toEqual(await expected(table, corpus.slice(4, 34).map((a) => a.id)));
    expect(r.held).toHaveLength(1);
    expect(r.plan).toMatch(/SCAN x|SEARCH x USING INTEGER PRIMARY KEY/);
    expect(r.plan).toMatch(/parallax_held_\d+.* FOR IN-OPERATOR/);
    expect(r.plan).not.toMatch(/TEMP B-TREE|BLOOM FILTER/);
    expect(r.after).toEqual([]);
  });

  test("a text query: the same walk (its matches held, then the matching articles)", async () => {
    const r = await run("statements", { q: "convoy" });
    expect(r.ids).toEqual(await expected("statements", corpus.filter((_, i) => i % 2).map((a) => a.id)));
    // The text's matches, then the articles matching the filter.
    expect(r.held).toHaveLength(2);
    expect(r.plan).toMatch(/parallax_held_\d+.* FOR IN-OPERATOR/);
    expect(r.plan).not.toMatch(/VIRTUAL TABLE|TEMP B-TREE|BLOOM FILTER/);
    expect(r.after).toEqual([]);
  });

  test("a narrow filter (rows for a page or two) keeps its conditions: nothing held", async () => {
    const r = await run("claims", { from: "2016-09-10", to: "2016-09-11" });
    expect(r.ids).toEqual(await expected("claims", ["c_09", "c_10"]));
    expect(r.held).toEqual([]);
    expect(r.after).toEqual([]);
  });
});
