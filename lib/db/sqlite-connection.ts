/**
 * SQLite connection settings for several processes sharing one file (two ingests, the dashboard
 * serving while an ingest writes):
 *
 * - WAL journal: readers never wait for the writer and the writer never waits for readers. The
 *   mode is stored in the file; setting it on every connection covers files created by
 *   `prisma migrate deploy` alone.
 * - Transactions begin IMMEDIATE: the write lock is taken at BEGIN, where the busy timeout
 *   (`timeout` of the adapter) makes a second writer wait its turn. Prisma's adapter begins
 *   DEFERRED; a deferred transaction that reads first (every write transaction here looks
 *   something up first) and then writes after another process committed fails at once with
 *   SQLITE_BUSY ("database is locked"), whatever the busy timeout, because its snapshot is stale.
 *   Every interactive transaction in Parallax writes, so nothing is lost by taking the lock early;
 *   plain reads run outside transactions and are never blocked.
 * - synchronous NORMAL, a 256 MiB page cache, a 1 GiB memory map and in-memory temporary tables:
 *   the settings SQLite recommends with WAL for write-heavy use (ingest is one long series of
 *   bulk transactions over a file that outgrows any cache).
 */

/** Page cache per connection, KiB (an upper bound: pages are allocated as they are used). */
const SQLITE_CACHE_KIB = 256 * 1024;
/** Bytes of the file read through a memory map instead of read() calls into the cache. */
const SQLITE_MMAP_BYTES = 1024 ** 3;

/** The part of a better-sqlite3 `Database` configured here. */
interface SqliteClientLike {
  prepare(sql: string): unknown;
  pragma(source: string): unknown;
}

interface FactoryLike {
  connect(): Promise<unknown>;
}

/** Wrap a Prisma better-sqlite3 adapter factory: WAL journal and IMMEDIATE transactions (see above). */
export function configureSqliteConnections<F extends FactoryLike>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const client = (adapter as { client?: Partial<SqliteClientLike> } | null)?.client;
    if (client && typeof client.prepare === "function" && typeof client.pragma === "function") {
      try {
        client.pragma("journal_mode = WAL");
      } catch {
        // Another connection holds the file in the old mode (or it is read-only): keep its mode.
      }
      // In WAL mode NORMAL syncs at checkpoints, not at every commit: a crash of the process
      // loses nothing committed, a power cut at worst the last transactions, never consistency.
      client.pragma("synchronous = NORMAL");
      // A larger page cache (default 2 MB) keeps the indexes a batch updates in memory, and the
      // memory map serves the pages it misses without a read() and a copy each: at a few hundred
      // thousand articles an ingest batch touches pages all over the file's random-key indexes.
      client.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
      client.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
      client.pragma("temp_store = MEMORY");
      const prepare = client.prepare.bind(client);
      client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    }
    return adapter;
  };
  return factory;
}
