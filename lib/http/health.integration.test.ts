import { threadId } from "node:worker_threads";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { GET as listEventsRoute } from "../../app/api/events/route";
import { GET as exportRoute } from "../../app/api/export/[table]/route";
import { openDatabase, type Database } from "../db";
import { buildDerivedInWorker } from "../db/derived-build";
import { DERIVED_RETRY_MIN_MS, derivedTablesBuild, DerivedTablesBuilding, forgetSearchReady, searchReady } from "../db/search";
import { ingestDemo } from "../testing/demo";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { healthResponse } from "./health";

describe.each(PROVIDERS)("health check on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await ingestDemo(t.database);
  }, 120_000);
  afterAll(async () => t?.drop());

  test("ready: 200 with the database and the article count; without the count when reads are protected", async () => {
    const articles = await t.database.db.article.count();
    expect(articles).toBeGreaterThan(0);
    const res = await healthResponse(t.database, { readProtected: false });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: provider, articles });
    const protectedRes = await healthResponse(t.database, { readProtected: true });
    expect(await protectedRes.json()).toEqual({ status: "ok", database: provider });
  });

  test("answers 503 'starting' with Retry-After while the derived tables are being built, instead of waiting for them", async () => {
    const started = performance.now();
    const res = await healthResponse(t.database, { readProtected: false, ready: new Promise(() => undefined), waitMs: 50 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("10");
    expect(await res.json()).toMatchObject({ status: "starting", database: provider, message: expect.stringContaining("derived tables") });
  });

  test("a failed build is an error for the route's 500, not 'starting'", async () => {
    const failed = Promise.reject(new Error("disk full"));
    await expect(healthResponse(t.database, { readProtected: false, ready: failed, waitMs: 1_000 })).rejects.toThrow("disk full");
  });

  test("after an upgrade that changes the derived tables, the check waits for their rebuild and then counts", async () => {
    await t.database.db.$executeRawUnsafe(`DELETE FROM "ParallaxDerived"`);
    forgetSearchReady(t.database);
    const res = await healthResponse(t.database, { readProtected: false, waitMs: 60_000 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: provider, articles: await t.database.db.article.count() });
    expect(await t.database.db.$queryRawUnsafe<unknown[]>(`SELECT "name" FROM "ParallaxDerived"`)).toHaveLength(2);
  });
});

describe("health check on the web server's SQLite database (derived tables built in a worker thread)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await ingestDemo(t.database);
    await searchReady(t.database);
  }, 120_000);
  afterAll(async () => t?.drop());

  test("'starting' (health and API) while the worker waits for another connection's lock, 'ok' once it has rebuilt the tables", async () => {
    await t.database.db.$executeRawUnsafe(`DELETE FROM "ParallaxDerived"`);
    const web = openDatabase(t.url, { derivedInWorker: true });
    web.derivedWaitMs = 200;
    const holder = new BetterSqlite3(t.url.replace(/^file:/, ""));
    const global = globalThis as unknown as { parallaxDb?: Database };
    const before = global.parallaxDb;
    try {
      expect(web.derivedBuildUrl).toBe(t.url);
      // The build cannot begin while this connection holds the write lock; the check answers meanwhile.
      holder.exec("BEGIN IMMEDIATE");
      const build = derivedTablesBuild(web);
      const starting = await healthResponse(web, { readProtected: false, waitMs: 200 });
      expect(starting.status).toBe(503);
      // A query waits `derivedWaitMs`, then the route answers 503 "starting", not after the build.
      await expect(searchReady(web)).rejects.toBeInstanceOf(DerivedTablesBuilding);
      global.parallaxDb = web;
      const listed = await listEventsRoute(new Request("http://x/api/events"));
      expect(listed.status).toBe(503);
      expect(listed.headers.get("Retry-After")).toBe("10");
      expect(await listed.json()).toMatchObject({ error: "starting", message: expect.stringContaining("being built") });
      // An export too (its row-limit check reads the tables before anything is sent).
      const exported = await exportRoute(new Request("http://x/api/export/articles?format=csv"), { params: Promise.resolve({ table: "articles" }) });
      expect(exported.status).toBe(503);
      expect(await exported.json()).toMatchObject({ error: "starting" });
      holder.exec("COMMIT");
      await build;
      const res = await healthResponse(web, { readProtected: false });
      expect(res.status).toBe(200);
      expect(await web.db.$queryRawUnsafe<unknown[]>(`SELECT "name" FROM "ParallaxDerived"`)).toHaveLength(2);
      expect((await listEventsRoute(new Request("http://x/api/events"))).status).toBe(200);
    } finally {
      global.parallaxDb = before;
      holder.close();
      await web.close();
    }
  });

  test("a failed build stands for a pause, twice as long after each failure in a row, and is tried again after it", async () => {
    await t.database.db.$executeRawUnsafe(`DELETE FROM "ParallaxDerived"`);
    const web = openDatabase(t.url, { derivedInWorker: true });
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      // The worker cannot open this file: its build fails.
      web.derivedBuildUrl = "file:/nonexistent-parallax-dir/x.db";
      const first = derivedTablesBuild(web);
      await expect(first).rejects.toThrow(/building the derived tables failed/);
      // Within the pause every caller gets that failure; no other build starts.
      vi.setSystemTime(Date.now() + DERIVED_RETRY_MIN_MS - 1);
      expect(derivedTablesBuild(web)).toBe(first);
      vi.setSystemTime(Date.now() + 1);
      const second = derivedTablesBuild(web);
      expect(second).not.toBe(first);
      await expect(second).rejects.toThrow(/building the derived tables failed/);
      // The second failure in a row: twice the pause.
      vi.setSystemTime(Date.now() + DERIVED_RETRY_MIN_MS);
      expect(derivedTablesBuild(web)).toBe(second);
      await expect(healthResponse(web, { readProtected: false })).rejects.toThrow(/building the derived tables failed/);
      web.derivedBuildUrl = t.url;
      vi.setSystemTime(Date.now() + DERIVED_RETRY_MIN_MS);
      const third = derivedTablesBuild(web);
      expect(third).not.toBe(second);
      await third;
      expect((await healthResponse(web, { readProtected: false })).status).toBe(200);
    } finally {
      vi.useRealTimers();
      await web.close();
    }
  });

  test("the build runs in another thread, and not at all when the tables are current", async () => {
    await t.database.db.$executeRawUnsafe(`DELETE FROM "ParallaxDerived"`);
    const run = buildDerivedInWorker(t.url);
    expect(run).not.toBeNull();
    const result = await run!;
    expect(result.built).toBe(true);
    expect(result.threadId).not.toBe(threadId);
    expect(await buildDerivedInWorker(t.url)).toEqual({ built: false, threadId: expect.any(Number) });
  });
});
