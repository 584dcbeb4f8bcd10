import os from "node:os";
import { getEnv } from "../env";
import { WorkerPool, type JobOutcome } from "../workers/pool";
import { projectFile, runningFromSource } from "../workers/source";
import { analyseArticle, type AnalyseInput, type Analysis } from "./analyse";

export type ExtractionPool = WorkerPool<AnalyseInput, Analysis>;
export type AnalysisOutcome = JobOutcome<Analysis>;

/**
 * Extraction worker threads by default: one core fewer than the machine has (the main thread
 * groups and writes meanwhile, and helps extract when it has nothing else to do), at least one.
 * `PARALLAX_WORKERS` overrides it; 0 extracts in the main thread only.
 */
export function defaultWorkerCount(): number {
  const configured = getEnv().PARALLAX_WORKERS;
  if (configured !== undefined) return configured;
  return Math.max(1, os.availableParallelism() - 1);
}

/**
 * A pool of extraction workers. Where the worker sources cannot be found (an unusual bundle), the
 * pool has no workers and extraction runs in the calling thread.
 */
export function createExtractionPool(
  size = defaultWorkerCount(),
  opts: { onWarning?: (message: string) => void; callerRuns?: boolean; entry?: string } = {},
): ExtractionPool {
  const bootstrap = projectFile("lib/workers/bootstrap.mjs");
  const entry = opts.entry ?? projectFile("lib/pipeline/extract-worker.ts");
  const warn = opts.onWarning ?? ((m: string) => process.stderr.write(`[parallax] extraction: ${m}\n`));
  if (size > 0 && (!bootstrap || !entry)) warn("worker sources not found; extracting in the main thread");
  return new WorkerPool<AnalyseInput, Analysis>({
    size: bootstrap && entry ? size : 0,
    bootstrap: bootstrap ?? "",
    entry: entry ?? "",
    handler: analyseArticle,
    // In a bundle the calling thread would compute with the bundled code; the workers with the
    // sources. Leaving the jobs to the workers keeps one implementation (it still takes over if
    // no worker runs).
    callerRuns: opts.callerRuns ?? runningFromSource(),
    onWarning: warn,
    name: "parallax-extract",
  });
}

const globalForPool = globalThis as unknown as { parallaxExtractionPool?: ExtractionPool };

/**
 * The process-wide extraction pool, started on first use and kept for the life of the process
 * (idle workers do not keep it alive). Survives Next.js hot reloads.
 */
export function getExtractionPool(): ExtractionPool {
  globalForPool.parallaxExtractionPool ??= createExtractionPool();
  return globalForPool.parallaxExtractionPool;
}
