import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { openDatabase } from "./index";
import { WEB_SQLITE_MEMORY } from "./sqlite-connection";

// The pragmas a connection ends up with: the web server's (no memory map, small cache) or the
// default ones (ingest, CLI). A plain file: the pragmas need no schema.
describe("SQLite memory settings per connection", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-sqlite-memory-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function pragmas(sqliteMemory?: typeof WEB_SQLITE_MEMORY) {
    const database = openDatabase(`file:${path.join(dir, `${Math.random().toString(36).slice(2)}.db`)}`, { sqliteMemory });
    try {
      const [cache] = await database.db.$queryRawUnsafe<{ cache_size: bigint | number }[]>("PRAGMA cache_size");
      const [mmap] = await database.db.$queryRawUnsafe<{ mmap_size: bigint | number }[]>("PRAGMA mmap_size");
      return { cache: Number(cache!.cache_size), mmap: Number(mmap!.mmap_size) };
    } finally {
      await database.close();
    }
  }

  test("the web server's connection maps nothing and keeps a small page cache", async () => {
    expect(WEB_SQLITE_MEMORY.mmapBytes).toBe(0);
    expect(await pragmas(WEB_SQLITE_MEMORY)).toEqual({ cache: -WEB_SQLITE_MEMORY.cacheKib, mmap: 0 });
  });

  test("other connections keep the ingest settings (a larger cache and a memory map)", async () => {
    const { cache, mmap } = await pragmas();
    expect(-cache).toBeGreaterThan(WEB_SQLITE_MEMORY.cacheKib);
    expect(mmap).toBeGreaterThan(0);
  });
});

describe("SQLite transactions when another process holds the write lock", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-sqlite-busy-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** `promise`, or a failure naming `what` if it has not settled within `ms` (a hang, not a slow answer). */
  function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)));
    return Promise.race([promise, hang]).finally(() => clearTimeout(timer));
  }

  test("a BEGIN that times out fails that transaction only: the next ones run once the lock is free", async () => {
    const file = path.join(dir, "busy.db");
    const database = openDatabase(`file:${file}`, { sqliteBusyTimeoutMs: 200 });
    const other = new BetterSqlite3(file);
    try {
      await database.db.$executeRawUnsafe(`CREATE TABLE "t" ("v" INTEGER)`);
      other.exec("BEGIN IMMEDIATE");
      const insert = (v: number) => database.db.$transaction(async (tx) => tx.$executeRawUnsafe(`INSERT INTO "t" ("v") VALUES (${v})`));
      // Twice: the failure must not leave the adapter's transaction lock taken.
      for (const v of [1, 2]) await expect(within(insert(v), 10_000, `transaction ${v}, lock held elsewhere`)).rejects.toThrow(/timed out|locked|busy/i);
      other.exec("ROLLBACK");
      await within(insert(3), 10_000, "transaction after the lock was released");
      await within(insert(4), 10_000, "the one after it");
      expect(await database.db.$queryRawUnsafe(`SELECT "v" FROM "t" ORDER BY "v"`)).toEqual([{ v: 3 }, { v: 4 }]);
    } finally {
      other.close();
      await database.close();
    }
  });

  test("a write waiting for the lock does not block the thread: the holder on the same thread can finish", async () => {
    // The holder's COMMIT runs on a timer of this thread. With SQLite's busy handler sleeping in
    // the call (the old 15 s busy timeout, here the 5 s budget) the timer could not fire until
    // the waits had failed; with waits on timers the writes go through once it commits.
    const file = path.join(dir, "loop.db");
    const database = openDatabase(`file:${file}`, { sqliteBusyTimeoutMs: 5_000 });
    const other = new BetterSqlite3(file);
    try {
      await database.db.$executeRawUnsafe(`CREATE TABLE "t" ("v" INTEGER)`);
      other.exec("BEGIN IMMEDIATE");
      other.exec(`INSERT INTO "t" ("v") VALUES (0)`);
      let committedAt = 0;
      const release = new Promise<void>((resolve) =>
        setTimeout(() => {
          other.exec("COMMIT");
          committedAt = performance.now();
          resolve();
        }, 300),
      );
      let lastWrite = 0;
      const done = () => (lastWrite = Math.max(lastWrite, performance.now()));
      await Promise.all([
        database.db.$transaction(async (tx) => tx.$executeRawUnsafe(`INSERT INTO "t" ("v") VALUES (1)`)).then(done),
        database.db.$executeRawUnsafe(`INSERT INTO "t" ("v") VALUES (2)`).then(done),
        release,
      ]);
      expect(committedAt).toBeGreaterThan(0);
      expect(lastWrite).toBeGreaterThanOrEqual(committedAt);
      expect(await database.db.$queryRawUnsafe(`SELECT "v" FROM "t" ORDER BY "v"`)).toEqual([{ v: 0 }, { v: 1 }, { v: 2 }]);
    } finally {
      other.close();
      await database.close();
    }
  });
});
