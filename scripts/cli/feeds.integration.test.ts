import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addFeed, getFeed } from "../../lib/feeds/store";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../../lib/testing/database";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const run = promisify(execFile);

/** `parallax <args>` against `url`: exit code, stdout, stderr. */
async function parallax(url: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/parallax.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, PARALLAX_DEMO: "0" },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe.each(PROVIDERS)("parallax feeds pause|resume|set on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  test("pause, set --interval and resume change the feed; bad flags are named", async () => {
    const feed = await addFeed(t.database, { url: "http://feeds.example/cli.xml", title: "CLI feed", intervalMinutes: 30 });

    const paused = await parallax(t.url, "feeds", "pause", `#${feed.id}`);
    expect(paused).toMatchObject({ code: 0, stdout: `feed #${feed.id} CLI feed <http://feeds.example/cli.xml>: paused (every 30 min when resumed)\n` });
    expect(await getFeed(feed.id, t.database)).toMatchObject({ enabled: false });

    const bad = await parallax(t.url, "feeds", "set", String(feed.id), "--interval", "2");
    expect(bad).toMatchObject({ code: 2, stderr: "parallax feeds set: --interval: at least 5 minutes\n" });

    const set = await parallax(t.url, "feeds", "set", "http://feeds.example/cli.xml", "--interval", "45");
    expect(set.code).toBe(0);
    expect(await getFeed(feed.id, t.database)).toMatchObject({ enabled: false, intervalMinutes: 45 });

    const resumed = await parallax(t.url, "feeds", "resume", String(feed.id));
    expect(resumed.stdout).toMatch(new RegExp(`^feed #${feed.id} CLI feed <http://feeds.example/cli.xml>: active, every 45 min, next fetch \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\n$`));
    expect(await getFeed(feed.id, t.database)).toMatchObject({ enabled: true, intervalMinutes: 45 });
    // Each command is a process of its own (about 5 s each, far more on a loaded machine).
  }, 300_000);
});
