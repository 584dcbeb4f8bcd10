/**
 * Entry module of the worker thread that builds the derived tables of an SQLite database for the
 * web server (`./derived-build.ts`): its own connection, `ensureSearch`, one message back.
 */
import { parentPort, threadId, workerData } from "node:worker_threads";
import { openDatabase } from "./index";
import { ensureSearch } from "./search";
import type { DerivedBuildMessage } from "./derived-build";

const { url } = workerData as { url: string };
const database = openDatabase(url);
let message: DerivedBuildMessage;
try {
  message = { ok: true, built: await ensureSearch(database), threadId };
} catch (err) {
  message = { ok: false, error: err instanceof Error ? err.message : String(err) };
} finally {
  await database.close();
}
parentPort?.postMessage(message);
