import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensureSearch, forgetSearchReady } from "../db/search";
import { articleFiltersSchema, exportFiltersSchema } from "../schemas/filters";
import { createTestDatabase, type TestDatabase } from "../testing/database";
import { recordingDatabase, sqlitePlan } from "../testing/query-plan";
import { listArticles } from "./articles";
import { exportRows } from "./exports";
import type { Sql } from "./sql";

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
