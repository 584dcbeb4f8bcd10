import { expect, test, type Locator } from "@playwright/test";
import { open } from "./helpers";

/**
 * A page of 150 rows (the API allows 200): the table renders only the rows in view under a sticky
 * header, states the whole page's size in aria-rowcount, and an analyst reaches the last row by
 * scrolling with the keyboard. On the event page, a checked row keeps focus and selection while it
 * scrolls out of view, and the articles table is paged on the server with a selection that spans
 * pages. The spec ingests its own articles and merges them into one event.
 */

const MARK = `Quillmarsh${Date.now().toString(36)}`;
const N = 150;
const label = (i: number) => `report ${String(i).padStart(3, "0")}`;

function records() {
  return Array.from({ length: N }, (_, i) => ({
    url: `https://bulk${i % 7}.example/${MARK}/${i}`,
    title: `${MARK} ${label(i)}: market blast kills 12`,
    text: `At least 12 people were killed in a blast at the ${MARK} market on Monday, the civil defence said (${label(i)}). Rescuers searched the rubble.`,
    outlet: `Bulk Outlet ${i % 7}`,
    publishedAt: new Date(Date.UTC(2026, 10, 16, 8, i)).toISOString(),
  }));
}

let eventId = "";

test.beforeAll(async ({ request }) => {
  const res = await request.post("/api/ingest", { headers: { "content-type": "application/json" }, data: JSON.stringify(records()) });
  expect(res.status(), await res.text()).toBe(200);
  expect(await res.json()).toMatchObject({ added: N, failed: 0 });
  const list = await request.get(`/api/articles?q=${MARK}&pageSize=200`);
  const { rows } = (await list.json()) as { rows: { id: string; eventId: string | null }[] };
  expect(rows).toHaveLength(N);
  // However the clustering grouped them, make one event of all of them.
  const [target, ...sources] = [...new Set(rows.map((r) => r.eventId).filter((e): e is string => !!e))];
  expect(target).toBeTruthy();
  for (let i = 0; i < sources.length; i += 100) {
    const merged = await request.post("/api/events/merge", { data: { target, sources: sources.slice(i, i + 100) } });
    expect(merged.status(), await merged.text()).toBe(200);
  }
  // A worker restarted after a failure ingests a new batch that may join an earlier batch's
  // event: split this batch out, so the event holds exactly these N articles.
  const members = await request.get(`/api/articles?event=${encodeURIComponent(target!)}&pageSize=1`);
  const { total } = (await members.json()) as { total: number };
  if (total > N) {
    const ids = rows.map((r) => r.id);
    const split = await request.post(`/api/events/${encodeURIComponent(target!)}/split`, { data: { articleIds: ids } });
    expect(split.status(), await split.text()).toBe(201);
    eventId = ((await split.json()) as { event: { id: string } }).event.id;
    return;
  }
  eventId = target!;
});

/** Rows of the table body that are rendered (spacer rows stand for the others). */
const renderedRows = (table: Locator) => table.locator("tbody tr[aria-rowindex]");

/** Presses End in the scroll region until the last row is rendered and in view (row heights settle as they are measured). */
async function scrollToEnd(region: Locator, lastRow: Locator) {
  await region.focus();
  await expect(async () => {
    await region.press("End");
    await expect(lastRow).toBeInViewport({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

test("a 150-row page of articles renders a window of rows, and the keyboard reaches the last one under a sticky header", async ({ page }) => {
  // The server renders the first window with the viewport guessed; the browser must agree with it.
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await open(page, `/articles?q=${MARK}&pageSize=200&sort=title&dir=asc`);
  const table = page.getByRole("table", { name: "Articles" });
  const region = page.getByRole("region", { name: "Articles, scrollable" });
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(`Showing 1–${N} of ${N} articles`);
  await expect(page.getByRole("combobox", { name: "Rows per page" })).toHaveValue("200");

  await expect(table).toHaveAttribute("aria-rowcount", String(N + 1));
  await expect(renderedRows(table).first()).toContainText(label(0));
  const before = await renderedRows(table).count();
  expect(before).toBeGreaterThan(5);
  expect(before).toBeLessThan(N / 2);

  const lastRow = table.locator(`tbody tr[aria-rowindex="${N + 1}"]`);
  await expect(lastRow).toHaveCount(0);
  await scrollToEnd(region, lastRow);
  await expect(lastRow).toContainText(label(N - 1));
  // The first rows left the DOM; the header stayed in view at the top of the box.
  await expect(table.locator('tbody tr[aria-rowindex="2"]')).toHaveCount(0);
  expect(await renderedRows(table).count()).toBeLessThan(N / 2);
  const header = table.getByRole("columnheader", { name: /Article/ });
  await expect(header).toBeInViewport();
  const [headerBox, regionBox] = await Promise.all([header.boundingBox(), region.boundingBox()]);
  expect(Math.abs(headerBox!.y - regionBox!.y)).toBeLessThan(4);

  // Sorting the other way starts the new page at its first row.
  await header.getByRole("button").click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(renderedRows(table).first()).toContainText(label(N - 1));
  await expect(renderedRows(table).first()).toBeInViewport();
  expect(consoleErrors.filter((e) => /hydrat|did not match|flushSync/i.test(e))).toEqual([]);
});

test("on the event page, a checked row keeps focus and selection while the table scrolls to its last row", async ({ page }) => {
  await open(page, `/events/${encodeURIComponent(eventId)}?pageSize=200`);
  const table = page.getByRole("table", { name: "Articles about this event" });
  const region = page.getByRole("region", { name: "Articles about this event, scrollable" });
  await expect(table).toHaveAttribute("aria-rowcount", String(N + 1));

  const first = table.getByRole("checkbox", { name: new RegExp(label(0)) });
  // Right after hydration the virtualiser measures the first rows and renders them again; a
  // click landing in that re-render can be lost, so the check is retried until it holds.
  await expect(async () => {
    await first.check({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(first).toBeFocused();
  await expect(page.getByRole("group", { name: "Selected articles" })).toContainText("1 article selected");

  // Scroll the box with the wheel, as a mouse user would: the focused row stays rendered, out of view.
  await region.hover();
  const lastRow = table.locator(`tbody tr[aria-rowindex="${N + 1}"]`);
  await expect(async () => {
    await page.mouse.wheel(0, 4000);
    await expect(lastRow).toBeInViewport({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(first).toBeFocused();
  await expect(first).not.toBeInViewport();
  await expect(table.locator('tbody tr[aria-rowindex="20"]')).toHaveCount(0);

  const last = lastRow.getByRole("checkbox", { name: new RegExp(label(N - 1)) });
  await last.check();
  await expect(page.getByRole("group", { name: "Selected articles" })).toContainText("2 articles selected");
  // "Select all" counts every row of the page, rendered or not.
  await table.getByRole("checkbox", { name: "Select all articles shown" }).check();
  await expect(page.getByRole("group", { name: "Selected articles" })).toContainText(`${N} articles selected`);
});

test("the event's articles table is paged on the server; its selection spans pages and can take every matching article", async ({ page }) => {
  await open(page, `/events/${encodeURIComponent(eventId)}`);
  const table = page.getByRole("table", { name: "Articles about this event" });
  const selectedGroup = page.getByRole("group", { name: "Selected articles" });
  // The articles table is the event page's only paged table.
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  // The page carries one page of rows (oldest first), not the event's 150.
  await expect(pagination).toContainText(`Showing 1–25 of ${N} articles`);
  await expect(table.locator("tbody tr")).toHaveCount(25);
  await expect(table.locator("tbody tr").first()).toContainText(label(0));

  // "Select all articles shown" takes the page's rows.
  await table.getByRole("checkbox", { name: "Select all articles shown" }).check();
  await expect(selectedGroup).toContainText("25 articles selected");

  // The next page (in the URL) keeps the selection and adds to it.
  await pagination.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(table.locator("tbody tr").first()).toContainText(label(25));
  await table.getByRole("checkbox", { name: new RegExp(label(25)) }).check();
  await expect(selectedGroup).toContainText("26 articles selected");
  await expect(page.getByText("25 of the selected articles are on other pages.")).toBeVisible();

  // Every matching article, from the server.
  await table.getByRole("checkbox", { name: "Select all articles shown" }).check();
  await page.getByRole("button", { name: `Select all ${N} matching articles` }).click();
  await expect(selectedGroup).toContainText(`${N} articles selected`);
  await page.getByRole("button", { name: "Clear selection" }).click();
  await expect(selectedGroup).toContainText("Select articles to split them out or move them.");

  // Sorting goes through the URL too, from the first page.
  await table.getByRole("columnheader", { name: /Published/ }).getByRole("button").click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(page).not.toHaveURL(/[?&]page=2/);
  await expect(table.locator("tbody tr").first()).toContainText(label(N - 1));
});

test("a page number past the last (an old link) says so, and one click goes to the last page", async ({ page }) => {
  const total = ((await (await page.request.get("/api/articles?pageSize=10")).json()) as { total: number }).total;
  const last = Math.ceil(total / 10);
  await open(page, `/articles?pageSize=10&page=${last + 40}`);
  const table = page.getByRole("table", { name: "Articles" });
  await expect(table).toContainText(`Page ${last + 40} is past the last page`);
  await expect(table).toContainText(`These filters match ${total} articles, on ${last} pages.`);
  await table.getByRole("button", { name: "Go to the last page" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]page=${last}(?:&|$)`));
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(`Page ${last} of ${last}`);
  await expect(table.getByRole("row")).not.toHaveCount(1);
});
