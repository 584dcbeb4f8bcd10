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
 * - SERVER_V8_FLAGS: the heap grows by 100% of its live size (not up to 4x) before the next full
 *   GC, with no hard cap (a large upload ingested by the server still gets the memory it needs;
 *   `--max-old-space-size=512` bounded the heap as well but would end the server with an
 *   out-of-memory error instead). First measured with 50%: RSS after the page requests 293 MB
 *   instead of 409, server CPU per event page 248 ms instead of 220 (more full GCs; a busy
 *   machine, noisy). Halving the young generation (`--max-semi-space-size=8`) saved another
 *   ~17 MB but cost ~30% more CPU per event page: not used. Once the compiler (below) was out of
 *   the server, 100% bought back latency with the memory it freed: with 50% a full GC came every
 *   ~15 event pages (`--trace-gc`: 10-17 ms of pause plus ~20 ms of incremental steps inside a
 *   request, the p95's tail). Three alternating pairs of servers, 120 pages of <= 200-article
 *   events each (AMD EPYC VM): 58/52/57 ms of server CPU per page instead of 68/56/71, a lower
 *   p95 in every pair (e.g. 80 vs 109 ms), RSS after 400 pages 263-271 MB instead of 240-245;
 *   the bench's export peak RSS 252-257 MB.
 * - MALLOC_ARENA_MAX=2: glibc otherwise gives each thread (libuv pool, V8 workers) a malloc
 *   arena of its own; native memory (SQLite's page cache, the drivers) was ~20 MB smaller.
 * - The configuration as built (`builtConfigEnv`): on Node.js 20, `next start` compiles
 *   next.config.ts with SWC, which loads Next's 100 MB native compiler into the server for good
 *   (27 MB of it resident). Handing the server the configuration `next build` resolved, as Next's
 *   own standalone server does, leaves the compiler out: RSS after the bench's event pages
 *   248 MB instead of 278, at start 124 instead of 168 (100k corpus, AMD EPYC VM).
 */
import fs from "node:fs";
import path from "node:path";
import { parseEnv as parseEnvFile } from "node:util";
import { parseEnv, proxyBodyLimitBytes } from "../lib/env";

export const SERVER_V8_FLAGS: readonly string[] = ["--heap-growing-percent=100"];

/** The command that serves the built dashboard from `root` with these flags: node itself, then Next's CLI. */
export function nextServerCommand(root: string, nextArgs: string[]): { command: string; args: string[] } {
  return { command: process.execPath, args: [...SERVER_V8_FLAGS, path.join(root, "node_modules", "next", "dist", "bin", "next"), ...nextArgs] };
}

/**
 * The environment variable through which Next.js takes a resolved configuration instead of
 * loading next.config.* (what `output: "standalone"` servers are started with).
 */
export const BUILT_CONFIG_VARIABLE = "__NEXT_PRIVATE_STANDALONE_CONFIG";

/**
 * The configuration `next build` resolved (`.next/required-server-files.json`), with the settings
 * that next.config.ts reads from the environment computed again from `env`, so that changing
 * them needs a restart, not a rebuild (as with `next start` loading next.config.ts). Empty when
 * there is no build or its file cannot be read: the server then loads next.config.ts itself.
 */
export function builtConfigEnv(root: string, env: Record<string, string | undefined>): Record<string, string> {
  let config: { experimental?: Record<string, unknown> } | undefined;
  try {
    config = JSON.parse(fs.readFileSync(path.join(root, ".next", "required-server-files.json"), "utf8")).config;
  } catch {
    return {};
  }
  if (!config || typeof config !== "object") return {};
  // The server reads the same env files (Next loads them itself); the environment wins over them.
  const settings = parseEnv({ ...envFileVariables(root), ...env });
  const resolved = { ...config, experimental: { ...config.experimental, proxyClientMaxBodySize: proxyBodyLimitBytes(settings) } };
  return { [BUILT_CONFIG_VARIABLE]: JSON.stringify(resolved) };
}

/**
 * The variables of the env files `next start` loads in `root`, the first file naming a variable
 * winning (Next's order for production: .env.production.local, .env.local, .env.production, .env).
 */
export function envFileVariables(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [".env.production.local", ".env.local", ".env.production", ".env"]) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(root, name), "utf8");
    } catch {
      continue;
    }
    for (const [k, v] of Object.entries(parseEnvFile(text))) if (v !== undefined && !(k in out)) out[k] = v;
  }
  return out;
}

/**
 * The server's environment: `env` plus MALLOC_ARENA_MAX=2 unless the caller set it, and the
 * built configuration of `root` (see `builtConfigEnv`).
 */
export function serverEnv(root: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: "2", ...builtConfigEnv(root, env), ...env };
}
