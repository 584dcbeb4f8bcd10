/**
 * The README's screenshot (public/screenshots/event-page.png): the demo corpus's Deir ez-Zor
 * strike, its comparison by outlet with one figure's evidence open.
 *
 *   PORT=3998 npm start            # in another terminal: the demo corpus on SQLite
 *   npx tsx scripts/dev/screenshot.ts [http://127.0.0.1:3998]
 *
 * Uses Debian's Chromium (/usr/bin/chromium, or PARALLAX_CHROMIUM), as the e2e tests do.
 */
import path from "node:path";
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3998";
/** Tall enough for the comparison and the two charts under it. */
const HEIGHT = 2420;
const out = path.join(import.meta.dirname, "..", "..", "public", "screenshots", "event-page.png");

const browser = await chromium.launch({ executablePath: process.env.PARALLAX_CHROMIUM ?? "/usr/bin/chromium" });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: HEIGHT }, deviceScaleFactor: 1 });
  // The strike's event: the one the seed article (Mondialisation.ca) belongs to.
  const res = await page.request.get(`${base}/api/articles?outlet=mondialisation.ca&pageSize=5`);
  const { rows } = (await res.json()) as { rows: { eventId: string | null }[] };
  const eventId = rows[0]?.eventId;
  if (!eventId) throw new Error(`no event for the seed article at ${base}: is the demo corpus loaded?`);
  await page.goto(`${base}/events/${encodeURIComponent(eventId)}`);
  await page.locator('body[data-hydrated="true"]').waitFor({ state: "attached" });
  // Open one figure's evidence: The Meridian Post's later range, "83 to 90".
  const matrix = page.getByRole("table", { name: "Comparison by outlet" });
  const figure = matrix.getByRole("button", { name: /83–90/ }).first();
  await figure.scrollIntoViewIfNeeded();
  await figure.focus();
  await page.getByRole("region", { name: /Evidence for killed 83–90/ }).locator("blockquote").waitFor();
  // The charts draw when scrolled near; bring them in, then go back to the top.
  await page.mouse.wheel(0, 2500);
  await page.waitForTimeout(1200);
  await page.mouse.wheel(0, -5000);
  await page.waitForTimeout(400);
  await figure.focus();
  await page.waitForTimeout(300);
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1400, height: HEIGHT } });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
