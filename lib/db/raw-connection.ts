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
  conn: unknown;
}

const current = new AsyncLocalStorage<Slot>();

interface AdapterLike {
  startTransaction(...args: never[]): Promise<unknown>;
}

interface FactoryLike {
  connect(): Promise<unknown>;
}

/** Wrap a Prisma driver adapter factory so that `transactionWithConnection` can reach the connection. */
export function exposeTransactionConnection<F extends FactoryLike>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as AdapterLike;
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args: never[]) => {
      const tx = await start(...args);
      const slot = current.getStore();
      if (slot && slot.conn === undefined) slot.conn = (tx as { client?: unknown } | null)?.client ?? null;
      return tx;
    };
    return adapter;
  };
  return factory;
}

function asRaw(provider: "sqlite" | "postgresql", conn: unknown): RawConnection | null {
  if (!conn || typeof conn !== "object") return null;
  if (provider === "sqlite") {
    const c = conn as Partial<SqliteConnection>;
    // Only inside the transaction: then everything sent on it is part of it.
    return typeof c.prepare === "function" && c.inTransaction === true ? { provider, conn: conn as SqliteConnection } : null;
  }
  return typeof (conn as Partial<PgConnection>).query === "function" ? { provider, conn: conn as PgConnection } : null;
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
