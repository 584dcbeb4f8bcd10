import type { Db } from "../db";
import type { ItemError } from "../ingest/types";

/** Errors kept on a run: enough to act on, bounded so a huge bad file cannot bloat the row. */
const MAX_STORED_ERRORS = 1000;

export async function startIngestRun(db: Db, run: { source: string; trigger: string; total: number }) {
  return db.ingestRun.create({
    data: { source: run.source.slice(0, 500), trigger: run.trigger, total: run.total, status: "running" },
    select: { id: true },
  });
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
    },
  });
}
