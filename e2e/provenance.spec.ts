import { expect, test, type Page } from "@playwright/test";
import { open } from "./helpers";

/** The Deir ez-Zor strike: the event of the seed article (Mondialisation.ca's only article). */
async function strikeEventId(page: Page): Promise<string> {
  const res = await page.request.get("/api/articles?outlet=mondialisation.ca&pageSize=5");
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { rows: { eventId: string | null }[] };
  const id = body.rows[0]?.eventId;
  expect(id).toBeTruthy();
  return id!;
}

test("the strike's comparison nests copies under their originals and loads evidence with its attribution chain", async ({ page }) => {
  const id = await strikeEventId(page);
  await open(page, `/events/${encodeURIComponent(id)}`);

  await expect(page.getByText(/\d+ articles · \d+ independent sources/)).toBeVisible();
  const matrix = page.getByRole("table", { name: "Comparison by outlet" });
  const row = (outlet: string) => matrix.getByRole("row").filter({ has: page.getByRole("rowheader").filter({ hasText: new RegExp(`^\\W*${outlet}`) }) });

  // Levant Wire's row says who republished it; the copies are right under it and say so.
  await expect(row("Levant Wire").first()).toContainText("Republished by Orient Daily and Gulf Observer: those copies are not independent confirmation of this report.");
  await expect(row("Gulf Observer")).toContainText("Republishes Levant Wire");
  await expect(row("Crossroads Review")).toContainText("Republishes Northern Ledger");
  // The seed declares an original outside the corpus and is counted as it.
  await expect(row("Mondialisation\\.ca")).toContainText("Declares original source: World Socialist Web Site");

  // The evidence sentence is loaded when the figure opens, with the attribution chain.
  await row("Mondialisation\\.ca").getByRole("button", { name: /≥ 62/ }).first().focus();
  const evidence = page.getByRole("region", { name: /Evidence for killed ≥ 62/ }).filter({ hasText: "At least sixty-two Syrian troops died" });
  await expect(evidence).toBeVisible();
  await expect(evidence.locator("mark")).toHaveText(/At least sixty-two/);
  await expect(evidence).toContainText("Mondialisation.ca → World Socialist Web Site → no authority named");
  await page.keyboard.press("Escape");

  // The spread over independent sources.
  await expect(page.getByRole("definition").filter({ hasText: /min\s*24/ }).first()).toContainText(/min\s*24.*median\s*62.*max\s*91/);
});

test("an analyst pivots the comparison by authority and reads the blindspots", async ({ page }) => {
  const id = await strikeEventId(page);
  await open(page, `/events/${encodeURIComponent(id)}`);

  await page.getByRole("tab", { name: "By authority" }).click();
  await expect(page).toHaveURL(/[?&]by=authority/);
  const byAuthority = page.getByRole("table", { name: "Figures by authority" });
  await expect(byAuthority).toBeVisible();
  await expect(page.getByRole("tab", { name: "By authority" })).toHaveAttribute("aria-selected", "true");

  // The Russian Defence Ministry's figure, relayed by the wire and its copies.
  const ministry = byAuthority.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Russian Defence Ministry/ }) });
  await expect(ministry).toContainText("Levant Wire");
  await expect(ministry).toContainText("Orient Daily (copy)");

  // The seed names no authority for its "at least 62 Syrian troops": it sits in the Unattributed row.
  const unattributed = byAuthority.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Unattributed/ }) });
  const seedFigure = unattributed.getByRole("button", { name: /≥ 62 Syrian troops/ });
  await expect(seedFigure).toBeVisible();
  await expect(unattributed).toContainText("Mondialisation.ca");
  await seedFigure.focus();
  await expect(page.getByRole("region", { name: /Evidence for killed ≥ 62/ }).filter({ hasText: "At least sixty-two Syrian troops died" })).toBeVisible();
  await page.keyboard.press("Escape");

  // Back to the outlets: the URL forgets the pivot.
  await page.getByRole("tab", { name: "By outlet" }).click();
  await expect(page).not.toHaveURL(/by=authority/);
  await expect(page.getByRole("table", { name: "Comparison by outlet" })).toBeVisible();

  // Blindspots: the Observatory's 83 killed, and the outlets that left it out. The section loads
  // from the browser when it nears the viewport.
  const blindspots = page.getByRole("region", { name: "Blindspots" });
  await blindspots.scrollIntoViewIfNeeded();
  const figures = page.getByRole("table", { name: "Figures and the outlets that omit them" });
  // "Killed 83 Syrian soldiers", not the "83–90" of another row.
  const row83 = figures.getByRole("row").filter({ has: page.getByRole("button", { name: /^Killed 83(?![–\d])/ }) });
  await expect(row83).toHaveCount(1);
  await expect(row83.getByRole("cell").nth(1)).toContainText("Mondialisation.ca");
  await expect(row83.getByRole("cell").nth(0)).toContainText("Northern Ledger");
  await expect(page.getByRole("table", { name: "Statements and the outlets that omit them" })).toBeVisible();
  // Its figures open their evidence sentence like the comparison's.
  await row83.getByRole("button", { name: /^Killed 83/ }).focus();
  await expect(page.getByRole("region", { name: /Evidence for killed 83/ })).toBeVisible();
  await page.keyboard.press("Escape");
});

test("the event's sections answer as JSON, and say what is wrong with a bad request", async ({ page, request }) => {
  const id = await strikeEventId(page);
  const res = await request.get(`/api/events/${encodeURIComponent(id)}/sections`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { blindspots: { figures: { key: string }[] }; speakers: { total: number; groups: unknown[] } };
  expect(body.blindspots.figures.map((f) => f.key)).toContain("killed:83");
  expect(body.speakers.groups.length).toBeLessThanOrEqual(body.speakers.total);
  const bad = await request.get(`/api/events/${encodeURIComponent(id)}/sections?speakers=some`);
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ field: "speakers" });
  const badFilter = await request.get(`/api/events/${encodeURIComponent(id)}/sections?from=2016-13-01`);
  expect(badFilter.status()).toBe(400);
  expect((await request.get(`/api/events/ev_does_not_exist/sections`)).status()).toBe(404);
});

test("bad view and evidence parameters answer clear errors", async ({ page, request }) => {
  const id = await strikeEventId(page);
  await open(page, `/events/${encodeURIComponent(id)}?by=speaker`);
  await expect(page.getByRole("alert").filter({ hasText: /Invalid filter/ })).toContainText("by");

  const bad = await request.get(`/api/events/${encodeURIComponent(id)}/evidence?claim=abc`);
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ field: "claim" });
  const missing = await request.get(`/api/events/ev_does_not_exist/evidence?claim=1`);
  expect(missing.status()).toBe(404);
});
