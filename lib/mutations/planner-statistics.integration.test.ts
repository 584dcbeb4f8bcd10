import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { insertTestCorpus, type TestArticle } from "../queries/test-corpus";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { maintainPlannerStatistics } from "./articles";

/** More articles than maintainPlannerStatistics waits for (MIN_ARTICLES_FOR_ANALYZE). */
const ARTICLES = 2_100;

const corpus: TestArticle[] = Array.from({ length: ARTICLES }, (_, i) => ({
  id: `a${String(i).padStart(5, "0")}`,
  title: `Article ${i}`,
  outlet: `outlet-${i % 40}.example`,
  event: `ev_${Math.floor(i / 30)}`,
  claims: i % 3,
}));

describe.each(PROVIDERS)("planner statistics on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await insertTestCorpus(t.database, corpus);
  });
  afterAll(async () => {
    await t?.drop();
  });

  /** SQLite: rows of sqlite_stat1 for the table; PostgreSQL: its pages vacuum found all-visible. */
  async function analysed(table: string): Promise<number> {
    const { db } = t.database;
    if (provider === "sqlite") {
      const [stat] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`);
      if (Number(stat?.n) === 0) return 0;
      const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT COUNT(*) AS n FROM sqlite_stat1 WHERE tbl = '${table}'`);
      return Number(row?.n);
    }
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT relallvisible AS n FROM pg_class WHERE relname = '${table}'`);
    return Number(row?.n);
  }

  test("a corpus past the threshold gets statistics (and on PostgreSQL a vacuum, for index-only scans); the next small batch does not", async () => {
    expect(await analysed("Article")).toBe(0);
    await maintainPlannerStatistics(t.database, ARTICLES);
    expect(await analysed("Article")).toBeGreaterThan(0);
    expect(await analysed("CasualtyClaim")).toBeGreaterThan(0);
    if (provider === "sqlite") {
      // Not again until the corpus has doubled (the statistics removed stay removed).
      await t.database.db.$executeRawUnsafe(`DELETE FROM sqlite_stat1`);
      await maintainPlannerStatistics(t.database, 100);
      expect(await analysed("Article")).toBe(0);
      await maintainPlannerStatistics(t.database, ARTICLES);
      expect(await analysed("Article")).toBeGreaterThan(0);
    }
  });
});
