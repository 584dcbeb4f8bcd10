import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from "../fetch";
import { getArticleRevisions, getRevisionCounts } from "../revisions/queries";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { fixtureFile, fixtureResolver, startFixtureServer, type FixtureServer } from "../testing/fixture-server";
import { claimDueFeeds, claimFeed } from "./claim";
import { addAndFetchFeed, refreshFeed } from "./refresh";
import { ingestUrls } from "./sources";
import { addFeed, getFeed, listFeeds, removeFeed } from "./store";
import { FeedWatcher } from "./watcher";

// The fixture server is reached as "fixture.test" (allowlisted, resolved to 127.0.0.1 without
// DNS); 127.0.0.1 itself is not allowlisted, so redirects to it are refused like any loopback.
let server: FixtureServer;
let policy: FetchPolicy;
const at = (path: string) => server.url(path, "fixture.test");
const MINUTE = 60_000;

/** The RSS fixture, with a version: each version has its own ETag and honours If-None-Match. */
let rssVersion = 1;
let blastVersion = 1;

beforeAll(async () => {
  server = await startFixtureServer();
  policy = { ...DEFAULT_FETCH_POLICY, allowHosts: ["fixture.test"], resolve: fixtureResolver({ "fixture.test": "127.0.0.1", "private.test": "10.0.0.5" }), timeoutMs: 5_000 };
  const origin = `http://fixture.test:${server.port}`;
  server.route("/feeds/rss.xml", (req, res) => {
    const etag = `"rss-v${rssVersion}"`;
    if (req.headers["if-none-match"] === etag) return void res.writeHead(304, { etag }).end();
    let body = fixtureFile("rss.xml", origin);
    if (rssVersion > 1) body = body.replace("Car bomb kills at least 12 at Qaraqosh market", "Car bomb kills at least 15 at Qaraqosh market");
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag }).end(body);
  });
  server.route("/feeds/atom.xml", { headers: { "content-type": "application/atom+xml" }, body: fixtureFile("atom.xml", origin) });
  server.route("/feeds/malformed.xml", { headers: { "content-type": "application/xml" }, body: fixtureFile("malformed.xml", origin) });
  server.route("/feeds/to-loopback.xml", (_req, res) => void res.writeHead(302, { location: server.url("/feeds/atom.xml", "127.0.0.1") }).end());
  server.route("/feeds/bad-items.xml", {
    headers: { "content-type": "application/rss+xml" },
    body: `<rss version="2.0"><channel><title>Bad items</title>
      <item><title>Private</title><link>${origin}/articles/to-private</link></item>
      <item><title>Gone</title><link>${origin}/articles/missing</link></item>
      <item><title>Good</title><link>${origin}/articles/qaraqosh-toll-rises</link></item>
    </channel></rss>`,
  });
  server.route("/", { headers: { "content-type": "text/html" }, body: fixtureFile("home.html", origin) });
  server.route("/articles/qaraqosh-market-blast", (_req, res) =>
    void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(fixtureFile(blastVersion === 1 ? "qaraqosh-market-blast.html" : "qaraqosh-market-blast-v2.html", origin)),
  );
  server.route("/articles/qaraqosh-toll-rises", { headers: { "content-type": "text/html" }, body: fixtureFile("qaraqosh-toll-rises.html", origin) });
  server.route("/articles/to-private", { status: 302, headers: { location: "http://private.test/secret" } });
  server.route("/sitemap.xml", { headers: { "content-type": "application/xml" }, body: fixtureFile("sitemap.xml", origin) });
  server.route("/slow.xml", (_req, res) => void res.writeHead(200, { "content-type": "application/rss+xml" }).write("<rss>"));
});

afterAll(async () => {
  await server.close();
});

describe.each(PROVIDERS)("feeds on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    rssVersion = 1;
    blastVersion = 1;
  });
  afterAll(async () => {
    await t?.drop();
  });

  const makeDue = (id: number) => t.database.db.feed.update({ where: { id }, data: { nextFetchAt: new Date(Date.now() - MINUTE) } });

  test("a feed is fetched, then answered 304, then revised when its article changes", async () => {
    const { db } = t.database;
    const feed = await addFeed(t.database, { url: at("/feeds/rss.xml"), intervalMinutes: 30 });
    const before = server.hits("/articles/qaraqosh-market-blast").length;

    // 1. First fetch: the summary-only item's page is read; the full-text item is not.
    const first = await refreshFeed(t.database, feed.id, { policy, trigger: "api" });
    expect(first.poll).toMatchObject({ status: "ok", itemsSeen: 2, itemsFetched: 2, added: 2, revised: 0, failed: 1 });
    expect(first.poll.errors).toEqual([
      { item: `${at("/feeds/rss.xml")} item 3 ("An item with neither link nor content")`, reason: "the item has no link and no content" },
    ]);
    expect(server.hits("/articles/qaraqosh-market-blast").length).toBe(before + 1);
    expect(server.hits("/articles/tigris-floods").length).toBe(0);
    expect(first.feed).toMatchObject({ status: "ok", title: "Northern Herald – World", itemsSeen: 2, lastAdded: 2, consecutiveFailures: 0, fetching: false });
    expect(first.feed.lastError).toBe(`1 item failed (see ingest run #${first.poll.runId})`);
    const next = Date.parse(first.feed.nextFetchAt) - Date.parse(first.feed.lastFetchedAt!);
    expect(next).toBe(30 * MINUTE);
    const run = await db.ingestRun.findUniqueOrThrow({ where: { id: first.poll.runId! } });
    expect(run).toMatchObject({ trigger: "api", source: `feed ${at("/feeds/rss.xml")}`, added: 2, failed: 1, total: 3, status: "partial" });
    const blast = await db.article.findFirstOrThrow({ where: { url: at("/articles/qaraqosh-market-blast") }, include: { outlet: true, claims: true } });
    expect(blast).toMatchObject({ title: "Car bomb kills at least 12 at Qaraqosh market", author: "Layla Haddad" });
    // Outlets are identified by domain: both items of the feed belong to one outlet.
    expect(blast.outlet.key).toBe("fixture.test");
    expect(blast.claims.find((c) => c.kind === "killed" && c.isHeadline)).toMatchObject({ min: 12 });
    const floods = await db.article.findFirstOrThrow({ where: { url: { contains: "tigris-floods" } } });
    expect(floods.text).toContain("Heavy rain swelled the Tigris overnight");

    // 2. Nothing changed: the conditional GET is answered 304 and nothing is read or recorded.
    const sent = server.hits("/feeds/rss.xml").length;
    const runs = await db.ingestRun.count();
    await makeDue(feed.id);
    const watcher = new FeedWatcher({ database: t.database, policy, concurrency: 2 });
    const [event] = await watcher.runOnce();
    expect(event?.summary).toMatchObject({ status: "not_modified", itemsFetched: 0, runId: null });
    expect(server.hits("/feeds/rss.xml")[sent]?.headers["if-none-match"]).toBe('"rss-v1"');
    expect(await db.ingestRun.count()).toBe(runs);
    expect(await getFeed(feed.id, t.database)).toMatchObject({ status: "not_modified", consecutiveFailures: 0, lastAdded: 0 });
    // Not due any more: a second pass claims nothing.
    expect(await watcher.runOnce()).toEqual([]);

    // 3. The feed changes one entry and the page was corrected: only that entry is read again, and
    // the article becomes a revision (old version kept, figures re-extracted, event refreshed).
    rssVersion = 2;
    blastVersion = 2;
    await makeDue(feed.id);
    const [revisedEvent] = await watcher.runOnce();
    // (The entry without link or content was reported the first time only.)
    expect(revisedEvent?.summary).toMatchObject({ status: "ok", itemsFetched: 1, added: 0, revised: 1, failed: 0 });
    const revisedRun = await db.ingestRun.findUniqueOrThrow({ where: { id: revisedEvent!.summary.runId! } });
    expect(revisedRun).toMatchObject({ trigger: "feed", revised: 1, total: 1, added: 0, failed: 0, status: "succeeded" });
    expect(server.hits("/articles/tigris-floods").length).toBe(0);
    const now = await db.article.findUniqueOrThrow({ where: { id: blast.id }, include: { claims: true, membership: { include: { event: true } } } });
    expect(now.title).toBe("Car bomb kills at least 15 at Qaraqosh market");
    expect(now.claims.find((c) => c.kind === "killed" && c.isHeadline)).toMatchObject({ min: 15 });
    expect(now.membership?.event.killedMin).toBe(15);
    const revisions = await getArticleRevisions(blast.id, t.database);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ revision: 1, title: "Car bomb kills at least 12 at Qaraqosh market", fetchedAt: blast.createdAt.toISOString() });
    expect(revisions[0]!.changes.summary).toBe("title changed; paragraphs: 1 added, 1 changed; killed: at least 12 → at least 15; wounded: 30 → 41");
    const stored = await db.articleRevision.findFirstOrThrow({ where: { articleId: blast.id } });
    expect(stored.text).toBe(blast.text);
    expect((await getRevisionCounts([blast.id, floods.id], t.database)).get(blast.id)).toBe(1);
    expect((await getRevisionCounts([blast.id, floods.id], t.database)).has(floods.id)).toBe(false);
    expect(await getFeed(feed.id, t.database)).toMatchObject({ status: "ok", lastRevised: 1, lastAdded: 0, lastRunId: revisedRun.id, lastError: null });
  });

  test("failures are stored and back off exponentially; a success resets them", async () => {
    const feed = await addFeed(t.database, { url: at("/feeds/malformed.xml"), intervalMinutes: 10 });
    const first = await refreshFeed(t.database, feed.id, { policy, trigger: "api" });
    expect(first.poll.status).toBe("error");
    expect(first.feed.status).toBe("error");
    expect(first.feed.lastError).toMatch(/^malformed XML: .+ \(line \d+, column \d+\)$/);
    expect(first.feed.consecutiveFailures).toBe(1);
    expect(Date.parse(first.feed.nextFetchAt) - Date.parse(first.feed.lastFetchedAt!)).toBe(20 * MINUTE);
    const second = await refreshFeed(t.database, feed.id, { policy, trigger: "api" });
    expect(second.feed.consecutiveFailures).toBe(2);
    expect(Date.parse(second.feed.nextFetchAt) - Date.parse(second.feed.lastFetchedAt!)).toBe(40 * MINUTE);

    server.route("/feeds/malformed.xml", { headers: { "content-type": "application/atom+xml" }, body: fixtureFile("atom.xml", `http://fixture.test:${server.port}`) });
    const fixed = await refreshFeed(t.database, feed.id, { policy, trigger: "api" });
    expect(fixed.feed).toMatchObject({ status: "ok", consecutiveFailures: 0, lastError: null, title: "Levant Wire" });
    expect(Date.parse(fixed.feed.nextFetchAt) - Date.parse(fixed.feed.lastFetchedAt!)).toBe(10 * MINUTE);
    server.route("/feeds/malformed.xml", { headers: { "content-type": "application/xml" }, body: fixtureFile("malformed.xml", "") });
  });

  test.each([
    ["/feeds/to-loopback.xml", "refused: 127.0.0.1 is a loopback address"],
    ["/", `expected an RSS or Atom feed, got an HTML page; the page names this feed: http://fixture.test:PORT/feeds/rss.xml`],
    ["/nowhere.xml", "HTTP 404 from http://fixture.test:PORT/nowhere.xml"],
  ])("feed %s fails with a clear reason", async (path, reason) => {
    const feed = await addFeed(t.database, { url: at(path), intervalMinutes: 30 });
    const { poll } = await refreshFeed(t.database, feed.id, { policy, trigger: "cli" });
    expect(poll.status).toBe("error");
    expect(poll.error).toBe(reason.replace("PORT", String(server.port)));
  });

  test("items that cannot be read are reported one by one and retried a few times; the others are stored", async () => {
    const feed = await addFeed(t.database, { url: at("/feeds/bad-items.xml"), intervalMinutes: 30 });
    const { poll } = await refreshFeed(t.database, feed.id, { policy, trigger: "api" });
    expect(poll).toMatchObject({ status: "ok", itemsFetched: 3, failed: 2 });
    expect(poll.errors).toEqual([
      { item: at("/articles/to-private"), reason: "page not fetched: refused: 10.0.0.5 is a private address (private.test resolves to it)" },
      { item: at("/articles/missing"), reason: `page not fetched: HTTP 404 from ${at("/articles/missing")}` },
    ]);
    const items = await t.database.db.feedItem.findMany({ where: { feedId: feed.id }, orderBy: { key: "asc" } });
    expect(items.map((i) => [i.url, i.attempts, i.articleId !== null])).toEqual([
      [at("/articles/missing"), 1, false],
      [at("/articles/qaraqosh-toll-rises"), 0, true],
      [at("/articles/to-private"), 1, false],
    ]);
    // Retried on the next fetches (the good item is not read again), until three attempts.
    for (let i = 0; i < 3; i++) await refreshFeed(t.database, feed.id, { policy, trigger: "api" });
    const last = await refreshFeed(t.database, feed.id, { policy, trigger: "api" });
    expect(last.poll.itemsFetched).toBe(0);
    const attempts = await t.database.db.feedItem.findMany({ where: { feedId: feed.id, articleId: null }, select: { attempts: true } });
    expect(attempts.map((a) => a.attempts)).toEqual([3, 3]);
  });

  test("a manual refresh of a feed a watcher holds is refused; unknown feeds are not found", async () => {
    const feed = await addFeed(t.database, { url: at("/feeds/atom.xml?held"), intervalMinutes: 30 });
    expect((await claimFeed(t.database, feed.id, { owner: "someone-else", leaseMs: MINUTE })).ok).toBe(true);
    await expect(refreshFeed(t.database, feed.id, { policy, trigger: "api" })).rejects.toMatchObject({ code: "conflict", field: "feedId" });
    await expect(refreshFeed(t.database, 987_654, { policy, trigger: "api" })).rejects.toMatchObject({ code: "not_found" });
    await expect(addFeed(t.database, { url: at("/feeds/atom.xml?held"), intervalMinutes: 30 })).rejects.toMatchObject({ code: "conflict", field: "url" });
    await expect(addFeed(t.database, { url: at("/feeds/other.xml"), intervalMinutes: 30, outlet: "no-such-outlet" })).rejects.toMatchObject({ code: "not_found", field: "outlet" });
  });

  test("a feed added to be fetched at once is created claimed, so no watcher takes it first", async () => {
    const claimed = await addFeed(t.database, { url: at("/feeds/atom.xml?claimed"), intervalMinutes: 30 }, { owner: "adder", leaseMs: MINUTE });
    expect(claimed.fetching).toBe(true);
    const due = await claimDueFeeds(t.database, { owner: "watcher", limit: 100, leaseMs: MINUTE });
    expect(due.map((f) => f.id)).not.toContain(claimed.id);
    const { feed, poll } = await addAndFetchFeed(t.database, { url: at("/feeds/atom.xml?now"), intervalMinutes: 30 }, { policy, trigger: "api" });
    expect(poll.status).toBe("ok");
    expect(feed).toMatchObject({ status: "ok", fetching: false, title: "Levant Wire" });
  });

  test("stopping the watcher mid-fetch releases the lease without counting a failure", async () => {
    const feed = await addFeed(t.database, { url: at("/slow.xml"), intervalMinutes: 30 });
    await t.database.db.feed.updateMany({ where: { id: { not: feed.id } }, data: { enabled: false } });
    const watcher = new FeedWatcher({ database: t.database, policy: { ...policy, timeoutMs: 60_000 }, concurrency: 1, idleMs: 60_000 });
    const hits = server.hits("/slow.xml").length;
    const running = watcher.start();
    while (server.hits("/slow.xml").length === hits) await new Promise((r) => setTimeout(r, 20));
    expect(await getFeed(feed.id, t.database)).toMatchObject({ fetching: true });
    await watcher.stop();
    await running;
    expect(await getFeed(feed.id, t.database)).toMatchObject({ fetching: false, status: "pending", consecutiveFailures: 0, lastFetchedAt: null });
    const row = await t.database.db.feed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(row.leaseOwner).toBeNull();
  });

  test("feeds are listed and removed; their articles stay", async () => {
    const feeds = await listFeeds(t.database);
    expect(feeds.length).toBeGreaterThan(3);
    const rss = feeds.find((f) => f.url === at("/feeds/rss.xml"))!;
    const articles = await t.database.db.article.count();
    expect(await removeFeed(t.database, rss.id)).toMatchObject({ id: rss.id });
    expect(await getFeed(rss.id, t.database)).toBeNull();
    expect(await t.database.db.feedItem.count({ where: { feedId: rss.id } })).toBe(0);
    expect(await t.database.db.article.count()).toBe(articles);
    await expect(removeFeed(t.database, rss.id)).rejects.toMatchObject({ code: "not_found" });
  });

  test("URLs: a page, a feed and a sitemap in one run; a refused URL is reported", async () => {
    const report = await ingestUrls(
      t.database,
      [at("/articles/qaraqosh-toll-rises"), at("/feeds/atom.xml"), at("/sitemap.xml"), "http://10.0.0.5/admin", at("/articles/qaraqosh-toll-rises")],
      { policy, trigger: "api" },
    );
    expect(report.sources).toEqual([
      { url: at("/articles/qaraqosh-toll-rises"), kind: "page", articles: 1 },
      { url: at("/feeds/atom.xml"), kind: "feed", articles: 1 },
      { url: at("/sitemap.xml"), kind: "sitemap", articles: 2 },
      { url: "http://10.0.0.5/admin", kind: "failed", articles: 0 },
    ]);
    expect(report.errors).toEqual([{ item: "http://10.0.0.5/admin", reason: "refused: 10.0.0.5 is a private address" }]);
    // Everything read was already stored by the feed tests (the blast page is at version 2 now).
    expect(report).toMatchObject({ added: 0, revised: 0, failed: 1 });
    const run = await t.database.db.ingestRun.findUniqueOrThrow({ where: { id: report.runId! } });
    expect(run).toMatchObject({ trigger: "api", failed: 1, status: "partial" });
  });
});
