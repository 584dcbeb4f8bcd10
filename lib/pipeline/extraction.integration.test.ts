import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "../db";
import type { NormalizedArticle } from "../ingest/types";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { demoArticles, groupingSnapshot } from "../testing/demo";
import { generateCorpus } from "../../scripts/bench/corpus";
import { createExtractionPool, type ExtractionPool } from "./extraction-pool";
import { ingestArticles } from "./ingest";

const FAULTY = path.resolve(import.meta.dirname, "../workers/test-faulty-worker.ts");

/** What extraction stored, in a comparable form. */
async function extractionSnapshot(database: Database) {
  const { db } = database;
  const [articles, claims, statements] = await Promise.all([
    db.article.findMany({ orderBy: { id: "asc" }, select: { id: true, language: true } }),
    db.casualtyClaim.findMany({
      orderBy: [{ articleId: "asc" }, { start: "asc" }, { end: "asc" }, { kind: "asc" }],
      omit: { id: true },
    }),
    db.statement.findMany({
      orderBy: [{ articleId: "asc" }, { start: "asc" }, { end: "asc" }, { speaker: "asc" }],
      omit: { id: true },
    }),
  ]);
  return { articles, claims, statements };
}

describe.each(PROVIDERS)("ingest with extraction in worker threads on %s", (provider) => {
  let pool: ExtractionPool;
  const dbs: TestDatabase[] = [];
  const fresh = async () => {
    const t = await createTestDatabase(provider);
    dbs.push(t);
    return t.database;
  };
  beforeAll(() => {
    pool = createExtractionPool(1);
  });
  afterAll(async () => {
    await pool?.close();
    await Promise.all(dbs.map((t) => t.drop()));
  });

  // The demo corpus and a few hundred synthetic articles, in several batches so that extraction
  // runs ahead of grouping and storing.
  const corpus: NormalizedArticle[] = [...demoArticles(), ...generateCorpus({ articles: 300, seed: 5 })];

  test("stores exactly what in-process extraction stores", async () => {
    const inline = await fresh();
    const pooled = await fresh();
    const a = await ingestArticles(inline, corpus, { source: "inline", batchSize: 40, pool: null });
    const b = await ingestArticles(pooled, corpus, { source: "pooled", batchSize: 40, pool });
    expect(a).toMatchObject({ added: corpus.length, failed: 0 });
    expect(b).toMatchObject({ added: a.added, duplicates: a.duplicates, failed: 0 });
    expect(b.addedIds).toEqual(a.addedIds);
    expect(await extractionSnapshot(pooled)).toEqual(await extractionSnapshot(inline));
    expect(await groupingSnapshot(pooled)).toEqual(await groupingSnapshot(inline));
  });

  test("an article whose extraction throws or kills its worker fails alone; its batch is stored", async () => {
    const faulty = createExtractionPool(1, { entry: FAULTY, callerRuns: false, onWarning: () => {} });
    try {
      const database = await fresh();
      const articles = corpus.slice(30, 90).map((a, i) =>
        i === 5 ? { ...a, text: `${a.text}\n\nFAULT:THROW` } : i === 12 ? { ...a, text: `${a.text}\n\nFAULT:EXIT` } : a,
      );
      const report = await ingestArticles(database, articles, { source: "faulty", batchSize: 25, pool: faulty });
      expect(report).toMatchObject({ added: 58, failed: 2 });
      expect(report.errors.map((e) => [e.item, e.reason])).toEqual(
        expect.arrayContaining([
          [articles[5]!.url, "could not process: extractor failed on purpose"],
          [articles[12]!.url, expect.stringMatching(/^could not process: worker stopped while processing this item/)],
        ]),
      );
      expect(await database.db.article.count()).toBe(58);
    } finally {
      await faulty.close();
    }
  });
});
