/** What `WorkerPool` (the calling thread) and `serveJobs` (a worker) exchange. */

export type JobOutcome<R> = { ok: true; value: R } | { ok: false; error: string };

export type ToWorker<J> = { type: "task"; id: number; jobs: J[]; control: SharedArrayBuffer };

export type FromWorker<R> =
  | { type: "ready" }
  | { type: "results"; id: number; items: [index: number, outcome: JobOutcome<R>][] };

/**
 * Int32 fields per worker slot in the shared status buffer: the id of the task and the index of
 * the job it is running (-1 between jobs). A second, Float64 buffer holds when that job started.
 */
export const STATUS_FIELDS = 2;

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
