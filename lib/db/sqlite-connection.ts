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
 * - Waiting for the write lock does not block the thread. better-sqlite3 is synchronous: with
 *   SQLite's own busy timeout (15 s) a write that found the lock held by another process (a CLI
 *   ingest, a regroup) slept inside the call, and a web server froze every request, read or
 *   write, until the lock came free. Here SQLite's busy handler waits only `SQLITE_SYNC_BUSY_MS`;
 *   a BEGIN or a statement outside a transaction that is still busy after it is tried again after
 *   a timer, until `busyWaitMs` (15 s by default, as before) has passed. Inside a transaction
 *   nothing waits: BEGIN IMMEDIATE already holds the lock.
 * - synchronous NORMAL, a 256 MiB page cache, a 1 GiB memory map and in-memory temporary tables:
 *   the settings SQLite recommends with WAL for write-heavy use (ingest is one long series of
 *   bulk transactions over a file that outgrows any cache).
 */

/** Page cache per connection, KiB (an upper bound: pages are allocated as they are used). */
const SQLITE_CACHE_KIB = 256 * 1024;
/** Bytes of the file read through a memory map instead of read() calls into the cache. */
const SQLITE_MMAP_BYTES = 1024 ** 3;

/** How long SQLite's busy handler may block the thread on one try before waiting on a timer instead. */
export const SQLITE_SYNC_BUSY_MS = 20;
/** How long, in all, a write waits for another connection's write lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_WAIT_MS = 15_000;

/** The part of a better-sqlite3 `Database` configured here. */
interface SqliteClientLike {
  prepare(sql: string): unknown;
  pragma(source: string): unknown;
}

interface FactoryLike {
  connect(): Promise<unknown>;
}

/** Page cache and memory map of a connection (defaults: the ingest settings above). */
export interface SqliteMemory {
  cacheKib: number;
  mmapBytes: number;
}

/**
 * The web server's connection (`getDatabase`): no memory map and an 8 MiB page cache. Pages read
 * through a map count in the process's RSS as file-backed memory, and the dashboard's reads touch
 * pages all over the file: with the 1 GiB map a `next start` server on the 100k corpus (a 505 MB
 * file) held 492 MB of file pages after the bench's page requests, out of 799 MB RSS (80 MB of
 * file pages without the map). Without it SQLite reads pages with read() from the kernel's page
 * cache (shared, not charged to the process) into its own bounded cache. The bench's read-path
 * p95 latencies with and without the map were within the noise of a busy 2-core machine (events
 * list 224/156 ms, event page 826/823, filtered articles 100/114, coverage 79/57); a 32 MiB
 * cache held ~25 MB more than 8 MiB for no measurable gain. Ingest through the server (uploads,
 * feeds) uses this connection too.
 */
export const WEB_SQLITE_MEMORY: SqliteMemory = { cacheKib: 8 * 1024, mmapBytes: 0 };

/**
 * Wrap a Prisma better-sqlite3 adapter factory: WAL journal, IMMEDIATE transactions and busy waits
 * on timers (see above). `busyWaitMs`: how long a write waits for the lock in all.
 */
export function configureSqliteConnections<F extends FactoryLike>(
  factory: F,
  memory: SqliteMemory = { cacheKib: SQLITE_CACHE_KIB, mmapBytes: SQLITE_MMAP_BYTES },
  busyWaitMs = SQLITE_BUSY_WAIT_MS,
): F {
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
      client.pragma(`cache_size = -${memory.cacheKib}`);
      client.pragma(`mmap_size = ${memory.mmapBytes}`);
      client.pragma("temp_store = MEMORY");
      const prepare = client.prepare.bind(client);
      const starter = adapter as Partial<TransactionStarter>;
      if (typeof starter.startTransaction === "function" && typeof starter.onError === "function") {
        client.pragma(`busy_timeout = ${Math.min(SQLITE_SYNC_BUSY_MS, busyWaitMs)}`);
        releaseLockOnFailedBegin(starter as TransactionStarter, client as SqliteClientLike, prepare, busyWaitMs);
        waitOutBusyStatements(adapter as Partial<StatementRunner>, busyWaitMs);
      } else {
        client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
      }
    }
    return adapter;
  };
  return factory;
}

/** The part of Prisma's better-sqlite3 adapter that starts transactions. */
interface TransactionStarter {
  startTransaction(isolationLevel?: unknown): Promise<{ rollback(): Promise<void> }>;
  /** Throws the driver error as Prisma's DriverAdapterError (what a failed BEGIN would have thrown). */
  onError(error: unknown): never;
}

/**
 * BEGIN IMMEDIATE, and a BEGIN that fails does not leave the adapter locked for good.
 *
 * Prisma's adapter (6.19) serialises transactions with a mutex taken before `BEGIN` and released
 * by the transaction's commit or rollback; when `BEGIN` itself throws (SQLITE_BUSY: another
 * process, e.g. a CLI ingest, held the write lock past the busy timeout) the mutex is never
 * released, and every later transaction of the process waits forever (found with a test: after one
 * busy timeout a web server's merges, feed polls and uploads all hung until restart). Here the
 * BEGIN's failure is caught and kept, the transaction object is rolled back (which only releases
 * the mutex: no transaction was begun) and, when the lock was busy and `busyWaitMs` has not
 * passed, BEGIN is tried again after a timer; otherwise the failure is thrown as the adapter
 * would have.
 */
function releaseLockOnFailedBegin(adapter: TransactionStarter, client: SqliteClientLike, prepare: (sql: string) => unknown, busyWaitMs: number): void {
  let starting = 0;
  let beginError: { error: unknown } | null = null;
  client.prepare = (sql: string) => {
    if (sql !== "BEGIN") return prepare(sql);
    const stmt = prepare("BEGIN IMMEDIATE") as { run(): unknown };
    if (!starting) return stmt;
    return {
      run() {
        try {
          return stmt.run();
        } catch (error) {
          beginError = { error };
          return undefined;
        }
      },
    };
  };
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel?: unknown) => {
    // The failure of the last BEGIN, thrown as the adapter's own error (it is the driver's raw one).
    let failedBegin: unknown;
    try {
      return await whileBusy(busyWaitMs, async () => {
        starting++;
        let tx: Awaited<ReturnType<TransactionStarter["startTransaction"]>>;
        try {
          tx = await start(isolationLevel);
        } finally {
          starting--;
        }
        // The mutex is held from BEGIN until the rollback below: no other BEGIN ran in between.
        const failed = beginError;
        beginError = null;
        if (!failed) return tx;
        // Released before a busy wait, so other transactions of this process may begin meanwhile.
        await tx.rollback();
        failedBegin = failed.error;
        throw failed.error;
      });
    } catch (error) {
      if (error === failedBegin) adapter.onError(error);
      throw error;
    }
  };
}

/** The adapter's statements outside transactions. */
interface StatementRunner {
  queryRaw(query: unknown): Promise<unknown>;
  executeRaw(query: unknown): Promise<unknown>;
}

/**
 * A statement run outside a transaction (autocommit: a single insert, an update of a feed's
 * state) that finds the write lock taken is tried again after a timer until `busyWaitMs` has
 * passed. Safe: a statement that fails with SQLITE_BUSY in autocommit mode changed nothing.
 */
function waitOutBusyStatements(adapter: Partial<StatementRunner>, busyWaitMs: number): void {
  for (const method of ["queryRaw", "executeRaw"] as const) {
    const run = adapter[method];
    if (typeof run !== "function") continue;
    const bound = run.bind(adapter);
    adapter[method] = (query: unknown) => whileBusy(busyWaitMs, () => bound(query));
  }
}

/**
 * `attempt` again after a timer (`busyPause`) while it fails with SQLITE_BUSY and `busyWaitMs`
 * has not passed since the first try; any other failure, or the last busy one, is thrown.
 */
async function whileBusy<T>(busyWaitMs: number, attempt: () => Promise<T>): Promise<T> {
  const started = performance.now();
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isSqliteBusy(error) || performance.now() - started >= busyWaitMs) throw error;
      await busyPause(n);
    }
  }
}

/** SQLITE_BUSY (and its extended codes), raw from better-sqlite3 or converted by the adapter. */
function isSqliteBusy(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { originalCode?: unknown } } | null;
  const code = typeof e?.code === "string" ? e.code : e?.cause?.originalCode;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/** The wait before try `attempt + 1`: 10 ms growing to 100 ms, jittered (SQLite's own handler sleeps alike). */
function busyPause(attempt: number): Promise<void> {
  const ms = Math.min(100, 10 * 1.5 ** (attempt - 1)) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}
