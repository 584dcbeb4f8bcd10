import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.PARALLAX_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

/**
 * End-to-end tests against the built app on a fresh SQLite database loaded with the demo
 * corpus (scripts/e2e-server.ts), in Debian's Chromium (Playwright never downloads a browser here).
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    acceptDownloads: true,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.PARALLAX_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 1000 } } }],
  webServer: {
    command: `node_modules/.bin/tsx scripts/e2e-server.ts`,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    // 127.0.0.1 is allowlisted so the server may fetch the fixture feeds that e2e/feeds.spec.ts serves itself.
    env: { PORT: String(PORT), DATABASE_URL: "file:./data/e2e.db", PARALLAX_DEMO: "1", PARALLAX_FETCH_ALLOW_HOSTS: "127.0.0.1" },
  },
});
