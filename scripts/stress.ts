/**
 * `npm run test:stress [-- --articles 100000] [--readers 4] [--batch-size 1000] [--chunk 10000] [--json] [--keep]`
 *
 * Ingests N synthetic articles (scripts/bench/corpus.ts) with the real CLI (`parallax ingest`,
 * one child process per chunk file, one after the other) while the real HTTP server (`next start`,
 * a production build is needed: `npx next build`) answers concurrent reads: the events list, event
 * pages, filtered article lists, coverage, and streamed CSV exports. Prints every error and the
 * latency percentiles (p50/p95/p99) per kind of read; exits 1 when any read or ingest failed.
 *
 * DATABASE_URL selects the database: by default a fresh SQLite file under .stress/ (removed at the
 * end unless --keep); a postgresql:// URL must point to an empty database.
 * Not part of `npm test`: 100,000 articles take about ten minutes on two cores.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { Agent } from "undici";
import { z } from "zod";
import { parseDatabaseUrl } from "../lib/db/url";
import { spawnIngest, writeCorpusChunks } from "../lib/testing/ingest-process";
import { waitFor } from "./bench/http";
import { openCliDatabase } from "./cli/database";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const optionsSchema = z.object({
  articles: z.coerce.number().int().min(100, "--articles must be at least 100").max(2_000_000, "--articles is at most 2000000"),
  readers: z.coerce.number().int().min(1, "--readers must be at least 1").max(64, "--readers is at most 64"),
  batchSize: z.coerce.number().int().min(1, "--batch-size must be at least 1").max(10_000, "--batch-size is at most 10000"),
  chunk: z.coerce.number().int().min(100, "--chunk must be at least 100").max(200_000, "--chunk is at most 200000"),
  seed: z.coerce.number().int(),
  json: z.boolean().default(false),
  keep: z.boolean().default(false),
});

const raw = new Command()
  .option("--articles <n>", "synthetic articles to ingest", "100000")
  .option("--readers <n>", "concurrent readers (plus one exporter)", "4")
  .option("--batch-size <n>", "articles per ingest transaction", "1000")
  .option("--chunk <n>", "articles per input file (one CLI run each)", "10000")
  .option("--seed <n>", "corpus seed", "42")
  .option("--json", "print one JSON object instead of a table")
  .option("--keep", "keep the SQLite database file")
  .parse(process.argv)
  .opts();
const parsed = optionsSchema.safeParse(raw);
if (!parsed.success) {
  const issue = parsed.error.issues[0]!;
  process.stderr.write(`stress: ${issue.path.join(".") || "options"}: ${issue.message}\n`);
  process.exit(2);
}
const opts = parsed.data;

const log = (msg: string) => process.stderr.write(`[stress] ${msg}\n`);

const KINDS = ["events_list", "event_page", "articles_filtered", "coverage", "export_csv"] as const;
type Kind = (typeof KINDS)[number];

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("no production build: run `npx next build` first");
  const workDir = path.join(ROOT, ".stress", `run-${process.pid}`);
  fs.mkdirSync(workDir, { recursive: true });
  const url = process.env.DATABASE_URL || `file:${path.join(workDir, "stress.db")}`;
  const target = parseDatabaseUrl(url);

  // Migrated, WAL, full-text index: what `npm start` prepares before serving.
  const database = await openCliDatabase(url);
  const existing = await database.db.article.count();
  if (existing > 0) throw new Error(`DATABASE_URL holds ${existing} articles: the stress run needs an empty database`);

  log(`writing ${opts.articles} synthetic articles as NDJSON files of ${opts.chunk}`);
  const files = writeCorpusChunks(workDir, { articles: opts.articles, chunk: opts.chunk, seed: opts.seed });

  const port = 3900 + Math.floor(Math.random() * 90);
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, PARALLAX_WATCH: "0", PARALLAX_DEMO: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The server's log, where a 500's cause is; printed when a read failed.
  let serverLog = "";
  const keepLog = (d: Buffer) => (serverLog = (serverLog + d.toString()).slice(-200_000));
  server.stdout!.on("data", keepLog);
  server.stderr!.on("data", keepLog);
  const latencies = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
  const errors: string[] = [];
  const ingestErrors: string[] = [];
  let exportRows = 0;
  let ingesting = true;
  const started = performance.now();
  try {
    await waitFor(`${base}/api/health`, 120_000);
    log(`server up on ${base}; ingesting ${files.length} file(s) with ${opts.readers} reader(s) and one exporter running`);

    // What the readers ask for, refreshed as the corpus grows.
    const targets = { events: [] as string[], outlets: [] as string[], from: "2015-01-01", mid: "2016-06-30" };
    const refreshTargets = async () => {
      const [events, outlets, days] = await Promise.all([
        database.db.event.findMany({ orderBy: { articleCount: "desc" }, take: 50, select: { id: true } }),
        database.db.outlet.findMany({ take: 20, orderBy: { id: "asc" }, select: { key: true } }),
        database.db.article.aggregate({ _min: { publishedDay: true }, _max: { publishedDay: true } }),
      ]);
      targets.events = events.map((e) => e.id);
      targets.outlets = outlets.map((o) => o.key);
      if (days._min.publishedDay && days._max.publishedDay) {
        targets.from = days._min.publishedDay;
        targets.mid = new Date((Date.parse(days._min.publishedDay) + Date.parse(days._max.publishedDay)) / 2).toISOString().slice(0, 10);
      }
    };

    // One connection per request: a reused keep-alive connection that the server closes as a
    // request is sent on it is reset, a client-side race that browsers retry and this would
    // count as a server error.
    const dispatcher = new Agent({ pipelining: 0 });
    const timed = async (kind: Kind, path: string, onBody?: (chunk: Uint8Array) => void) => {
      const t = performance.now();
      try {
        const res = await fetch(base + path, { dispatcher } as RequestInit);
        if (!res.ok) {
          await res.arrayBuffer();
          errors.push(`${kind} ${path}: HTTP ${res.status}`);
          return;
        }
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) onBody?.(chunk);
        latencies[kind].push(performance.now() - t);
      } catch (err) {
        // fetch's own message is "fetch failed"; the cause says what (a reset socket, a timeout).
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        errors.push(`${kind} ${path}: ${(err as Error).message}${cause ? ` (${cause.code ?? ""} ${cause.message ?? ""})` : ""} after ${Math.round(performance.now() - t)} ms`);
      }
    };

    const ingest = (async () => {
      for (const [i, file] of files.entries()) {
        const r = await spawnIngest(url, [file], { batchSize: opts.batchSize, workers: null, quiet: false }).exited;
        const line = r.stdout.trim().split("\n")[0] ?? "";
        if (r.code !== 0) ingestErrors.push(`${path.basename(file)}: exit ${r.code ?? r.signal}: ${(r.stdout + r.stderr).trim().slice(0, 500)}`);
        const seconds = (performance.now() - started) / 1000;
        log(`  ${path.basename(file)} (${i + 1}/${files.length}): ${line} [${Math.round(seconds)} s]`);
      }
      ingesting = false;
    })();

    const reader = async (k: number) => {
      for (let i = k; ingesting; i++) {
        const outlet = targets.outlets.length ? targets.outlets[i % targets.outlets.length]! : null;
        const sort = ["lastSeen", "articleCount", "divergence", "killed"][i % 4];
        await timed("events_list", `/events?sort=${sort}&page=${1 + (i % 5)}`);
        if (targets.events.length) await timed("event_page", `/events/${targets.events[i % targets.events.length]!}`);
        await timed("articles_filtered", `/api/articles?${outlet ? `outlet=${outlet}&` : ""}from=${targets.from}&to=${targets.mid}&q=killed&pageSize=50`);
        await timed("coverage", `/api/coverage?from=${targets.from}&to=${targets.mid}${i % 2 && outlet ? `&outlet=${outlet}` : ""}`);
      }
    };
    const exporter = async () => {
      for (let i = 0; ingesting; i++) {
        // A quarter's articles, as an analyst exports them; the window moves through the corpus.
        const from = new Date(Date.parse(targets.from) + (i % 12) * 90 * 86_400_000).toISOString().slice(0, 10);
        const to = new Date(Date.parse(from) + 89 * 86_400_000).toISOString().slice(0, 10);
        let rows = 0;
        await timed("export_csv", `/api/export/articles?format=csv&from=${from}&to=${to}`, (chunk) => {
          for (const b of chunk) if (b === 10) rows++;
        });
        exportRows += Math.max(0, rows - 1);
      }
    };
    await refreshTargets();
    const refresher = async () => {
      while (ingesting) {
        await new Promise((r) => setTimeout(r, 5000));
        await refreshTargets();
      }
    };
    await Promise.all([ingest, refresher(), exporter(), ...Array.from({ length: opts.readers }, (_, k) => reader(k))]);
  } finally {
    server.kill("SIGTERM");
    const stored = await database.db.article.count().catch(() => -1);
    await database.close();
    if (stored !== opts.articles) ingestErrors.push(`${stored} articles stored, ${opts.articles} expected`);
    if (target.provider === "sqlite" && !opts.keep && !process.env.DATABASE_URL) fs.rmSync(workDir, { recursive: true, force: true });
    else for (const f of fs.readdirSync(workDir).filter((f) => f.endsWith(".ndjson"))) fs.rmSync(path.join(workDir, f));
  }

  const seconds = (performance.now() - started) / 1000;
  const reads = Object.fromEntries(
    KINDS.map((k) => {
      const sorted = [...latencies[k]].sort((a, b) => a - b);
      const ms = (v: number | null) => (v === null ? null : Math.round(v));
      return [k, { requests: sorted.length, p50_ms: ms(percentile(sorted, 50)), p95_ms: ms(percentile(sorted, 95)), p99_ms: ms(percentile(sorted, 99)), max_ms: ms(sorted.at(-1) ?? null) }];
    }),
  );
  const result = {
    database: target.provider,
    articles: opts.articles,
    readers: opts.readers,
    seconds: Math.round(seconds),
    ingest_articles_per_s: Math.round(opts.articles / seconds),
    read_errors: errors.length,
    ingest_errors: ingestErrors.length,
    export_rows: exportRows,
    reads,
  };
  if (opts.json) process.stdout.write(JSON.stringify(result) + "\n");
  else {
    process.stdout.write(
      `\nParallax stress: ${opts.articles} articles into ${target.provider} in ${result.seconds} s (${result.ingest_articles_per_s} articles/s) ` +
        `with ${opts.readers} readers and one exporter\n\n`,
    );
    process.stdout.write(`  ${"read".padEnd(18)} ${"requests".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)}\n`);
    for (const [k, r] of Object.entries(reads)) {
      const f = (v: number | null) => String(v ?? "n/a").padStart(8);
      process.stdout.write(`  ${k.padEnd(18)} ${String(r.requests).padStart(8)} ${f(r.p50_ms)} ${f(r.p95_ms)} ${f(r.p99_ms)} ${f(r.max_ms)}\n`);
    }
    process.stdout.write(`\n  exported rows: ${exportRows}\n  read errors: ${errors.length}\n  ingest errors: ${ingestErrors.length}\n`);
  }
  for (const e of [...ingestErrors, ...errors].slice(0, 50)) process.stderr.write(`error: ${e}\n`);
  if (errors.length) process.stderr.write(`\nserver log (last 100 lines):\n${serverLog.split("\n").slice(-100).join("\n")}\n`);
  return errors.length === 0 && ingestErrors.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`stress failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
