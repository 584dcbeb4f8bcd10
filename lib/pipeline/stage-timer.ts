import fs from "node:fs";

/**
 * CPU time of the calling thread in milliseconds, from Linux's scheduler statistics (nanosecond
 * resolution); null elsewhere. Unlike wall time it does not grow when other processes share the
 * cores, so per-stage figures stay comparable on a busy machine.
 */
function threadCpuMs(): number | null {
  try {
    const first = fs.readFileSync("/proc/thread-self/schedstat", "utf8").split(" ", 1)[0];
    const ns = Number(first);
    return Number.isFinite(ns) ? ns / 1e6 : null;
  } catch {
    return null;
  }
}

/**
 * Accumulates, per named stage of the ingest pipeline, the wall time and the CPU time of the
 * calling (main) thread: `lap(stage)` charges everything since the previous lap to `stage`.
 * Used by `npm run bench`; ingest without a timer measures nothing.
 */
export class StageTimer {
  readonly wall: Record<string, number> = {};
  /** Main-thread CPU ms per stage; empty where the platform does not report thread CPU time. */
  readonly cpu: Record<string, number> = {};
  private lastWall = performance.now();
  private lastCpu = threadCpuMs();

  /** Start timing from now (time since the last lap is not charged to any stage). */
  restart(): void {
    this.lastWall = performance.now();
    this.lastCpu = threadCpuMs();
  }

  lap(stage: string): void {
    const wall = performance.now();
    this.wall[stage] = (this.wall[stage] ?? 0) + wall - this.lastWall;
    this.lastWall = wall;
    const cpu = threadCpuMs();
    if (cpu !== null && this.lastCpu !== null) this.cpu[stage] = (this.cpu[stage] ?? 0) + cpu - this.lastCpu;
    this.lastCpu = cpu;
  }
}
