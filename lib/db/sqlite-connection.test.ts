import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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
