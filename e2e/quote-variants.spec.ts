import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { open } from "./helpers";
import { parse as parseCsv } from "csv-parse/sync";

/**
 * Quote variants on the Deir ez-Zor strike (demo corpus): one statement shown once with each
 * outlet's wording and its word-level diff, a group whose outlets name different speakers, and
 * the export of the groups. Read-only.
 */

test("an analyst compares how outlets worded the same statement and exports the statement groups", async ({ page, request }) => {
  // The strike's event: the one holding the seed article (Mondialisation.ca).
  const res = await request.get("/api/articles?outlet=mondialisation.ca&pageSize=5");
  expect(res.ok()).toBe(true);
  const { rows } = (await res.json()) as { rows: { eventId: string | null }[] };
  const eventId = rows[0]?.eventId;
  expect(eventId).toBeTruthy();
  await open(page, `/events/${encodeURIComponent(eventId!)}`);

  const section = page.getByRole("region", { name: "Quote variants" });
  // The section loads its groups when it nears the viewport.
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByRole("heading", { level: 2, name: "Quote variants" })).toBeVisible();
  await expect(section.getByText("struck through", { exact: true })).toBeVisible();

  // The Russian Defence Ministry's statement: Levant Wire's wording and Northern Ledger's paraphrase, side by side.
  const group = section.getByRole("article").filter({ hasText: "The strike cleared the way for Islamic State fighters" });
  await expect(group).toHaveCount(1);
  await expect(group.getByRole("heading", { level: 3 })).toHaveText(/Russian Defence Ministry/);
  const wordings = group.getByRole("list", { name: "Wording by outlet" }).getByRole("listitem");
  await expect(wordings.filter({ hasText: "Levant Wire" })).toHaveCount(1);
  const ledger = wordings.filter({ hasText: "Northern Ledger" });
  await expect(ledger).toHaveCount(1);
  // "opened" where the longest version says "cleared": a changed word, labelled for screen readers too.
  const changed = ledger.locator("mark", { hasText: "opened" });
  await expect(changed).toBeVisible();
  await expect(changed).toHaveAttribute("title", "changed from “cleared”");
  await expect(changed).toContainText("[changed from “cleared” to:");
  // Words only this outlet has are marked as added.
  await expect(ledger.locator("ins", { hasText: "immediately afterwards" })).toBeVisible();
  await expect(ledger).toContainText(/\d+ omitted · \d+ changed · \d+ added/);
  // Each wording links to its evidence in the article.
  await expect(ledger.getByRole("link", { name: /^evidence/ })).toHaveAttribute("href", /^\/articles\/a_[0-9a-f]+#statement-\d+$/);

  // A statement the outlets attribute to different speakers is flagged, naming who said what.
  const conflict = section.getByRole("article").filter({ hasText: "speaker differs" }).first();
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole("note")).toHaveText(/^Speaker differs between outlets: attributed to .+ by .+; to .+ by .+\.$/);

  // Export the groups as CSV: one row per group × outlet, with the diff counts.
  const downloadPromise = page.waitForEvent("download");
  await section.getByRole("link", { name: "Export statement groups CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^parallax-statement-groups-ev_.*\.csv$/);
  const csv: Record<string, string>[] = parseCsv(fs.readFileSync(await download.path(), "utf8"), { bom: true, columns: true });
  const ministry = csv.filter((r) => r.reference_wording?.startsWith("The strike cleared the way for Islamic State fighters"));
  expect(ministry.map((r) => r.outlet)).toEqual(expect.arrayContaining(["Levant Wire", "Northern Ledger"]));
  expect(new Set(ministry.map((r) => r.group_id)).size).toBe(1);
  const ledgerRow = ministry.find((r) => r.outlet === "Northern Ledger")!;
  expect(Number(ledgerRow.changed_words)).toBeGreaterThan(0);
  expect(ledgerRow.wording).toMatch(/^The strike opened the way/);
  expect(csv.some((r) => r.speaker_conflict === "true" && /^Attributed to .+; to .+/.test(r.attribution ?? ""))).toBe(true);
});
