/**
 * The driver connection behind a Prisma interactive transaction, for bulk writes on the ingest
 * hot path.
 *
 * Prisma's raw queries pass every parameter through its query engine, which costs about 0.2 µs
 * per byte on top of the driver (measured: a 2 MB parameter takes ~400 ms through
 * `$queryRawUnsafe`, ~50 ms through `pg` directly), so storing a 1,000-article batch of text and
 * evidence sentences costs more in Prisma than in the database. Statements sent on the
 * transaction's own connection are part of the transaction exactly like Prisma's: same
 * connection, same BEGIN, same COMMIT or ROLLBACK.
 *
 * How: the adapter factory is wrapped (`exposeTransactionConnection`, in `openDatabase`) so that
 * `startTransaction` hands the new transaction's connection to the `transactionWithConnection`
 * call that started it (found through AsyncLocalStorage, so concurrent transactions never mix).
 * The connection is the driver adapters' `client` field (`@prisma/adapter-better-sqlite3` and
 * `@prisma/adapter-pg` 6.19); if a future adapter lacks it, callers get `null` and use Prisma.
 *
 * On PostgreSQL the same wrapper also sends a transaction's statements one at a time. Prisma's
 * query interpreter (and any `Promise.all` over `tx` calls) issues a transaction's queries
 * concurrently, and they all go to the transaction's one `pg` client: pg 8 queues them itself but
 * warns ("Calling client.query() when the client is already executing a query is deprecated and
 * will be removed in pg@9.0"). The transaction's queries, and the bulk writes sent on its
 * connection, now wait for the one before: the order and the results are what pg's queue gave.
 */
import { AsyncLocalStorage } from "node:async_hooks";

/** The part of a better-sqlite3 `Database` used for bulk writes. */
export interface SqliteConnection {
  prepare(sql: string): { run(...params: unknown[]): unknown };
  readonly inTransaction: boolean;
}

/** The part of a `pg` client used for bulk writes. */
export interface PgConnection {
  query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }>;
}

export type RawConnection = { provider: "sqlite"; conn: SqliteConnection } | { provider: "postgresql"; conn: PgConnection };

interface Slot {
  /** Set by the wrapped `startTransaction`: the transaction's connection (null: not reachable). */
  conn: Exposed | null | undefined;
}

const current = new AsyncLocalStorage<Slot>();

interface AdapterLike {
  startTransaction(...args: never[]): Promise<unknown>;
}

interface FactoryLike {
  connect(): Promise<unknown>;
}

/** Runs the calls given to it one after another: each starts when the one before has settled. */
export type SerialQueue = <T>(call: () => Promise<T>) => Promise<T>;

export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(call: () => Promise<T>): Promise<T> => {
    const run = tail.then(call, call);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** The transaction object of `@prisma/adapter-pg` 6.19: every statement goes through `performIO`. */
interface PgTransactionLike {
  client?: unknown;
  performIO?: (query: unknown) => Promise<unknown>;
}

/** A transaction's connection, and the queue its statements take (PostgreSQL with `serialize`). */
interface Exposed {
  client: unknown;
  queue: SerialQueue | null;
}

export interface ExposeOptions {
  /** Send each transaction's statements one at a time (PostgreSQL: one `pg` client per transaction). */
  serialize?: boolean;
}

/**
 * Wrap a Prisma driver adapter factory so that `transactionWithConnection` can reach the
 * connection (and, with `serialize`, so that a transaction's statements never overlap).
 */
export function exposeTransactionConnection<F extends FactoryLike>(factory: F, options: ExposeOptions = {}): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as AdapterLike;
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args: never[]) => {
      const tx = (await start(...args)) as PgTransactionLike | null;
      let queue: SerialQueue | null = null;
      if (options.serialize && tx && typeof tx.performIO === "function") {
        const io = tx.performIO.bind(tx);
        const q = serialQueue();
        tx.performIO = (query: unknown) => q(() => io(query));
        queue = q;
      }
      const slot = current.getStore();
      if (slot && slot.conn === undefined) slot.conn = tx ? { client: tx.client ?? null, queue } : null;
      return tx;
    };
    return adapter;
  };
  return factory;
}

function asRaw(provider: "sqlite" | "postgresql", found: Exposed | null | undefined): RawConnection | null {
  const { client: conn, queue } = found ?? { client: null, queue: null };
  if (!conn || typeof conn !== "object") return null;
  if (provider === "sqlite") {
    const c = conn as Partial<SqliteConnection>;
    // Only inside the transaction: then everything sent on it is part of it.
    return typeof c.prepare === "function" && c.inTransaction === true ? { provider, conn: conn as SqliteConnection } : null;
  }
  const pgConn = conn as Partial<PgConnection>;
  if (typeof pgConn.query !== "function") return null;
  if (!queue) return { provider, conn: conn as PgConnection };
  // Bulk writes take the transaction's queue too, behind any Prisma statement still running.
  const query = pgConn.query.bind(conn) as PgConnection["query"];
  return { provider, conn: { query: (text, values) => queue(() => query(text, values)) } };
}

interface TransactionClient<Tx> {
  $transaction<T>(fn: (tx: Tx) => Promise<T>, options?: { maxWait?: number; timeout?: number }): Promise<T>;
}

/**
 * `db.$transaction(fn)`, with the transaction's driver connection passed to `fn` as well (null
 * when it cannot be reached: then use `tx` only).
 */
export function transactionWithConnection<Tx, T>(
  db: TransactionClient<Tx>,
  provider: "sqlite" | "postgresql",
  fn: (tx: Tx, raw: RawConnection | null) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  const slot: Slot = { conn: undefined };
  // Awaited inside `run`: Prisma starts the transaction when its promise is awaited.
  return current.run(slot, async () => await db.$transaction((tx) => fn(tx, asRaw(provider, slot.conn)), options));
}
