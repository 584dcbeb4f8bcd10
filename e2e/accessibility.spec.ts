import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { open, strikeArticle } from "./helpers";

/**
 * Every page, audited with axe-core against WCAG 2.2 A and AA (what axe can check automatically:
 * contrast, names and roles, labels, landmarks, ARIA use), in the states an analyst sees: lists
 * with rows and empty, the event page with its lazy sections loaded and a figure's evidence open,
 * the pivot by authority, a 404, the upload page. A violation fails the test with its rule, its
 * elements and how to fix it.
 */

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

// axe takes seconds on a large page, and each test audits several.
test.describe.configure({ timeout: 180_000 });

/** Scroll to the end and back so that the sections and charts drawn when scrolled near are drawn. */
async function scrollThrough(page: Page) {
  // The page grows as sections load: measured again at every step.
  for (let step = 0; step < 200; step++) {
    const atEnd = await page.evaluate(() => window.scrollY + window.innerHeight >= document.body.scrollHeight - 2);
    if (atEnd) break;
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(50);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function audit(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.html.slice(0, 200)}\n    ${n.failureSummary?.split("\n").join(" ")}`).join("\n")}`);
  expect(report, `${what}: axe found WCAG violations`).toEqual([]);
}

test("the lists, the article page and the other pages pass axe's WCAG 2.2 AA checks", async ({ page, request }) => {
  const { articleId } = await strikeArticle(request);
  for (const url of [
    "/",
    "/events",
    "/events?q=nothing-matches-this",
    "/articles",
    "/articles?language=fr",
    `/articles/${articleId}`,
    "/outlets",
    "/ingest",
    "/feeds",
    "/notifications",
    "/signin",
  ]) {
    await open(page, url);
    await scrollThrough(page);
    await audit(page, url);
  }
  // A facet's panel, open.
  await open(page, "/events");
  await page.getByRole("button", { name: /^Outlet\b.*, filter/ }).click();
  await expect(page.getByRole("group", { name: "Outlet options" })).toBeVisible();
  await audit(page, "/events, the outlet filter open");
  // A 404 (no hydration marker to wait for on an error page: its heading is enough).
  await page.goto("/events/ev_missing");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await audit(page, "/events/ev_missing");
});

test("the event page passes axe's WCAG 2.2 AA checks with its sections loaded and a figure's evidence open", async ({ page, request }) => {
  const { eventId } = await strikeArticle(request);
  await open(page, `/events/${eventId}`);
  await scrollThrough(page);
  // The charts are drawn.
  await expect(page.getByRole("img", { name: /^How the count evolved\./ })).toHaveAttribute("aria-busy", "false");
  await expect(page.getByRole("img", { name: /^Coverage of this event\./ })).toHaveAttribute("aria-busy", "false");
  // The sections that load when scrolled near have loaded (their buttons are gone).
  for (const name of ["Show the blindspots", "Show the statements by speaker", "Compare the wordings"]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }
  await audit(page, "event page");

  // A figure's evidence, shown on focus.
  const matrix = page.getByRole("table", { name: "Comparison by outlet" });
  await matrix.getByRole("row").filter({ hasText: "Mondialisation.ca" }).getByRole("button", { name: /≥ 62/ }).first().focus();
  await expect(page.getByRole("region", { name: /Evidence for killed/ }).first()).toBeVisible();
  await audit(page, "event page, evidence open");

  // Articles selected in the event's table, and the picker of the event to move them to.
  await page.getByRole("table", { name: "Articles about this event" }).getByRole("checkbox").nth(1).check();
  await page.getByRole("button", { name: /Move to event/ }).click();
  await audit(page, "event page, an article selected and the move picker open");

  await open(page, `/events/${eventId}?by=authority`);
  await scrollThrough(page);
  await audit(page, "event page by authority");
});
