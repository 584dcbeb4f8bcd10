import type http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from "../fetch";
import { createFollow, recordFollowChanges } from "../mutations/follows";
import { listDeliveries } from "../queries/follows";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../testing/database";
import { fixtureResolver, startFixtureServer, type FixtureServer } from "../testing/fixture-server";
import { deliverDueWebhooks, WebhookWorker } from "./deliver";
import { verifySignature } from "./webhook";

// The receiver is reached as "hooks.test" (allowlisted, resolved to 127.0.0.1 without DNS);
// "dead.test" resolves to a port nothing listens on any more.
let server: FixtureServer;
let deadPort: number;
let policy: FetchPolicy;
const SECRET = "webhook-secret-0123456789";

interface Received {
  path: string;
  body: string;
  headers: http.IncomingHttpHeaders;
}
const received: Received[] = [];
let flakyCalls = 0;

function receiver(status: (path: string) => number) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      received.push({ path, body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
      res.writeHead(status(path), { "content-type": "text/plain" }).end("ok");
    });
  };
}

beforeAll(async () => {
  server = await startFixtureServer();
  server.route("/ok", receiver(() => 200));
  server.route("/flaky", receiver(() => (++flakyCalls === 1 ? 500 : 200)));
  const dead = await startFixtureServer();
  deadPort = dead.port;
  await dead.close();
  policy = {
    ...DEFAULT_FETCH_POLICY,
    allowHosts: ["hooks.test", "dead.test"],
    resolve: fixtureResolver({ "hooks.test": "127.0.0.1", "dead.test": "127.0.0.1" }),
    timeoutMs: 5_000,
    connectTimeoutMs: 2_000,
  };
});

afterAll(async () => {
  await server.close();
});

describe.each(PROVIDERS)("webhook delivery on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    received.length = 0;
    flakyCalls = 0;
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function followWithChange(webhookUrl: string, n: number) {
    const { follow } = await createFollow({ kind: "search", target: `q=blast${n}`, webhookUrl, webhookSecret: SECRET }, { actor: "test" }, t.database);
    const draft = { kind: "new_article" as const, key: `new_article:a_${n}`, summary: `Alpha published "Blast ${n}"`, payload: { n }, eventId: null, articleId: `a_${n}` };
    await t.database.db.$transaction((tx) => recordFollowChanges(tx, { id: follow.id, webhookUrl: follow.webhookUrl }, [draft], null, new Date("2020-01-01T00:00:00Z")));
    return follow;
  }

  test("signed deliveries; a 500 then 200 receiver gets a retry; a dead receiver ends as failed", async () => {
    const ok = await followWithChange(server.url("/ok", "hooks.test"), 1);
    const flaky = await followWithChange(server.url("/flaky", "hooks.test"), 2);
    const dead = await followWithChange(`http://dead.test:${deadPort}/hook`, 3);
    const refused = await followWithChange(server.url("/ok", "127.0.0.1"), 4);

    let clock = new Date("2026-11-26T00:00:00Z");
    const retry = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 };
    const round = () => deliverDueWebhooks(t.database, { policy, retry, now: () => clock });
    const byFollow = async () => new Map((await listDeliveries({}, t.database)).map((d) => [d.followId, d]));

    // Round 1: every delivery is due.
    const first = await round();
    expect(first.map((r) => r.status).sort()).toEqual(["delivered", "pending", "pending", "pending"]);
    let rows = await byFollow();
    expect(rows.get(ok.id)).toMatchObject({ status: "delivered", attempts: 1, responseCode: 200, lastError: null });
    expect(rows.get(flaky.id)).toMatchObject({ status: "pending", attempts: 1, responseCode: 500, lastError: expect.stringContaining("HTTP 500"), nextAttemptAt: "2026-11-26T00:00:01.000Z" });
    expect(rows.get(dead.id)).toMatchObject({ status: "pending", attempts: 1, responseCode: null, lastError: "connection refused" });
    // 127.0.0.1 is not on the allowlist: the SSRF guard refuses it before connecting.
    expect(rows.get(refused.id)).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("refused") });

    // The receiver checks the signature over the raw body; the timestamp and delivery id come along.
    const okBody = received.find((r) => r.path === "/ok")!;
    expect(verifySignature(SECRET, okBody.body, okBody.headers["x-parallax-signature"] as string)).toBe(true);
    expect(verifySignature("another-secret-000000", okBody.body, okBody.headers["x-parallax-signature"] as string)).toBe(false);
    expect(okBody.headers["x-parallax-timestamp"]).toBe(String(clock.getTime() / 1000));
    expect(okBody.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(okBody.body)).toMatchObject({ follow: { id: ok.id, kind: "search" }, change: { kind: "new_article", articleId: "a_1", payload: { n: 1 } } });

    // Nothing is due again before the back-off has passed.
    expect(await round()).toEqual([]);

    // Round 2, one second later: the flaky receiver now answers 200.
    clock = new Date(clock.getTime() + 1_000);
    await round();
    rows = await byFollow();
    expect(rows.get(flaky.id)).toMatchObject({ status: "delivered", attempts: 2, responseCode: 200, lastError: null });
    const flakyBodies = received.filter((r) => r.path === "/flaky");
    expect(flakyBodies).toHaveLength(2);
    expect(flakyBodies[1]!.body).toBe(flakyBodies[0]!.body);
    expect(verifySignature(SECRET, flakyBodies[1]!.body, flakyBodies[1]!.headers["x-parallax-signature"] as string)).toBe(true);
    expect(rows.get(dead.id)).toMatchObject({ status: "pending", attempts: 2, nextAttemptAt: "2026-11-26T00:00:03.000Z" });

    // Round 3, two seconds later: the third and last attempt at the dead receiver fails for good.
    clock = new Date(clock.getTime() + 2_000);
    await round();
    rows = await byFollow();
    expect(rows.get(dead.id)).toMatchObject({ status: "failed", attempts: 3, lastError: "connection refused", nextAttemptAt: null });
    expect(rows.get(refused.id)).toMatchObject({ status: "failed", attempts: 3 });
    expect(rows.get(ok.id)).toMatchObject({ status: "delivered", attempts: 1 });

    // Settled deliveries are never sent again.
    clock = new Date(clock.getTime() + 3_600_000);
    expect(await round()).toEqual([]);
    expect(received.filter((r) => r.path === "/ok")).toHaveLength(1);
  });

  test("the background worker sends what is due and stops when asked", async () => {
    const follow = await followWithChange(server.url("/ok", "hooks.test"), 20);
    const worker = new WebhookWorker({ database: t.database, policy, idleMs: 200 });
    const running = worker.start();
    await expect.poll(async () => (await listDeliveries({ followId: follow.id }, t.database))[0]?.status, { timeout: 10_000 }).toBe("delivered");
    await worker.stop();
    await running;
  });

  test("two workers never send the same delivery", async () => {
    const follow = await followWithChange(server.url("/ok", "hooks.test"), 10);
    const before = received.length;
    const clock = new Date("2026-11-26T00:00:00Z");
    const [a, b] = await Promise.all([
      deliverDueWebhooks(t.database, { policy, now: () => clock }),
      deliverDueWebhooks(t.database, { policy, now: () => clock }),
    ]);
    expect([...a, ...b].filter((r) => r.url.endsWith("/ok"))).toHaveLength(1);
    expect(received.length - before).toBe(1);
    expect((await listDeliveries({ followId: follow.id }, t.database))[0]).toMatchObject({ status: "delivered" });
  });
});
