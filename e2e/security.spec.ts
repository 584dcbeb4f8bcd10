import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";

/**
 * Stored XSS and formula injection, end to end: articles whose titles, texts, outlet names, authors
 * and quotes carry script payloads and spreadsheet formulas are ingested through the API; every
 * page that shows them must render them as inert text (no dialog, no injected element, no
 * script run), every CSV/XLSX export must neutralise the formulas, and pages and API answers
 * carry the security headers.
 */

const MARK = `Zorblatt${Date.now().toString(36)}`;
/** Each payload sets window.__xss or opens a dialog if it ever runs. */
const HTML_PAYLOADS = [
  `<img src=x onerror="window.__xss=1;alert(1)">`,
  `<script>window.__xss=2;alert(2)</script>`,
  `<svg onload="window.__xss=3;alert(3)"></svg>`,
  `"><iframe src="javascript:alert(4)"></iframe>`,
  `<a href="javascript:window.__xss=5" id="xss-link">x</a>`,
];
const FORMULAS = [`=HYPERLINK("http://evil.example","click")`, `+1+cmd|' /C calc'!A0`, `-2+3`, `@SUM(A1:A2)`, `\t=1+1`, `\r=1+1`];
/** Elements a payload would create if it were parsed as HTML. */
const INJECTED = 'img[src="x"], svg[onload], iframe[src^="javascript"], a#xss-link, [onerror], [onload]';

function records() {
  const lead = `At least 7 people were killed in the ${MARK} depot fire on Tuesday, the civil defence said.`;
  return HTML_PAYLOADS.map((p, i) => ({
    url: `https://xss${i}.example/${MARK}/${i}`,
    title: `${p} ${MARK} depot fire kills 7`,
    text: `${lead} “${p} We could not reach them,” said the fire chief ${p}. ${p} Residents were evacuated.`,
    outlet: `${p} Outlet ${i}`,
    author: p,
    publishedAt: "2026-11-20T10:00:00Z",
  })).concat(
    FORMULAS.map((f, i) => ({
      url: `https://formula${i}.example/${MARK}/${i}`,
      title: `${f} ${MARK} depot fire`,
      text: `${f} ${lead} “${f},” said the mayor.`,
      outlet: `${f} Formula Outlet ${i}`,
      author: f,
      publishedAt: "2026-11-20T11:00:00Z",
    })),
  );
}

let eventIds: string[] = [];
let articleIds: string[] = [];
/** The articles carrying HTML payloads, with their titles as stored. */
let htmlArticles: { id: string; title: string }[] = [];

test.beforeAll(async ({ request }) => {
  const res = await request.post("/api/ingest", { headers: { "content-type": "application/json" }, data: JSON.stringify(records()) });
  expect(res.status(), await res.text()).toBe(200);
  expect(await res.json()).toMatchObject({ added: HTML_PAYLOADS.length + FORMULAS.length, failed: 0 });
  const list = await request.get(`/api/articles?q=${MARK}&pageSize=50`);
  const rows = ((await list.json()) as { rows: { id: string; title: string; eventId: string | null }[] }).rows;
  expect(rows).toHaveLength(HTML_PAYLOADS.length + FORMULAS.length);
  articleIds = rows.map((r) => r.id);
  htmlArticles = rows.filter((r) => !/^[=+\-@]/.test(r.title)).map((r) => ({ id: r.id, title: r.title }));
  expect(htmlArticles).toHaveLength(HTML_PAYLOADS.length);
  eventIds = [...new Set(rows.map((r) => r.eventId).filter((e): e is string => !!e))];
  expect(eventIds.length).toBeGreaterThan(0);
});

/** Opens `path`, fails on any dialog, and checks no payload became an element or ran. */
async function expectInert(page: Page, path: string): Promise<void> {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(path);
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  // A failed image load (onerror) needs the network to settle; pages that poll never go idle.
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
  expect(dialogs, `${path}: a dialog fired`).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), `${path}: a payload ran`).toBeUndefined();
  expect(await page.locator(INJECTED).count(), `${path}: an injected element exists`).toBe(0);
  // Next's own inline scripts carry the page data (payloads included, as escaped JSON strings);
  // an injected one would be the payload's code itself.
  const scripts = await page.evaluate(() => Array.from(document.scripts).filter((s) => /^\s*window\.__xss/.test(s.textContent ?? "")).length);
  expect(scripts, `${path}: an injected script element exists`).toBe(0);
  page.removeAllListeners("dialog");
}

test("payloads in titles, texts, outlets, authors and quotes are inert text on every page", async ({ page }) => {
  const paths = [
    "/",
    "/events",
    `/events?q=${MARK}`,
    ...eventIds.map((id) => `/events/${encodeURIComponent(id)}`),
    ...eventIds.map((id) => `/events/${encodeURIComponent(id)}?by=authority`),
    "/articles",
    `/articles?q=${MARK}`,
    ...articleIds.map((id) => `/articles/${encodeURIComponent(id)}`),
    "/outlets",
    "/feeds",
    "/ingest",
  ];
  for (const path of paths) await expectInert(page, path);

  // The payloads are shown as text, escaped: each title appears in its page exactly as stored.
  for (const a of htmlArticles) {
    expect(a.title).toMatch(/<(img|script|svg|a|iframe)\b|">/);
    await page.goto(`/articles/${encodeURIComponent(a.id)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.title.replace(/\s+/g, " ").trim());
  }
});

const FORMULA_START = /^[=+\-@\t\r]/;

function csvCells(csv: string): string[] {
  // Enough CSV for the check: quoted fields may hold commas, quotes ("") and line breaks.
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === "," || c === "\n") {
      cells.push(cell.replace(/\r$/, ""));
      cell = "";
    } else cell += c;
  }
  if (cell) cells.push(cell);
  return cells;
}

test("CSV and XLSX exports of every table neutralise formulas; JSON keeps the data as written", async ({ request }) => {
  const urls = [
    ...(["events", "articles", "claims", "statements"] as const).map((t) => `/api/export/${t}?q=${MARK}`),
    ...eventIds.map((id) => `/api/events/${encodeURIComponent(id)}/statement-groups?`),
  ];
  for (const base of urls) {
    const csv = await request.get(`${base}&format=csv`);
    expect(csv.status(), base).toBe(200);
    expect(csv.headers()["x-content-type-options"]).toBe("nosniff");
    const text = await csv.text();
    const cells = csvCells(text);
    expect(cells.filter((c) => FORMULA_START.test(c) && !/^-?\d+(\.\d+)?$/.test(c)), `${base} CSV`).toEqual([]);

    const xlsx = await request.get(`${base}&format=xlsx`);
    expect(xlsx.status(), base).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const strings: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "string" && strings.push(cell.value)))));
    for (const s of strings) expect(s, `${base} XLSX`).not.toMatch(FORMULA_START);
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => expect(cell.formula, `${base} XLSX formula cell`).toBeFalsy())));

    const json = await request.get(`${base}&format=json`);
    expect(json.status(), base).toBe(200);
    expect(json.headers()["content-type"]).toMatch(/^application\/json/);
    expect(Array.isArray(await json.json())).toBe(true);
  }
  // The articles export holds every payload, neutralised in CSV and verbatim in JSON.
  const csv = csvCells(await (await request.get(`/api/export/articles?q=${MARK}&format=csv`)).text());
  // (The tab and CR ones are trimmed off titles at ingest; the generic check above covers them.)
  const visible = FORMULAS.filter((f) => !/^\s/.test(f));
  for (const f of visible) expect(csv.some((c) => c.startsWith(`'${f} ${MARK}`)), f).toBe(true);
  const json = JSON.stringify(await (await request.get(`/api/export/articles?q=${MARK}&format=json`)).json());
  for (const f of visible) expect(json).toContain(JSON.stringify(`${f} ${MARK} depot fire`).slice(1, -1));
});

test("pages and API answers carry the security headers", async ({ request }) => {
  for (const path of ["/", "/events", `/events/${encodeURIComponent(eventIds[0]!)}`, "/articles", "/outlets", "/signin"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const h = res.headers();
    const csp = h["content-security-policy"] ?? "";
    const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect(scriptSrc, `${path} script-src`).toMatch(/'nonce-[^']+'/);
    expect(scriptSrc, `${path} script-src`).not.toContain("'unsafe-inline'");
    expect(scriptSrc, `${path} script-src`).not.toContain("'unsafe-eval'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["referrer-policy"], path).toBe("same-origin");
    // Every inline script Next emits carries this response's nonce.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const body = await res.text();
    for (const tag of body.match(/<script\b[^>]*>/g) ?? []) {
      if (/\bsrc=/.test(tag) || /type="application\/(ld\+)?json"/.test(tag)) continue;
      expect(tag, path).toContain(`nonce="${nonce}"`);
    }
  }
  for (const path of ["/api/events", "/api/health", `/api/export/events?q=${MARK}&format=csv`, "/api/events?sort=bogus"]) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["content-security-policy"], path).toMatch(/^default-src 'none'/);
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"], path).toBe("nosniff");
  }
});
