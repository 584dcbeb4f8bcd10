import { expect, test } from "@playwright/test";
import { strikeArticle } from "./helpers";

/**
 * The event page's charts: the server sends each chart's box (its accessible name and size) but
 * not its drawing, which the browser draws when the box nears the viewport, with its legend.
 */

test("the server sends the charts' boxes, named and sized, without drawing them", async ({ request }) => {
  const html = await (await request.get(`/events/${(await strikeArticle(request)).eventId}`)).text();
  expect(html).toMatch(/role="img" aria-label="How the count evolved\. [^"]*killed figures from \d+ outlets/);
  expect(html).toMatch(/role="img" aria-label="Coverage of this event\. [^"]*"/);
  expect(html).toContain('aria-busy="true"');
  expect(html).not.toContain("recharts-surface");
});

test("each chart is drawn, with its legend, when scrolled to", async ({ page, request }) => {
  await page.goto(`/events/${(await strikeArticle(request)).eventId}`);
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  for (const name of [/^How the count evolved\./, /^Coverage of this event\./]) {
    const chart = page.getByRole("img", { name });
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toHaveAttribute("aria-busy", "false");
    await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
  }
  // The coverage chart's legend names the outlets it stacks.
  const coverage = page.getByRole("img", { name: /^Coverage of this event\./ });
  await expect(coverage.locator(".recharts-legend-item").first()).toBeVisible();
  expect(await coverage.locator(".recharts-legend-item").count()).toBeGreaterThanOrEqual(2);
});
