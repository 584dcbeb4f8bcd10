import { expect, test } from "@playwright/test";
import { open } from "./helpers";
import { fixtureFile, startFixtureServer, type FixtureServer } from "../lib/testing/fixture-server";

/**
 * Live sources in the browser: add a feed served by this spec's own fixture server (127.0.0.1 is
 * allowlisted for the test server through PARALLAX_FETCH_ALLOW_HOSTS in playwright.config.ts),
 * see its articles appear, then correct an article at the source, refresh the feed and see the
 * article marked revised with what changed. The spec creates its own rows (a feed and its
 * Qaraqosh articles, which no other spec reads).
 */

let server: FixtureServer;
/** Version 2 is the corrected article (15 killed, 41 wounded) and a feed entry with the new title. */
let version = 1;

test.beforeAll(async () => {
  server = await startFixtureServer();
  const origin = server.origin;
  server.route("/feeds/rss.xml", (req, res) => {
    const etag = `"v${version}"`;
    if (req.headers["if-none-match"] === etag) return void res.writeHead(304, { etag }).end();
    let body = fixtureFile("rss.xml", origin);
    if (version > 1) body = body.replace("Car bomb kills at least 12 at Qaraqosh market", "Car bomb kills at least 15 at Qaraqosh market");
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag }).end(body);
  });
  server.route("/articles/qaraqosh-market-blast", (_req, res) =>
    void res
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(fixtureFile(version === 1 ? "qaraqosh-market-blast.html" : "qaraqosh-market-blast-v2.html", origin)),
  );
});

test.afterAll(async () => {
  await server?.close();
});

test("an analyst adds a feed, sees its articles appear, and sees a corrected article marked revised", async ({ page }) => {
  const feedUrl = `${server.origin}/feeds/rss.xml`;
  await open(page, "/feeds");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Feeds" })).toHaveAttribute("aria-current", "page");

  const form = page.getByRole("form", { name: "Add a feed" });
  await form.getByLabel("Feed URL (RSS or Atom)").fill(feedUrl);
  await form.getByLabel("Every (minutes)").fill("15");
  await form.getByRole("button", { name: "Add feed" }).click();
  await expect(form.getByRole("status")).toHaveText(/^Added feed #\d+: 2 new articles, 1 failed \(2 items in the feed\)\.$/);

  const row = page.getByRole("table", { name: "Feeds" }).getByRole("row").filter({ hasText: feedUrl });
  await expect(row).toContainText("Northern Herald – World");
  await expect(row).toContainText("every 15 min");
  await expect(row).toContainText("+2 new");
  await expect(row).toContainText("1 item failed (see ingest run #");
  expect(server.hits("/articles/qaraqosh-market-blast")).toHaveLength(1);

  // The articles are in the corpus like any other.
  await open(page, "/articles?q=Qaraqosh");
  // The title links to the article (and the event column to its event).
  await page.getByRole("link", { name: "Car bomb kills at least 12 at Qaraqosh market" }).and(page.locator('[href^="/articles/"]')).click();
  await expect(page.getByRole("heading", { level: 1, name: "Car bomb kills at least 12 at Qaraqosh market" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /What changed/ })).toHaveCount(0);
  const articleUrl = page.url();

  // The outlet corrects the article; a refresh reads only the changed entry and keeps the old version.
  version = 2;
  await open(page, "/feeds");
  await row.getByRole("button", { name: /^Refresh / }).click();
  await expect(row.getByRole("status")).toHaveText("Fetched: 0 new articles, 1 revised (2 items in the feed).");
  await expect(row).toContainText("1 revised");

  await open(page, articleUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Car bomb kills at least 15 at Qaraqosh market" })).toBeVisible();
  await expect(page.getByRole("link", { name: "revised" })).toBeVisible();
  const changes = page.getByRole("list", { name: "Revisions of this article, newest first" });
  await expect(changes.getByRole("listitem").first()).toContainText("Version 1");
  await expect(changes).toContainText("killed: at least 12 → at least 15");
  await expect(changes).toContainText("Car bomb kills at least 12 at Qaraqosh market");
  await changes.getByText(/^Paragraphs: 2 added, 1 removed/).click();
  await expect(changes).toContainText("Three of the wounded died in hospital overnight");

  // The event page marks the article revised, says what changed, and shows the figure's old value.
  const eventHref = await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").nth(1).getAttribute("href");
  await open(page, eventHref!);
  const articles = page.getByRole("table", { name: "Articles about this event" });
  const revisedRow = articles.getByRole("row").filter({ hasText: "Car bomb kills at least 15 at Qaraqosh market" });
  await revisedRow.getByRole("button", { name: "revised: what changed in “Car bomb kills at least 15 at Qaraqosh market”" }).focus();
  const what = page.getByRole("region", { name: "What changed in “Car bomb kills at least 15 at Qaraqosh market”" });
  await expect(what).toBeVisible();
  await expect(what).toContainText("killed: at least 12 → at least 15");
  await expect(what).toContainText("Car bomb kills at least 12 at Qaraqosh market");
  await page.keyboard.press("Escape");
  const matrix = page.getByRole("table", { name: "Comparison by outlet" });
  await expect(matrix.getByText("1 revised")).toBeVisible();
  await matrix.getByRole("button", { name: /≥ 15.*revised/ }).first().focus();
  const evidence = page.getByRole("region", { name: "Evidence for killed ≥ 15" }).filter({ hasText: "Revised" });
  await expect(evidence).toContainText("was ≥ 12 → now ≥ 15");
});

test("a feed on a private address is refused with the reason", async ({ page, request }) => {
  const res = await request.post("/api/feeds", { data: { url: "http://10.0.0.5/rss.xml" } });
  expect(res.status()).toBe(400);
  expect(await res.json()).toEqual({ error: "bad_request", field: "url", message: "url: refused: 10.0.0.5 is a private address" });

  await open(page, "/feeds");
  const form = page.getByRole("form", { name: "Add a feed" });
  await form.getByLabel("Feed URL (RSS or Atom)").fill("http://169.254.169.254/latest/meta-data");
  await form.getByRole("button", { name: "Add feed" }).click();
  await expect(form.getByRole("alert")).toHaveText("url: refused: 169.254.169.254 is a link-local address: the cloud metadata service");
});

test("an analyst pauses a feed, resumes it and changes its interval", async ({ page, request }) => {
  const feedUrl = `${server.origin}/feeds/paused.xml`;
  const created = await request.post("/api/feeds", { data: { url: feedUrl, title: "Feed to pause", intervalMinutes: 30, fetch: false } });
  expect(created.status()).toBe(201);
  const { feed } = (await created.json()) as { feed: { id: number } };

  await open(page, "/feeds");
  const row = page.getByRole("table", { name: "Feeds" }).getByRole("row").filter({ hasText: feedUrl });
  // A new feed is due at once, so the e2e server's scheduler may claim it any moment: its status
  // reads "waiting", "fetching" or, fetched already, "failed" (this fixture server does not serve it).
  await expect(row.getByRole("cell").filter({ hasText: /^(waiting|fetching|failed)/ })).toHaveCount(1);
  await row.getByRole("button", { name: "Pause Feed to pause" }).click();
  await expect(row.getByRole("status")).toHaveText("Paused: not fetched on its schedule until resumed.");
  await expect(row.getByRole("button", { name: "Resume Feed to pause" })).toBeVisible();
  // A fetch claimed before the pause finishes (status "fetching" until then); paused, it is not claimed again.
  await expect
    .poll(async () => ((await (await request.get(`/api/feeds/${feed.id}`)).json()) as { feed: { enabled: boolean; fetching: boolean } }).feed, { timeout: 20_000 })
    .toMatchObject({ enabled: false, fetching: false });
  await page.reload();
  await expect(row.getByRole("cell").filter({ hasText: /^paused/ })).toHaveCount(2);

  await row.getByRole("button", { name: "Change the interval of Feed to pause" }).click();
  const form = row.getByRole("form", { name: "Interval of Feed to pause" });
  // Below the API's minimum: the browser refuses it before sending (the API would answer 400 naming intervalMinutes).
  const interval = form.getByLabel("Every (minutes)");
  await interval.fill("2");
  await form.getByRole("button", { name: "Save" }).click();
  expect(await interval.evaluate((el: HTMLInputElement) => el.validity.rangeUnderflow)).toBe(true);
  await interval.fill("90");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("status")).toHaveText("Every 90 min once resumed.");
  await expect(row).toContainText("every 90 min");

  await row.getByRole("button", { name: "Resume Feed to pause" }).click();
  await expect(row.getByRole("status")).toHaveText("Resumed: fetched on its schedule again.");
  // No longer paused. (Not "waiting": a resumed feed is due at once, and the e2e server's
  // scheduler may already have fetched it, which a clean-clone run caught.)
  await expect(row.getByRole("cell").filter({ hasText: /^paused/ })).toHaveCount(0);
  expect(await (await request.get(`/api/feeds/${feed.id}`)).json()).toMatchObject({ feed: { enabled: true, intervalMinutes: 90 } });
  await request.delete(`/api/feeds/${feed.id}`);
});
