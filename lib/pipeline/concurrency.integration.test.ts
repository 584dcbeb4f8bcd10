/**
 * Concurrent use: two `parallax ingest` processes writing the same database at once (on SQLite,
 * the same file: WAL, busy timeout, IMMEDIATE transactions), with overlapping input; and reads
 * plus a streamed export served while an ingest process writes. Real processes, real contention.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateCorpus } from "../../scripts/bench/corpus";
import { ensureSearch } from "../db/search";
import { toWebStream } from "../export";
import { exportRows, getCoverage, getEvent, listArticles, listEvents } from "../queries";
import { articleFiltersSchema, eventDetailFiltersSchema, eventFiltersSchema, exportFiltersSchema } from "../schemas/filters";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { findInconsistentEvents, findPartialArticles, spawnIngest, waitUntil, writeCorpusNdjson } from "../testing/ingest-process";
import { ingestArticles } from "./ingest";

/** Each process: its own slice plus a shared one (the same articles ingested by both). */
const OWN = 250;
const SHARED = 100;
/** Two CLI start-ups at once and the ingests (≈ 20 s idle; several times that on a loaded machine). */
const TIMEOUT_MS = 240_000;
const LOCK_ERRORS = /database is locked|SQLITE_BUSY|deadlock|could not serialize|not stored/i;

/** "added N, duplicates N, failed N (of N)" from the CLI's summary. */
function summary(stdout: string): { added: number; duplicates: number; failed: number; total: number } {
  const m = /added (\d+), duplicates (\d+), failed (\d+) \(of (\d+)\)/.exec(stdout);
  if (!m) throw new Error(`no ingest summary in: ${stdout}`);
  return { added: Number(m[1]), duplicates: Number(m[2]), failed: Number(m[3]), total: Number(m[4]) };
}

describe.each(PROVIDERS)("concurrent use (%s)", (provider) => {
  /** A fresh database for the enclosing block's tests (`current` is set before they run). */
  const useTestDatabase = (opts: { search?: boolean } = {}) => {
    const ref = {} as { current: TestDatabase };
    beforeAll(async () => {
      ref.current = await createTestDatabase(provider);
      if (opts.search) await ensureSearch(ref.current.database);
    });
    afterAll(async () => ref.current?.drop());
    return ref;
  };
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-concurrency-"));
    const total = 2 * OWN + SHARED;
    writeCorpusNdjson(file("a.ndjson"), { from: 0, to: OWN, total });
    writeCorpusNdjson(file("b.ndjson"), { from: OWN, to: 2 * OWN, total });
    writeCorpusNdjson(file("shared.ndjson"), { from: 2 * OWN, to: total, total });
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe("two ingest processes at once", () => {
    const fresh = useTestDatabase();

    test("every article is stored once, nothing is reported failed or locked, and the data is consistent", async () => {
      const t = fresh.current;
      const one = spawnIngest(t.url, [file("a.ndjson"), file("shared.ndjson")], { batchSize: 50, quiet: false });
      const two = spawnIngest(t.url, [file("b.ndjson"), file("shared.ndjson")], { batchSize: 50, quiet: false });
      const [r1, r2] = await Promise.all([one.exited, two.exited]);
      for (const r of [r1, r2]) {
        expect({ code: r.code, output: r.stdout + r.stderr }).toMatchObject({ code: 0 });
        expect(r.stdout + r.stderr).not.toMatch(LOCK_ERRORS);
      }
      const [s1, s2] = [summary(r1.stdout), summary(r2.stdout)];
      // No lost write: both slices and the shared one are all there, each article once.
      const prisma = t.database.db;
      expect(await prisma.article.count()).toBe(2 * OWN + SHARED);
      expect(s1.added + s2.added).toBe(2 * OWN + SHARED);
      expect(s1.duplicates + s2.duplicates).toBe(SHARED);
      expect(s1.failed + s2.failed).toBe(0);
      const runs = await prisma.ingestRun.findMany({ select: { status: true, added: true } });
      expect(runs.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
      expect(runs.reduce((n, r) => n + r.added, 0)).toBe(2 * OWN + SHARED);

      expect(await findPartialArticles(t.database)).toEqual([]);
      expect(await findInconsistentEvents(t.database)).toEqual([]);
    }, TIMEOUT_MS);
  });

  describe("the same articles ingested twice at once", () => {
    // In-process: build the derived counts the CLI builds at start-up.
    const fresh = useTestDatabase({ search: true });

    test("a batch that collides with the other ingest is retried: stored once, reported as duplicates, never failed", async () => {
      const t = fresh.current;
      const articles = [...generateCorpus({ articles: 120 })];
      // Both look for existing articles before either stores one, so their batches collide.
      const [r1, r2] = await Promise.all(
        [1, 2].map((n) => ingestArticles(t.database, articles, { source: `twin ${n}`, batchSize: 40, pool: null })),
      );
      expect([r1!.failed, r2!.failed]).toEqual([0, 0]);
      expect(r1!.errors.concat(r2!.errors)).toEqual([]);
      expect(r1!.added + r2!.added).toBe(articles.length);
      expect(r1!.duplicates + r2!.duplicates).toBe(articles.length);
      expect(await t.database.db.article.count()).toBe(articles.length);
      expect(await findPartialArticles(t.database)).toEqual([]);
      expect(await findInconsistentEvents(t.database)).toEqual([]);
    }, TIMEOUT_MS);
  });

  describe("reads and an export while an ingest process writes", () => {
    const fresh = useTestDatabase();

    test("every read and export succeeds while the ingest runs, and the ingest is not disturbed", async () => {
      const t = fresh.current;
      const database = t.database;
      const ingest = spawnIngest(t.url, [file("a.ndjson"), file("b.ndjson")], { batchSize: 50, quiet: false });
      let running = true;
      void ingest.exited.then(() => (running = false));
      await waitUntil(async () => !running || (await database.db.article.count()) > 0, "the first batch", TIMEOUT_MS / 2);

      const errors: string[] = [];
      const done = { reads: 0, exports: 0, exportRows: 0 };
      const attempt = async (what: string, read: () => Promise<void>) => {
        try {
          await read();
          if (running) done.reads++;
        } catch (err) {
          errors.push(`${what}: ${(err as Error).message}`);
        }
        // SQLite reads complete synchronously: let the event loop see the child process exit.
        await new Promise((resolve) => setImmediate(resolve));
      };
      // Readers in parallel (as several dashboard users), each going round its reads until the ingest ends.
      const reader = async (k: number) => {
        for (let i = 0; running; i++) {
          await attempt("events list", async () => {
            const page = await listEvents(eventFiltersSchema.parse({ sort: ["lastSeen", "articleCount", "divergence"][i % 3] }), database);
            const first = page.rows[(i + k) % Math.max(1, page.rows.length)];
            if (first) {
              await attempt("event page", async () => {
                if (!(await getEvent(first.id, eventDetailFiltersSchema.parse({}), database))) throw new Error(`event ${first.id} vanished`);
              });
            }
          });
          await attempt("filtered articles", async () => {
            await listArticles(articleFiltersSchema.parse({ q: "killed", from: "2015-01-01", to: "2016-12-31", pageSize: 50 }), database);
          });
          await attempt("coverage", async () => {
            await getCoverage({ outlet: [], language: [], from: "2015-01-01" }, database);
          });
        }
      };
      const exporter = async () => {
        for (let i = 0; running; i++) {
          await attempt("export", async () => {
            // Everything, then a quarter at a time (a date-filtered export), in turn.
            const from = new Date(Date.UTC(2015, 3 * (i % 12), 1)).toISOString().slice(0, 10);
            const to = new Date(Date.UTC(2015, 3 * (i % 12) + 3, 0)).toISOString().slice(0, 10);
            const f = exportFiltersSchema.parse(i % 2 ? { format: "csv", from, to } : { format: "csv" });
            const source = exportRows("articles", f, { limit: 1_000_000, pageSize: 200 }, database);
            const reader = toWebStream("csv", source.rows, source.columns).stream.getReader();
            let lines = 0;
            for (;;) {
              const { done: end, value } = await reader.read();
              if (end) break;
              for (const b of value) if (b === 10) lines++;
            }
            if (running) {
              done.exports++;
              done.exportRows = Math.max(done.exportRows, lines - 1);
            }
          });
        }
      };
      await Promise.all([reader(0), reader(1), exporter()]);

      const result = await ingest.exited;
      expect(errors).toEqual([]);
      expect(done.reads).toBeGreaterThan(0);
      expect(done.exports).toBeGreaterThan(0);
      expect(done.exportRows).toBeGreaterThan(0);
      expect({ code: result.code, output: result.stdout + result.stderr }).toMatchObject({ code: 0 });
      expect(result.stdout + result.stderr).not.toMatch(LOCK_ERRORS);
      expect(summary(result.stdout)).toEqual({ added: 2 * OWN, duplicates: 0, failed: 0, total: 2 * OWN });
      expect(await database.db.article.count()).toBe(2 * OWN);
      expect(await findInconsistentEvents(database)).toEqual([]);
    }, TIMEOUT_MS);
  });
});
