import { expect, test } from "@playwright/test";
import { open } from "./helpers";

test("the strike's comparison mixes the French report with the English ones, each marked with its language", async ({ page }) => {
  // The French report (Courrier du Levant) was grouped with the English coverage of the strike.
  const res = await page.request.get("/api/articles?outlet=courrierdulevant.example&pageSize=5");
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { rows: { eventId: string | null }[] };
  const id = body.rows[0]?.eventId;
  expect(id).toBeTruthy();
  const seed = (await (await page.request.get("/api/articles?outlet=mondialisation.ca&pageSize=5")).json()) as { rows: { eventId: string | null }[] };
  expect(seed.rows[0]?.eventId).toBe(id);

  await open(page, `/events/${encodeURIComponent(id!)}`);
  const matrix = page.getByRole("table", { name: "Comparison by outlet" });
  const row = (outlet: string) => matrix.getByRole("row").filter({ has: page.getByRole("rowheader").filter({ hasText: new RegExp(`^\\W*${outlet}`) }) });

  // Outlets list their language.
  await expect(row("Le Courrier du Levant").getByRole("rowheader")).toContainText("in French");
  await expect(row("Levant Wire").first().getByRole("rowheader")).toContainText("in English");

  // The French figure sits in the same column as the English ones; its row's header says FR
  // ("in French" for screen readers), so the figure does not repeat it. Its evidence sentence is
  // shown as written, with its language declared.
  const figure = row("Le Courrier du Levant").getByRole("button", { name: /≥ 62/ }).first();
  await expect(figure).toBeVisible();
  await expect(figure).not.toContainText("in French");
  await figure.focus();
  const evidence = page.getByRole("region", { name: /Evidence for killed ≥ 62/ }).filter({ hasText: "Au moins 62 soldats syriens" });
  await expect(evidence).toBeVisible();
  await expect(evidence.locator('blockquote[lang="fr"]')).toContainText("Au moins 62 soldats syriens ont été tués");
  await expect(evidence.locator("mark")).toHaveText(/Au moins 62/);
  await expect(evidence).toContainText("in French");
  await page.keyboard.press("Escape");

  // An English figure of the same event says English.
  await row("Northern Ledger").first().getByRole("button", { name: /83/ }).first().focus();
  const english = page.getByRole("region", { name: /Evidence for killed/ }).filter({ hasText: "83" });
  await expect(english.locator('blockquote[lang="en"]')).toBeVisible();
});
