/**
 * What a page costs in the browser (`npm run bench -- --browser`): Chromium, headless, loads it
 * from the bench's server and reports how long until `load`, how long the main thread was
 * blocked meanwhile and just after (hydration), how big the page is (DOM elements, bytes
 * transferred) and the page's JavaScript heap. The figures a data team asks when a 200-article
 * event or a list of thousands must stay usable on a laptop.
 *
 * Chromium is Debian's (`/usr/bin/chromium`, or `PARALLAX_CHROMIUM`), as for the end-to-end tests;
 * Playwright never downloads a browser here.
 */
import fs from "node:fs";
import { chromium, type Browser, type Page } from "@playwright/test";
import { percentile } from "./http";

/** One page load as the browser saw it. */
export interface PageLoad {
  /** From navigation start to the end of the `load` event. */
  loadMs: number;
  /**
   * Total blocking time from navigation start to one quiet second after `load`: for each long task
   * (over 50 ms on the main thread: parsing, script evaluation, hydration), what it ran beyond 50 ms.
   */
  blockingMs: number;
  /** Long tasks in that time. */
  longTasks: number;
  /** Elements in the document once loaded. */
  domElements: number;
  /** The document and every resource it loaded, as transferred (compressed), kB; 0 for what came from the cache. */
  transferKb: number;
  /** The page's used JavaScript heap, MB (Chrome's `performance.memory`), null where not reported. */
  jsHeapMb: number | null;
}

/** Figures over several loads of one kind of page. */
export interface PageFigures {
  pages: number;
  load_p95_ms: number;
  blocking_p95_ms: number;
  long_tasks_max: number;
  dom_elements_max: number;
  transfer_kb_median: number;
  js_heap_mb_max: number | null;
}

/** How long the main thread must stay free of long tasks after `load` before the page counts as settled. */
const QUIET_MS = 1000;

export function chromiumPath(): string {
  return process.env.PARALLAX_CHROMIUM ?? "/usr/bin/chromium";
}

/** Headless Chromium, or a message saying why there is none. */
export async function launchChromium(): Promise<{ browser: Browser } | { error: string }> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) {
    return { error: `no Chromium at ${executablePath} (install Debian's chromium package, or set PARALLAX_CHROMIUM)` };
  }
  const browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-extensions"],
  });
  return { browser };
}

// Runs in the page before its own scripts: record every long task from the start (buffered).
const RECORD_LONG_TASKS = `
  window.__parallaxLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__parallaxLongTasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch {}
`;

/** Load `url` in `page` (a fresh one) and measure it; see `PageLoad`. */
export async function measurePageLoad(page: Page, url: string): Promise<PageLoad> {
  await page.addInitScript(RECORD_LONG_TASKS);
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response || !response.ok()) throw new Error(`${url} answered ${response?.status() ?? "nothing"}`);
  // Settled: no long task has ended within the last second (hydration and effects run after `load`).
  const deadline = Date.now() + 15_000;
  for (;;) {
    const lastEnd = await page.evaluate(() => {
      const tasks = (window as unknown as { __parallaxLongTasks: [number, number][] }).__parallaxLongTasks;
      const last = tasks.reduce((end, [start, duration]) => Math.max(end, start + duration), 0);
      return performance.now() - last;
    });
    if (lastEnd >= QUIET_MS || Date.now() > deadline) break;
    await page.waitForTimeout(QUIET_MS - lastEnd + 10);
  }
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    const tasks = (window as unknown as { __parallaxLongTasks: [number, number][] }).__parallaxLongTasks;
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    const bytes = (nav?.transferSize ?? 0) + resources.reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
    return {
      loadMs: Math.round(nav ? nav.loadEventEnd : performance.now()),
      blockingMs: Math.round(tasks.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0)),
      longTasks: tasks.length,
      domElements: document.getElementsByTagName("*").length,
      transferKb: Math.round(bytes / 1024),
      jsHeapMb: memory ? Math.round((memory.usedJSHeapSize / 2 ** 20) * 10) / 10 : null,
    };
  });
}

/** Summarise loads of one kind of page. */
export function summarise(loads: PageLoad[]): PageFigures {
  const heaps = loads.map((l) => l.jsHeapMb).filter((h): h is number => h !== null);
  return {
    pages: loads.length,
    load_p95_ms: percentile(loads.map((l) => l.loadMs), 95),
    blocking_p95_ms: percentile(loads.map((l) => l.blockingMs), 95),
    long_tasks_max: Math.max(...loads.map((l) => l.longTasks)),
    dom_elements_max: Math.max(...loads.map((l) => l.domElements)),
    transfer_kb_median: percentile(loads.map((l) => l.transferKb), 50),
    js_heap_mb_max: heaps.length ? Math.max(...heaps) : null,
  };
}

/**
 * Load each kind of page's URLs in turn, one fresh tab each, in one browser context (so its
 * scripts come from the cache after the first page, as for an analyst moving through the app).
 * The first URL of each kind is loaded once before, untimed.
 */
export async function measurePages(browser: Browser, kinds: Record<string, string[]>): Promise<Record<string, PageFigures>> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    const out: Record<string, PageFigures> = {};
    for (const [kind, urls] of Object.entries(kinds)) {
      if (!urls.length) continue;
      const warm = await context.newPage();
      await measurePageLoad(warm, urls[0]!);
      await warm.close();
      const loads: PageLoad[] = [];
      for (const url of urls) {
        const page = await context.newPage();
        try {
          loads.push(await measurePageLoad(page, url));
        } finally {
          await page.close();
        }
      }
      out[kind] = summarise(loads);
    }
    return out;
  } finally {
    await context.close();
  }
}
