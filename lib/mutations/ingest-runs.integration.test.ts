import { spawnSync } from "node:child_process";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { INTERRUPTED_REASON, recoverInterruptedRuns, RUN_STALE_AFTER_MS, startIngestRun } from "./ingest-runs";

describe.each(PROVIDERS)("interrupted ingest runs (%s)", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => t?.drop());

  test("runs of dead processes, or silent for too long, are marked interrupted; live ones are left alone", async () => {
    const { db } = t.database;
    // A pid that existed and is gone: a process that already exited.
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid!;
    const now = new Date();
    const recent = new Date(now.getTime() - 60_000);
    const silent = new Date(now.getTime() - RUN_STALE_AFTER_MS - 60_000);
    const host = os.hostname();
    const make = (data: { host: string | null; pid: number | null; heartbeatAt: Date | null; startedAt?: Date }) =>
      db.ingestRun.create({ data: { source: "test", status: "running", added: 7, ...data }, select: { id: true } });
    const dead = await make({ host, pid: deadPid, heartbeatAt: recent });
    const alive = await make({ host, pid: process.pid, heartbeatAt: recent });
    const elsewhere = await make({ host: "another-host", pid: deadPid, heartbeatAt: recent });
    const elsewhereSilent = await make({ host: "another-host", pid: 1, heartbeatAt: silent });
    const legacy = await make({ host: null, pid: null, heartbeatAt: null, startedAt: silent });
    const done = await db.ingestRun.create({ data: { source: "test", status: "succeeded", host, pid: deadPid }, select: { id: true } });

    expect((await recoverInterruptedRuns(db, now)).sort((a, b) => a - b)).toEqual([dead.id, elsewhereSilent.id, legacy.id]);
    const runs = new Map((await db.ingestRun.findMany()).map((r) => [r.id, r]));
    for (const id of [dead.id, elsewhereSilent.id, legacy.id]) {
      expect(runs.get(id)).toMatchObject({ status: "interrupted", added: 7 });
      expect(runs.get(id)!.errors).toEqual([{ item: `ingest run #${id}`, reason: INTERRUPTED_REASON }]);
    }
    expect(runs.get(dead.id)!.finishedAt).toEqual(recent); // its last sign of life
    for (const id of [alive.id, elsewhere.id]) expect(runs.get(id)).toMatchObject({ status: "running", finishedAt: null });
    expect(runs.get(done.id)!.status).toBe("succeeded");
    // Recovering again changes nothing; a new run recovers first, then records this process.
    expect(await recoverInterruptedRuns(db, now)).toEqual([]);
    const started = await startIngestRun(db, { source: "next", trigger: "cli", total: 1 });
    expect(await db.ingestRun.findUnique({ where: { id: started.id } })).toMatchObject({ status: "running", host, pid: process.pid });
  });
});
