/**
 * One ingest at a time in this server process. The online grouper reads the events it may join
 * before writing, so two concurrent ingests could each open the same new event; queueing them
 * keeps grouping as deterministic as the CLI's. Anything in the process that ingests (uploads,
 * the feed scheduler) can share it.
 */
const globalForLock = globalThis as unknown as { parallaxIngestQueue?: Promise<unknown> };

/** Run `task` after every task queued before it has settled. */
export function withIngestLock<T>(task: () => Promise<T>): Promise<T> {
  const previous = globalForLock.parallaxIngestQueue ?? Promise.resolve();
  const run = previous.then(task, task);
  // The queue continues whether this task succeeds or fails.
  globalForLock.parallaxIngestQueue = run.catch(() => undefined);
  return run;
}
