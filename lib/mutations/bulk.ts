import type { Db } from "../db";
import type { PgConnection, RawConnection, SqliteConnection } from "../db/raw-connection";

type Tx = Pick<Db, "$executeRawUnsafe">;
export type BulkValue = string | number | boolean | Date | null;

/**
 * Bound parameters per statement. SQLite allows 32,766 and PostgreSQL 65,535; staying well
 * below both keeps statements small enough to plan quickly.
 */
const MAX_PARAMS = 8000;
/** Rows per PostgreSQL statement on the driver path (one JSON parameter each). */
const PG_ROWS_PER_STATEMENT = 5000;

export interface BulkInsertOptions {
  /** Skip rows that conflict on this unique column. */
  onConflictDoNothing?: string;
  /**
   * The transaction's driver connection (`transactionWithConnection`): rows go to the driver
   * directly instead of through Prisma, which copies every parameter through its query engine.
   */
  raw?: RawConnection | null;
}

/**
 * Multi-row INSERT for the ingest hot path, in the caller's transaction. Prisma's `createMany`
 * compiles and binds row by row (~5 ms per article's claims and statements). With the
 * transaction's driver connection, SQLite runs one cached prepared statement per row (~25 µs a
 * row) and PostgreSQL one statement per few thousand rows, the rows sent as one JSON parameter
 * expanded by `json_populate_recordset` (typed by the table itself). Without it, one
 * parameterised multi-row statement per few hundred rows goes through Prisma. Values are
 * converted to each provider's storage format exactly as Prisma writes them (SQLite: ISO text
 * dates and 0/1 booleans).
 */
export async function bulkInsert(
  tx: Tx,
  provider: "sqlite" | "postgresql",
  table: string,
  columns: string[],
  rows: BulkValue[][],
  opts: BulkInsertOptions = {},
): Promise<void> {
  if (rows.length === 0) return;
  for (const row of rows) {
    if (row.length !== columns.length) throw new Error(`bulkInsert ${table}: row has ${row.length} values for ${columns.length} columns`);
  }
  const quoted = columns.map((c) => `"${c}"`).join(", ");
  const tail = opts.onConflictDoNothing ? ` ON CONFLICT ("${opts.onConflictDoNothing}") DO NOTHING` : "";
  if (opts.raw?.provider === "sqlite" && provider === "sqlite") return insertSqlite(opts.raw.conn, table, quoted, columns.length, rows, tail);
  if (opts.raw?.provider === "postgresql" && provider === "postgresql") return insertPg(opts.raw.conn, table, columns, rows, tail);

  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const head = `INSERT INTO "${table}" (${quoted}) VALUES `;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: (string | number | boolean | null)[] = [];
    const tuples = chunk.map((row) => {
      const marks = row.map((v) => {
        params.push(toParam(provider, v));
        return provider === "sqlite" ? "?" : `$${params.length}`;
      });
      return `(${marks.join(", ")})`;
    });
    await tx.$executeRawUnsafe(head + tuples.join(", ") + tail, ...params);
  }
}

const statements = new WeakMap<SqliteConnection, Map<string, { run(...params: unknown[]): unknown }>>();

/**
 * Rows per SQLite statement on the driver path: each `run` costs a call into the driver and a
 * statement step and reset on top of the row itself; 32 rows per call took half the CPU per row
 * of one row per call (measured on claim-like rows), and more rows per call gained little more.
 */
const SQLITE_ROWS_PER_STATEMENT = 32;

function insertSqlite(conn: SqliteConnection, table: string, quoted: string, width: number, rows: BulkValue[][], tail: string): void {
  let cache = statements.get(conn);
  if (!cache) statements.set(conn, (cache = new Map()));
  const tuple = `(${new Array<string>(width).fill("?").join(", ")})`;
  const statement = (n: number) => {
    const sql = `INSERT INTO "${table}" (${quoted}) VALUES ${new Array<string>(n).fill(tuple).join(", ")}${tail}`;
    let stmt = cache.get(sql);
    if (!stmt) cache.set(sql, (stmt = conn.prepare(sql)));
    return stmt;
  };
  const perStatement = Math.max(1, Math.min(SQLITE_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS / width)));
  // Full statements of `perStatement` rows, the rest one row at a time (one statement text each:
  // prepared once per connection). Rows are inserted in the given order either way.
  const full = rows.length - (rows.length % perStatement);
  if (full > 0) {
    const many = statement(perStatement);
    const params = new Array<string | number | boolean | null>(perStatement * width);
    for (let i = 0; i < full; i += perStatement) {
      for (let r = 0; r < perStatement; r++) {
        const row = rows[i + r]!;
        for (let k = 0; k < width; k++) params[r * width + k] = toParam("sqlite", row[k]!);
      }
      many.run(params);
    }
  }
  if (full < rows.length) {
    const one = statement(1);
    for (let i = full; i < rows.length; i++) one.run(rows[i]!.map((v) => toParam("sqlite", v)));
  }
}

async function insertPg(conn: PgConnection, table: string, columns: string[], rows: BulkValue[][], tail: string): Promise<void> {
  const list = columns.map((c) => `"${c}"`).join(", ");
  const select = columns.map((c) => `r."${c}"`).join(", ");
  const sql = `INSERT INTO "${table}" (${list}) SELECT ${select} FROM json_populate_recordset(NULL::"${table}", $1::json) AS r${tail}`;
  for (let i = 0; i < rows.length; i += PG_ROWS_PER_STATEMENT) {
    const objects = rows.slice(i, i + PG_ROWS_PER_STATEMENT).map((row) => {
      const o: Record<string, string | number | boolean | null> = {};
      columns.forEach((c, k) => (o[c] = toParam("postgresql", row[k]!)));
      return o;
    });
    await conn.query(sql, [JSON.stringify(objects)]);
  }
}

export function toParam(provider: "sqlite" | "postgresql", v: BulkValue): string | number | boolean | null {
  if (v instanceof Date) {
    // SQLite: the text format Prisma's SQLite adapter writes. PostgreSQL: a UTC timestamp literal.
    return provider === "sqlite" ? v.toISOString().replace("Z", "+00:00") : v.toISOString().replace("Z", "");
  }
  if (typeof v === "boolean" && provider === "sqlite") return v ? 1 : 0;
  return v;
}
