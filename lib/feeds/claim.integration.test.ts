import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "../db";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { claimDueFeeds, claimFeed, finishFeed } from "./claim";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const HOUR = 3_600_000;

async function addFeeds(t: TestDatabase, n: number, dueAt: Date, prefix = "due"): Promise<void> {
  await t.database.db.feed.createMany({
    data: Array.from({ length: n }, (_, i) => ({ url: `http://feeds.example/${prefix}/${i}`, nextFetchAt: dueAt })),
  });
}

/** Run the claim worker as a separate process; resolves once it printed "ready", with a `go` to start it. */
function startWorker(url: string, owner: string, batch: number) {
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "lib/feeds/testing/claim-worker.ts"), url, owner, String(batch)], {
    cwd: ROOT,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => (out.includes("ready\n") ? resolve() : undefined);
    child.stdout.on("data", check);
    child.on("exit", (code) => reject(new Error(`worker exited (${code}) before ready: ${err}`)));
  });
  const done = new Promise<number[]>((resolve, reject) => {
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`worker ${owner} failed (${code}): ${err}`));
      const line = out.split("\n").find((l) => l.startsWith("["));
      resolve(line ? (JSON.parse(line) as number[]) : []);
    });
  });
  return { ready, done, go: () => child.stdin.end("go\n") };
}

describe.each(PROVIDERS)("feed claims on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  test("only due, enabled, unleased feeds are claimed; a lease holds until it expires", async () => {
    const db = t.database.db;
    await db.feed.deleteMany();
    const now = new Date("2030-01-01T12:00:00Z");
    await addFeeds(t, 3, new Date(now.getTime() - 60_000), "lease");
    await db.feed.create({ data: { url: "http://feeds.example/later", nextFetchAt: new Date(now.getTime() + HOUR) } });
    await db.feed.create({ data: { url: "http://feeds.example/disabled", nextFetchAt: new Date(now.getTime() - HOUR), enabled: false } });

    const first = await claimDueFeeds(t.database, { owner: "a", limit: 2, leaseMs: 10 * 60_000, now });
    expect(first.map((f) => f.url)).toEqual(["http://feeds.example/lease/0", "http://feeds.example/lease/1"]);
    expect(first.every((f) => f.leaseOwner === "a")).toBe(true);
    const second = await claimDueFeeds(t.database, { owner: "b", limit: 10, leaseMs: 10 * 60_000, now });
    expect(second.map((f) => f.url)).toEqual(["http://feeds.example/lease/2"]);
    expect(await claimDueFeeds(t.database, { owner: "c", limit: 10, leaseMs: 60_000, now })).toEqual([]);

    // A manual refresh cannot take a leased feed; the lease holder can finish, others cannot.
    const leased = first[0]!;
    expect(await claimFeed(t.database, leased.id, { owner: "c", leaseMs: 60_000, now })).toMatchObject({ ok: false, reason: "leased", leaseOwner: "a" });
    expect(await claimFeed(t.database, 999_999, { owner: "c", leaseMs: 60_000, now })).toEqual({ ok: false, reason: "not_found" });
    expect(await finishFeed(t.database, leased.id, "b", { status: "ok" })).toBe(false);

    // After the lease expires another watcher takes over, and the old owner can no longer write.
    const later = new Date(now.getTime() + 11 * 60_000);
    const takeover = await claimDueFeeds(t.database, { owner: "c", limit: 10, leaseMs: 60_000, now: later });
    expect(takeover.map((f) => f.url).sort()).toEqual(["http://feeds.example/lease/0", "http://feeds.example/lease/1", "http://feeds.example/lease/2"]);
    expect(await finishFeed(t.database, leased.id, "a", { status: "ok" })).toBe(false);
    expect(await finishFeed(t.database, leased.id, "c", { status: "ok", nextFetchAt: new Date(later.getTime() + HOUR) })).toBe(true);
    const row = await db.feed.findUniqueOrThrow({ where: { id: leased.id } });
    expect(row).toMatchObject({ leaseOwner: null, leaseUntil: null, status: "ok" });

    // A disabled feed can still be refreshed by hand.
    const disabled = await db.feed.findUniqueOrThrow({ where: { url: "http://feeds.example/disabled" } });
    expect(await claimFeed(t.database, disabled.id, { owner: "d", leaseMs: 60_000, now })).toMatchObject({ ok: true, feed: { id: disabled.id, leaseOwner: "d" } });
  });

  // Two clients in ONE process: PostgreSQL only. better-sqlite3 is synchronous, so a second SQLite
  // connection in the same thread waiting on the write lock (busy timeout) blocks the event loop
  // the first one needs to commit; Parallax opens one client per process (lib/db getDatabase),
  // and several processes on one SQLite file are covered by the two-process test below.
  test.skipIf(provider === "sqlite")("two clients claiming at once never get the same feed", async () => {
    await t.database.db.feed.deleteMany();
    await addFeeds(t, 60, new Date(Date.now() - 60_000), "inproc");
    const other = openDatabase(t.url);
    try {
      const loop = async (database: typeof t.database, owner: string) => {
        const mine: number[] = [];
        for (;;) {
          const feeds = await claimDueFeeds(database, { owner, limit: 3, leaseMs: 60_000 });
          if (feeds.length === 0) return mine;
          mine.push(...feeds.map((f) => f.id));
          for (const f of feeds) await finishFeed(database, f.id, owner, { nextFetchAt: new Date(Date.now() + HOUR) });
        }
      };
      const [a, b] = await Promise.all([loop(t.database, "one"), loop(other, "two")]);
      expect(a.length + b.length).toBe(60);
      expect(new Set([...a, ...b]).size).toBe(60);
    } finally {
      await other.close();
    }
  });

  test("two processes claiming at once never get the same feed", async () => {
    await t.database.db.feed.deleteMany();
    await addFeeds(t, 120, new Date(Date.now() - 60_000), "procs");
    const workers = [startWorker(t.url, "proc-a", 2), startWorker(t.url, "proc-b", 2)];
    await Promise.all(workers.map((w) => w.ready));
    workers.forEach((w) => w.go());
    const [a, b] = await Promise.all(workers.map((w) => w.done));
    expect(a!.length + b!.length).toBe(120);
    expect(new Set([...a!, ...b!]).size).toBe(120);
    const ids = (await t.database.db.feed.findMany({ select: { id: true } })).map((f) => f.id).sort((x, y) => x - y);
    expect([...a!, ...b!].sort((x, y) => x - y)).toEqual(ids);
  });
});
