import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PATCH } from "../../app/api/feeds/[feedId]/route";
import type { Database } from "../db";
import { DEFAULT_FETCH_POLICY } from "../fetch";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { fixtureResolver } from "../testing/fixture-server";
import { failUpdatesWithDeadlock } from "../testing/pg-faults";
import { claimDueFeeds, claimFeed, finishFeed } from "./claim";
import { pollFeed } from "./poll";
import { addFeed, getFeed, updateFeed } from "./store";

const MINUTE = 60_000;

describe.each(PROVIDERS)("pausing and rescheduling feeds on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  /** A feed last fetched at `lastFetchedAt` with `failures` consecutive failures, due at `nextFetchAt`. */
  async function fetchedFeed(url: string, interval: number, at: { lastFetchedAt: Date; nextFetchAt: Date; failures?: number }) {
    const feed = await addFeed(t.database, { url, intervalMinutes: interval });
    await t.database.db.feed.update({
      where: { id: feed.id },
      data: { lastFetchedAt: at.lastFetchedAt, nextFetchAt: at.nextFetchAt, consecutiveFailures: at.failures ?? 0, status: at.failures ? "error" : "ok" },
    });
    return feed;
  }

  test("a paused feed is not claimed by the scheduler, even when due; resumed, it is claimed at once", async () => {
    const now = new Date();
    const feed = await fetchedFeed("http://feeds.example/paused.xml", 30, { lastFetchedAt: new Date(now.getTime() - 60 * MINUTE), nextFetchAt: new Date(now.getTime() - 30 * MINUTE) });
    const other = await fetchedFeed("http://feeds.example/running.xml", 30, { lastFetchedAt: new Date(now.getTime() - 60 * MINUTE), nextFetchAt: new Date(now.getTime() - 30 * MINUTE) });

    const paused = await updateFeed(t.database, feed.id, { paused: true });
    expect(paused).toMatchObject({ id: feed.id, enabled: false, intervalMinutes: 30 });
    const claimed = await claimDueFeeds(t.database, { owner: "watcher-a", limit: 10, leaseMs: MINUTE, now });
    expect(claimed.map((f) => f.id)).toEqual([other.id]);
    await finishFeed(t.database, other.id, "watcher-a", { nextFetchAt: new Date(now.getTime() + 30 * MINUTE) });
    expect(await claimDueFeeds(t.database, { owner: "watcher-a", limit: 10, leaseMs: MINUTE, now })).toEqual([]);

    const resumed = await updateFeed(t.database, feed.id, { paused: false });
    expect(resumed).toMatchObject({ enabled: true, nextFetchAt: new Date(now.getTime() - 30 * MINUTE).toISOString() });
    const again = await claimDueFeeds(t.database, { owner: "watcher-b", limit: 10, leaseMs: MINUTE, now });
    expect(again.map((f) => f.id)).toEqual([feed.id]);
    await finishFeed(t.database, feed.id, "watcher-b", { nextFetchAt: new Date(now.getTime() + 30 * MINUTE) });
  });

  test("changing the interval reschedules the next fetch from the last one (and the back-off after failures)", async () => {
    const last = new Date(Date.now() - 20 * MINUTE);
    const feed = await fetchedFeed("http://feeds.example/interval.xml", 60, { lastFetchedAt: last, nextFetchAt: new Date(last.getTime() + 60 * MINUTE) });
    // Shorter: due 15 minutes after the last fetch, i.e. already due.
    const shorter = await updateFeed(t.database, feed.id, { intervalMinutes: 15 });
    expect(shorter).toMatchObject({ intervalMinutes: 15, nextFetchAt: new Date(last.getTime() + 15 * MINUTE).toISOString() });
    expect((await claimDueFeeds(t.database, { owner: "w", limit: 10, leaseMs: MINUTE })).map((f) => f.id)).toEqual([feed.id]);
    await finishFeed(t.database, feed.id, "w", {});
    // Longer: not due any more.
    const longer = await updateFeed(t.database, feed.id, { intervalMinutes: 120 });
    expect(longer.nextFetchAt).toBe(new Date(last.getTime() + 120 * MINUTE).toISOString());
    expect(await claimDueFeeds(t.database, { owner: "w", limit: 10, leaseMs: MINUTE })).toEqual([]);
    // The same interval again changes nothing; a title alone does not reschedule.
    expect((await updateFeed(t.database, feed.id, { intervalMinutes: 120, title: "Renamed" })).nextFetchAt).toBe(longer.nextFetchAt);
    expect(await getFeed(feed.id, t.database)).toMatchObject({ title: "Renamed", intervalMinutes: 120 });
    expect(await updateFeed(t.database, feed.id, { title: null })).toMatchObject({ title: null });

    // A failing feed keeps backing off, on the new interval: 2 failures → 4 × 10 minutes.
    const failing = await fetchedFeed("http://feeds.example/failing.xml", 30, { lastFetchedAt: last, nextFetchAt: new Date(last.getTime() + 120 * MINUTE), failures: 2 });
    expect((await updateFeed(t.database, failing.id, { intervalMinutes: 10 })).nextFetchAt).toBe(new Date(last.getTime() + 40 * MINUTE).toISOString());
    // Never fetched: it stays due when it was.
    const fresh = await addFeed(t.database, { url: "http://feeds.example/fresh.xml", intervalMinutes: 30 });
    expect((await updateFeed(t.database, fresh.id, { intervalMinutes: 90 })).nextFetchAt).toBe(fresh.nextFetchAt);
    await expect(updateFeed(t.database, 987_654, { paused: true })).rejects.toMatchObject({ code: "not_found", field: "feedId" });
  });

  test("an interval changed while the feed is being fetched is the one its next fetch is scheduled with", async () => {
    const feed = await addFeed(t.database, { url: "http://nowhere.test/feed.xml", intervalMinutes: 30 });
    const claim = await claimFeed(t.database, feed.id, { owner: "poller", leaseMs: MINUTE });
    if (!claim.ok) throw new Error("not claimed");
    await updateFeed(t.database, feed.id, { intervalMinutes: 10 });
    // The host does not resolve: a first failure backs off one doubling of the new interval.
    const policy = { ...DEFAULT_FETCH_POLICY, resolve: fixtureResolver({}), timeoutMs: 5_000 };
    const summary = await pollFeed({ database: t.database, policy, trigger: "api" }, claim.feed, "poller");
    expect(summary.status).toBe("error");
    const after = (await getFeed(feed.id, t.database))!;
    expect(after).toMatchObject({ intervalMinutes: 10, consecutiveFailures: 1, fetching: false });
    expect(Date.parse(after.nextFetchAt) - Date.parse(after.lastFetchedAt!)).toBe(20 * MINUTE);
    await updateFeed(t.database, feed.id, { paused: true });
  });

  test("PATCH /api/feeds/:id answers the feed, 400 naming a bad field, 404 for an unknown feed", async () => {
    const global = globalThis as unknown as { parallaxDb?: Database };
    const before = global.parallaxDb;
    global.parallaxDb = t.database;
    try {
      const feed = await addFeed(t.database, { url: "http://feeds.example/api.xml", intervalMinutes: 30 });
      const patch = (body: unknown, ref = String(feed.id)) =>
        PATCH(
          new Request(`http://127.0.0.1:3000/api/feeds/${ref}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
          { params: Promise.resolve({ feedId: ref }) },
        );
      const ok = await patch({ paused: true, intervalMinutes: 45, title: "  API feed " });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ feed: { id: feed.id, enabled: false, intervalMinutes: 45, title: "API feed" } });

      for (const [body, field, message] of [
        [{ paused: "yes" }, "paused", "paused: expected true or false"],
        [{ intervalMinutes: 2 }, "intervalMinutes", "intervalMinutes: at least 5 minutes"],
        [{ intervalMinutes: 20_000 }, "intervalMinutes", "intervalMinutes: at most 10080 minutes (a week)"],
        [{ intervalMinutes: 7.5 }, "intervalMinutes", "intervalMinutes: expected a whole number of minutes"],
        [{ title: "" }, "title", "title: at least 1 character"],
        [{ enabled: true }, "enabled", 'enabled: unknown field "enabled"'],
        [{}, "body", "body: give at least one of paused, intervalMinutes, title"],
      ] as const) {
        const res = await patch(body);
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ error: "bad_request", field, message });
      }
      const badId = await patch({ paused: true }, "abc");
      expect(badId.status).toBe(400);
      expect(await badId.json()).toMatchObject({ field: "feedId" });
      const missing = await patch({ paused: true }, "987654");
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: "not_found", field: "feedId" });
      expect(await getFeed(feed.id, t.database)).toMatchObject({ enabled: false, intervalMinutes: 45 });
    } finally {
      global.parallaxDb = before;
    }
  });

  test.runIf(provider === "postgresql")("an edit whose transaction is a deadlock victim is applied on the next try", async () => {
    const feed = await addFeed(t.database, { url: "http://feeds.example/deadlock.xml", intervalMinutes: 30 });
    const fault = await failUpdatesWithDeadlock(t.database, "Feed");
    try {
      expect(await updateFeed(t.database, feed.id, { paused: true, title: "Renamed" })).toMatchObject({ enabled: false, title: "Renamed" });
      expect(await fault.updates()).toBe(2);
    } finally {
      await fault.remove();
    }
    expect(await getFeed(feed.id, t.database)).toMatchObject({ enabled: false, title: "Renamed" });
  });
});
