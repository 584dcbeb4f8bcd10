/**
 * The worker side of `WorkerPool`: claim jobs from each task's shared counter, run them, and
 * post the outcomes back in small groups. A job that throws is reported as that job's error;
 * anything that kills the thread is handled by the pool.
 */
import { parentPort, workerData } from "node:worker_threads";
import { errorMessage, STATUS_FIELDS, type FromWorker, type JobOutcome, type ToWorker } from "./protocol";

/** Outcomes per message: fewer messages, and few jobs to redo if the thread dies. */
const POST_EVERY = 8;

/** Serve jobs for the pool that started this worker thread. Call once, from the worker's entry module. */
export function serveJobs<J, R>(handler: (job: J) => R): void {
  const port = parentPort;
  if (!port) throw new Error("serveJobs must run in a worker thread started by WorkerPool");
  const { slot, status, started } = workerData as { slot: number; status: SharedArrayBuffer; started: SharedArrayBuffer };
  const current = new Int32Array(status);
  const since = new Float64Array(started);

  const work = (task: ToWorker<J>) => {
    const control = new Int32Array(task.control);
    const n = task.jobs.length;
    let items: [number, JobOutcome<R>][] = [];
    for (;;) {
      if (Atomics.load(control, 0) >= n) break;
      const i = Atomics.add(control, 0, 1);
      if (i >= n) break;
      Atomics.store(control, 1 + i, slot + 1);
      Atomics.store(current, slot * STATUS_FIELDS, task.id);
      Atomics.store(current, slot * STATUS_FIELDS + 1, i);
      since[slot] = Date.now();
      let outcome: JobOutcome<R>;
      try {
        outcome = { ok: true, value: handler(task.jobs[i]!) };
      } catch (err) {
        outcome = { ok: false, error: errorMessage(err) };
      }
      since[slot] = 0;
      Atomics.store(current, slot * STATUS_FIELDS + 1, -1);
      items.push([i, outcome]);
      if (items.length >= POST_EVERY) {
        port.postMessage({ type: "results", id: task.id, items } satisfies FromWorker<R>);
        items = [];
      }
    }
    if (items.length) port.postMessage({ type: "results", id: task.id, items } satisfies FromWorker<R>);
  };

  // One task at a time, in submission order: the oldest is the one the calling thread waits for.
  port.on("message", (msg: ToWorker<J>) => {
    if (msg.type === "task") work(msg);
  });
  port.postMessage({ type: "ready" } satisfies FromWorker<R>);
}
