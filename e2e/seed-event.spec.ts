import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { open } from "./helpers";
import { parse as parseCsv } from "csv-parse/sync";

test("an analyst opens the seed article's event, reads the evidence, filters by outlet and exports the claims", async ({ page }) => {
  // Find the seed article and open its event.
  await open(page, "/articles");
  await page.getByRole("searchbox", { name: "Search articles" }).fill("US Bombs Syrian Army");
  await page.getByRole("searchbox", { name: "Search articles" }).press("Enter");
  const seedLink = page
    .getByRole("table", { name: "Articles" })
    .getByRole("link", { name: /62 Dead, 100 Wounded as US Bombs Syrian Army/ })
    .and(page.locator('a[href^="/articles/"]'));
  await expect(seedLink).toBeVisible();
  await seedLink.click();
  await expect(page.getByRole("heading", { level: 1, name: /62 Dead, 100 Wounded/ })).toBeVisible();
  await expect(page.getByText("Mondialisation.ca").first()).toBeVisible();
  // The article names its event; follow that link.
  await page.getByRole("main").locator('a[href^="/events/ev_"]').first().click();
  await expect(page).toHaveURL(/\/events\/ev_/);
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();

  // The comparison matrix: Mondialisation.ca's row shows at least 62 killed and 100 wounded.
  const matrix = page.getByRole("table", { name: "Comparison by outlet" });
  const row = matrix.getByRole("row").filter({ hasText: "Mondialisation.ca" });
  await expect(row).toHaveCount(1);
  const killed = row.getByRole("button", { name: /≥ 62/ }).first();
  const wounded = row.getByRole("button", { name: /^100\b/ }).first();
  await expect(killed).toBeVisible();
  await expect(wounded).toBeVisible();

  // Focusing a figure reveals its evidence sentence with the phrase marked.
  await killed.focus();
  const evidence = page.getByRole("region", { name: /Evidence for killed/ }).filter({ hasText: "At least sixty-two Syrian troops died" });
  await expect(evidence.first()).toBeVisible();
  await expect(evidence.first().locator("mark")).toHaveText(/At least sixty-two/);
  await page.keyboard.press("Escape");
  await wounded.focus();
  await expect(
    page.getByRole("region", { name: /Evidence for wounded/ }).filter({ hasText: "100 were wounded" }).first(),
  ).toBeVisible();
  await page.keyboard.press("Escape");

  // Filter the event to one outlet: the URL carries the filter and the matrix keeps one row.
  await page.getByRole("button", { name: /^Outlet\b.*, filter/ }).click();
  await page.getByRole("checkbox", { name: /Mondialisation\.ca/ }).check();
  await expect(page).toHaveURL(/outlet=mondialisation\.ca/);
  await expect(matrix.getByRole("row").filter({ hasText: "Levant Wire" })).toHaveCount(0);
  await expect(matrix.getByRole("row").filter({ hasText: "Mondialisation.ca" })).toHaveCount(1);

  // Export the filtered claims as CSV and read the downloaded file.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export claims CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^parallax-claims-ev_.*\.csv$/);
  const file = await download.path();
  const rows: string[][] = parseCsv(fs.readFileSync(file, "utf8"), { bom: true });
  const header = rows[0]!;
  const body = rows.slice(1).filter((r) => r.length === header.length);
  const col = (name: string) => header.indexOf(name);
  expect(col("evidence_sentence")).toBeGreaterThan(-1);
  expect(body.length).toBeGreaterThan(0);
  expect(new Set(body.map((r) => r[col("outlet")]))).toEqual(new Set(["Mondialisation.ca"]));
  const headline = body.find((r) => r[col("kind")] === "killed" && r[col("is_headline")] === "true");
  expect(headline?.[col("min")]).toBe("62");
  expect(headline?.[col("qualifier")]).toBe("at_least");
  expect(headline?.[col("evidence_sentence")]).toMatch(/^At least sixty-two Syrian troops died and 100 were wounded/);
});

test("the events list sorts in the database and exports exactly the filtered rows", async ({ page, request }) => {
  await open(page, "/events");
  const table = page.getByRole("table", { name: "Events" });
  await expect(table.getByRole("row")).not.toHaveCount(1);

  // Sort by article count, descending: the first row has the most articles.
  await table.getByRole("button", { name: "Articles" }).click();
  await expect(page).toHaveURL(/sort=articleCount/);
  if (!/dir=desc/.test(page.url())) {
    await table.getByRole("button", { name: "Articles" }).click();
    await expect(page).toHaveURL(/dir=desc/);
  }
  const api = await request.get("/api/events?sort=articleCount&dir=desc&pageSize=5");
  const top = (await api.json()) as { rows: { title: string }[] };
  await expect(table.getByRole("row").nth(1)).toContainText(top.rows[0]!.title.slice(0, 30));

  // Filter by outlet; the JSON export has the same events as the filtered list.
  await page.getByRole("button", { name: /^Outlet\b.*, filter/ }).click();
  await page.getByRole("checkbox", { name: /Riverside Chronicle/ }).check();
  await expect(page).toHaveURL(/outlet=riversidechronicle\.example/);
  const listed = (await (await request.get("/api/events?outlet=riversidechronicle.example&pageSize=200")).json()) as { total: number };
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export JSON" }).click();
  const exported = JSON.parse(fs.readFileSync(await (await downloadPromise).path(), "utf8")) as { event_id: string }[];
  expect(exported.length).toBe(listed.total);
  expect(exported.length).toBeGreaterThan(1);
});

test("bad filters answer a clear error instead of a crash", async ({ page, request }) => {
  const res = await request.get("/api/events?pageSize=9999");
  expect(res.status()).toBe(400);
  expect(await res.json()).toMatchObject({ field: "pageSize" });
  await open(page, "/events?from=2016-13-45");
  await expect(page.getByRole("alert").filter({ hasText: /Invalid filter/ })).toBeVisible();
});
