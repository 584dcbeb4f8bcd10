import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensureSearch } from "../db/search";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { demoArticles } from "../testing/demo";
import { findInconsistentEvents } from "../testing/ingest-process";
import { ingestArticles, newIngestSession } from "./ingest";

// Deferred refresh of large events (lib/mutations/events.ts refreshAfterAdding): with the
// threshold at 1 every event that already has members is deferred by each batch that adds to it.
describe.each(PROVIDERS)("deferred event refresh on %s", (provider) => {
  let deferred: TestDatabase;
  let immediate: TestDatabase;
  beforeAll(async () => {
    [deferred, immediate] = await Promise.all([createTestDatabase(provider), createTestDatabase(provider)]);
    // The derived tables findInconsistentEvents checks (the CLI and the server create them on open).
    await ensureSearch(deferred.database);
  });
  afterAll(async () => {
    await Promise.all([deferred?.drop(), immediate?.drop()]);
  });

  const snapshot = (t: TestDatabase) =>
    t.database.db.event.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true, updatedAt: true } });

  test("an ingest that defers every refresh ends with the same events as one that defers none, none left pending", async () => {
    const articles = demoArticles();
    const a = await ingestArticles(deferred.database, articles, { source: "demo", batchSize: 2, deferRefreshFrom: 1 });
    const b = await ingestArticles(immediate.database, articles, { source: "demo", batchSize: 2, deferRefreshFrom: Number.MAX_SAFE_INTEGER });
    expect(a).toMatchObject({ added: articles.length, failed: 0 });
    expect(b).toMatchObject({ added: articles.length, failed: 0 });
    expect(await deferred.database.db.event.count({ where: { refreshPending: true } })).toBe(0);
    expect(await snapshot(deferred)).toEqual(await snapshot(immediate));
    expect(await findInconsistentEvents(deferred.database)).toEqual([]);
  });

  test("events a crashed ingest left pending are seen as such, and the next ingest repairs them", async () => {
    const { db } = deferred.database;
    const largest = await db.event.findFirstOrThrow({ orderBy: [{ articleCount: "desc" }, { id: "asc" }] });
    const before = await snapshot(deferred);
    // What a crash between a deferring batch and its refresh leaves: counts and dates current,
    // the rest stale, the mark set.
    await db.event.update({ where: { id: largest.id }, data: { refreshPending: true, title: "stale", sourceCount: 0, killedMin: null, divergence: null } });
    expect(await findInconsistentEvents(deferred.database)).toEqual([]);
    // A stale count is an inconsistency even when the event is pending.
    await db.event.update({ where: { id: largest.id }, data: { articleCount: largest.articleCount + 1 } });
    expect((await findInconsistentEvents(deferred.database)).join("\n")).toContain(`${largest.id} (refresh pending)`);
    await db.event.update({ where: { id: largest.id }, data: { articleCount: largest.articleCount } });

    // Any ingest, even one that adds nothing, refreshes what is pending first.
    const report = await ingestArticles(deferred.database, demoArticles().slice(0, 1), { source: "again" });
    expect(report).toMatchObject({ added: 0, duplicates: 1 });
    expect(await db.event.count({ where: { refreshPending: true } })).toBe(0);
    expect(await snapshot(deferred)).toEqual(before);
  });

  test("one ingest fed in several calls (a session) leaves events pending between calls and none after the last", async () => {
    const [split, reference] = await Promise.all([createTestDatabase(provider), createTestDatabase(provider)]);
    try {
      await ensureSearch(split.database);
      const articles = demoArticles();
      const half = Math.ceil(articles.length / 2);
      const session = newIngestSession();
      const common = { source: "demo", batchSize: 2, deferRefreshFrom: 1, session };
      const first = await ingestArticles(split.database, articles.slice(0, half), { ...common, leavePending: true });
      expect(first).toMatchObject({ added: half, failed: 0 });
      // Left for a later call: marked, with exact counts and dates (what findInconsistentEvents accepts).
      expect(await split.database.db.event.count({ where: { refreshPending: true } })).toBeGreaterThan(0);
      expect(await findInconsistentEvents(split.database)).toEqual([]);
      const second = await ingestArticles(split.database, articles.slice(half), common);
      expect(second).toMatchObject({ added: articles.length - half, failed: 0 });
      expect(await split.database.db.event.count({ where: { refreshPending: true } })).toBe(0);
      // The same events as the same two calls refreshing every event in every batch.
      for (const part of [articles.slice(0, half), articles.slice(half)]) {
        await ingestArticles(reference.database, part, { source: "demo", batchSize: 2, deferRefreshFrom: Number.MAX_SAFE_INTEGER });
      }
      expect(await snapshot(split)).toEqual(await snapshot(reference));
    } finally {
      await Promise.all([split.drop(), reference.drop()]);
    }
  });
});
