/**
 * The web server's build of SQLite's derived tables (full-text index, counts, event members), in
 * a worker thread. better-sqlite3 is synchronous: built in the server's own thread, each
 * backfill statement held the event loop for seconds (11.7 s in all at 100k articles, minutes at
 * a million), so the health check's "starting" answer and the pages' "Preparing the database"
 * could not be sent until it had finished. In a worker thread with its own connection the
 * server answers meanwhile; readers see the old state (WAL), writers wait for its lock.
 */
import { projectFile, startSourceWorker } from "../workers/source";

export type DerivedBuildMessage = { ok: true; built: boolean; threadId: number } | { ok: false; error: string };

/**
 * Run `ensureSearch` on `url` in a worker thread; resolves with what it reports (`built`: it
 * built something; `threadId`: the thread it ran in). Null when the worker sources cannot be
 * found (an unusual bundle): the caller builds in its own thread then.
 */
export function buildDerivedInWorker(url: string): Promise<{ built: boolean; threadId: number }> | null {
  const bootstrap = projectFile("lib/workers/bootstrap.mjs");
  const entry = projectFile("lib/db/derived-build-worker.ts");
  if (!bootstrap || !entry) return null;
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = startSourceWorker(bootstrap, entry, { name: "parallax-derived-build", data: { url } });
    worker.once("message", (msg: DerivedBuildMessage) => {
      settled = true;
      if (msg.ok) resolve({ built: msg.built, threadId: msg.threadId });
      else reject(new Error(`building the derived tables failed: ${msg.error}`));
    });
    worker.once("error", (err) => {
      if (settled) return;
      settled = true;
      reject(new Error(`building the derived tables failed: ${err.message}`));
    });
    worker.once("exit", (code) => {
      if (settled) return;
      settled = true;
      reject(new Error(`building the derived tables failed: its worker thread stopped (exit code ${code})`));
    });
  });
}
