/**
 * A pool of worker threads for pure, CPU-bound jobs (article extraction), with the calling thread
 * taking part.
 *
 * A task is a list of jobs. Every worker receives the whole list and claims jobs one at a time
 * from a shared counter (`Atomics.add` on a SharedArrayBuffer), so the load balances itself
 * whatever each job costs and however busy the calling thread is: a worker never waits for the
 * main thread to hand it work. The calling thread claims from the same counter while it waits
 * for a task's results (`PoolTask.results()`), so on a 2-core machine one worker and the main
 * thread share the extraction whenever the main thread has nothing else to do.
 *
 * Results come back in job order whichever thread ran them; with a pure job function they are
 * identical to running the jobs in a loop. A job that throws becomes that job's error. A worker
 * that dies (crash, out of memory, killed after `jobTimeoutMs`) fails only the job it was running;
 * the other jobs it had claimed are run again, and the worker is replaced.
 *
 * Workers load TypeScript through `bootstrap.mjs` (tsx), so the same pool runs under the CLI,
 * Vitest and the Next.js server. When no worker can start, every job runs in the calling thread.
 */
import { performance } from "node:perf_hooks";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Worker } from "node:worker_threads";
import { errorMessage, STATUS_FIELDS, type FromWorker, type JobOutcome, type ToWorker } from "./protocol";
import { startSourceWorker } from "./source";

export type { JobOutcome } from "./protocol";

export interface WorkerPoolOptions<J, R> {
  /** Worker threads to start; 0 runs every job in the calling thread. */
  size: number;
  /** Absolute path of the TypeScript module each worker runs; it calls `serveJobs` with `handler`. */
  entry: string;
  /** Absolute path of `bootstrap.mjs`. */
  bootstrap: string;
  /** The same function the workers run, for the jobs the calling thread takes. */
  handler: (job: J) => R;
  /** A job still running after this long is abandoned: its worker is stopped and replaced. */
  jobTimeoutMs?: number;
  /** Whether the calling thread runs jobs while it waits for results (default true). */
  callerRuns?: boolean;
  /** Worker replacements after crashes, in total, before the pool stops replacing them. */
  maxRestarts?: number;
  /** Where to report that workers could not start or had to be replaced. */
  onWarning?: (message: string) => void;
  /** Name of the worker threads (shown in debuggers and profiles). */
  name?: string;
  /** V8 limits of each worker (see `Worker` options). */
  resourceLimits?: import("node:worker_threads").ResourceLimits;
}

/** Owner value of a job the calling thread claimed (workers use slot + 1). */
const CALLER = -1;
/** How long the calling thread runs jobs before it lets worker messages in. */
const HELP_SLICE_MS = 8;

interface Slot {
  index: number;
  worker: Worker | null;
  ready: boolean;
  /** Set when the pool stopped this worker on purpose (timeout, close). */
  stopping: string | null;
  lastError: string | null;
}

class Task<J, R> {
  readonly control: Int32Array;
  readonly outcomes: (JobOutcome<R> | undefined)[];
  remaining: number;
  /** Jobs a dead worker had claimed but not reported: run again. */
  readonly redo: number[] = [];
  private wake: (() => void) | null = null;

  constructor(
    readonly id: number,
    readonly jobs: J[],
  ) {
    // [0] the next unclaimed job; [1 + i] who claimed job i (0 nobody, slot + 1, or CALLER).
    this.control = new Int32Array(new SharedArrayBuffer(4 * (1 + jobs.length)));
    this.outcomes = new Array(jobs.length);
    this.remaining = jobs.length;
  }

  /** Record a job's outcome; the first one wins (a job run twice after a crash gives the same). */
  settle(index: number, outcome: JobOutcome<R>): void {
    if (index < 0 || index >= this.outcomes.length || this.outcomes[index] !== undefined) return;
    this.outcomes[index] = outcome;
    this.remaining--;
    this.notify();
  }

  notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  changed(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  /** Claim the next job for the calling thread, or null when every job is claimed. */
  claim(): number | null {
    const n = this.jobs.length;
    if (Atomics.load(this.control, 0) >= n) return null;
    const i = Atomics.add(this.control, 0, 1);
    if (i >= n) return null;
    Atomics.store(this.control, 1 + i, CALLER);
    return i;
  }
}

/** A submitted task: its jobs are already being run by the workers. */
export interface PoolTask<R> {
  /** The outcomes in job order; the calling thread runs unclaimed jobs while it waits. */
  results(): Promise<JobOutcome<R>[]>;
}

export class WorkerPool<J, R> {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Task<J, R>>();
  private readonly status: Int32Array;
  private readonly started: Float64Array;
  private readonly opts: Required<Omit<WorkerPoolOptions<J, R>, "onWarning" | "resourceLimits">> &
    Pick<WorkerPoolOptions<J, R>, "onWarning" | "resourceLimits">;
  private nextTaskId = 1;
  private restarts = 0;
  private closed = false;
  private watchdog: NodeJS.Timeout | null = null;
  private readyWaiters: (() => void)[] = [];

  constructor(options: WorkerPoolOptions<J, R>) {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as WorkerPoolOptions<J, R>;
    this.opts = { jobTimeoutMs: 60_000, callerRuns: true, maxRestarts: 20, name: "parallax-worker", ...given };
    const size = Math.max(0, Math.floor(options.size));
    this.status = new Int32Array(new SharedArrayBuffer(4 * STATUS_FIELDS * Math.max(1, size)));
    this.started = new Float64Array(new SharedArrayBuffer(8 * Math.max(1, size)));
    for (let i = 0; i < size; i++) {
      const slot: Slot = { index: i, worker: null, ready: false, stopping: null, lastError: null };
      this.slots.push(slot);
      this.spawn(slot);
    }
  }

  /** Workers currently running (or starting). */
  get size(): number {
    return this.slots.filter((s) => s.worker).length;
  }

  /** Resolves once every worker has started (or failed to): for measuring warm throughput. */
  ready(): Promise<void> {
    if (this.slots.every((s) => !s.worker || s.ready)) return Promise.resolve();
    const ready = new Promise<void>((resolve) => this.readyWaiters.push(resolve));
    this.updateLiveness();
    return ready;
  }

  private checkReady(): void {
    if (!this.slots.every((s) => !s.worker || s.ready)) return;
    for (const resolve of this.readyWaiters.splice(0)) resolve();
    this.updateLiveness();
  }

  /** Start running `jobs`; collect the outcomes with `results()`. */
  run(jobs: J[]): PoolTask<R> {
    if (this.closed) throw new Error("worker pool is closed");
    const task = new Task<J, R>(this.nextTaskId++, jobs);
    if (jobs.length > 0) {
      this.pending.set(task.id, task);
      for (const slot of this.slots) this.post(slot, task);
      this.updateLiveness();
    }
    let collected: Promise<JobOutcome<R>[]> | null = null;
    return { results: () => (collected ??= this.collect(task)) };
  }

  /** Stop the workers. Tasks still pending are finished by the calling thread if it awaits them. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    await Promise.all(
      this.slots.map(async (slot) => {
        const worker = slot.worker;
        if (!worker) return;
        slot.stopping = "pool closed";
        // An unreferenced worker would let the process exit before `terminate()` settles.
        worker.ref();
        await worker.terminate();
      }),
    );
  }

  private spawn(slot: Slot): void {
    let worker: Worker;
    try {
      worker = startSourceWorker(this.opts.bootstrap, this.opts.entry, {
        name: `${this.opts.name}-${slot.index}`,
        data: { slot: slot.index, status: this.status.buffer, started: this.started.buffer },
        resourceLimits: this.opts.resourceLimits,
        silent: true,
      });
    } catch (err) {
      this.opts.onWarning?.(`worker threads unavailable (${(err as Error).message}); running jobs in the calling thread`);
      return;
    }
    slot.worker = worker;
    slot.ready = false;
    slot.stopping = null;
    slot.lastError = null;
    Atomics.store(this.status, slot.index * STATUS_FIELDS, 0);
    Atomics.store(this.status, slot.index * STATUS_FIELDS + 1, -1);
    this.started[slot.index] = 0;
    worker.on("message", (msg: FromWorker<R>) => this.onMessage(slot, msg));
    worker.on("error", (err) => {
      slot.lastError = err instanceof Error ? err.message : String(err);
    });
    worker.on("exit", (code) => this.onExit(slot, worker, code));
    // Tasks submitted before this worker started (a replacement) are offered to it too.
    for (const task of this.pending.values()) this.post(slot, task);
    this.updateLiveness();
  }

  private post(slot: Slot, task: Task<J, R>): void {
    if (!slot.worker) return;
    const msg: ToWorker<J> = { type: "task", id: task.id, jobs: task.jobs, control: task.control.buffer as SharedArrayBuffer };
    slot.worker.postMessage(msg);
  }

  private onMessage(slot: Slot, msg: FromWorker<R>): void {
    if (msg.type === "ready") {
      slot.ready = true;
      this.checkReady();
      return;
    }
    const task = this.pending.get(msg.id);
    if (!task) return;
    for (const [index, outcome] of msg.items) task.settle(index, outcome);
    this.finishIfDone(task);
  }

  private onExit(slot: Slot, worker: Worker, code: number): void {
    if (slot.worker !== worker) return;
    slot.worker = null;
    const wasReady = slot.ready;
    const reason = slot.stopping ?? slot.lastError ?? `exit code ${code}`;
    const curTask = Atomics.load(this.status, slot.index * STATUS_FIELDS);
    const curIndex = Atomics.load(this.status, slot.index * STATUS_FIELDS + 1);
    for (const task of this.pending.values()) {
      const n = task.jobs.length;
      const claimed = Math.min(n, Atomics.load(task.control, 0));
      for (let i = 0; i < claimed; i++) {
        if (task.outcomes[i] !== undefined) continue;
        const owner = Atomics.load(task.control, 1 + i);
        if (task.id === curTask && i === curIndex && owner === slot.index + 1) {
          task.settle(i, { ok: false, error: `worker stopped while processing this item (${reason})` });
        } else if (owner === slot.index + 1 || owner === 0) {
          // Claimed but never reported (results not yet posted, or claimed at the instant of the
          // crash): run again. A job a live worker is about to report may run twice; the first
          // outcome wins and both are the same.
          task.redo.push(i);
        }
      }
      task.notify();
      this.finishIfDone(task);
    }
    this.checkReady();
    if (this.closed || slot.stopping === "pool closed") return;
    if (!wasReady) {
      this.opts.onWarning?.(`a worker thread could not start (${reason}); running its share of the jobs in the calling thread`);
      this.updateLiveness();
      return;
    }
    if (this.restarts >= this.opts.maxRestarts) {
      this.opts.onWarning?.(`worker thread stopped (${reason}) and the restart limit is reached; running its share in the calling thread`);
      this.updateLiveness();
      return;
    }
    this.restarts++;
    this.opts.onWarning?.(`worker thread stopped (${reason}); starting a new one`);
    this.spawn(slot);
  }

  private finishIfDone(task: Task<J, R>): void {
    if (task.remaining === 0 && this.pending.delete(task.id)) this.updateLiveness();
  }

  /**
   * Idle workers must not keep the process alive (a CLI exits when its work is done); busy ones
   * must, or an await on their results could end the process. A watchdog runs while busy.
   */
  private updateLiveness(): void {
    const busy = this.pending.size > 0 || this.readyWaiters.length > 0;
    for (const slot of this.slots) {
      if (busy) slot.worker?.ref();
      else slot.worker?.unref();
    }
    if (busy && !this.watchdog && this.slots.length > 0) {
      this.watchdog = setInterval(() => this.checkTimeouts(), Math.min(1000, this.opts.jobTimeoutMs));
      this.watchdog.unref();
    } else if (!busy && this.watchdog) {
      clearInterval(this.watchdog);
      this.watchdog = null;
    }
  }

  private checkTimeouts(): void {
    const now = Date.now();
    for (const slot of this.slots) {
      const since = this.started[slot.index] ?? 0;
      if (slot.worker && !slot.stopping && since > 0 && now - since > this.opts.jobTimeoutMs) {
        slot.stopping = `took longer than ${Math.round(this.opts.jobTimeoutMs / 1000)} s`;
        void slot.worker.terminate();
      }
    }
  }

  private runInline(task: Task<J, R>, index: number): void {
    if (task.outcomes[index] !== undefined) return;
    let outcome: JobOutcome<R>;
    try {
      outcome = { ok: true, value: this.opts.handler(task.jobs[index]!) };
    } catch (err) {
      outcome = { ok: false, error: errorMessage(err) };
    }
    task.settle(index, outcome);
  }

  private async collect(task: Task<J, R>): Promise<JobOutcome<R>[]> {
    while (task.remaining > 0) {
      // Without live workers the calling thread runs everything, whatever `callerRuns` says.
      const callerRuns = this.opts.callerRuns || this.size === 0;
      let ran = false;
      const until = performance.now() + HELP_SLICE_MS;
      while (task.remaining > 0 && performance.now() < until) {
        const i = task.redo.pop() ?? (callerRuns ? task.claim() : null);
        if (i === null || i === undefined) break;
        this.runInline(task, i);
        ran = true;
      }
      if (task.remaining === 0) break;
      // Let worker results (and crash notices) in, then go on or wait for them.
      if (ran) await yieldToEventLoop();
      else await task.changed();
    }
    this.finishIfDone(task);
    return task.outcomes as JobOutcome<R>[];
  }
}
