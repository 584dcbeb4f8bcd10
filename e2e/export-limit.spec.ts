import { expect, test } from "@playwright/test";

// An export over the server's row limit (PARALLAX_EXPORT_MAX_ROWS) is refused with a reason; the
// export links ask first so that the page shows it, not a cancelled download. The refusal is
// played by intercepting the check (the suite's server keeps the default limit).
test("an export the server refuses says why on the page; one it accepts downloads", async ({ page }) => {
  await page.goto("/articles?language=en");
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  const message = "more than 2,000,000 articles match these filters (PARALLAX_EXPORT_MAX_ROWS): narrow the filters (dates, outlets), or raise the limit";
  const checks: string[] = [];
  await page.route(/\/api\/export\/articles\?.*check=1/, async (route) => {
    checks.push(route.request().url());
    await route.fulfill({ status: 422, contentType: "application/json", body: JSON.stringify({ error: "too_many_rows", limit: 2_000_000, message }) });
  });
  const exportGroup = page.getByRole("group", { name: "Export articles" });
  let downloads = 0;
  page.on("download", () => downloads++);
  await exportGroup.getByRole("button", { name: "Export CSV" }).click();
  await expect(exportGroup.getByRole("alert")).toHaveText(`Not exported: ${message}.`);
  // The check carried the list's filters.
  expect(checks).toHaveLength(1);
  expect(new URL(checks[0]!).searchParams.get("language")).toBe("en");
  expect(downloads).toBe(0);

  await page.unroute(/\/api\/export\/articles\?.*check=1/);
  const download = page.waitForEvent("download");
  await exportGroup.getByRole("button", { name: "Export CSV" }).click();
  expect((await download).suggestedFilename()).toMatch(/^parallax-articles-.*\.csv$/);
  await expect(exportGroup.getByRole("alert")).toHaveCount(0);
});
