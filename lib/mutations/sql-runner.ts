import type { RawConnection } from "../db/raw-connection";
import { toParam, type BulkValue } from "./bulk";

type Tx = {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
};

/** better-sqlite3's statement, as far as reads and writes on the hot path use it. */
interface SqliteStatement {
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): unknown;
}

/**
 * Hand-written SQL for hot paths that Prisma's query builder makes slow (nested selects build
 * one object per row and relation; every statement is prepared again). Statements are written
 * once with `?` placeholders (renumbered `$n` for PostgreSQL) and run on the transaction's driver
 * connection when there is one (`transactionWithConnection`), else through Prisma's raw queries
 * on `tx`: the same SQL, in the same transaction, either way.
 *
 * Values are written in each provider's storage format (`toParam`: SQLite keeps dates as the text
 * Prisma writes). A `timestamp` placeholder is written `?::ts` in the SQL: a cast on PostgreSQL,
 * nothing on SQLite.
 */
export interface SqlRunner {
  provider: "sqlite" | "postgresql";
  all<T>(sql: string, params?: BulkValue[]): Promise<T[]>;
  run(sql: string, params?: BulkValue[]): Promise<void>;
}

const prepared = new WeakMap<object, Map<string, SqliteStatement>>();

function sqliteStatement(conn: object, sql: string): SqliteStatement {
  let cache = prepared.get(conn);
  if (!cache) prepared.set(conn, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = (conn as { prepare(sql: string): SqliteStatement }).prepare(sql)));
  return stmt;
}

/** `?` → `$1, $2, …` and `::ts` → `::timestamp(3)` for PostgreSQL; `::ts` dropped for SQLite. */
function dialect(provider: "sqlite" | "postgresql", sql: string): string {
  if (provider === "sqlite") return sql.replaceAll("::ts", "");
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`).replaceAll("::ts", "::timestamp(3)");
}

export function sqlRunner(tx: Tx, provider: "sqlite" | "postgresql", raw?: RawConnection | null): SqlRunner {
  const texts = new Map<string, string>();
  const text = (sql: string) => {
    let t = texts.get(sql);
    if (t === undefined) texts.set(sql, (t = dialect(provider, sql)));
    return t;
  };
  const values = (params: BulkValue[]) => params.map((v) => toParam(provider, v));
  if (raw?.provider === "sqlite" && provider === "sqlite") {
    const conn = raw.conn;
    return {
      provider,
      all: async <T>(sql: string, params: BulkValue[] = []) => sqliteStatement(conn, text(sql)).all(...values(params)) as T[],
      run: async (sql, params = []) => void sqliteStatement(conn, text(sql)).run(...values(params)),
    };
  }
  if (raw?.provider === "postgresql" && provider === "postgresql") {
    const conn = raw.conn as unknown as { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
    return {
      provider,
      all: async <T>(sql: string, params: BulkValue[] = []) => (await conn.query(text(sql), values(params))).rows as T[],
      run: async (sql, params = []) => void (await conn.query(text(sql), values(params))),
    };
  }
  return {
    provider,
    all: <T>(sql: string, params: BulkValue[] = []) => tx.$queryRawUnsafe<T[]>(text(sql), ...values(params)),
    run: async (sql, params = []) => void (await tx.$executeRawUnsafe(text(sql), ...values(params))),
  };
}

/**
 * The rows of `query(marks)` (a SELECT with `IN (${marks})`) for every key of `keys`, bound
 * `perStatement` keys at a time.
 */
export async function allByKeys<T>(sql: SqlRunner, query: (marks: string) => string, keys: readonly string[], perStatement: number): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < keys.length; i += perStatement) {
    const chunk = keys.slice(i, i + perStatement);
    rows.push(...(await sql.all<T>(query(chunk.map(() => "?").join(", ")), chunk)));
  }
  return rows;
}

/** A stored timestamp as milliseconds: SQLite gives the text Prisma wrote, PostgreSQL a Date or epoch ms. */
export function timestampMs(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime();
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  const ms = Date.parse(String(v));
  return Number.isNaN(ms) ? null : ms;
}

/** A column written by `updateByKey`: its name and its PostgreSQL type (for the JSON rows' record). */
export type TypedColumn = readonly [name: string, pgType: string];

/**
 * `UPDATE table SET col = value, … WHERE key = k [AND condition]` for many rows, in the caller's
 * transaction. Each row is its key's value then one value per column. `condition` is fixed SQL
 * on the table's own columns, written with the alias `t` (e.g. `t."method" = 'auto'`).
 *
 * SQLite: one cached prepared statement, run per row (on the driver connection, some
 * microseconds a row). PostgreSQL: `updateFromJsonPg`, a few thousand rows per statement.
 * Prisma's `updateMany` per row compiled every statement again: about a millisecond of CPU a row.
 */
export async function updateByKey(
  sql: SqlRunner,
  table: string,
  key: TypedColumn,
  columns: readonly TypedColumn[],
  rows: readonly BulkValue[][],
  condition?: string,
): Promise<void> {
  if (rows.length === 0) return;
  for (const row of rows) {
    if (row.length !== columns.length + 1) throw new Error(`updateByKey ${table}: row has ${row.length} values for a key and ${columns.length} columns`);
  }
  if (sql.provider === "sqlite") {
    const set = columns.map(([c]) => `"${c}" = ?`).join(", ");
    const statement = `UPDATE "${table}" AS t SET ${set} WHERE t."${key[0]}" = ?${condition ? ` AND ${condition}` : ""}`;
    for (const [keyValue, ...values] of rows) await sql.run(statement, [...values, keyValue!]);
    return;
  }
  const set = columns.map(([c]) => `"${c}" = v."${c}"`).join(", ");
  for (let i = 0; i < rows.length; i += PG_ROWS_PER_UPDATE) {
    const objects = rows.slice(i, i + PG_ROWS_PER_UPDATE).map((row) => {
      const o: Record<string, string | number | boolean | null> = {};
      [key, ...columns].forEach(([c], j) => (o[c] = toParam("postgresql", row[j]!)));
      return o;
    });
    await updateFromJsonPg(sql, table, key, columns, set, objects, { condition });
  }
}

/** Rows per PostgreSQL statement in `updateByKey`. */
const PG_ROWS_PER_UPDATE = 5000;

/**
 * PostgreSQL: one UPDATE of many rows of `table`, their values as one JSON parameter (`rows`,
 * each with its `key` and the `record` fields, in PostgreSQL's parameter format), matched on
 * `key`. `set` is the assignments, reading `v` for the row and `t` for the table's; `params` are
 * the values of any `?` in `set`, `condition` more SQL on `t` for the WHERE. One statement per
 * row cost a round trip and an executor start each (~1.5 ms of wall time per row under load).
 * The rows are locked in key order first (the `locked` CTE: a locking CTE is evaluated on its
 * own, in its ORDER BY, as the join reads it), as sorted one-by-one updates would, so two
 * transactions updating overlapping rows cannot deadlock.
 */
export async function updateFromJsonPg(
  sql: SqlRunner,
  table: string,
  key: TypedColumn,
  record: readonly TypedColumn[],
  set: string,
  rows: readonly object[],
  opts: { params?: BulkValue[]; condition?: string } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const [k] = key;
  const fields = [key, ...record].map(([c, type]) => `"${c}" ${type}`).join(", ");
  await sql.run(
    `WITH v AS (SELECT * FROM json_to_recordset(?::json) AS v(${fields})),
          locked AS (SELECT t."${k}" FROM "${table}" t WHERE t."${k}" IN (SELECT "${k}" FROM v) ORDER BY t."${k}" FOR NO KEY UPDATE)
     UPDATE "${table}" AS t SET ${set}
     FROM v JOIN locked l ON l."${k}" = v."${k}"
     WHERE t."${k}" = v."${k}"${opts.condition ? ` AND ${opts.condition}` : ""}`,
    [JSON.stringify(rows), ...(opts.params ?? [])],
  );
}
