/**
 * Crash safety: the real CLI ingest is killed (SIGKILL) in the middle of a large batch, then run
 * again on the same input. Nothing half-written may remain, the killed run is marked interrupted,
 * and the second run completes the batch with no duplicate.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { INTERRUPTED_REASON } from "../mutations/ingest-runs";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { findInconsistentEvents, findPartialArticles, spawnIngest, waitUntil, writeCorpusNdjson } from "../testing/ingest-process";

const ARTICLES = 1000;
const BATCH = 50;
/** Two CLI start-ups (≈ 5 s each, 15 s on a loaded machine) and two ingests of the batch. */
const TIMEOUT_MS = 240_000;

describe.each(PROVIDERS)("crash safety (%s)", (provider) => {
  let t: TestDatabase;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-crash-"));
    file = path.join(dir, "batch.ndjson");
    expect(writeCorpusNdjson(file, { from: 0, to: ARTICLES })).toBe(ARTICLES);
  });

  afterAll(async () => {
    await t?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("an ingest killed mid-batch leaves whole articles only, and running it again completes the batch", async () => {
    const { db } = t.database;
    const first = spawnIngest(t.url, [file], { batchSize: BATCH });
    // Kill it once a few batches are committed, while it is storing the next ones.
    await waitUntil(async () => (await db.article.count()) >= 3 * BATCH, "the first batches to be committed", 90_000);
    first.kill();
    const killed = await first.exited;
    expect(killed.signal).toBe("SIGKILL");

    const afterKill = await db.article.count();
    expect(afterKill).toBeGreaterThanOrEqual(3 * BATCH);
    expect(afterKill).toBeLessThan(ARTICLES); // it was stopped mid-batch, not after the end
    await new Promise((r) => setTimeout(r, 500));
    expect(await db.article.count()).toBe(afterKill); // nothing of it survived the kill
    expect(afterKill % BATCH).toBe(0); // whole batches only

    // No partial article: each has exactly the claims and statements its text yields, and an event.
    expect(await findPartialArticles(t.database)).toEqual([]);
    expect(await findInconsistentEvents(t.database)).toEqual([]);
    // The run is left "running" by the dead process, with the count of what it committed.
    const [killedRun] = await db.ingestRun.findMany({ select: { id: true, status: true, added: true, pid: true } });
    expect(killedRun).toMatchObject({ status: "running", added: afterKill });
    expect(await db.article.count({ where: { ingestRunId: killedRun!.id } })).toBe(afterKill);

    // The same command again: the rest is added, what was stored is recognised as duplicates.
    const second = await spawnIngest(t.url, [file], { batchSize: BATCH, quiet: false }).exited;
    expect(second.stderr).not.toMatch(/database is locked|SQLITE_BUSY|deadlock|could not serialize/i);
    expect({ code: second.code, output: second.stdout + second.stderr }).toMatchObject({ code: 0 });
    expect(second.stdout).toContain(`added ${ARTICLES - afterKill}, duplicates ${afterKill}, failed 0 (of ${ARTICLES})`);

    expect(await db.article.count()).toBe(ARTICLES);
    const urls = await db.article.findMany({ select: { url: true } });
    expect(new Set(urls.map((u) => u.url)).size).toBe(ARTICLES);
    const runs = await db.ingestRun.findMany({ orderBy: { id: "asc" } });
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ id: killedRun!.id, status: "interrupted", added: afterKill });
    expect(runs[0]!.finishedAt).not.toBeNull();
    expect(runs[0]!.errors).toEqual([{ item: `ingest run #${killedRun!.id}`, reason: INTERRUPTED_REASON }]);
    expect(runs[1]).toMatchObject({ status: "succeeded", added: ARTICLES - afterKill, duplicates: afterKill, failed: 0 });

    expect(await findPartialArticles(t.database)).toEqual([]);
    expect(await findInconsistentEvents(t.database)).toEqual([]);
  }, TIMEOUT_MS);
});
