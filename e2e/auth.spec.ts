import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";

/**
 * Authentication on a server of its own, started with PARALLAX_ADMIN_TOKEN and
 * PARALLAX_READ_TOKEN (the shared e2e server runs without tokens): the API refuses missing and
 * wrong tokens and accepts the right one; the browser signs in, edits with the session cookie
 * and its CSRF token, and signs out.
 */

const PORT = Number(process.env.PARALLAX_E2E_AUTH_PORT ?? 3101);
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN = "e2e-admin-token-4f1c2b9a7d3e";
const READ = "e2e-read-token-8a6d0c5e2f1b";

let server: ChildProcess | null = null;

test.describe.configure({ mode: "serial" });

const SERVER_ENV = {
  ...process.env,
  PORT: String(PORT),
  DATABASE_URL: "file:./data/e2e-auth.db",
  PARALLAX_ADMIN_TOKEN: ADMIN,
  PARALLAX_READ_TOKEN: READ,
};

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // A fresh, migrated database; the app is the build the shared e2e server already made.
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`data/e2e-auth.db${suffix}`, { force: true });
  const migrate = spawnSync("node_modules/.bin/tsx", ["scripts/db.ts", "migrate"], { env: SERVER_ENV, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(`migrating the auth test database failed: ${migrate.stderr}`);
  server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT), "-H", "127.0.0.1"], { env: SERVER_ENV, stdio: "ignore", detached: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`the auth test server did not start on ${BASE}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  // An outlet to edit, ingested with the admin token.
  const res = await fetch(`${BASE}/api/ingest`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify([
      {
        url: "https://levantwire.example/2016/09/18/strike",
        title: "Strike near Deir ez-Zor",
        text: "At least 62 soldiers were killed in an air strike near Deir ez-Zor on Saturday, the army said.",
        date: "2016-09-18",
        outlet: { name: "Levant Wire", domain: "levantwire.example" },
      },
    ]),
  });
  if (!res.ok) throw new Error(`seeding the auth test database failed: ${res.status} ${await res.text()}`);
});

test.afterAll(() => {
  // The whole group: next and the next-server process it starts.
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
});

async function open(page: Page, path: string) {
  await page.goto(`${BASE}${path}`);
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
}

test("the API refuses missing and wrong tokens and accepts the right one", async ({ request }) => {
  const record = { url: `https://authnews.example/${Date.now()}`, title: "Bridge collapse", text: "Four people died when a bridge collapsed in Tarn on Friday, police said.", outlet: "Auth News" };
  const post = (headers: Record<string, string>) =>
    request.post(`${BASE}/api/ingest`, { headers: { "content-type": "application/json", ...headers }, data: JSON.stringify([record]) });

  const missing = await post({});
  expect(missing.status()).toBe(401);
  expect(missing.headers()["www-authenticate"]).toMatch(/^Bearer/);
  expect((await missing.json()).message).toMatch(/PARALLAX_ADMIN_TOKEN/);
  expect((await post({ authorization: `Bearer ${ADMIN}x` })).status()).toBe(401);
  expect((await post({ authorization: `Bearer ${READ}` })).status()).toBe(403);
  const ok = await post({ authorization: `Bearer ${ADMIN}` });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ added: 1, failed: 0 });

  for (const [method, path] of [
    ["POST", "/api/events/merge"],
    ["PATCH", "/api/outlets/1"],
    ["POST", "/api/articles/move"],
  ] as const) {
    const res = await request.fetch(`${BASE}${path}`, { method, headers: { "content-type": "application/json" }, data: "{}" });
    expect(res.status(), `${method} ${path}`).toBe(401);
  }

  // Reads are protected too (PARALLAX_READ_TOKEN): the read token opens them; liveness stays public.
  expect((await request.get(`${BASE}/api/events`)).status()).toBe(401);
  expect((await request.get(`${BASE}/api/events`, { headers: { authorization: `Bearer ${READ}` } })).status()).toBe(200);
  const health = await request.get(`${BASE}/api/health`);
  expect(health.status()).toBe(200);
  // ... and says nothing about the corpus.
  expect(await health.json()).not.toHaveProperty("articles");
});

test("an analyst signs in, edits an outlet with the session (CSRF-protected) and signs out", async ({ page }) => {
  // A protected page sends the browser to sign in, and back afterwards.
  await page.goto(`${BASE}/outlets`);
  await expect(page).toHaveURL(`${BASE}/signin?next=%2Foutlets`);
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  await page.getByLabel("Token").fill("not-the-token");
  await page.getByRole("button", { name: "Sign in" }).click();
  // (Next's route announcer is an alert region too: find ours by its text.)
  await expect(page.getByRole("alert").filter({ hasText: "That token is not valid" })).toBeVisible();

  await page.getByLabel("Token").fill(ADMIN);
  await page.getByLabel("Your name (optional)").fill("alice");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${BASE}/outlets`);
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  await expect(page.getByRole("banner")).toContainText("Signed in as alice");

  // Edit an outlet through the dialog: the client sends the CSRF header with the cookie.
  const table = page.getByRole("table", { name: "Outlets" });
  const row = table.getByRole("row").filter({ hasText: "Levant Wire" });
  await row.getByRole("button", { name: "Edit Levant Wire" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Levant Wire" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Country").fill("LB");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Saved Levant Wire." })).toBeVisible();
  await expect(row).toContainText("LB");
  await expect(row.getByText("edited")).toBeVisible();

  // The same write without the CSRF header is refused, even with the cookie.
  const refused = await page.evaluate(async () => {
    const res = await fetch("/api/outlets/levantwire.example", { method: "PATCH", headers: { "content-type": "application/json" }, body: '{"country":"SY"}' });
    return { status: res.status, body: (await res.json()) as { message: string } };
  });
  expect(refused.status).toBe(403);
  expect(refused.body.message).toMatch(/CSRF/);

  // The edit is recorded as alice's.
  const outlet = await page.request.get(`${BASE}/api/outlets/levantwire.example`, { headers: { authorization: `Bearer ${READ}` } });
  expect(await outlet.json()).toMatchObject({ country: "LB", edited: true, editedBy: "alice" });

  // Sign out: the session is gone.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${BASE}/signin?signedout=1`);
  await open(page, "/signin");
  await page.goto(`${BASE}/events`);
  await expect(page).toHaveURL(`${BASE}/signin?next=%2Fevents`);
});
