/**
 * A batch the database refuses for one of its articles (a constraint, a value it will not hold):
 * the batch is stored again by halves, so that the articles it refuses on their own are the only
 * ones reported and the rest are stored, grouped as if the bad ones had never come. The refusal
 * is the database's own (a trigger), on both databases.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { NormalizedArticle } from "../ingest/types";
import { testArticle } from "../testing/articles";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { ingestArticles } from "./ingest";

function article(i: number, title = `Flood in river town ${i}`): NormalizedArticle {
  return testArticle(
    `https://wire${i % 3}.example/story-${i}`,
    `Wire ${i % 3}`,
    `2016-09-18T10:${String(i).padStart(2, "0")}:00Z`,
    title,
    `Seven people died when flash floods swept through river town number ${i} on Sunday night, officials said.`,
  );
}

const REFUSED = "REFUSED BY THE DATABASE";

async function refuseTitles(t: TestDatabase, provider: string, marker: string): Promise<void> {
  if (provider === "sqlite") {
    await t.database.db.$executeRawUnsafe(
      `CREATE TRIGGER "test_refuse" BEFORE INSERT ON "Article" WHEN NEW."title" LIKE '%${marker}%' BEGIN SELECT RAISE(ABORT, 'article refused by a check'); END`,
    );
  } else {
    await t.database.db.$executeRawUnsafe(
      `CREATE FUNCTION test_refuse() RETURNS trigger AS $$ BEGIN IF NEW."title" LIKE '%${marker}%' THEN RAISE EXCEPTION 'article refused by a check'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await t.database.db.$executeRawUnsafe(`CREATE TRIGGER test_refuse BEFORE INSERT ON "Article" FOR EACH ROW EXECUTE FUNCTION test_refuse()`);
  }
}

describe.each(PROVIDERS)("a batch the database refuses in part, on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await refuseTitles(t, provider, REFUSED);
  });
  afterAll(async () => {
    await t?.drop();
  });

  test("only the refused articles fail, named with the database's reason; the rest of the batch is stored and grouped", async () => {
    const articles = Array.from({ length: 12 }, (_, i) => (i === 3 || i === 8 ? article(i, `${REFUSED} ${i}`) : article(i)));
    const report = await ingestArticles(t.database, articles, { source: "test", pool: null });
    expect(report).toMatchObject({ total: 12, added: 10, duplicates: 0, failed: 2 });
    expect(report.errors).toEqual([
      { item: expect.stringContaining("story-3"), reason: expect.stringMatching(/^not stored: .*article refused by a check/) },
      { item: expect.stringContaining("story-8"), reason: expect.stringMatching(/^not stored: .*article refused by a check/) },
    ]);
    expect(await t.database.db.article.count()).toBe(10);
    // Every stored article is in an event; no membership, claim or event of a refused one remains.
    expect(await t.database.db.eventArticle.count()).toBe(10);
    const members = await t.database.db.eventArticle.findMany({ select: { articleId: true } });
    expect(new Set(members.map((m) => m.articleId))).toEqual(new Set(report.addedIds));
    const events = await t.database.db.event.findMany({ select: { articleCount: true } });
    expect(events.reduce((n, e) => n + e.articleCount, 0)).toBe(10);
    // The run's record says the same.
    const run = await t.database.db.ingestRun.findUniqueOrThrow({ where: { id: report.runId } });
    expect(run).toMatchObject({ added: 10, failed: 2 });
  });

  test("given again without the fault, only the two refused before are added: the good ones are not stored twice", async () => {
    const articles = Array.from({ length: 12 }, (_, i) => article(i));
    const report = await ingestArticles(t.database, articles, { source: "test", pool: null });
    expect(report).toMatchObject({ added: 2, duplicates: 10, failed: 0 });
    expect(await t.database.db.article.count()).toBe(12);
    expect(await t.database.db.eventArticle.count()).toBe(12);
  });
});
