/**
 * How the web server (`next start`) is launched: Node flags and environment that keep its memory
 * within the scale target (issue #6: peak RSS <= 300 MB whatever the corpus). `npm start`
 * (scripts/start.ts) launches it this way; anything that measures the server (scripts/bench.ts)
 * should too, or it measures a differently configured process.
 *
 * Measured on the 100k SQLite bench corpus after the bench's page requests (40 event pages,
 * lists, searches, charts), SQLite memory map already off for the web process
 * (lib/db/sqlite-connection.ts, WEB_SQLITE_MEMORY): V8's heap held ~70 MB live but 186-254 MB in
 * all, because with 24 GB of RAM V8 lets the heap grow to 4x its live size before a full GC.
 * - SERVER_V8_FLAGS: the heap grows by 50% of its live size (not up to 4x) before the next full
 *   GC, with no hard cap (a large upload ingested by the server still gets the memory it needs;
 *   `--max-old-space-size=512` bounded the heap as well but would end the server with an
 *   out-of-memory error instead). Measured: RSS after the page requests 293 MB instead of 409,
 *   server CPU per event page 248 ms instead of 220 (more full GCs; a busy machine, noisy).
 *   Halving the young generation (`--max-semi-space-size=8`) saved another ~17 MB but cost
 *   ~30% more CPU per event page: not used.
 * - MALLOC_ARENA_MAX=2: glibc otherwise gives each thread (libuv pool, V8 workers) a malloc
 *   arena of its own; native memory (SQLite's page cache, the drivers) was ~20 MB smaller.
 */
import path from "node:path";

export const SERVER_V8_FLAGS: readonly string[] = ["--heap-growing-percent=50"];

/** The command that serves the built dashboard from `root` with these flags: node itself, then Next's CLI. */
export function nextServerCommand(root: string, nextArgs: string[]): { command: string; args: string[] } {
  return { command: process.execPath, args: [...SERVER_V8_FLAGS, path.join(root, "node_modules", "next", "dist", "bin", "next"), ...nextArgs] };
}

/** The server's environment: `env` plus MALLOC_ARENA_MAX=2 unless the caller set it. */
export function serverEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: "2", ...env };
}
