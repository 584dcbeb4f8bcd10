import { expect, test } from "@playwright/test";
import { measurePageLoad, summarise, type PageLoad } from "../scripts/bench/browser";

/**
 * The browser figures of `npm run bench -- --browser` (scripts/bench/browser.ts), checked on
 * pages whose cost is known: a page that blocks its main thread for 200 ms must show it, a page
 * that does nothing must not, and a real page of the app gives figures of the right kind.
 */

test("a script that blocks the main thread for 200 ms is counted as blocking time", async ({ context }) => {
  // Chromium does not report every long task: in about one load in four under the test runner
  // neither the "longtask" nor the "long-animation-frame" observer saw this page's 200 ms task
  // (the script had run; seen with both observers side by side). So up to five fresh loads: the
  // ones Chromium reports must be counted in full, and one must be reported.
  const loads: PageLoad[] = [];
  for (let i = 0; i < 5 && !loads.some((l) => l.longTasks > 0); i++) {
    const page = await context.newPage();
    await page.route("http://bench.test/busy", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><title>busy</title><p>busy</p><script>const t = performance.now(); while (performance.now() - t < 200) {}</script>`,
      }),
    );
    loads.push(await measurePageLoad(page, "http://bench.test/busy"));
    await page.close();
  }
  const reported = loads.filter((l) => l.longTasks > 0);
  expect(reported.length).toBe(1);
  // One task of at least 200 ms: at least 150 ms beyond the 50 ms a task may take.
  expect(reported[0]!.blockingMs).toBeGreaterThanOrEqual(150);
  for (const load of loads) expect(load.domElements).toBe(6); // html, head, title, body, p, script
});

test("a page that runs no script has no blocking time", async ({ page }) => {
  await page.route("http://bench.test/idle", (route) => route.fulfill({ contentType: "text/html", body: `<!doctype html><title>idle</title><p>idle</p>` }));
  const load = await measurePageLoad(page, "http://bench.test/idle");
  expect(load).toMatchObject({ blockingMs: 0, longTasks: 0, domElements: 5 }); // html, head, title, body, p
});

test("the app's events list and an event page give figures of the right kind", async ({ page, baseURL }) => {
  const list = await measurePageLoad(page, `${baseURL}/events`);
  expect(list.loadMs).toBeGreaterThan(0);
  expect(list.domElements).toBeGreaterThan(100);
  expect(list.transferKb).toBeGreaterThan(0);
  expect(list.jsHeapMb).toBeGreaterThan(0);
  const href = await page.locator('a[href^="/events/ev_"]').first().getAttribute("href");
  const event = await measurePageLoad(await page.context().newPage(), `${baseURL}${href}`);
  const figures = summarise([list, event]);
  expect(figures).toMatchObject({ pages: 2, dom_elements_max: Math.max(list.domElements, event.domElements) });
  expect(figures.load_p95_ms).toBe(Math.max(list.loadMs, event.loadMs));
});

test("a page that does not answer 2xx is an error, not a figure", async ({ page, baseURL }) => {
  await expect(measurePageLoad(page, `${baseURL}/events/ev_no_such_event`)).rejects.toThrow(/answered 404/);
});
