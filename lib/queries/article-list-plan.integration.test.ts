import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensureSearch } from "../db/search";
import { articleFiltersSchema } from "../schemas/filters";
import { createTestDatabase, type TestDatabase } from "../testing/database";
import { recordingDatabase, sqlitePlan } from "../testing/query-plan";
import { listArticles } from "./articles";
import type { Sql } from "./sql";
import { insertTestCorpus, type TestArticle } from "./test-corpus";

const corpus: TestArticle[] = Array.from({ length: 30 }, (_, i) => ({
  id: `p_${String(i).padStart(2, "0")}`,
  title: `Blast ${i} kills ${i + 2}`,
  text: `A blast killed ${i + 2} people in the market, officials said.`,
  outlet: i % 3 === 0 ? "alpha.example" : i % 3 === 1 ? "beta.example" : "gamma.example",
  publishedAt: `2016-09-${String(1 + (i % 28)).padStart(2, "0")}T${String(10 + Math.floor(i / 28)).padStart(2, "0")}:00:00Z`,
}));

// The articles list filtered by one outlet (the usual filter) reads its page by walking the
// outlet's index in the list's order and stops at the page: with `outletId IN (…)` SQLite read
// every candidate of the outlet (probing the full-text index for each when a text is given) and
// sorted them before taking the page (1M articles, one outlet's half-range matching "killed":
// 53 ms a page, 5 with the walk). Several outlets keep the IN list. SQLite's plans are stable on
// a small table; PostgreSQL's depend on statistics, so it is not asserted there.
describe("articles list plan with one outlet (sqlite)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await ensureSearch(t.database);
    await insertTestCorpus(t.database, corpus);
  });
  afterAll(async () => t?.drop());

  const pageQuery = async (query: Record<string, string | undefined>) => {
    const queries: Sql[] = [];
    const page = await listArticles(articleFiltersSchema.parse({ pageSize: "5", ...query }), recordingDatabase(t.database, queries));
    const q = queries.find((x) => /ORDER BY/.test(x.sql) && /LIMIT/.test(x.sql) && x.sql.startsWith('SELECT a."id"'));
    expect(q, "the page's query").toBeTruthy();
    return { page, plan: await sqlitePlan(t.database, q!) };
  };

  test.each([{}, { q: "blast" }, { from: "2016-09-05", to: "2016-09-25", q: "killed" }])("one outlet, newest first %j: walks the outlet's index, no sort of its candidates", async (extra) => {
    const { page, plan } = await pageQuery({ outlet: "beta.example", ...extra });
    expect(plan).toMatch(/SEARCH a USING INDEX Article_outletId_publishedAt_idx/);
    // Ties of the publication time are put in id order; the candidates are not sorted.
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    expect(page.rows.every((r) => r.outlet.key === "beta.example")).toBe(true);
    expect(page.rows.map((r) => r.publishedAt)).toEqual([...page.rows.map((r) => r.publishedAt)].sort().reverse());
  });

  test("two outlets: the same rows as each outlet's list merged", async () => {
    const both = await listArticles(articleFiltersSchema.parse({ outlet: ["alpha.example", "gamma.example"], pageSize: "50" }), t.database);
    const one = async (outlet: string) => (await listArticles(articleFiltersSchema.parse({ outlet, pageSize: "50" }), t.database)).rows;
    const merged = [...(await one("alpha.example")), ...(await one("gamma.example"))].sort((a, b) => (b.publishedAt ?? "").localeCompare(a.publishedAt ?? ""));
    expect(both.rows.map((r) => r.id)).toEqual(merged.map((r) => r.id));
    expect(both.total).toBe(20);
  });
});
