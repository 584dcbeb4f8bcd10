import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EVENT_SORTS } from "../schemas/filters";
import { createTestDatabase, type TestDatabase } from "../testing/database";
import { sqlitePlan } from "../testing/query-plan";
import { eventOrderBy } from "./events";
import { orderBySql, sortKeysFromPrisma, sql } from "./sql";

// The events list reads a page of ids in one index walk, whatever the sort and direction: the
// index on each sort key ends with the id (the tie-breaker). With an index on the key alone,
// SQLite sorted every run of equal values ("USE TEMP B-TREE FOR LAST TERM OF ORDER BY"): at 1M
// articles, tens of thousands of one-article events on an ascending article-count sort.
// SQLite's plans are stable on an empty table; PostgreSQL's depend on statistics, so it is not
// asserted there.
describe("events list sort plans (sqlite)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
  });
  afterAll(async () => t?.drop());

  const cases = EVENT_SORTS.flatMap((sort) => (["asc", "desc"] as const).map((dir) => [sort, dir] as const));
  test.each(cases)("sort %s %s walks one index, no sort step", async (sort, dir) => {
    const keys = sortKeysFromPrisma(eventOrderBy(sort, dir), "e");
    // As pageIds reads it: a nullable key's set rows first (on the index), its null rows after.
    const queries = keys[0]!.nullable
      ? [
          sql`SELECT e."id" FROM "Event" e WHERE ${keys[0]!.expr} IS NOT NULL ORDER BY ${orderBySql(keys, true)} LIMIT 25 OFFSET 100`,
          sql`SELECT e."id" FROM "Event" e WHERE ${keys[0]!.expr} IS NULL ORDER BY ${orderBySql(keys.slice(1))} LIMIT 25 OFFSET 100`,
        ]
      : [sql`SELECT e."id" FROM "Event" e ORDER BY ${orderBySql(keys)} LIMIT 25 OFFSET 100`];
    for (const q of queries) {
      const text = await sqlitePlan(t.database, q);
      expect(text, q.sql).toMatch(/USING (COVERING )?INDEX Event_\w+_id_idx/);
      expect(text, q.sql).not.toMatch(/TEMP B-TREE/);
    }
  });
});
