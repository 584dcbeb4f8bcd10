import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "./index";
import { raw, sql } from "../queries/sql";
import { createTestDatabase, type TestDatabase } from "../testing/database";

// `BulkReader.hold` (SQLite): values kept in a temporary table of the reading connection for an
// export's pages (lib/queries/where.ts, lib/queries/exports.ts).
describe("the SQLite reader's held rows", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await t.database.db.outlet.createMany({ data: ["a", "b", "c"].map((key, i) => ({ id: i + 1, key, name: key.toUpperCase() })) });
  });
  afterAll(async () => t?.drop());

  const reader = () => t.database.bulk!;
  const tables = async () =>
    (await reader().all<{ name: string }>(sql`SELECT "name" FROM "temp"."sqlite_master" WHERE "type" = 'table' AND "name" LIKE 'parallax_held_%'`)).map((r) => r.name);

  test("holds the distinct values a query returns, integers or text, for queries through the reader only", async () => {
    const ids = await reader().hold!(sql`SELECT "id" FROM "Outlet" UNION ALL SELECT 2`);
    const keys = await reader().hold!(sql`SELECT "key" FROM "Outlet" WHERE "id" <> ${2}`, "text");
    expect(ids.size).toBe(3);
    expect(keys.size).toBe(2);
    expect(await reader().arrays(sql`SELECT "r" FROM ${raw(ids.table)} ORDER BY "r"`)).toEqual([[1], [2], [3]]);
    expect(await reader().arrays(sql`SELECT o."name" FROM "Outlet" o WHERE o."key" IN ${raw(keys.table)} ORDER BY 1`)).toEqual([["A"], ["C"]]);
    // Another connection (Prisma's) does not see them.
    await expect(t.database.db.$queryRawUnsafe(`SELECT * FROM ${ids.table}`)).rejects.toThrow(/no such table/);
    ids.release();
    ids.release();
    expect(await tables()).toEqual([keys.table.replace(/^"temp"\."|"$/g, "")]);
    keys.release();
    expect(await tables()).toEqual([]);
  });

  test("a query that fails leaves no table behind", async () => {
    await expect(reader().hold!(sql`SELECT "nope" FROM "Outlet"`)).rejects.toThrow(/no such column/);
    expect(await tables()).toEqual([]);
  });

  test("releasing after the reader closed is harmless (the table went with the connection)", async () => {
    const database = openDatabase(t.url);
    const held = await database.bulk!.hold!(sql`SELECT "id" FROM "Outlet"`);
    await database.close();
    expect(() => held.release()).not.toThrow();
  });
});
