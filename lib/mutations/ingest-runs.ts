import os from "node:os";
import type { Db, Prisma } from "../db";
import type { ItemError } from "../ingest/types";

/** Errors kept on a run: enough to act on, bounded so a huge bad file cannot bloat the row. */
const MAX_STORED_ERRORS = 1000;

/**
 * A "running" run with no sign of life for this long is taken as interrupted even when its
 * process cannot be checked (another host). A live ingest beats at every stored batch, which
 * takes seconds; only loading a large corpus's grouper before the first batch takes minutes.
 */
export const RUN_STALE_AFTER_MS = 60 * 60_000;

/** Why an interrupted run stopped, as stored in its errors. */
export const INTERRUPTED_REASON =
  "interrupted: the process stopped before the run finished (killed or crashed). Every batch it stored is complete; ingest the same input again to add the rest.";

type RunDb = Pick<Db, "ingestRun">;

/** True when process `pid` exists on this host (EPERM: it exists but belongs to someone else). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Mark as "interrupted" the runs left "running" by a process that is gone: on this host, its pid
 * no longer exists; anywhere, it gave no sign of life for RUN_STALE_AFTER_MS. Their counts are
 * kept as they are: `added` grows in the same transaction as each stored batch, so it is exactly
 * what the run stored. Called when an ingest starts.
 *
 * @returns the ids of the runs marked interrupted
 */
export async function recoverInterruptedRuns(db: RunDb, now = new Date()): Promise<number[]> {
  const running = await db.ingestRun.findMany({
    where: { status: "running" },
    select: { id: true, host: true, pid: true, heartbeatAt: true, startedAt: true, errors: true },
  });
  const host = os.hostname();
  const recovered: number[] = [];
  for (const run of running) {
    const lastSign = run.heartbeatAt ?? run.startedAt;
    const gone = run.host === host && run.pid !== null && run.pid !== process.pid && !processAlive(run.pid);
    const silent = now.getTime() - lastSign.getTime() > RUN_STALE_AFTER_MS;
    if (!gone && !silent) continue;
    const errors = Array.isArray(run.errors) ? (run.errors as Prisma.JsonArray) : [];
    // Conditional on the status: a concurrent ingest recovering the same run changes it once.
    const { count } = await db.ingestRun.updateMany({
      where: { id: run.id, status: "running" },
      data: {
        status: "interrupted",
        finishedAt: lastSign,
        errors: [...errors, { item: `ingest run #${run.id}`, reason: INTERRUPTED_REASON }],
      },
    });
    if (count === 1) recovered.push(run.id);
  }
  return recovered;
}

/** Record a new run as "running" by this process, after marking the runs of dead processes interrupted. */
export async function startIngestRun(db: Db, run: { source: string; trigger: string; total: number }) {
  await recoverInterruptedRuns(db);
  return db.ingestRun.create({
    data: {
      source: run.source.slice(0, 500),
      trigger: run.trigger,
      total: run.total,
      status: "running",
      host: os.hostname(),
      pid: process.pid,
      heartbeatAt: new Date(),
    },
    select: { id: true },
  });
}

/**
 * Count a stored batch on its run and record a sign of life. Called inside the batch's
 * transaction, so the run's `added` is always exactly what is committed, even after a crash.
 */
export async function recordRunBatch(tx: RunDb, id: number, added: number): Promise<void> {
  await tx.ingestRun.update({ where: { id }, data: { added: { increment: added }, heartbeatAt: new Date() } });
}

export async function finishIngestRun(
  db: Db,
  id: number,
  r: { added: number; duplicates: number; failed: number; errors: ItemError[] },
) {
  const stored = r.errors.slice(0, MAX_STORED_ERRORS);
  if (r.errors.length > MAX_STORED_ERRORS) {
    stored.push({ item: "…", reason: `${r.errors.length - MAX_STORED_ERRORS} more errors not stored` });
  }
  await db.ingestRun.update({
    where: { id },
    data: {
      added: r.added,
      duplicates: r.duplicates,
      failed: r.failed,
      errors: stored.map((e) => ({ item: e.item, reason: e.reason })),
      status: r.failed === 0 ? "succeeded" : r.added > 0 || r.duplicates > 0 ? "partial" : "failed",
      finishedAt: new Date(),
      heartbeatAt: new Date(),
    },
  });
}
