import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { transactionWithConnection } from "../db/raw-connection";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { bulkInsert, type BulkValue } from "./bulk";
import { sqlRunner, updateByKey, type TypedColumn } from "./sql-runner";

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

  const SET: TypedColumn[] = [["name", "text"], ["country", "text"], ["updatedAt", "timestamp(3)"]];
  const when = new Date("2017-01-02T03:04:05.678Z");

  test("updateByKey writes each row's values by key, through the driver and through Prisma alike, and only where the condition holds", async () => {
    await transactionWithConnection(t.database.db, provider, async (tx, raw) => {
      await bulkInsert(tx, provider, "Outlet", COLUMNS, ["u-raw-1", "u-raw-2", "u-raw-3", "u-prisma-1", "u-prisma-2", "u-prisma-3"].map(row), { raw });
      await tx.outlet.updateMany({ where: { key: { in: ["u-raw-3", "u-prisma-3"] } }, data: { kind: "wire" } });
    });
    for (const via of ["raw", "prisma"] as const) {
      await transactionWithConnection(t.database.db, provider, async (tx, raw) => {
        const sql = sqlRunner(tx, provider, via === "raw" ? raw : null);
        await updateByKey(
          sql,
          "Outlet",
          ["key", "text"],
          SET,
          [
            [`u-${via}-1`, "Renamed « one » 🗞", null, when],
            [`u-${via}-3`, "Not renamed: a wire", "Nowhere", when],
            [`u-${via}-missing`, "No such outlet", null, when],
          ],
          `t."kind" = 'independent'`,
        );
      });
    }
    const rows = await read(["u-raw-1", "u-raw-2", "u-raw-3", "u-prisma-1", "u-prisma-2", "u-prisma-3"]);
    const byKey = new Map(rows.map((o) => [o.key, o]));
    for (const via of ["raw", "prisma"]) {
      expect(byKey.get(`u-${via}-1`)).toMatchObject({ name: "Renamed « one » 🗞", country: null, updatedAt: when });
      expect(byKey.get(`u-${via}-2`)).toMatchObject({ name: row(`u-${via}-2`)[1], country: "France" });
      expect(byKey.get(`u-${via}-3`)).toMatchObject({ name: row(`u-${via}-3`)[1], country: "France", kind: "wire" });
    }
    expect(rows).toHaveLength(6);
    expect(await t.database.db.outlet.count({ where: { key: { contains: "missing" } } })).toBe(0);
  });

  test("updateByKey is rolled back with the transaction, and refuses a row of the wrong width", async () => {
    await expect(
      transactionWithConnection(t.database.db, provider, async (tx, raw) => {
        await updateByKey(sqlRunner(tx, provider, raw), "Outlet", ["key", "text"], SET, [["raw-a", "Rolled back", null, when]]);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect((await read(["raw-a"]))[0]!.name).toBe(row("raw-a")[1]);
    await expect(
      transactionWithConnection(t.database.db, provider, (tx, raw) => updateByKey(sqlRunner(tx, provider, raw), "Outlet", ["key", "text"], SET, [["raw-a", "x"]])),
    ).rejects.toThrow(/row has 2 values for a key and 3 columns/);
  });
});
