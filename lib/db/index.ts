/**
 * The Prisma client for the configured database. Both providers' clients are generated
 * (`npm run db:generate`); the one matching DATABASE_URL is instantiated with its driver
 * adapter. The SQLite client's type is the canonical `Db` type: the two schemas are identical
 * apart from the datasource, so their model APIs are the same.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { pgBulkReader, sqliteBulkReader, type BulkReader } from "./bulk-read";
import { getEnv } from "../env";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { exposeTransactionConnection } from "./raw-connection";
import { configureSqliteConnections, SQLITE_BUSY_WAIT_MS, SQLITE_SYNC_BUSY_MS, WEB_SQLITE_MEMORY, type SqliteMemory } from "./sqlite-connection";
import { parseDatabaseUrl, pgConnectionFields, type DatabaseTarget } from "./url";

export type Db = InstanceType<typeof SqliteClient>;
export type { Prisma } from "./generated/sqlite/client";

export interface Database {
  db: Db;
  provider: DatabaseTarget["provider"];
  /** Page reads through the driver, for exports (./bulk-read.ts); absent: use `db.$queryRaw`. */
  bulk?: BulkReader;
  /**
   * SQLite, the web server's database: the URL a worker thread opens to build the derived tables
   * (`searchReady`, ./derived-build.ts), so the server's thread is not held for the build.
   */
  derivedBuildUrl?: string;
  /**
   * The web server's database: how long a query waits for the derived tables' build before
   * failing with `DerivedTablesBuilding` (./search.ts), answered 503 "starting". Elsewhere (CLI,
   * tests) queries wait for the build, however long.
   */
  derivedWaitMs?: number;
  close(): Promise<void>;
}

/** Open a client for `url`. Callers own it and must `close()` it (the app uses `getDb`). */
export function openDatabase(
  url: string,
  opts: {
    logQueries?: boolean;
    poolMax?: number;
    sqliteMemory?: SqliteMemory;
    /** How long an SQLite write waits for another connection's lock (default 15 s; tests shorten it). */
    sqliteBusyTimeoutMs?: number;
    /** SQLite: build the derived tables in a worker thread (the web server; see `Database.derivedBuildUrl`). */
    derivedInWorker?: boolean;
  } = {},
): Database {
  const target = parseDatabaseUrl(url);
  const log = opts.logQueries ? (["query"] as const) : undefined;
  if (target.provider === "sqlite") {
    // WAL lets the dashboard read while an ingest writes; a second writer waits for the lock (on
    // timers, not blocking the thread) instead of failing with "database is locked" (see
    // ./sqlite-connection.ts).
    const busyWaitMs = opts.sqliteBusyTimeoutMs ?? SQLITE_BUSY_WAIT_MS;
    const adapter = exposeTransactionConnection(
      configureSqliteConnections(new PrismaBetterSQLite3({ url: target.url, timeout: SQLITE_SYNC_BUSY_MS }), opts.sqliteMemory, busyWaitMs),
    );
    // Transactions Prisma starts itself (nested writes) and `$transaction` calls without their own
    // `maxWait` may wait for the lock as long as a single statement (Prisma's default is 2 s; the
    // wait used to happen inside BEGIN, where Prisma's timer could not fire).
    const db = new SqliteClient({ adapter, log: log ? [...log] : undefined, transactionOptions: { maxWait: busyWaitMs + 5_000 } });
    const bulk = sqliteBulkReader(target.file);
    return {
      db,
      provider: "sqlite",
      bulk,
      derivedBuildUrl: opts.derivedInWorker ? url : undefined,
      close: () => Promise.all([db.$disconnect(), bulk.close()]).then(() => undefined),
    };
  }
  // The pool is ours (Prisma's adapter leaves an external pool open) so bulk reads can share it.
  const pool = new pg.Pool({ ...pgConnectionFields(target.url), max: opts.poolMax ?? 10 });
  // An idle connection that drops (server restart) must not crash the process before Prisma has
  // attached its own listener; the next query on it reports the failure.
  pool.on("error", () => undefined);
  const adapter = exposeTransactionConnection(new PrismaPg(pool), { serialize: true });
  const db = new PostgresClient({ adapter, log: log ? [...log] : undefined }) as unknown as Db;
  const bulk = pgBulkReader(pool);
  let ended: Promise<void> | undefined;
  const close = async () => {
    await Promise.all([db.$disconnect(), bulk.close()]);
    ended ??= pool.end();
    await ended;
  };
  return { db, provider: "postgresql", bulk, close };
}

/** The web server's `derivedWaitMs`: a request waits this long for a build before "starting". */
export const WEB_DERIVED_WAIT_MS = 1_000;

const globalForDb = globalThis as unknown as { parallaxDb?: Database };

/** The process-wide client for DATABASE_URL (reused across Next.js hot reloads). */
export function getDatabase(): Database {
  if (!globalForDb.parallaxDb) {
    const env = getEnv();
    // The web server's SQLite memory settings (no memory map: see WEB_SQLITE_MEMORY).
    globalForDb.parallaxDb = openDatabase(env.DATABASE_URL, {
      logQueries: env.PARALLAX_LOG_QUERIES,
      poolMax: env.PARALLAX_PG_POOL_MAX,
      sqliteMemory: WEB_SQLITE_MEMORY,
      derivedInWorker: true,
    });
    globalForDb.parallaxDb.derivedWaitMs = WEB_DERIVED_WAIT_MS;
  }
  return globalForDb.parallaxDb;
}

export function getDb(): Db {
  return getDatabase().db;
}
