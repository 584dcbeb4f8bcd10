import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { nextServerCommand, serverEnv } from "../scripts/server-memory";

/**
 * The first start of a new release on an existing database rebuilds the derived tables (full-text
 * index, counts, event members). A server started on such a database with plain `next start`
 * must answer meanwhile: the health check and the API 503 "starting", pages "Preparing the database", then
 * the real pages once the build is done. The build is held back by keeping SQLite's write lock in
 * this process, so "meanwhile" lasts as long as the test needs, on any machine.
 */

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.PARALLAX_E2E_UPGRADE_PORT ?? 3102);
const origin = `http://127.0.0.1:${PORT}`;

let dir: string;
let server: ChildProcess | null = null;

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function healthStatus(): Promise<number | null> {
  try {
    return (await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(10_000) })).status;
  } catch {
    return null;
  }
}

test("a server on a database whose derived tables are being rebuilt shows 'Preparing the database', then the pages", async ({ page }) => {
  test.setTimeout(120_000);
  // A consistent copy of the test server's database, as an older release would have left it.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-e2e-upgrade-"));
  const file = path.join(dir, "upgraded.db");
  const source = new BetterSqlite3(path.join(ROOT, "data", "e2e.db"), { readonly: true });
  source.exec(`VACUUM INTO '${file.replaceAll("'", "''")}'`);
  source.close();
  const holder = new BetterSqlite3(file);
  holder.pragma("journal_mode = WAL");
  holder.exec(`DELETE FROM "ParallaxDerived"`);
  // Held until the checks below are done: the server's build waits for it (up to 15 s a try).
  holder.exec("BEGIN IMMEDIATE");
  let held = true;
  try {
    const next = nextServerCommand(ROOT, ["start", "-p", String(PORT), "-H", "127.0.0.1"]);
    server = spawn(next.command, next.args, {
      cwd: ROOT,
      env: serverEnv(ROOT, { ...process.env, DATABASE_URL: `file:${file}`, PARALLAX_WATCH: "0", PORT: String(PORT) }),
      stdio: "ignore",
    });
    await expect.poll(healthStatus, { timeout: 60_000 }).toBe(503);
    const health = await (await fetch(`${origin}/api/health`)).json();
    expect(health).toMatchObject({ status: "starting", database: "sqlite" });
    const api = await fetch(`${origin}/api/events`);
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ error: "starting" });

    await page.goto(`${origin}/events`);
    await expect(page.getByRole("heading", { name: "Preparing the database" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("reloads itself every 10 seconds");
    // The tab says so too (the page's own title comes back with the page).
    await expect(page).toHaveTitle(/^Preparing the database/);

    holder.exec("ROLLBACK");
    held = false;
    await expect.poll(healthStatus, { timeout: 60_000 }).toBe(200);
    await page.goto(`${origin}/events`);
    await expect(page.getByRole("heading", { name: "Events", level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/^Events/);
    await expect(page.getByRole("heading", { name: "Preparing the database" })).toHaveCount(0);
    expect(holder.prepare(`SELECT COUNT(*) AS n FROM "ParallaxDerived"`).get()).toEqual({ n: 2 });
  } finally {
    if (held) holder.exec("ROLLBACK");
    holder.close();
  }
});
