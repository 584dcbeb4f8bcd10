import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { analyseArticle, type AnalyseInput, type Analysis } from "../pipeline/analyse";
import { createExtractionPool, type ExtractionPool } from "../pipeline/extraction-pool";
import { demoArticles } from "../testing/demo";
import { generateCorpus } from "../../scripts/bench/corpus";
import { WorkerPool } from "./pool";
import { projectFile, runningFromSource } from "./source";

const FAULTY = path.resolve(import.meta.dirname, "test-faulty-worker.ts");

function jobsOf(articles: { text: string; title: string; language: string | null; publishedAt: string | null }[]): AnalyseInput[] {
  return articles.map((a) => ({ text: a.text, title: a.title, language: a.language, publishedAt: a.publishedAt }));
}

/** The demo corpus (English and French, long and short) and 300 synthetic articles. */
const corpus = jobsOf([...demoArticles(), ...generateCorpus({ articles: 300, seed: 11 })]);

const pools: { close(): Promise<void> }[] = [];
function track<P extends { close(): Promise<void> }>(pool: P): P {
  pools.push(pool);
  return pool;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe("extraction in worker threads", () => {
  const inProcess = corpus.map(analyseArticle);

  test("the worker threads find the sources and start", () => {
    expect(projectFile("lib/workers/bootstrap.mjs")).toMatch(/bootstrap\.mjs$/);
    expect(projectFile("lib/pipeline/extract-worker.ts")).toMatch(/extract-worker\.ts$/);
    // Here the calling thread runs the same sources as the workers, so it may take jobs too.
    expect(runningFromSource()).toBe(true);
  });

  test.each([
    ["one worker doing every job", 1, false],
    ["two workers and the calling thread sharing the jobs", 2, true],
  ])("gives exactly the in-process results, in order: %s", async (_name, size, callerRuns) => {
    const pool: ExtractionPool = track(createExtractionPool(size, { callerRuns }));
    expect(pool.size).toBe(size);
    // Several tasks in flight at once, as ingest submits batches ahead.
    const tasks = [corpus.slice(0, 100), corpus.slice(100, 250), corpus.slice(250)].map((jobs) => pool.run(jobs));
    const outcomes = (await Promise.all(tasks.map((t) => t.results()))).flat();
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(outcomes.map((o) => (o.ok ? o.value : null))).toEqual(inProcess);
  });

  test("without workers the calling thread does everything, with the same results", async () => {
    const pool = track(createExtractionPool(0));
    expect(pool.size).toBe(0);
    const outcomes = await pool.run(corpus.slice(0, 60)).results();
    expect(outcomes.map((o) => (o.ok ? o.value : null))).toEqual(inProcess.slice(0, 60));
  });
});

describe("a job that fails in a worker", () => {
  const faultyPool = (opts: { jobTimeoutMs?: number } = {}) =>
    track(
      new WorkerPool<AnalyseInput, Analysis>({
        size: 1,
        entry: FAULTY,
        bootstrap: projectFile("lib/workers/bootstrap.mjs")!,
        handler: analyseArticle,
        // The worker takes every job, so the faulty ones meet the faulty worker.
        callerRuns: false,
        onWarning: () => {},
        ...opts,
      }),
    );
  const jobs = corpus.slice(0, 40);
  const expected = jobs.map(analyseArticle);
  const withFault = (index: number, marker: string) =>
    jobs.map((j, i) => (i === index ? { ...j, text: `${j.text}\n\n${marker}` } : j));

  test("a throw becomes that job's error; the other jobs are done", async () => {
    const outcomes = await faultyPool().run(withFault(7, "FAULT:THROW")).results();
    expect(outcomes[7]).toEqual({ ok: false, error: "extractor failed on purpose" });
    outcomes.forEach((o, i) => {
      if (i !== 7) expect(o).toEqual({ ok: true, value: expected[i] });
    });
  });

  test("a thread that dies fails only the job it was running; its other jobs are redone and a new worker takes over", async () => {
    const pool = faultyPool();
    const outcomes = await pool.run(withFault(21, "FAULT:EXIT")).results();
    expect(outcomes[21]).toMatchObject({ ok: false, error: expect.stringMatching(/^worker stopped while processing this item \(exit code 3\)/) });
    outcomes.forEach((o, i) => {
      if (i !== 21) expect(o).toEqual({ ok: true, value: expected[i] });
    });
    // The replacement worker serves the next task.
    const again = await pool.run(jobs.slice(0, 10)).results();
    expect(again).toEqual(expected.slice(0, 10).map((value) => ({ ok: true, value })));
    expect(pool.size).toBe(1);
  });

  test("a job that never returns is abandoned after the timeout and fails alone", async () => {
    const outcomes = await faultyPool({ jobTimeoutMs: 1500 }).run(withFault(3, "FAULT:HANG")).results();
    expect(outcomes[3]).toMatchObject({ ok: false, error: expect.stringContaining("took longer than") });
    expect(outcomes.filter((o) => o.ok)).toHaveLength(jobs.length - 1);
  });
});
