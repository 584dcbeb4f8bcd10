import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { transactionWithConnection } from "../db/raw-connection";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { bulkInsert, type BulkValue } from "./bulk";

const COLUMNS = ["key", "name", "domain", "country", "language", "kind", "updatedAt"];
const row = (key: string): BulkValue[] => [
  key,
  `Le Monde « diplomatique » 🗞 ${key}`,
  null,
  "France",
  "fr",
  "independent",
  new Date("2016-09-18T08:30:15.250Z"),
];

describe.each(PROVIDERS)("bulk inserts on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const read = (keys: string[]) =>
    t.database.db.outlet.findMany({
      where: { key: { in: keys } },
      orderBy: { key: "asc" },
      select: { key: true, name: true, domain: true, country: true, language: true, kind: true, updatedAt: true },
    });

  test("the transaction's driver connection is reachable, and rows written through it read back exactly as through Prisma", async () => {
    let reached = false;
    await transactionWithConnection(t.database.db, provider, async (tx, raw) => {
      reached = raw?.provider === provider;
      await bulkInsert(tx, provider, "Outlet", COLUMNS, [row("raw-a"), row("raw-b")], { raw });
      await bulkInsert(tx, provider, "Outlet", COLUMNS, [row("prisma-a"), row("prisma-b")]);
    });
    expect(reached).toBe(true);
    const viaRaw = await read(["raw-a", "raw-b"]);
    const viaPrisma = await read(["prisma-a", "prisma-b"]);
    expect(viaRaw).toHaveLength(2);
    expect(viaRaw.map((o) => ({ ...o, key: o.key.replace("raw", "x"), name: o.name.replace("raw", "x") }))).toEqual(
      viaPrisma.map((o) => ({ ...o, key: o.key.replace("prisma", "x"), name: o.name.replace("prisma", "x") })),
    );
    expect(viaRaw[0]!.updatedAt.toISOString()).toBe("2016-09-18T08:30:15.250Z");
  });

  test("conflicting rows are skipped with onConflictDoNothing", async () => {
    await transactionWithConnection(t.database.db, provider, async (tx, raw) => {
      await bulkInsert(tx, provider, "Outlet", COLUMNS, [row("raw-a"), row("raw-c")], { raw, onConflictDoNothing: "key" });
    });
    expect((await read(["raw-a", "raw-c"])).map((o) => o.key)).toEqual(["raw-a", "raw-c"]);
  });

  test("rows written through the driver are rolled back with the transaction", async () => {
    await expect(
      transactionWithConnection(t.database.db, provider, async (tx, raw) => {
        expect(raw).not.toBeNull();
        await bulkInsert(tx, provider, "Outlet", COLUMNS, [row("rolled-back")], { raw });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await read(["rolled-back"])).toEqual([]);
  });
});
