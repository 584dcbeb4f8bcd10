/**
 * `npm run bench [-- --articles 100000] [--seed 42] [--json] [--skip-http] [--browser] [--batch-size 1000] [--rebuild]`
 *
 * Builds (or reuses, by size and seed) a synthetic corpus database, then measures and prints:
 * extraction and grouping throughput (one core, and extraction on the worker pool), full-pipeline
 * ingest throughput with where its time goes, and latencies of the dashboard's hot paths through
 * the real HTTP server (`next start`) on that corpus. DATABASE_URL selects the database: a file:
 * URL (default: .bench/bench-v<corpus version>-<n>-<seed>.db) or a postgresql:// URL (the database
 * is emptied and refilled unless it already holds the corpus).
 *
 * Memory stays bounded whatever `--articles` (1,000,000 included): the corpus is generated as a
 * stream and ingested CHUNK articles at a time, and the long-lived grouper is capped
 * (`maxDocs`), as one ingest session (deferred event refreshes paced across the chunks). An
 * interrupted build leaves a partial database, which the next run resumes (`--rebuild` starts over).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { groupDocuments } from "../lib/cluster";
import type { NormalizedArticle } from "../lib/ingest/types";
import { openDatabase, type Database } from "../lib/db";
import { parseDatabaseUrl } from "../lib/db/url";
import { extractArticle } from "../lib/extract";
import { analyseArticle } from "../lib/pipeline/analyse";
import { getExtractionPool } from "../lib/pipeline/extraction-pool";
import { loadGrouper } from "../lib/pipeline/grouper";
import { articleIdFor, ingestArticles, newIngestSession } from "../lib/pipeline/ingest";
import { contentHash } from "../lib/ingest";
import { findExistingArticleIds } from "../lib/mutations/articles";
import { StageTimer } from "../lib/pipeline/stage-timer";
import { CORPUS_VERSION, generateCorpus, MAX_EVENT_SIZE } from "./bench/corpus";
import { generatedEventOf, GroupingCounter, type GroupingAgreement } from "./bench/grouping";
import { launchChromium, measurePages } from "./bench/browser";
import { percentile, waitFor } from "./bench/http";
import { openCliDatabase } from "./cli/database";
import { ensureBuild } from "./next-build";
import { nextServerCommand, serverEnv } from "./server-memory";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const opts = new Command()
  .option("--articles <n>", "corpus size", (v) => Number.parseInt(v, 10), 20_000)
  .option("--seed <n>", "generator seed", (v) => Number.parseInt(v, 10), 42)
  .option("--json", "print one JSON object instead of a table")
  .option("--skip-http", "skip the HTTP latency measurements")
  .option("--samples <n>", "requests per latency figure", (v) => Number.parseInt(v, 10), 40)
  .option("--browser", "also load pages in Chromium (Debian's, or PARALLAX_CHROMIUM): load time, blocking time, DOM size, heap")
  .option("--browser-samples <n>", "page loads per browser figure", (v) => Number.parseInt(v, 10), 10)
  .option("--rebuild", "empty and rebuild the corpus database, even if it holds the corpus or an interrupted build of it")
  .option("--batch-size <n>", "articles per ingest transaction", (v) => Number.parseInt(v, 10), 1000)
  .option("--dev-sets <dir>", "also time extraction and grouping on the labelled development sets in <dir>", path.join("..", "shared", "eval"))
  .parse(process.argv)
  .opts<{
    articles: number;
    seed: number;
    rebuild?: boolean;
    json?: boolean;
    skipHttp?: boolean;
    samples: number;
    browser?: boolean;
    browserSamples: number;
    batchSize: number;
    devSets: string;
  }>();

/** Articles generated and handed to one `ingestArticles` call: bounds the bench's memory. */
const CHUNK = 20_000;

const log = (msg: string) => {
  if (!opts.json) process.stderr.write(`[bench] ${msg}\n`);
};

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Throughput of the pure stages on a sample of the corpus (single thread). */
function measurePureStages(sampleSize: number) {
  const sample = [...generateCorpus({ articles: sampleSize, seed: opts.seed })];
  const docs = sample.map((a, i) => ({ id: `d${i}`, title: a.title, text: a.text, date: a.publishedAt, outlet: a.outlet?.domain ?? null, url: a.url }));
  let t = performance.now();
  for (const a of sample) extractArticle({ text: a.text, title: a.title, publishedAt: a.publishedAt });
  const extract = sample.length / ((performance.now() - t) / 1000);
  t = performance.now();
  groupDocuments(docs);
  const cluster = sample.length / ((performance.now() - t) / 1000);
  return { extract, cluster };
}

/**
 * Throughput of ingest's per-article analysis (language, extraction, places): in the main thread
 * alone, and on the worker pool plus the main thread (what ingest uses), on the same sample.
 */
async function measurePoolExtraction(sampleSize: number): Promise<{ single: number; rate: number; workers: number }> {
  const pool = getExtractionPool();
  const jobs = [...generateCorpus({ articles: sampleSize, seed: opts.seed + 1 })].map((a) => ({
    text: a.text,
    title: a.title,
    language: a.language,
    publishedAt: a.publishedAt,
  }));
  // Warm-up: workers started, models loaded, code optimised (as in a long ingest).
  await pool.ready();
  await pool.run(jobs.slice(0, 1000)).results();
  let t = performance.now();
  for (const job of jobs) analyseArticle(job);
  const single = jobs.length / ((performance.now() - t) / 1000);
  t = performance.now();
  await pool.run(jobs).results();
  return { single, rate: jobs.length / ((performance.now() - t) / 1000), workers: pool.size };
}

/**
 * Extraction and grouping throughput on real news text: the development sets' articles
 * (casualties and quotes for extraction, clustering for grouping), when they are present.
 * CPU time of this thread, best of several passes after a warm-up pass.
 */
function measureDevSets(dir: string): { extract: number; cluster: number; texts: number } | null {
  const read = (name: string) => {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) return null;
    return fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; title?: string; text: string; date?: string | null; source?: string; url?: string });
  };
  const extractDocs = [...(read("casualties-dev.jsonl") ?? []), ...(read("quotes-dev.jsonl") ?? [])];
  const clusterDocs = read("clustering-dev.jsonl");
  if (!extractDocs.length || !clusterDocs) return null;
  const cpuSeconds = (fn: () => void) => {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1e6;
  };
  const extractOnce = () => extractDocs.forEach((d) => extractArticle({ text: d.text, title: d.title ?? null, publishedAt: d.date ?? null }));
  for (let i = 0; i < 3; i++) extractOnce(); // warm-up: JIT and the tagger model
  const extractBest = Math.min(...Array.from({ length: 5 }, () => cpuSeconds(extractOnce)));
  const docs = clusterDocs.map((d) => ({ id: d.id, title: d.title ?? "", text: d.text, date: d.date ?? null, outlet: d.source ?? null, url: d.url ?? null }));
  groupDocuments(docs);
  const clusterBest = Math.min(...Array.from({ length: 3 }, () => cpuSeconds(() => groupDocuments(docs))));
  return { extract: extractDocs.length / extractBest, cluster: docs.length / clusterBest, texts: extractDocs.length };
}

interface IngestFigures {
  rate: number;
  /** Articles already stored by an interrupted build of the same corpus (0: built from nothing). */
  resumedFrom: number;
  seconds: number;
  workers: number;
  /** Per stage: wall ms and main-thread CPU ms per article. */
  stages: Record<string, { wall_ms: number; main_cpu_ms: number | null }>;
  mainCpuMs: number | null;
  processCpuMs: number;
  peakRssMb: number;
}

/**
 * Whether the database holds the start of this seed's corpus (all of it when `have` is the
 * corpus size): every complete chunk before `have` (sampled: 64 ids spread over them, and the
 * last one), exactly `have` minus those of the interrupted chunk, and nothing beyond it.
 */
async function holdsCorpusPrefix(database: Database, have: number, seed: number): Promise<boolean> {
  const complete = Math.floor(have / CHUNK) * CHUNK;
  const wanted = new Set<number>();
  for (let k = 0; k < 64 && complete > 0; k++) wanted.add(Math.floor((k * complete) / 64));
  if (complete > 0) wanted.add(complete - 1);
  const beyond = Math.min(complete + CHUNK, opts.articles);
  const expected: string[] = [];
  const interrupted: string[] = [];
  let after: string | null = null;
  let i = 0;
  for (const a of generateCorpus({ articles: opts.articles, seed })) {
    if (wanted.has(i)) expected.push(articleIdFor(a, contentHash(a.text)));
    if (i >= complete && i < beyond) interrupted.push(articleIdFor(a, contentHash(a.text)));
    if (i === beyond && beyond < opts.articles) after = articleIdFor(a, contentHash(a.text));
    if (++i > beyond) break;
  }
  const found = await findExistingArticleIds(database.db, after ? [...expected, after] : expected);
  const foundInterrupted = await findExistingArticleIds(database.db, interrupted);
  return expected.every((id) => found.has(id)) && (after === null || !found.has(after)) && foundInterrupted.size === have - complete;
}

function removeSqliteFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

/**
 * PostgreSQL: a TRUNCATE of every table of the schema except the migration history and the
 * derived objects' version, so a rebuilt corpus starts from nothing. Listed from the catalog,
 * not by hand: besides the tables that CASCADE reaches through foreign keys, the count tables
 * kept by triggers (TRUNCATE fires no DELETE trigger: they would keep the old corpus' counts)
 * and those that name events or outlets without a foreign key (event actions, follows and
 * their changes) must be emptied too, and so must any table a later migration adds.
 */
async function pgTruncateAllSql(db: Database["db"]): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('_prisma_migrations', 'ParallaxDerived') ORDER BY 1`,
  );
  return `TRUNCATE ${rows.map((r) => `"${r.name.replace(/"/g, '""')}"`).join(", ")} RESTART IDENTITY CASCADE`;
}

async function buildCorpus(url: string): Promise<{ ingest: IngestFigures | null; reused: boolean }> {
  let database = await openCliDatabase(url);
  try {
    let have = await database.db.article.count();
    // The generator is deterministic: a database holding this corpus (of this generator version:
    // checked on a sample of ids, as a PostgreSQL database or a file named by DATABASE_URL may
    // hold another) is reused, and one holding fewer articles of it is an interrupted build,
    // resumed where it stopped (what is stored is skipped, the rest ingested). Anything else is
    // emptied and rebuilt.
    const resumable = have > 0 && have <= opts.articles && !opts.rebuild && (await holdsCorpusPrefix(database, have, opts.seed));
    if (resumable && have === opts.articles) return { ingest: null, reused: true };
    if (have > 0 && !resumable) {
      const target = parseDatabaseUrl(url);
      if (target.provider === "sqlite") {
        log(`${target.file} holds ${have} articles, not the first ${opts.articles} of seed ${opts.seed}: rebuilding it`);
        await database.close();
        removeSqliteFiles(target.file);
        database = await openCliDatabase(url);
      } else {
        log(`emptying ${have} articles from the PostgreSQL database`);
        await database.db.$executeRawUnsafe(await pgTruncateAllSql(database.db));
      }
      have = 0;
    }
    const resumeFrom = have;
    // Generation order is not storage order (each chunk is ingested in publication order), so an
    // interrupted chunk is ingested again from its start: what it stored counts as duplicates.
    const skip = Math.floor(resumeFrom / CHUNK) * CHUNK;
    const pool = getExtractionPool();
    const toIngest = opts.articles - resumeFrom;
    log(
      `ingesting ${toIngest} synthetic articles (seed ${opts.seed}${resumeFrom ? `, resuming after the ${resumeFrom} stored` : ""}), ` +
        `${opts.batchSize} per transaction, ${pool.size} extraction worker(s) + the main thread`,
    );
    const timer = new StageTimer();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    // One grouper for the whole run, as a long-running ingester keeps it (no rebuild per chunk).
    const grouper = await loadGrouper(database.db, []);
    const chunk: NormalizedArticle[] = [];
    let done = 0;
    const lastSpent: Record<string, number> = {};
    // One long ingest fed in chunks: deferred event refreshes keep one pace across the calls
    // and run in full once, after the last chunk (as one `parallax ingest` of the whole corpus).
    const session = newIngestSession();
    const flush = async (last: boolean) => {
      timer.lap("generate");
      const r = await ingestArticles(database, chunk.splice(0), {
        source: "bench corpus",
        trigger: "cli",
        batchSize: opts.batchSize,
        grouper,
        pool,
        timings: timer,
        session,
        leavePending: !last,
      });
      if (r.failed) throw new Error(`bench ingest failed for ${r.failed} articles: ${r.errors[0]?.reason}`);
      done += r.added;
      const seconds = (performance.now() - started) / 1000;
      const mem = process.memoryUsage();
      log(`  ${resumeFrom + done}/${opts.articles} (${Math.round(done / seconds)} articles/s, rss ${Math.round(mem.rss / 1e6)} MB, main heap ${Math.round(mem.heapUsed / 1e6)} MB)`);
      // Where this chunk's time went, per article, in the costliest stages: shows which stage
      // grows with the corpus. Main-thread CPU where the platform reports it (steady on a busy
      // machine), else wall time.
      const spent = Object.keys(timer.cpu).length ? timer.cpu : timer.wall;
      const chunkStages = Object.entries(spent)
        .map(([stage, ms]) => [stage, (ms - (lastSpent[stage] ?? 0)) / Math.max(1, r.added)] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 7);
      Object.assign(lastSpent, spent);
      log(`    chunk ${spent === timer.cpu ? "main CPU" : "wall"} ms/article: ${chunkStages.map(([stage, ms]) => `${stage} ${ms.toFixed(3)}`).join(", ")}`);
    };
    timer.restart();
    let generated = 0;
    for (const a of generateCorpus({ articles: opts.articles, seed: opts.seed })) {
      if (generated++ < skip) continue;
      chunk.push(a);
      if (chunk.length >= CHUNK) await flush(generated === opts.articles);
    }
    if (chunk.length) await flush(true);
    const stored = await database.db.article.count();
    if (stored !== opts.articles) throw new Error(`the corpus database holds ${stored} articles after the build, not ${opts.articles}`);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const per = (ms: number) => round(ms / toIngest, 3);
    const stages: IngestFigures["stages"] = {};
    for (const [stage, ms] of Object.entries(timer.wall).sort((a, b) => b[1] - a[1])) {
      stages[stage] = { wall_ms: per(ms), main_cpu_ms: stage in timer.cpu ? per(timer.cpu[stage]!) : null };
    }
    const mainCpu = Object.keys(timer.cpu).length ? Object.values(timer.cpu).reduce((a, b) => a + b, 0) : null;
    return {
      reused: false,
      ingest: {
        rate: toIngest / seconds,
        resumedFrom: resumeFrom,
        seconds,
        workers: pool.size,
        stages,
        mainCpuMs: mainCpu === null ? null : per(mainCpu),
        processCpuMs: per((cpu.user + cpu.system) / 1000),
        peakRssMb: round(process.resourceUsage().maxRSS / 1024),
      },
    };
  } finally {
    await database.close();
  }
}

async function timeRequest(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - t;
}

/** Downloads an export, counting its bytes and rows (lines after the header; CSV cells here hold no line breaks). */
async function timedExport(url: string): Promise<{ rows: number; bytes: number; seconds: number }> {
  const t = performance.now();
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) lines++;
  }
  return { rows: Math.max(0, lines - 1), bytes, seconds: (performance.now() - t) / 1000 };
}

function peakRssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return kb ? round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * CPU time a process has used so far (user + system, all its threads: the garbage collector's
 * helpers too), in ms; null where /proc is not available.
 */
function processCpuMs(pid: number): number | null {
  try {
    // Fields after the command name, which is in parentheses and may contain spaces.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS_PER_S : null;
  } catch {
    return null;
  }
}

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these. */
const CLOCK_TICKS_PER_S = 100;

/** Reset the peak RSS (VmHWM) of a process to its current RSS; false where the kernel does not allow it. */
function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

async function measureHttp(url: string) {
  const port = 3900 + Math.floor(Math.random() * 90);
  const base = `http://127.0.0.1:${port}`;
  // Launched as `npm start` launches it (Node flags and environment of scripts/server-memory.ts).
  const next = nextServerCommand(ROOT, ["start", "-p", String(port), "-H", "127.0.0.1"]);
  const server = spawn(next.command, next.args, { cwd: ROOT, env: serverEnv(ROOT, { ...process.env, DATABASE_URL: url }), stdio: "ignore" });
  try {
    await waitFor(`${base}/api/health`, 60_000);
    const database = openDatabase(url);
    const [events, typicalEvents, outlets, days] = await Promise.all([
      // Twice the samples: the timed requests take the first half, the warm-up the rest.
      database.db.event.findMany({ orderBy: { articleCount: "desc" }, take: 2 * opts.samples, select: { id: true } }),
      // The generator writes events of at most 200 articles, but the grouper merges some of its
      // events (its names and places repeat across the years): the largest events of a large
      // corpus hold thousands. These are the largest within the generator's range.
      database.db.event.findMany({ where: { articleCount: { lte: MAX_EVENT_SIZE } }, orderBy: { articleCount: "desc" }, take: 2 * opts.samples, select: { id: true } }),
      database.db.outlet.findMany({ take: 20, orderBy: { id: "asc" }, select: { key: true } }),
      database.db.article.aggregate({ _min: { publishedDay: true }, _max: { publishedDay: true } }),
    ]);
    await database.close();
    const from = days._min.publishedDay!;
    const mid = new Date((Date.parse(from) + Date.parse(days._max.publishedDay!)) / 2).toISOString().slice(0, 10);
    // Steady-state latency, as a server in use answers: before timing, each series sends
    // `warmUp` requests of its own kind (route code loads on first use with
    // `preloadEntriesOnStart: false`; the JIT, the heap and the database's page cache settle over
    // the first few dozen requests). The warm-up asks for other events than the timed ones (the
    // samples' indexes continue past them), so no timed event page has been rendered before. The
    // first request after start is reported apart, as `first_request_ms`.
    const firstRequest: Record<string, number> = {};
    // The server's CPU time per timed request (its heap's collections included): steadier than a
    // p95 on a VM whose neighbours come and go, and what a faster page shows first.
    const serverCpu: Record<string, number | null> = {};
    const warmUp = Math.ceil(opts.samples / 2);
    const series = async (name: string, make: (i: number) => string) => {
      for (let i = 0; i < warmUp; i++) {
        const ms = await timeRequest(make(opts.samples + i));
        if (i === 0) firstRequest[name] = round(ms);
      }
      const times: number[] = [];
      const cpuBefore = processCpuMs(server.pid!);
      for (let i = 0; i < opts.samples; i++) times.push(await timeRequest(make(i)));
      const cpuAfter = processCpuMs(server.pid!);
      serverCpu[name] = cpuBefore === null || cpuAfter === null ? null : round((cpuAfter - cpuBefore) / opts.samples);
      return round(percentile(times, 95));
    };
    log("measuring HTTP latencies");
    const SORTS = ["lastSeen", "articleCount", "divergence", "killed"];
    const eventsList = await series("events_list", (i) => `${base}/events?sort=${SORTS[i % 4]}&page=${1 + (i % 5)}`);
    const eventPage = await series("event_page", (i) => `${base}/events/${events[i % events.length]!.id}`);
    const typicalEventPage = typicalEvents.length
      ? await series("event_page_200", (i) => `${base}/events/${typicalEvents[i % typicalEvents.length]!.id}`)
      : null;
    const articlesFiltered = await series(
      "articles_filtered",
      (i) => `${base}/api/articles?outlet=${outlets[i % outlets.length]!.key}&from=${from}&to=${mid}&q=killed&pageSize=50`,
    );
    const coverage = await series("coverage_chart", (i) => `${base}/api/coverage?from=${from}&to=${mid}${i % 2 ? `&outlet=${outlets[i % outlets.length]!.key}` : ""}`);
    const browser = opts.browser ? await measureBrowser(base, events, typicalEvents) : {};
    log("exporting articles as CSV");
    // The peak so far comes from the pages above; reset it (Linux: clear_refs 5) so that
    // export_peak_rss_mb is the server's peak during the two exports. Where that is not possible the
    // figure stays the process's lifetime peak, and says so.
    const peakBeforeExport = peakRssMb(server.pid!);
    const peakReset = resetPeakRss(server.pid!);
    const rssBefore = peakRssMb(server.pid!);
    const all = await timedExport(`${base}/api/export/articles?format=csv`);
    // The same export filtered by the word the filtered list asks for (most articles of the
    // corpus match it): on SQLite the text's matches are held for the export's pages.
    log("exporting the articles matching a text query as CSV");
    const text = await timedExport(`${base}/api/export/articles?format=csv&q=killed`);
    return {
      events_list_p95_ms: eventsList,
      event_page_p95_ms: eventPage,
      event_page_200_p95_ms: typicalEventPage,
      articles_filtered_p95_ms: articlesFiltered,
      coverage_chart_p95_ms: coverage,
      first_request_ms: firstRequest,
      server_cpu_ms_per_request: serverCpu,
      export_rows: all.rows,
      export_mb: round(all.bytes / 1e6),
      export_100k_csv_s: round((all.seconds * 100_000) / Math.max(1, all.rows), 2),
      export_text_rows: text.rows,
      export_text_100k_csv_s: round((text.seconds * 100_000) / Math.max(1, text.rows), 2),
      export_peak_rss_mb: peakRssMb(server.pid!),
      export_peak_rss_scope: peakReset ? "export" : "server lifetime",
      server_rss_before_export_mb: rssBefore,
      server_peak_rss_before_export_mb: peakBeforeExport,
      ...browser,
    };
  } finally {
    server.kill("SIGTERM");
  }
}

/**
 * The pages as Chromium loads them from the bench's server (scripts/bench/browser.ts): the
 * largest events' pages, events of the generator's size, the events list and the articles list
 * at 100 and 200 rows a page. Without Chromium the figures are null and `browser_error` says why.
 */
async function measureBrowser(base: string, events: { id: string }[], typicalEvents: { id: string }[]) {
  log("loading pages in Chromium");
  const launched = await launchChromium();
  if ("error" in launched) {
    log(`browser figures not measured: ${launched.error}`);
    return { browser: null, browser_error: launched.error };
  }
  try {
    const n = opts.browserSamples;
    const pages = Array.from({ length: n }, (_, i) => i + 1);
    const figures = await measurePages(launched.browser, {
      event_page: events.slice(0, n).map((e) => `${base}/events/${e.id}`),
      event_page_200: typicalEvents.slice(0, n).map((e) => `${base}/events/${e.id}`),
      events_list: pages.map((p) => `${base}/events?pageSize=100&page=${p}`),
      articles_list: pages.map((p) => `${base}/articles?pageSize=200&page=${p}`),
    });
    return { browser: { chromium: launched.browser.version(), ...figures } };
  } finally {
    await launched.browser.close();
  }
}

/**
 * The corpus database's size on disk, MB: the SQLite file with its WAL, or PostgreSQL's
 * `pg_database_size`. Read beside the latencies: reads stay fast while the operating system's
 * page cache holds the database, and a 1M-article corpus is several GB.
 */
async function databaseSizeMb(url: string): Promise<number> {
  const target = parseDatabaseUrl(url);
  if (target.provider === "sqlite") {
    const bytes = ["", "-wal"].reduce((sum, suffix) => sum + (fs.statSync(target.file + suffix, { throwIfNoEntry: false })?.size ?? 0), 0);
    return Math.round(bytes / 2 ** 20);
  }
  const database = openDatabase(url);
  try {
    const [row] = await database.db.$queryRawUnsafe<{ bytes: bigint | number }[]>("SELECT pg_database_size(current_database()) AS bytes");
    return Math.round(Number(row!.bytes) / 2 ** 20);
  } finally {
    await database.close();
  }
}

/**
 * How the ingested grouping agrees with the generator's events (scripts/bench/grouping.ts): the
 * memberships read in pages of 50,000 by article id, so memory holds the counts, not the corpus.
 */
async function measureGrouping(url: string): Promise<GroupingAgreement> {
  const database = openDatabase(url);
  const counter = new GroupingCounter();
  try {
    let after = "";
    for (;;) {
      const rows = await database.db.$queryRaw<{ id: string; event: string; url: string | null }[]>`
        SELECT ea."articleId" AS "id", ea."eventId" AS "event", a."url" AS "url"
        FROM "EventArticle" ea JOIN "Article" a ON a."id" = ea."articleId"
        WHERE ea."articleId" > ${after} ORDER BY ea."articleId" LIMIT 50000`;
      for (const r of rows) {
        const generated = generatedEventOf(r.url);
        if (generated !== null) counter.add(r.event, generated);
      }
      if (rows.length < 50000) break;
      after = rows[rows.length - 1]!.id;
    }
  } finally {
    await database.close();
  }
  return counter.result();
}

async function main() {
  const url = process.env.DATABASE_URL || `file:${path.join(ROOT, ".bench", `bench-v${CORPUS_VERSION}-${opts.articles}-${opts.seed}.db`)}`;
  const target = parseDatabaseUrl(url);
  if (target.provider === "sqlite") fs.mkdirSync(path.dirname(target.file), { recursive: true });

  // Before the hour a 1M ingest takes: the server measured at the end is the code measured now.
  if (!opts.skipHttp) {
    const failed = ensureBuild(ROOT, log, { toStderr: true });
    if (failed !== null) throw new Error(`next build failed (exit code ${failed})`);
  }
  log("measuring extraction and grouping on one core");
  const pure = measurePureStages(Math.min(opts.articles, 20_000));
  log("measuring extraction on the worker pool");
  const pooled = await measurePoolExtraction(Math.min(opts.articles, 5_000));
  const dev = measureDevSets(path.resolve(ROOT, opts.devSets));
  if (!dev) log(`no development sets in ${opts.devSets}; dev-set throughput not measured`);
  const { ingest, reused } = await buildCorpus(url);
  const sizeMb = await databaseSizeMb(url);
  const http = opts.skipHttp ? {} : await measureHttp(url);
  log("comparing the grouping with the generator's events");
  const grouping = await measureGrouping(url);
  const result = {
    date: new Date().toISOString().slice(0, 10),
    database: target.provider,
    articles: opts.articles,
    seed: opts.seed,
    corpus_version: CORPUS_VERSION,
    corpus_reused: reused,
    database_mb: sizeMb,
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", node: process.version, memory_gb: round(os.totalmem() / 2 ** 30) },
    ingest_articles_per_s: ingest === null ? null : Math.round(ingest.rate),
    ingest_seconds: ingest === null ? null : round(ingest.seconds),
    ingest_resumed_from: ingest?.resumedFrom ?? null,
    ingest_workers: ingest?.workers ?? null,
    ingest_batch_size: opts.batchSize,
    ingest_main_thread_cpu_ms_per_article: ingest?.mainCpuMs ?? null,
    ingest_process_cpu_ms_per_article: ingest?.processCpuMs ?? null,
    ingest_peak_rss_mb: ingest?.peakRssMb ?? null,
    ingest_stages_ms_per_article: ingest?.stages ?? null,
    extract_articles_per_s: Math.round(pure.extract),
    analyse_articles_per_s: Math.round(pooled.single),
    analyse_pool_articles_per_s: Math.round(pooled.rate),
    analyse_pool_workers: pooled.workers,
    cluster_articles_per_s: Math.round(pure.cluster),
    extract_dev_articles_per_s: dev ? Math.round(dev.extract) : null,
    cluster_dev_articles_per_s: dev ? Math.round(dev.cluster) : null,
    // The corpus's events as grouped at ingest, against the generator's (pairs of articles).
    events: grouping.events,
    generated_events: grouping.generatedEvents,
    largest_event_articles: grouping.largestEvent,
    grouping_pairwise_precision: round(grouping.pairwisePrecision, 4),
    grouping_pairwise_recall: round(grouping.pairwiseRecall, 4),
    ...http,
  };
  if (opts.json) {
    process.stdout.write(JSON.stringify(result) + "\n");
    return;
  }
  const rows = Object.entries(result).filter(([k]) => k !== "machine" && k !== "ingest_stages_ms_per_article");
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`\nParallax benchmark (${result.machine.cores} cores, ${result.machine.cpu}, Node ${result.machine.node})\n`);
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(width)}  ${v === null ? "n/a" : typeof v === "object" ? JSON.stringify(v) : v}\n`);
  if (ingest) {
    process.stdout.write(`\n  ingest stages, ms per article (wall; CPU of the main thread):\n`);
    for (const [stage, f] of Object.entries(ingest.stages)) {
      process.stdout.write(`    ${stage.padEnd(28)} ${f.wall_ms.toFixed(3).padStart(8)}  ${f.main_cpu_ms === null ? "" : f.main_cpu_ms.toFixed(3).padStart(8)}\n`);
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
