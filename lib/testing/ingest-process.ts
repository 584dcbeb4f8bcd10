/**
 * The real `parallax ingest` as a child process, for crash and concurrency tests and the stress
 * run: synthetic NDJSON input files, spawning and killing the CLI, and the invariants a database
 * must hold whatever happened to the processes writing it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "../../scripts/bench/corpus";
import type { Database } from "../db";
import type { NormalizedArticle } from "../ingest/types";
import { refreshEvents } from "../mutations/events";
import { eventListSelect } from "../queries/events";
import { analyseArticle } from "../pipeline/analyse";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A synthetic article as the NDJSON record an analyst's scraper would write. */
function toRecordLine(a: NormalizedArticle): string {
  return JSON.stringify({ url: a.url, title: a.title, text: a.text, publishedAt: a.publishedAt, outlet: a.outlet, language: a.language });
}

/**
 * Write articles `from` (inclusive) to `to` (exclusive) of the deterministic synthetic corpus
 * (`scripts/bench/corpus.ts`, seed `seed`) as NDJSON records, as an analyst's scraper would.
 * Slices of the same corpus never share a URL, so they are distinct articles.
 *
 * @returns the number of records written
 */
export function writeCorpusNdjson(file: string, opts: { from: number; to: number; seed?: number; total?: number }): number {
  const lines: string[] = [];
  let i = 0;
  for (const a of generateCorpus({ articles: opts.total ?? opts.to, seed: opts.seed ?? 42 })) {
    if (i >= opts.to) break;
    if (i++ < opts.from) continue;
    lines.push(toRecordLine(a));
  }
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return lines.length;
}

/**
 * Write the first `articles` articles of the synthetic corpus as NDJSON files of `chunk` records
 * each (`chunk-0001.ndjson`, …), in one pass over the generator.
 *
 * @returns the files, in corpus order
 */
export function writeCorpusChunks(dir: string, opts: { articles: number; chunk: number; seed?: number }): string[] {
  const files: string[] = [];
  let lines: string[] = [];
  const flush = () => {
    const file = path.join(dir, `chunk-${String(files.length + 1).padStart(4, "0")}.ndjson`);
    fs.writeFileSync(file, lines.join("\n") + "\n");
    files.push(file);
    lines = [];
  };
  for (const a of generateCorpus({ articles: opts.articles, seed: opts.seed ?? 42 })) {
    lines.push(toRecordLine(a));
    if (lines.length >= opts.chunk) flush();
  }
  if (lines.length) flush();
  return files;
}

export interface IngestProcess {
  child: ChildProcess;
  /** Resolves when the process has exited, with what it printed. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** SIGKILL the process and everything it started (tsx runs the CLI in a child node process). */
  kill(): void;
}

/**
 * Start `tsx scripts/parallax.ts ingest <files> --batch-size N --quiet` on `databaseUrl`, in its
 * own process group so that `kill()` reaches the node process tsx starts, as a `kill -9` of the
 * command would.
 */
export function spawnIngest(
  databaseUrl: string,
  files: string[],
  /** `workers`: PARALLAX_WORKERS (default 1, tests share the machine; null: the CLI's default). */
  opts: { batchSize?: number; workers?: number | null; quiet?: boolean } = {},
): IngestProcess {
  const args = ["scripts/parallax.ts", "ingest", ...files, "--batch-size", String(opts.batchSize ?? 100)];
  if (opts.quiet !== false) args.push("--quiet");
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), args, {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ...(opts.workers === null ? {} : { PARALLAX_WORKERS: String(opts.workers ?? 1) }),
      PARALLAX_DEMO: "0",
      PARALLAX_WATCH: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    exited,
    kill: () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    },
  };
}

/** Poll until `condition` holds (checked every `everyMs`), or fail after `timeoutMs`. */
export async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000, everyMs = 25): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

/**
 * Every stored article against what extracting it again yields (extraction is deterministic):
 * its claims and statements are all there, exactly, and it belongs to one event. An article cut
 * off by a crash between its row and its claims, statements or membership would show here.
 *
 * @returns one line per article that differs (empty: every article is whole)
 */
export async function findPartialArticles(database: Database): Promise<string[]> {
  const { db } = database;
  const problems: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const articles = await db.article.findMany({
      take: 500,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      orderBy: { id: "asc" },
      select: {
        id: true,
        title: true,
        text: true,
        language: true,
        publishedAt: true,
        claims: { select: { kind: true, start: true, end: true } },
        statements: { select: { start: true, end: true } },
        membership: { select: { eventId: true } },
      },
    });
    if (articles.length === 0) break;
    cursor = articles[articles.length - 1]!.id;
    for (const a of articles) {
      const { extraction } = analyseArticle({ text: a.text, title: a.title, language: a.language, publishedAt: a.publishedAt?.toISOString() ?? null });
      const key = (xs: { start: number; end: number; kind?: string }[]) => xs.map((x) => `${x.kind ?? ""}@${x.start}-${x.end}`).sort().join(",");
      if (key(a.claims) !== key(extraction.claims)) problems.push(`${a.id}: ${a.claims.length} claims stored, ${extraction.claims.length} extracted`);
      if (key(a.statements) !== key(extraction.statements)) {
        problems.push(`${a.id}: ${a.statements.length} statements stored, ${extraction.statements.length} extracted`);
      }
      if (!a.membership) problems.push(`${a.id}: in no event`);
    }
  }
  return problems;
}


/**
 * Events against their members: no event without articles, and every stored aggregate (counts,
 * dates, figure ranges, title) equal to recomputing it now, in a transaction rolled back after.
 * An event marked `refreshPending` (an ingest deferred its full refresh, or crashed before it)
 * must have its counts and dates right; the rest is repaired by the next ingest.
 * Plus the derived per-outlet counts (lib/db/search.ts) against the articles.
 *
 * @returns one line per inconsistency (empty: consistent)
 */
export async function findInconsistentEvents(database: Database): Promise<string[]> {
  const { db } = database;
  const problems: string[] = [];
  const before = await db.event.findMany({ select: eventListSelect, orderBy: { id: "asc" } });
  // Events an ingest deferred (`refreshPending`) may lag on everything but their counts and dates.
  const pending = new Set((await db.event.findMany({ where: { refreshPending: true }, select: { id: true } })).map((e) => e.id));
  const current = (e: (typeof before)[number]) => ({ id: e.id, articleCount: e.articleCount, firstSeen: e.firstSeen, lastSeen: e.lastSeen });
  const rolledBack = new Error("compared; roll back");
  let after: typeof before = [];
  await db
    .$transaction(
      async (tx) => {
        await refreshEvents(tx, before.map((e) => e.id), database);
        after = await tx.event.findMany({ select: eventListSelect, orderBy: { id: "asc" } });
        throw rolledBack;
      },
      { timeout: 120_000, maxWait: 30_000 },
    )
    .catch((err: unknown) => {
      if (err !== rolledBack) throw err;
    });
  const recomputed = new Map(after.map((e) => [e.id, e]));
  for (const e of before) {
    const r = recomputed.get(e.id);
    if (!r) problems.push(`${e.id}: an event with no articles`);
    else if (pending.has(e.id) ? JSON.stringify(current(r)) !== JSON.stringify(current(e)) : JSON.stringify(r) !== JSON.stringify(e)) {
      problems.push(`${e.id}${pending.has(e.id) ? " (refresh pending)" : ""}: stored ${JSON.stringify(e)}, recomputed ${JSON.stringify(r)}`);
    }
  }
  const [articles, counted] = await Promise.all([
    db.article.count(),
    db.$queryRawUnsafe<{ n: unknown }[]>(`SELECT SUM("articles") AS n FROM "ArticleOutletCount"`),
  ]);
  if (Number(counted[0]?.n ?? 0) !== articles) problems.push(`ArticleOutletCount sums to ${String(counted[0]?.n)}, ${articles} articles stored`);
  const members = await db.eventArticle.count();
  if (members !== articles) problems.push(`${members} event memberships for ${articles} articles`);
  return problems;
}
