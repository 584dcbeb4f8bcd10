/**
 * `npm start`: prepare the database, load the demo corpus into an empty database, build the
 * dashboard when the sources changed, and serve it.
 *
 *   DATABASE_URL   default file:./data/parallax.db (SQLite); postgresql://... for PostgreSQL
 *   PORT           default 3000
 *   HOSTNAME       default 127.0.0.1 (local only); set 0.0.0.0 to listen on every interface
 *                  (refused without PARALLAX_ADMIN_TOKEN: writes would be open to the network)
 *   PARALLAX_ADMIN_TOKEN / PARALLAX_READ_TOKEN  require sign-in for writes / reads
 *   PARALLAX_DEMO  default 1; 0 skips the demo corpus
 *   PARALLAX_WATCH default 1: fetch feeds on their schedule beside the server; 0 turns it off
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { decideBinding } from "../lib/auth/binding";
import { getEnv } from "../lib/env";
import { parseFile } from "../lib/ingest";
import { ingestArticles } from "../lib/pipeline/ingest";
import { openCliDatabase } from "./cli/database";
import type { Database } from "../lib/db";
import { redactDatabaseUrl } from "../lib/db/url";
import { refreshPendingEvents } from "../lib/mutations/events";
import { generate } from "./db";
import { ensureBuild } from "./next-build";
import { nextServerCommand, serverEnv } from "./server-memory";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEMO_DIR = path.join(ROOT, "prisma", "demo");
const log = (msg: string) => process.stdout.write(`[parallax] ${msg}\n`);

async function loadDemo(database: Database): Promise<void> {
  if ((await database.db.article.count()) > 0) {
    log("database already holds articles; demo corpus not loaded again");
    return;
  }
  const articles = [];
  const errors = [];
  const files = fs.readdirSync(DEMO_DIR).filter((f) => f !== "README.md").sort().map((f) => path.join(DEMO_DIR, f));
  for (const file of files) {
    const result = parseFile(path.basename(file), fs.readFileSync(file));
    articles.push(...result.articles);
    errors.push(...result.errors);
  }
  const report = await ingestArticles(database, articles, { source: "demo corpus", trigger: "demo", parseErrors: errors });
  log(`demo corpus: ${report.added} articles added, ${report.failed} failed`);
  for (const e of report.errors) log(`  demo item failed: ${e.item}: ${e.reason}`);
}

/** Migrate (opening does), repair what an interrupted ingest left, and load the demo corpus into an empty database. */
async function prepareDatabase(withDemo: boolean): Promise<void> {
  const database = await openCliDatabase();
  try {
    // Large events an ingest deferred and could not refresh before it stopped (lib/mutations/events.ts).
    const repaired = await refreshPendingEvents(database);
    if (repaired.length) log(`${repaired.length} event(s) left pending by an interrupted ingest refreshed`);
    if (withDemo) await loadDemo(database);
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const env = getEnv();
  // Decided first, so a refused address fails before any database or build work.
  const binding = decideBinding({ hostname: env.HOSTNAME, adminToken: env.PARALLAX_ADMIN_TOKEN !== undefined, readToken: env.PARALLAX_READ_TOKEN !== undefined });
  if (!binding.ok) {
    log(binding.message);
    process.exit(1);
  }
  if (!fs.existsSync(path.join(ROOT, "lib", "db", "generated", "sqlite", "client.ts"))) {
    log("generating the database clients");
    generate(true);
  }
  log(`database: ${redactDatabaseUrl(env.DATABASE_URL)}`);
  await prepareDatabase(env.PARALLAX_DEMO);

  const failed = ensureBuild(ROOT, log);
  if (failed !== null) process.exit(failed);

  const hostname = binding.hostname;
  log(`serving on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${env.PORT}`);
  for (const note of binding.notes) log(note);
  // With the memory flags of ./server-memory.ts (V8 heap growth, malloc arenas).
  const next = nextServerCommand(ROOT, ["start", "-p", String(env.PORT), "-H", hostname]);
  const server = spawn(next.command, next.args, {
    cwd: ROOT,
    stdio: "inherit",
    env: serverEnv(ROOT, process.env),
  });
  // The feed scheduler runs in this process beside the server (PARALLAX_WATCH=0 turns it off;
  // `parallax watch` runs it alone). Stopping releases the feeds it was fetching.
  let stopWatcher: (() => Promise<void>) | null = null;
  if (env.PARALLAX_WATCH) {
    const { startBackgroundWatcher } = await import("./cli/watch");
    stopWatcher = await startBackgroundWatcher(log);
  } else log("feed scheduler off (PARALLAX_WATCH=0); run `npm run -s parallax -- watch` to fetch feeds");
  const stop = () => {
    server.kill("SIGTERM");
    void stopWatcher?.();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => {
    void Promise.resolve(stopWatcher?.()).finally(() => process.exit(code ?? 0));
  });
}

main().catch((err: unknown) => {
  log(`start failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
