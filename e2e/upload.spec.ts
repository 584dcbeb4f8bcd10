import { expect, test } from "@playwright/test";
import { buildZip } from "../lib/upload/test-zip";
import { open } from "./helpers";

/**
 * Uploads in the browser: an NDJSON file and a zip archive through the file input, with a
 * progress bar per file and the result table, then the runs on the Ingest page. And the
 * security headers: a nonce-based CSP under which every page still hydrates.
 */


const story = (town: string, n: number) =>
  `At least ${n} people were killed when a landslide buried homes in the hill village of ${town} on Wednesday, the regional governor said.

Rescue workers dug through mud with their hands, and ${n + 5} residents were taken to hospital, the civil protection agency said.`;

test("an analyst uploads an NDJSON file and a zip, follows the progress, reads every item's fate and finds the runs on the Ingest page", async ({ page }) => {
  const run = Date.now().toString(36);
  const ndjsonName = `landslides-${run}.ndjson`;
  const zipName = `archive-${run}.zip`;
  const record = (slug: string, town: string, n: number) =>
    JSON.stringify({ url: `https://hillnews.example/${run}/${slug}`, title: `Landslide in ${town}`, text: story(town, n), date: "2016-10-02", outlet: "Hill News" });
  const ndjson = [record("a", "Varos", 9), "{ this line is not JSON", record("b", "Melnik", 4)].join("\n") + "\n";
  const zip = buildZip([
    { name: "more/c.ndjson", data: record("c", "Oreva", 6) + "\n" },
    { name: "../outside.txt", data: "Escape\n\nThis entry climbs out of the archive." },
  ]);

  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });

  await open(page, "/ingest");
  await page.getByLabel("Choose files").setInputFiles([
    { name: ndjsonName, mimeType: "application/x-ndjson", buffer: Buffer.from(ndjson) },
    { name: zipName, mimeType: "application/zip", buffer: Buffer.from(zip) },
  ]);

  // One progress bar per file; each ends with its counts.
  const ndjsonBar = page.getByRole("progressbar", { name: ndjsonName });
  const zipBar = page.getByRole("progressbar", { name: zipName });
  await expect(ndjsonBar).toBeVisible();
  await expect(zipBar).toBeVisible();
  await expect(ndjsonBar).toHaveAttribute("aria-valuetext", "Done: 2 added, 0 duplicate, 1 failed");
  await expect(ndjsonBar).toHaveAttribute("aria-valuenow", "100");
  await expect(zipBar).toHaveAttribute("aria-valuetext", "Done: 1 added, 0 duplicate, 1 failed");

  // The result tables: the failed item with its reason, the added articles linked.
  const ndjsonItems = page.getByRole("table", { name: `Items of ${ndjsonName}` });
  const failedLine = ndjsonItems.getByRole("row").filter({ hasText: "failed" });
  await expect(failedLine).toHaveCount(1);
  await expect(failedLine).toContainText(`${ndjsonName}:2`);
  await expect(failedLine).toContainText("invalid JSON");
  await expect(ndjsonItems.getByRole("link", { name: "Landslide in Varos" })).toBeVisible();
  const zipItems = page.getByRole("table", { name: `Items of ${zipName}` });
  await expect(zipItems.getByRole("row").filter({ hasText: "failed" })).toContainText("unsafe path");
  await expect(zipItems.getByRole("row").filter({ hasText: "added" })).toContainText(`from ${zipName}/more/c.ndjson`);

  // Both runs are on the Ingest page, as uploads, after a reload too.
  await open(page, "/ingest");
  const runs = page.getByRole("table", { name: "Ingest runs" });
  const ndjsonRun = runs.getByRole("row").filter({ hasText: `upload: ${ndjsonName}` });
  await expect(ndjsonRun).toHaveCount(1);
  await expect(ndjsonRun).toContainText("upload");
  await expect(ndjsonRun).toContainText("partial");
  await ndjsonRun.getByText(/1 error in run/).click();
  await expect(ndjsonRun).toContainText("invalid JSON");
  await expect(runs.getByRole("row").filter({ hasText: `upload: ${zipName}` })).toHaveCount(1);

  // Uploading the same file again: every article is a duplicate.
  await page.getByLabel("Choose files").setInputFiles({ name: ndjsonName, mimeType: "application/x-ndjson", buffer: Buffer.from(ndjson) });
  await expect(page.getByRole("progressbar", { name: ndjsonName }).first()).toHaveAttribute("aria-valuetext", "Done: 0 added, 2 duplicate, 1 failed");

  expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
});

test("pages are served with a nonce-based CSP and the other security headers, and still hydrate", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  for (const path of ["/", "/events", "/outlets", "/ingest", "/signin"]) {
    const response = await open(page, path);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe("same-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    // Next put the nonce on its own scripts.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(await page.locator(`script[nonce]`).count(), path).toBeGreaterThan(0);
    expect(csp).toContain(nonce);
  }
  expect(violations).toEqual([]);

  const api = await request.get("/api/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-security-policy"]).toMatch(/^default-src 'none'/);
});
