/**
 * Bulk reads through the driver, for exports: one page of a keyset scan at a time, without
 * Prisma's query engine.
 *
 * Why: a raw Prisma query hands every row from the driver adapter to the engine and back, and
 * the client then decodes it again (measured on a 20,000-row article export, SQLite: Prisma's
 * row path cost about twice the CPU of better-sqlite3 alone, and was ~45% of the export's CPU
 * time in `next start`). The SQL is the same `Sql` object: `.sql` (`?` placeholders) for SQLite,
 * `.text` (`$1`) for PostgreSQL.
 *
 * - SQLite: a read-only better-sqlite3 connection of its own, opened on first use. Not Prisma's
 *   connection: an interactive transaction (an ingest in the same process) runs on that one, and
 *   a read there would see its uncommitted rows. In WAL mode this reader never blocks writers.
 *   Each page is read whole (`all()`; in `raw()` mode for `arrays`): no statement stays open
 *   (and no WAL snapshot is held) while the export waits for a slow client.
 * - PostgreSQL: the pool Prisma's adapter uses (one pool, PARALLAX_PG_POOL_MAX connections).
 *
 * Rows come back as the driver decodes them, not as Prisma would: SQLite timestamps as the ISO
 * text they are stored as, booleans as 0/1; PostgreSQL `timestamp` (without time zone, UTC by
 * convention here) as a Date read as UTC (the export cursor: as ISO 8601 text), int8 and numeric
 * as numbers. Callers convert per column
 * (see `toDate`, `toBool`, `toNumber` in lib/queries/sql.ts).
 */
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import type { Sql } from "@prisma/client/runtime/client";

export interface BulkReader {
  /** Every row of `query` (a bounded page: the caller adds LIMIT), keyed by column alias. */
  all<T = Record<string, unknown>>(query: Sql): Promise<T[]>;
  /** As `all`, each row an array of its columns in SELECT order: no object per row (the export's pages). */
  arrays(query: Sql): Promise<unknown[][]>;
  /**
   * PostgreSQL only: every row of one unbounded `query`, `batch` rows at a time, through a
   * server-side cursor (see `pgBulkReader`), each row an array of its columns in SELECT order,
   * timestamps as ISO 8601 UTC text (see `exportTypes`). Breaking out of the loop closes the cursor.
   */
  batches?(query: Sql, batch: number): AsyncIterable<unknown[][]>;
  /**
   * SQLite only: the distinct values `select` returns (one column: integers, or text with
   * `type: "text"`), kept in a temporary table of this reader's connection for the queries that
   * follow (an export's pages), until `release`. The set is read once, when this is called: a
   * snapshot (see `HeldMatches` in lib/db/search.ts). `type: "sequence"`: the values (text) in
   * the order the query returns them, numbered from 1 in a column "seq" (the primary key).
   */
  hold?(select: Sql, type?: "integer" | "text" | "sequence"): Promise<HeldRows>;
  close(): Promise<void>;
}

/** Rows held by `BulkReader.hold`. */
export interface HeldRows {
  /** The table, qualified and quoted: the values in column "r" (its primary key, but for a sequence's). */
  table: string;
  /** How many values it holds (distinct ones, but for a sequence). */
  size: number;
  /** Drops the table (safe to call more than once, and after the reader closed). */
  release(): void;
}

/** SQLite takes no booleans or Dates as parameters; store them as Prisma does. */
function sqliteValue(v: unknown): unknown {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  return v;
}

/** Names the temporary tables of `hold`, unique in the process. */
let heldTables = 0;

export function sqliteBulkReader(file: string): BulkReader {
  let conn: BetterSqlite3.Database | null = null;
  // Keyset pages after the first share one SQL text: prepare once (per row shape: `raw` is a
  // statement's mode).
  const statements = new Map<string, BetterSqlite3.Statement>();
  const open = () => {
    if (!conn) {
      conn = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout: 15_000 });
      // Numbers, not bigints: the export's ids and counts are far below 2^53.
      conn.defaultSafeIntegers(false);
    }
    return conn;
  };
  const prepared = (query: Sql, raw: boolean) => {
    const cacheKey = `${raw ? "r" : "o"}${query.sql}`;
    let stmt = statements.get(cacheKey);
    if (!stmt) {
      stmt = open().prepare(query.sql);
      if (raw) stmt.raw(true);
      if (statements.size >= 32) statements.clear();
      statements.set(cacheKey, stmt);
    }
    return stmt;
  };
  return {
    async all<T>(query: Sql) {
      return prepared(query, false).all(...query.values.map(sqliteValue)) as T[];
    },
    async arrays(query: Sql) {
      return prepared(query, true).all(...query.values.map(sqliteValue)) as unknown[][];
    },
    async hold(select: Sql, type: "integer" | "text" | "sequence" = "integer") {
      const c = open();
      // A temporary table belongs to this connection (a read-only connection may create one):
      // the queries reading it must go through this reader. Not in the statement cache: the
      // name is used once.
      const table = `"temp"."parallax_held_${++heldTables}"`;
      c.exec(
        type === "integer"
          ? `CREATE TABLE ${table} ("r" INTEGER PRIMARY KEY)`
          : type === "text"
            ? `CREATE TABLE ${table} ("r" TEXT PRIMARY KEY) WITHOUT ROWID`
            : `CREATE TABLE ${table} ("seq" INTEGER PRIMARY KEY, "r" TEXT NOT NULL)`,
      );
      let released = false;
      const release = () => {
        if (released || conn !== c) return;
        released = true;
        c.exec(`DROP TABLE IF EXISTS ${table}`);
      };
      try {
        // A sequence is numbered in insertion order, which is the query's order.
        const verb = type === "sequence" ? "INSERT" : "INSERT OR IGNORE";
        const { changes } = c.prepare(`${verb} INTO ${table} ("r") ${select.sql}`).run(...select.values.map(sqliteValue));
        return { table, size: changes, release };
      } catch (err) {
        release();
        throw err;
      }
    },
    async close() {
      statements.clear();
      conn?.close();
      conn = null;
    },
  };
}

// PostgreSQL type ids (pg_type.oid).
const INT8 = 20;
const NUMERIC = 1700;
const TIMESTAMP = 1114;

/**
 * Prisma stores DateTime in `timestamp(3)` columns as UTC; node-postgres would read them in the
 * server process's local time zone.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === TIMESTAMP) return (v: string) => new Date(`${v.replace(" ", "T")}Z`);
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as "text");
  },
} as pg.CustomTypesConfig;

/** PostgreSQL's text form of a `timestamp`, milliseconds or less (Prisma writes `timestamp(3)`). */
const PG_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,3}))?$/;

/**
 * The export cursor's types: as `pgTypes`, except timestamps, which come as ISO 8601 UTC text
 * ("2016-09-10T12:00:00.000Z", what the writers print) straight from PostgreSQL's text, without
 * a Date per cell (under `next start` each `new Date` goes through Next's patched constructor).
 * Text of another form (BC, infinity, more digits) goes through Date as before.
 */
const exportTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === TIMESTAMP) {
      return (v: string) => {
        const m = PG_TIMESTAMP.exec(v);
        return m ? `${m[1]}T${m[2]}.${(m[3] ?? "").padEnd(3, "0")}Z` : new Date(`${v.replace(" ", "T")}Z`);
      };
    }
    return pgTypes.getTypeParser(oid, format as "text");
  },
} as pg.CustomTypesConfig;

/** Connections for export cursors at most: more concurrent exports wait for one. */
const CURSOR_CONNECTIONS = 3;

/**
 * PostgreSQL reads. Pages (`all`) go through the shared pool. A whole export (`batches`) is one
 * query behind a cursor, `DECLARE ... NO SCROLL CURSOR` in a read-only transaction, fetched
 * `batch` rows at a time: the plan is made once for the whole result, with
 * `cursor_tuple_fraction = 1` so the planner optimises for reading every row (hash joins, one
 * sort) rather than for the first ones. Keyset pages of 1,000 rows each planned a nested loop
 * of index probes (EventArticle, Event, counts: ~14 buffer hits per row) plus ~10 ms of
 * planning. Measured back to back on the 100k bench corpus (rows and CSV encoding in one
 * process, a busy 2-core machine): keyset pages 5.9-6.7 s, this cursor 2.5-3.1 s, of which ~1 s
 * is the sort before the first row; with the default cursor_tuple_fraction (0.1) the cursor
 * kept the nested loops (4.7-6.4 s for the rows alone).
 * The transaction's snapshot stays open while the client downloads; the cursors use a small pool
 * of their own (CURSOR_CONNECTIONS), so slow downloads never take the pages' connections.
 */
export function pgBulkReader(pool: pg.Pool): BulkReader {
  let cursorPool: pg.Pool | null = null;
  return {
    async all<T>(query: Sql) {
      const res = await pool.query({ text: query.text, values: query.values, types: pgTypes });
      return res.rows as T[];
    },
    async arrays(query: Sql) {
      const res = await pool.query<unknown[]>({ text: query.text, values: query.values, types: pgTypes, rowMode: "array" });
      return res.rows;
    },
    async *batches(query: Sql, batch: number): AsyncGenerator<unknown[][]> {
      if (!cursorPool) {
        cursorPool = new pg.Pool({ ...pool.options, max: CURSOR_CONNECTIONS, idleTimeoutMillis: 10_000 });
        cursorPool.on("error", () => undefined);
      }
      const client = await cursorPool.connect();
      let failed: Error | undefined;
      let open = false;
      try {
        await client.query("BEGIN READ ONLY");
        open = true;
        await client.query("SET LOCAL cursor_tuple_fraction = 1");
        await client.query({ text: `DECLARE parallax_export NO SCROLL CURSOR FOR ${query.text}`, values: query.values });
        const fetch = { text: `FETCH ${Math.max(1, Math.floor(batch))} FROM parallax_export`, types: exportTypes, rowMode: "array" as const };
        for (;;) {
          const res = await client.query<unknown[]>(fetch);
          if (res.rows.length) yield res.rows;
          if (res.rows.length < batch) break;
        }
      } catch (err) {
        failed = err as Error;
        throw err;
      } finally {
        // Also on an early return (the client went away): the transaction ends, the cursor with it.
        if (open && !failed) await client.query("ROLLBACK").catch((err: Error) => (failed = err));
        // A connection whose query failed may be mid-protocol: discard it rather than reuse it.
        client.release(failed);
      }
    },
    async close() {
      const p = cursorPool;
      cursorPool = null;
      await p?.end();
    },
  };
}
