import pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/database";
import { serialQueue, transactionWithConnection } from "./raw-connection";
import { pgConnectionFields } from "./url";

describe("serialQueue", () => {
  test("runs calls one after another, in order, and goes on after a failure", async () => {
    const queue = serialQueue();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const call = (name: string, fail = false) =>
      queue(async () => {
        running++;
        most = Math.max(most, running);
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 5));
        log.push(`end ${name}`);
        running--;
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([call("a"), call("b", true), call("c")]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual(["a", "b", "c"]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(most).toBe(1);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });
});

describe("a PostgreSQL transaction's statements", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("postgresql");
  });
  afterAll(async () => {
    await t?.drop();
  });

  test("never overlap on its connection: Prisma's concurrent queries and the bulk writes wait their turn", async () => {
    // Queries in flight on each pg client (a transaction holds one client from BEGIN to COMMIT).
    const inFlight = new Map<object, number>();
    let overlapped = 0;
    const original = pg.Client.prototype.query;
    const spy = vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const n = (inFlight.get(this) ?? 0) + 1;
      inFlight.set(this, n);
      if (n > 1) overlapped++;
      const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
      const result = (original as (...a: unknown[]) => unknown).apply(this, args);
      if (result && typeof (result as Promise<unknown>).then === "function") (result as Promise<unknown>).then(done, done);
      else done();
      return result;
    } as typeof original);
    try {
      const { db, provider } = t.database;
      const counts = await transactionWithConnection(db, provider, async (tx, raw) => {
        if (raw?.provider !== "postgresql") throw new Error("no PostgreSQL connection");
        const conn = raw.conn;
        // Issued together, as Prisma's interpreter does for a query's independent parts.
        return Promise.all([
          tx.outlet.create({ data: { key: "serial.example", name: "Serial", domain: "serial.example" } }),
          conn.query(`SELECT pg_sleep(0.05)`),
          tx.outlet.count(),
          tx.article.count(),
          conn.query(`SELECT 1`),
          tx.outlet.findMany({ select: { key: true } }),
        ]);
      });
      expect(counts[2]).toBe(1);
      expect(counts[5]).toEqual([{ key: "serial.example" }]);
      expect(overlapped).toBe(0);
      // Without the queue the same transaction overlaps (the test can fail): checked on a bare client.
      const client = new pg.Client(pgConnectionFields(t.url));
      await client.connect();
      try {
        await Promise.all([client.query("SELECT pg_sleep(0.02)"), client.query("SELECT 1")]);
      } finally {
        await client.end();
      }
      expect(overlapped).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
    }
  });
});
