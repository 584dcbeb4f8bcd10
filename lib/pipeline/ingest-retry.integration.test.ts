/**
 * What ingest does when storing a batch fails: the grouper (which placed the batch's articles in
 * memory) is rebuilt from what is stored, once. The store is made to fail by replacing
 * `insertArticleBatch` / `findExistingArticleIds`; the rest (database, grouper) is real. SQLite
 * only: this is the pipeline's bookkeeping, the same on both databases.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { NormalizedArticle } from "../ingest/types";
import { testArticle } from "../testing/articles";
import { createTestDatabase, type TestDatabase } from "../testing/database";

/** Per call, in order: the error to fail with, or null to run the real function (then the real one once they are used up). */
const failures = vi.hoisted(() => ({ insert: [] as (Error | null)[], findExisting: [] as (Error | null)[], loads: 0 }));

vi.mock("../mutations/articles", async (importOriginal) => {
  const real = await importOriginal<typeof import("../mutations/articles")>();
  return {
    ...real,
    insertArticleBatch: (...args: Parameters<typeof real.insertArticleBatch>) => {
      const err = failures.insert.shift();
      return err ? Promise.reject(err) : real.insertArticleBatch(...args);
    },
    findExistingArticleIds: (...args: Parameters<typeof real.findExistingArticleIds>) => {
      const err = failures.findExisting.shift();
      return err ? Promise.reject(err) : real.findExistingArticleIds(...args);
    },
  };
});

vi.mock("./grouper", async (importOriginal) => {
  const real = await importOriginal<typeof import("./grouper")>();
  return {
    ...real,
    loadGrouper: (...args: Parameters<typeof real.loadGrouper>) => {
      failures.loads++;
      return real.loadGrouper(...args);
    },
  };
});

const { ingestArticles, MAX_SPLIT_FAILURES } = await import("./ingest");

function article(i: number): NormalizedArticle {
  return testArticle(
    `https://wire.example/story-${i}`,
    "Wire",
    "2016-09-18T10:00:00Z",
    `Flood in river town ${i}`,
    `Seven people died when flash floods swept through river town number ${i} on Sunday night, officials said.`,
  );
}

describe("ingest when storing a batch fails", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase("sqlite");
    failures.insert.length = 0;
    failures.findExisting.length = 0;
    failures.loads = 0;
  });
  afterEach(() => t.drop());

  test("a busy store is retried after rebuilding the grouper once: every article stored", async () => {
    failures.insert.push(new Error("SQLITE_BUSY: database is locked"));
    const report = await ingestArticles(t.database, [article(1), article(2)], { source: "test" });
    expect(report).toMatchObject({ added: 2, failed: 0 });
    expect(failures.loads).toBe(1);
    expect(await t.database.db.article.count()).toBe(2);
  });

  test("a retry whose preparation fails after the rebuild does not rebuild again: the batch is stored by halves", async () => {
    failures.insert.push(new Error("SQLITE_BUSY: database is locked"));
    // The first lookup is the batch's duplicate check; the second, the retry's.
    failures.findExisting.push(null, new Error("connection lost"));
    const report = await ingestArticles(t.database, [article(1), article(2)], { source: "test" });
    expect(report).toMatchObject({ added: 2, failed: 0 });
    expect(failures.loads).toBe(1);
    expect(await t.database.db.article.count()).toBe(2);
  });

  test("a store that fails for good after a retry rebuilds the grouper again (it had placed the batch again), then stores it by halves", async () => {
    failures.insert.push(new Error("SQLITE_BUSY: database is locked"), new Error("disk I/O error"));
    const report = await ingestArticles(t.database, [article(1), article(2)], { source: "test" });
    expect(report).toMatchObject({ added: 2, failed: 0 });
    expect(failures.loads).toBe(2);
    const events = await t.database.db.event.findMany({ select: { articleCount: true } });
    expect(events.reduce((n, e) => n + e.articleCount, 0)).toBe(2);
    expect(await t.database.db.eventArticle.count()).toBe(2);
  });

  test("a database that refuses every write is narrowed down a bounded number of times: every article reported, the last pieces as a batch", async () => {
    failures.insert.push(...Array.from({ length: 1000 }, () => new Error("disk I/O error")));
    const articles = Array.from({ length: 60 }, (_, i) => article(i));
    const report = await ingestArticles(t.database, articles, { source: "test" });
    expect(report).toMatchObject({ added: 0, failed: 60 });
    expect(report.errors).toHaveLength(60);
    expect(report.errors.every((e) => /^not stored( \(batch rolled back\))?: disk I\/O error$/.test(e.reason))).toBe(true);
    // One rebuild per failed store: the first, then two tries per split.
    expect(failures.loads).toBe(1 + 2 * MAX_SPLIT_FAILURES);
    expect(await t.database.db.article.count()).toBe(0);
  });

  test("after a batch of which nothing could be stored, the next batches are tried whole, once", async () => {
    failures.insert.push(...Array.from({ length: 1000 }, () => new Error("database or disk is full")));
    const articles = Array.from({ length: 180 }, (_, i) => article(i));
    const report = await ingestArticles(t.database, articles, { source: "test", batchSize: 60 });
    expect(report).toMatchObject({ added: 0, failed: 180 });
    // The first batch narrowed (49 failed stores), the other two one each.
    expect(failures.loads).toBe(1 + 2 * MAX_SPLIT_FAILURES + 2);
    expect(report.errors.slice(60).every((e) => e.reason === "not stored (batch rolled back): database or disk is full")).toBe(true);
  });
});
