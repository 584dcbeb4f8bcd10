/**
 * Which failures of a batch's transaction are worth another try: the database was busy (SQLite's
 * write lock held past the busy timeout, a PostgreSQL deadlock or serialization failure, no
 * transaction slot within `maxWait`), or a unique key was taken meanwhile (a concurrent ingest
 * stored the same article or outlet first). Anything else (bad data, a bug) fails the same way
 * again and is reported at once.
 */
const BUSY = /SQLITE_BUSY|database is locked|SocketTimeout|40P01|40001|deadlock detected|could not serialize|TransactionWriteConflict|P2034|P2028|Unable to start a transaction|Transaction already closed/i;
const KEY_TAKEN = /UniqueConstraintViolation|SQLITE_CONSTRAINT_PRIMARYKEY|SQLITE_CONSTRAINT_UNIQUE|23505|P2002|Unique constraint|duplicate key/i;

/**
 * The `giveUpAfterMs` of transactions a person waits on (analysts' actions, outlet edits): below
 * SQLite's busy timeout, so a lock held past it answers 503 after one wait.
 */
export const INTERACTIVE_RETRY_MS = 5_000;

/** Attempts at storing one batch (the first included). */
export const STORE_ATTEMPTS = 4;

/** Everything an error says about itself: message, code, and the same of its causes. */
function describe(err: unknown, depth = 0): string {
  if (!err || typeof err !== "object" || depth > 4) return String(err);
  const e = err as { message?: unknown; code?: unknown; cause?: unknown; meta?: unknown };
  const parts = [String(e.message ?? ""), String(e.code ?? "")];
  if (e.meta) parts.push(JSON.stringify(e.meta));
  if (e.cause) parts.push(describe(e.cause, depth + 1));
  return parts.join(" ");
}

/** True when storing the batch again may succeed: the database was busy, or a key was taken meanwhile. */
export function isTransientStoreError(err: unknown): boolean {
  const text = describe(err);
  return BUSY.test(text) || KEY_TAKEN.test(text);
}

/**
 * True when the database was busy (locked, a deadlock victim, a serialization failure, no
 * transaction slot in time): what an HTTP answer should call "try again", unlike a key taken.
 */
export function isBusyStoreError(err: unknown): boolean {
  return BUSY.test(describe(err));
}

/** Wait before attempt `attempt` (2, 3, …): short, growing, jittered so two writers do not collide again. */
export function retryDelayMs(attempt: number): number {
  return Math.round((50 * 2 ** (attempt - 2)) * (1 + Math.random()));
}

/**
 * Run `work` (one whole transaction) again while it fails transiently (`isTransientStoreError`),
 * up to `STORE_ATTEMPTS` in all, with `retryDelayMs` between tries; any other failure, or the
 * last transient one, is thrown. For transactions that are safe to run again after a rollback
 * (ingest batches, re-grouping and place-filling batches, analysts' actions, outlet edits): a deadlock with a
 * concurrent ingest or edit then costs a short wait instead of the job or the request.
 */
export async function withStoreRetry<T>(work: (attempt: number) => Promise<T>, opts: StoreRetryOptions = {}): Promise<T> {
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (err) {
      if (attempt >= STORE_ATTEMPTS || !isTransientStoreError(err)) throw err;
      if (opts.giveUpAfterMs !== undefined && performance.now() - started >= opts.giveUpAfterMs) throw err;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt + 1)));
      await opts.beforeRetry?.(err, attempt + 1);
    }
  }
}

export interface StoreRetryOptions {
  /**
   * No further try once this long has passed since the first began. For requests someone waits
   * on: SQLite's busy timeout (15 s) has already been waited when "database is locked" comes
   * back, and three more waits would keep an analyst a minute before the 503; a PostgreSQL
   * deadlock fails at once and is still tried again.
   */
  giveUpAfterMs?: number;
  /**
   * Runs after the wait and before try `attempt` (2, 3, …), e.g. to re-read what a concurrent
   * writer changed (ingest rebuilds its grouper and drops the articles stored meanwhile). If it
   * throws, that error is thrown and no further try is made.
   */
  beforeRetry?: (err: unknown, attempt: number) => Promise<void> | void;
}
