/**
 * Entry module of the worker thread that builds the derived tables of an SQLite database for the
 * web server (`./derived-build.ts`): its own connection, `ensureSearch`, one message back.
 */
import { parentPort, threadId, workerData } from "node:worker_threads";
import { openDatabase } from "./index";
import { ensureSearch } from "./search";
import type { DerivedBuildMessage } from "./derived-build";

/**
 * How long the build waits for another connection's write lock (a CLI ingest between batches, a
 * regroup): this thread serves nothing meanwhile, so longer than a request's 15 s, like the
 * build transaction's own `maxWait`.
 */
const BUILD_BUSY_WAIT_MS = 10 * 60_000;

const { url } = workerData as { url: string };
const database = openDatabase(url, { sqliteBusyTimeoutMs: BUILD_BUSY_WAIT_MS });
let message: DerivedBuildMessage;
try {
  message = { ok: true, built: await ensureSearch(database), threadId };
} catch (err) {
  message = { ok: false, error: err instanceof Error ? err.message : String(err) };
} finally {
  await database.close();
}
parentPort?.postMessage(message);
