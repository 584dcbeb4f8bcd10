import type http from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { fixtureResolver, startFixtureServer, type FixtureServer } from "../testing/fixture-server";
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from "./policy";
import { safeFetch } from "./safe-fetch";

// POST is what webhooks use: the body reaches the checked address, and a redirect is refused
// (following it would send the signed body somewhere nobody checked).
let server: FixtureServer;
let policy: FetchPolicy;
const bodies: { method: string; body: string }[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
  policy = { ...DEFAULT_FETCH_POLICY, allowHosts: ["hooks.test"], resolve: fixtureResolver({ "hooks.test": "127.0.0.1" }), timeoutMs: 5_000 };
  server.route("/in", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      bodies.push({ method: req.method ?? "", body: Buffer.concat(chunks).toString() });
      res.writeHead(204).end();
    });
  });
  server.route("/moved", { status: 307, headers: { location: "/in" } });
});

afterAll(async () => {
  await server.close();
});

test("a POST sends its body", async () => {
  const res = await safeFetch(server.url("/in", "hooks.test"), { method: "POST", body: '{"a":1}', headers: { "content-type": "application/json" }, policy });
  expect(res.status).toBe(204);
  expect(bodies.at(-1)).toEqual({ method: "POST", body: '{"a":1}' });
});

test("a redirected POST is refused, not followed", async () => {
  const before = bodies.length;
  await expect(safeFetch(server.url("/moved", "hooks.test"), { method: "POST", body: "{}", policy })).rejects.toMatchObject({ code: "bad_redirect", status: 307 });
  expect(bodies.length).toBe(before);
});

test("a POST to a loopback address that is not allowlisted is refused before connecting", async () => {
  const before = server.requests.length;
  await expect(safeFetch(server.url("/in"), { method: "POST", body: "{}", policy })).rejects.toMatchObject({ code: "refused_address" });
  expect(server.requests.length).toBe(before);
});
