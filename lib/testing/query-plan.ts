/**
 * SQLite query plans for tests that check which index a query walks, and the queries a piece of
 * code sends (to explain them).
 */
import type { Database } from "../db";
import { sql, type Sql } from "../queries/sql";

/**
 * SQLite's `EXPLAIN QUERY PLAN` of `q`, its steps joined by " | ". `reader`: explained on the
 * driver's reading connection (`database.bulk`), which alone sees its temporary tables.
 */
export async function sqlitePlan(database: Database, q: Sql, opts: { reader?: boolean } = {}): Promise<string> {
  const rows = opts.reader
    ? await database.bulk!.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${q}`)
    : await database.db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${q.sql}`, ...q.values);
  return rows.map((r) => r.detail).join(" | ");
}

/**
 * `database` with its raw reads recorded in `queries`: Prisma's `$queryRaw` and the driver's
 * `bulk.all` / `bulk.arrays` (through which the lists and the exports read).
 */
export function recordingDatabase(database: Database, queries: Sql[]): Database {
  const bulk = database.bulk!;
  const db = new Proxy(database.db, {
    get(target, p) {
      const v = Reflect.get(target, p) as unknown;
      if (p === "$queryRaw") return (q: Sql) => (queries.push(q), (v as (q: Sql) => unknown).call(target, q));
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
  return { ...database, db, bulk: { ...bulk, all: (q: Sql) => (queries.push(q), bulk.all(q)), arrays: (q: Sql) => (queries.push(q), bulk.arrays(q)) } };
}
