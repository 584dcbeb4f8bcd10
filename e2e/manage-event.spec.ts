import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { open } from "./helpers";

/**
 * Analysts in control: merge, split, lock, rename, and the history, in the browser and through
 * the API. These tests change data, so they act only on the Kellan Valley floods and the Port
 * Casmir fire (seed-event.spec.ts reads the Deir ez-Zor strike), find their events by search
 * instead of assuming ids, and leave the same grouping of articles behind.
 */

interface EventRow {
  id: string;
  title: string;
  articleCount: number;
}

async function findEvent(request: APIRequestContext, q: string, pick: (e: EventRow) => boolean): Promise<EventRow> {
  const res = await request.get(`/api/events?q=${encodeURIComponent(q)}&pageSize=50`);
  expect(res.ok()).toBe(true);
  const { rows } = (await res.json()) as { rows: EventRow[] };
  const found = rows.find(pick);
  if (!found) throw new Error(`no event for "${q}" among ${JSON.stringify(rows.map((r) => r.title))}`);
  return found;
}

/** The flood event: the one holding the Northern Ledger's first flood report. */
const floodEvent = (request: APIRequestContext) => findEvent(request, "Kellan Valley", (e) => /Kellan Valley/.test(e.title) && e.articleCount >= 3);
/** The fire event: one article, the Gulf Observer's fire report. */
const fireEvent = (request: APIRequestContext) => findEvent(request, "Port Casmir", (e) => e.articleCount === 1);

/** A number in the header's totals ("Articles", "Outlets"...). */
function total(page: Page, label: string) {
  return page.locator(`dl[aria-label="Event totals"] dt:text-is("${label}") + dd`);
}

test("an analyst merges the Port Casmir fire into the Kellan Valley floods, sees the counts and history, splits it back out and moves it by hand", async ({ page, request }) => {
  const flood = await floodEvent(request);
  const fire = await fireEvent(request);
  await open(page, `/events/${flood.id}`);
  await expect(total(page, "Articles")).toHaveText(String(flood.articleCount));
  await expect(total(page, "Outlets")).toHaveText("3");

  // Merge: search the other event, pick it, confirm.
  const manage = page.getByRole("region", { name: "Manage" });
  await manage.getByRole("searchbox", { name: "Merge another event into this one" }).fill("Port Casmir");
  await manage.getByRole("button", { name: new RegExp(fire.title.slice(0, 30)) }).click();
  await manage.getByRole("button", { name: "Merge into this event" }).click();

  await expect(total(page, "Articles")).toHaveText(String(flood.articleCount + 1));
  await expect(total(page, "Outlets")).toHaveText("4");
  await expect(manage.getByRole("status").filter({ hasText: "Merged" })).toBeVisible();
  const history = manage.getByRole("list", { name: "History of this event" });
  await expect(history.getByRole("listitem").first()).toContainText("Merged into this one");
  await expect(history.getByRole("listitem").first()).toContainText("anonymous");
  // The fire article is now listed with the floods' articles; the fire event is gone.
  const articles = page.getByRole("table", { name: "Articles about this event" });
  await expect(articles.getByRole("link", { name: /Port Casmir/ })).toBeVisible();
  expect((await request.get(`/api/events/${fire.id}`)).status()).toBe(404);
  const mergedAway = (await (await request.get(`/api/events/${fire.id}/history`)).json()) as { rows: { action: string; role: string }[] };
  expect(mergedAway.rows[0]).toMatchObject({ action: "merge", role: "source" });

  // Split it back out: select the fire report in the articles table, name the new event.
  await articles.getByRole("checkbox", { name: /Select “.*Port Casmir/ }).check();
  await expect(page.getByRole("group", { name: "Selected articles" })).toContainText("1 article selected");
  await page.getByRole("button", { name: "Split into new event" }).click();
  await page.getByRole("textbox", { name: /Title of the new event/ }).fill("Port Casmir warehouse fire");
  await page.getByRole("button", { name: "Split 1 article out" }).click();

  await expect(total(page, "Articles")).toHaveText(String(flood.articleCount));
  await expect(articles.getByRole("link", { name: /Port Casmir/ })).toHaveCount(0);
  await expect(history.getByRole("listitem").first()).toContainText("Split 1 article out into a new event");

  await page.getByRole("link", { name: "Open the new event: Port Casmir warehouse fire" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Port Casmir warehouse fire");
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  await expect(total(page, "Articles")).toHaveText("1");
  await expect(page.getByText("title set by analyst")).toBeVisible();
  await expect(page.getByRole("list", { name: "History of this event" }).getByRole("listitem").first()).toContainText(
    "Created by splitting 1 article out of",
  );

  // Move it back by hand: the emptied event is deleted and the page follows the article.
  const fireArticles = page.getByRole("table", { name: "Articles about this event" });
  await fireArticles.getByRole("checkbox", { name: /Select “.*Port Casmir/ }).check();
  await page.getByRole("button", { name: "Move to event…" }).click();
  await page.getByRole("searchbox", { name: "Move 1 article to" }).fill("Kellan Valley");
  await page.getByRole("button", { name: new RegExp(flood.title.slice(0, 30)) }).click();
  await page.getByRole("button", { name: /^Move 1 article to “/ }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${flood.id}$`));
  await expect(total(page, "Articles")).toHaveText(String(flood.articleCount + 1));
  await expect(page.getByRole("list", { name: "History of this event" }).getByRole("listitem").first()).toContainText("1 article moved here");

  // Leave the corpus grouped as it was: the fire report in an event of its own.
  const fireArticle = (await (await request.get(`/api/articles?event=${flood.id}&q=Port%20Casmir`)).json()) as { rows: { id: string }[] };
  const restore = await request.post(`/api/events/${flood.id}/split`, { data: { articleIds: [fireArticle.rows[0]!.id], title: "Port Casmir warehouse fire" } });
  expect(restore.status()).toBe(201);
});

test("an analyst locks and renames an event; the API answers bad requests with the field at fault", async ({ page, request }) => {
  const flood = await floodEvent(request);
  await open(page, `/events/${flood.id}`);
  const manage = page.getByRole("region", { name: "Manage" });
  const history = manage.getByRole("list", { name: "History of this event" });

  // Lock.
  const lock = manage.getByRole("switch", { name: "Lock this event" });
  await expect(lock).toHaveAttribute("aria-checked", "false");
  await lock.click();
  await expect(lock).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("main").getByText("locked", { exact: true })).toBeVisible();
  await expect(history.getByRole("listitem").first()).toContainText("Locked");

  // Rename: the heading follows; the automatic title can be restored.
  const title = manage.getByRole("textbox", { name: /^Title/ });
  await title.fill("Kellan Valley floods, September 2016");
  await manage.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kellan Valley floods, September 2016");
  await expect(history.getByRole("listitem").first()).toContainText("Renamed from");
  await manage.getByRole("button", { name: "Use automatic title" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(flood.title);
  await expect(history.getByRole("listitem").first()).toContainText("Automatic title restored");

  // A conflicting action shows the server's reason in the panel.
  const res = await request.post(`/api/events/${flood.id}/lock`, { data: { locked: true } });
  expect(res.status()).toBe(409);
  expect(await res.json()).toMatchObject({ error: "conflict", field: "locked" });

  // Unlock, as an identified actor through the API; the page shows it after a reload.
  const unlock = await request.post(`/api/events/${flood.id}/lock`, { data: { locked: false }, headers: { "X-Parallax-Actor": "e2e-bot" } });
  expect(unlock.status()).toBe(200);
  await page.reload();
  await expect(history.getByRole("listitem").first()).toContainText("Unlocked");
  await expect(history.getByRole("listitem").first()).toContainText("e2e-bot");
  await expect(lock).toHaveAttribute("aria-checked", "false");

  // Bad requests: 400 naming the field, 404 for unknown ids, 409 for conflicts.
  const bad = await request.post("/api/events/merge", { data: { target: flood.id } });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: "bad_request", field: "sources" });
  const self = await request.post("/api/events/merge", { data: { target: flood.id, sources: [flood.id] } });
  expect(self.status()).toBe(409);
  const unknown = await request.post("/api/events/ev_does_not_exist/split", { data: { articleIds: ["a_x"] } });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: "not_found", field: "eventId" });
  const detail = (await (await request.get(`/api/events/${flood.id}`)).json()) as { comparison: { articles: { id: string }[] }[] };
  const someArticle = detail.comparison[0]!.articles[0]!.id;
  const same = await request.post(`/api/articles/${someArticle}/move`, { data: { eventId: flood.id } });
  expect(same.status()).toBe(409);
  expect(await same.json()).toMatchObject({ error: "conflict", field: "eventId" });
  expect((await request.get("/api/events/ev_does_not_exist/history")).status()).toBe(404);
});
