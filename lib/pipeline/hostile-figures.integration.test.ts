/**
 * Articles with absurd figures (beyond the database's integer range, 400 digits) and run-on
 * lines are stored with the rest of their batch on both databases: the extractor drops the
 * figures no column can hold and cuts run-on sentences, so one such article cannot fail a batch.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { NormalizedArticle } from "../ingest/types";
import { getArticle, listArticles } from "../queries";
import { articleFiltersSchema } from "../schemas/filters";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { ingestArticles } from "./ingest";

function article(i: number, title: string, text: string): NormalizedArticle {
  return {
    url: `https://hostile.example/${i}`, canonicalUrl: null, title, text, publishedAt: "2016-09-18T10:00:00Z", author: null,
    language: "en", outlet: { name: "Hostile Example", domain: "hostile.example" }, originalSource: null, tags: [], externalId: null,
  };
}

const articles = [
  article(1, "Three billion feared dead", "At least 3,000,000,000 people were killed in the fighting, the group claimed. Another 12 were wounded."),
  article(2, "Spam figure", `At least ${"9".repeat(400)} people were killed, the page said. Police said 4 people died.`),
  article(3, "A run-on line", "at least 5 people were killed and 12 wounded, police said ".repeat(400)),
  article(4, "An ordinary report", "Seven people died and at least 12 were injured when flash floods swept through the town, officials said."),
];

describe.each(PROVIDERS)("hostile figures on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  test("every article of the batch is stored, with figures that fit and sentence-sized evidence", async () => {
    const report = await ingestArticles(t.database, articles, { source: "hostile", batchSize: 10 });
    expect(report).toMatchObject({ added: 4, failed: 0 });
    const page = await listArticles(articleFiltersSchema.parse({ pageSize: 10 }), t.database);
    expect(page.rows).toHaveLength(4);
    for (const row of page.rows) {
      const a = await getArticle(row.id, t.database);
      for (const c of a!.claims) {
        for (const b of [c.min, c.max]) if (b !== null) expect(b).toBeLessThanOrEqual(2_147_483_647);
        expect(c.sentence.length).toBeLessThanOrEqual(1000);
      }
    }
    const byTitle = new Map(page.rows.map((r) => [r.title, r.id]));
    const spam = await getArticle(byTitle.get("Spam figure")!, t.database);
    expect(spam!.claims.map((c) => c.min)).toEqual([4]);
    const billions = await getArticle(byTitle.get("Three billion feared dead")!, t.database);
    expect(billions!.claims.map((c) => [c.kind, c.min])).toEqual([["wounded", 12]]);
  });
});
