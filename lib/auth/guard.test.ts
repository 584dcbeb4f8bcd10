import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { decideBinding, isLoopbackHost } from "./binding";
import { CSRF_HEADER, SESSION_COOKIE } from "./constants";
import { DEFAULT_WRITE_MAX_BYTES, guard, writeOrigin } from "./guard";
import { gate, safeNextPath } from "./proxy";
import { createSession, type AuthConfig } from "./session";

const ADMIN = "admin-token-0123456789abcdef";
const READ = "read-token-0123456789abcdef";
const NOW = 1_800_000_000_000;
const base = { sessionTtlMs: 3_600_000, uploadMaxBytes: 10 * 1024 * 1024 };
const OFF: AuthConfig = { ...base };
const ADMIN_ONLY: AuthConfig = { ...base, adminToken: ADMIN };
const BOTH: AuthConfig = { ...base, adminToken: ADMIN, readToken: READ };

const HOST = "parallax.example:3000";
const SAME = `http://${HOST}`;

function req(method: string, path: string, headers: Record<string, string> = {}) {
  const h = new Headers({ host: HOST, ...headers });
  return { method, pathname: path, headers: h };
}

function sessionFor(config: AuthConfig, role: "admin" | "read", name: string | null = null) {
  return createSession(config, { role, name, now: NOW });
}

/** The write endpoints of the app (issue #5 and the analyst actions). */
const WRITES: [string, string][] = [
  ["POST", "/api/ingest"],
  ["POST", "/api/events/merge"],
  ["POST", "/api/events/ev_1/split"],
  ["POST", "/api/events/ev_1/lock"],
  ["PATCH", "/api/events/ev_1"],
  ["POST", "/api/articles/a_1/move"],
  ["PATCH", "/api/outlets/3"],
  ["POST", "/api/feeds"],
  ["POST", "/api/feeds/1/refresh"],
  ["DELETE", "/api/feeds/1"],
  ["PATCH", "/api/feeds/1"],
  ["POST", "/events/ev_1"], // a server action posts to its page
];

describe("writes with PARALLAX_ADMIN_TOKEN set", () => {
  test.each(WRITES)("%s %s without credentials is 401", (method, path) => {
    const r = guard(req(method, path), ADMIN_ONLY, NOW);
    expect(r).toMatchObject({ allow: false, status: 401, error: "unauthorized" });
  });

  test.each(WRITES)("%s %s with a wrong bearer token is 401", (method, path) => {
    const r = guard(req(method, path, { authorization: `Bearer ${ADMIN}x` }), ADMIN_ONLY, NOW);
    expect(r).toMatchObject({ allow: false, status: 401, message: expect.stringMatching(/bearer token is not valid/) });
  });

  test.each(WRITES)("%s %s with the read token is 403", (method, path) => {
    const r = guard(req(method, path, { authorization: `Bearer ${READ}` }), BOTH, NOW);
    expect(r).toMatchObject({ allow: false, status: 403 });
  });

  test.each(WRITES)("%s %s with the admin bearer token is allowed, recorded as admin", (method, path) => {
    const r = guard(req(method, path, { authorization: `Bearer ${ADMIN}` }), ADMIN_ONLY, NOW);
    expect(r).toMatchObject({ allow: true, actor: "admin", role: "admin" });
  });

  test("a client-sent actor header cannot impersonate: the verified actor replaces it", () => {
    const r = guard(req("POST", "/api/events/merge", { authorization: `Bearer ${ADMIN}`, "x-parallax-actor": "mallory" }), ADMIN_ONLY, NOW);
    expect(r).toMatchObject({ allow: true, actor: "admin" });
  });

  test("a signed-in session with the CSRF header from this origin may write, as the name given at sign-in", () => {
    const { value, session } = sessionFor(ADMIN_ONLY, "admin", "alice");
    const headers = { cookie: `${SESSION_COOKIE}=${value}`, origin: SAME, [CSRF_HEADER]: session.csrf };
    expect(guard(req("POST", "/api/events/merge", headers), ADMIN_ONLY, NOW)).toMatchObject({ allow: true, actor: "alice" });
  });

  test.each([
    ["no CSRF header", (_csrf: string) => ({ origin: SAME }), /CSRF/],
    ["a wrong CSRF header", (csrf: string) => ({ origin: SAME, [CSRF_HEADER]: csrf + "x" }), /CSRF/],
    ["another site's Origin", (csrf: string) => ({ origin: "https://evil.example", [CSRF_HEADER]: csrf }), /Cross-site/],
    ["Origin null", (csrf: string) => ({ origin: "null", [CSRF_HEADER]: csrf }), /Cross-site/],
    ["no Origin nor Referer", (csrf: string) => ({ [CSRF_HEADER]: csrf }), /must come from this site/],
  ])("a session write with %s is refused (403)", (_label, extra, message) => {
    const { value, session } = sessionFor(ADMIN_ONLY, "admin");
    const r = guard(req("POST", "/api/ingest", { cookie: `${SESSION_COOKIE}=${value}`, ...extra(session.csrf) }), ADMIN_ONLY, NOW);
    expect(r).toMatchObject({ allow: false, status: 403, message: expect.stringMatching(message) });
  });

  test("a page form (server action) with a session needs the Origin check only", () => {
    const { value } = sessionFor(ADMIN_ONLY, "admin");
    expect(guard(req("POST", "/outlets", { cookie: `${SESSION_COOKIE}=${value}`, origin: SAME }), ADMIN_ONLY, NOW)).toMatchObject({ allow: true });
    expect(guard(req("POST", "/outlets", { cookie: `${SESSION_COOKIE}=${value}`, referer: `${SAME}/outlets` }), ADMIN_ONLY, NOW)).toMatchObject({ allow: true });
    expect(guard(req("POST", "/outlets", { cookie: `${SESSION_COOKIE}=${value}`, origin: "http://evil.example" }), ADMIN_ONLY, NOW)).toMatchObject({ status: 403 });
  });

  test("an expired or forged session is 401", () => {
    const { value, session } = sessionFor(ADMIN_ONLY, "admin");
    const headers = { cookie: `${SESSION_COOKIE}=${value}`, origin: SAME, [CSRF_HEADER]: session.csrf };
    expect(guard(req("POST", "/api/ingest", headers), ADMIN_ONLY, NOW + 3_600_001)).toMatchObject({ status: 401 });
    const forged = { ...headers, cookie: `${SESSION_COOKIE}=${value.slice(0, -3)}abc` };
    expect(guard(req("POST", "/api/ingest", forged), ADMIN_ONLY, NOW)).toMatchObject({ status: 401 });
  });

  test("a read-only session cannot write", () => {
    const { value, session } = sessionFor(BOTH, "read");
    const r = guard(req("POST", "/api/ingest", { cookie: `${SESSION_COOKIE}=${value}`, origin: SAME, [CSRF_HEADER]: session.csrf }), BOTH, NOW);
    expect(r).toMatchObject({ allow: false, status: 403, message: expect.stringMatching(/reading only/) });
  });

  test("reads stay public without PARALLAX_READ_TOKEN", () => {
    for (const path of ["/", "/events", "/api/events", "/api/export/articles"]) {
      expect(guard(req("GET", path), ADMIN_ONLY, NOW)).toMatchObject({ allow: true, actor: null });
    }
  });

  test("sign-in and sign-out need no credentials but refuse cross-site posts", () => {
    expect(guard(req("POST", "/api/auth/signin", { origin: SAME }), ADMIN_ONLY, NOW)).toMatchObject({ allow: true });
    expect(guard(req("POST", "/api/auth/signout"), ADMIN_ONLY, NOW)).toMatchObject({ allow: true });
    expect(guard(req("POST", "/api/auth/signin", { origin: "https://evil.example" }), ADMIN_ONLY, NOW)).toMatchObject({ status: 403 });
  });

  test("bodies over the limit are refused with 413 before reaching the route", () => {
    const auth = { authorization: `Bearer ${ADMIN}` };
    const big = guard(req("POST", "/api/ingest", { ...auth, "content-length": String(11 * 1024 * 1024) }), ADMIN_ONLY, NOW);
    expect(big).toMatchObject({ allow: false, status: 413, message: expect.stringMatching(/11 MB; the limit is 10 MB \(PARALLAX_UPLOAD_MAX_MB\)/) });
    expect(guard(req("POST", "/api/ingest", { ...auth, "content-length": String(10 * 1024 * 1024) }), ADMIN_ONLY, NOW)).toMatchObject({ allow: true });
    expect(guard(req("POST", "/api/events/merge", { ...auth, "content-length": String(DEFAULT_WRITE_MAX_BYTES + 1) }), ADMIN_ONLY, NOW)).toMatchObject({ status: 413 });
  });
});

describe("reads with PARALLAX_READ_TOKEN set", () => {
  test.each(["/", "/events", "/events/ev_1", "/outlets", "/ingest", "/api/events", "/api/articles/a_1", "/api/export/events"])(
    "GET %s needs a token: pages redirect to sign-in, the API answers 401",
    (path) => {
      const r = guard({ ...req("GET", path), search: "?q=x" }, BOTH, NOW);
      expect(r).toMatchObject({ allow: false, status: 401 });
      if (path.startsWith("/api/")) expect(r).not.toHaveProperty("redirect");
      else expect(r).toMatchObject({ redirect: `/signin?next=${encodeURIComponent(`${path}?q=x`)}` });
    },
  );

  test("the read token, the admin token or any session may read", () => {
    expect(guard(req("GET", "/api/events", { authorization: `Bearer ${READ}` }), BOTH, NOW)).toMatchObject({ allow: true, role: "read" });
    expect(guard(req("GET", "/api/events", { authorization: `Bearer ${ADMIN}` }), BOTH, NOW)).toMatchObject({ allow: true, role: "admin" });
    const { value } = sessionFor(BOTH, "read");
    expect(guard(req("GET", "/events", { cookie: `${SESSION_COOKIE}=${value}` }), BOTH, NOW)).toMatchObject({ allow: true, role: "read" });
    expect(guard(req("GET", "/api/events", { authorization: "Bearer nope-nope-nope-nope" }), BOTH, NOW)).toMatchObject({ status: 401 });
  });

  test("the sign-in page, liveness and static files stay reachable", () => {
    for (const path of ["/signin", "/api/health", "/_next/static/chunks/app.js", "/icon.svg"]) {
      expect(guard(req("GET", path), BOTH, NOW)).toMatchObject({ allow: true });
    }
  });
});

describe("without any token", () => {
  test.each(WRITES)("%s %s from this machine is allowed; the client's actor header is kept", (method, path) => {
    const r = guard(req(method, path, { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }), OFF, NOW);
    expect(r).toMatchObject({ allow: true, actor: null });
  });

  test("a cross-site page cannot write to the local server (CSRF), nor through DNS rebinding", () => {
    expect(guard(req("POST", "/api/ingest", { host: "127.0.0.1:3000", origin: "https://evil.example" }), OFF, NOW)).toMatchObject({ status: 403 });
    expect(guard(req("POST", "/api/ingest", { host: "evil.example:3000", origin: "http://evil.example:3000" }), OFF, NOW)).toMatchObject({
      status: 403,
      message: expect.stringMatching(/loopback/),
    });
    expect(guard(req("POST", "/api/ingest", { host: "localhost:3000" }), OFF, NOW)).toMatchObject({ allow: true });
  });
});

describe("writeOrigin", () => {
  test.each([
    [{ origin: SAME }, "same"],
    [{ origin: "https://parallax.example:3000" }, "same"],
    [{ referer: `${SAME}/events?q=1` }, "same"],
    [{ origin: "http://parallax.example:3001" }, "cross"],
    [{ origin: "null" }, "cross"],
    [{ origin: "javascript:alert(1)" }, "cross"],
    [{}, "unknown"],
    [{ origin: "https://parallax.example", "x-forwarded-host": "parallax.example" }, "same"],
  ])("%j is %s", (headers, expected) => {
    expect(writeOrigin(new Headers({ host: HOST, ...headers }))).toBe(expected);
  });
});

describe("gate (the proxy)", () => {
  test("pages get a CSP with a fresh nonce, passed to Next in the request headers", () => {
    const a = gate(new NextRequest("http://127.0.0.1:3000/events"), OFF);
    const b = gate(new NextRequest("http://127.0.0.1:3000/events"), OFF);
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(csp).not.toBe(b.headers.get("content-security-policy"));
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  test("the API gets a no-document CSP; a refused write is JSON with WWW-Authenticate", async () => {
    const ok = gate(new NextRequest("http://127.0.0.1:3000/api/events"), ADMIN_ONLY);
    expect(ok.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    const refused = gate(new NextRequest("http://127.0.0.1:3000/api/ingest", { method: "POST" }), ADMIN_ONLY);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await refused.json()).toMatchObject({ error: "unauthorized", message: expect.stringMatching(/PARALLAX_ADMIN_TOKEN/) });
  });

  test("an allowed write carries the verified actor to the route", () => {
    const res = gate(
      new NextRequest("http://127.0.0.1:3000/api/events/merge", { method: "POST", headers: { authorization: `Bearer ${ADMIN}`, "x-parallax-actor": "mallory" } }),
      ADMIN_ONLY,
    );
    expect(res.headers.get("x-middleware-request-x-parallax-actor")).toBe("admin");
  });

  test("a protected page redirects to sign-in, keeping where the reader was going", () => {
    const res = gate(new NextRequest("http://127.0.0.1:3000/events?q=aleppo"), BOTH);
    expect(res.status).toBe(307);
    const location = new URL(res.headers.get("location")!);
    expect(location.pathname + location.search).toBe("/signin?next=%2Fevents%3Fq%3Daleppo");
  });

  test.each(["/api/events/%FF/history", "/events/%C0%AF", "/api/export/%E2%80", "/articles/a_%"])(
    "a path with a percent-escape that is not UTF-8 is a 400 naming the path, before anything reads it (%s)",
    async (path) => {
      const res = gate(new NextRequest(`http://127.0.0.1:3000${path}`), BOTH);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: "bad_request", field: "path", message: expect.stringMatching(/not UTF-8/) });
    },
  );

  test.each(["/api/events/%00", "/api/outlets/a%00b", "/events/ev_1%00/x"])("a path holding a NUL character is a 400 (PostgreSQL refused it in the query: a 500) (%s)", async (path) => {
    const res = gate(new NextRequest(`http://127.0.0.1:3000${path}`), OFF);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "bad_request", field: "path", message: expect.stringMatching(/NUL/) });
  });

  test.each(["/events/ev_1", "/api/outlets/a%25b", "/events/ev%5F1", "/api/events/%E6%97%A5"])("a well-encoded path passes (%s)", (path) => {
    expect(gate(new NextRequest(`http://127.0.0.1:3000${path}`), OFF).status).toBe(200);
  });

  test("over HTTPS the CSP upgrades insecure requests", () => {
    const res = gate(new NextRequest("http://127.0.0.1:3000/", { headers: { "x-forwarded-proto": "https" } }), OFF);
    expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});

describe("safeNextPath", () => {
  test.each([
    ["/events?q=1", "/events?q=1"],
    ["/", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["https://evil.example", "/"],
    ["events", "/"],
    ["/signin?next=/x", "/"],
    ["/api/auth/signout", "/"],
    [undefined, "/"],
  ])("%j goes to %j", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});

describe("start-up binding", () => {
  test.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["localhost", true],
    ["::1", true],
    ["[::1]", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.10", false],
    ["parallax.example", false],
    ["127.0.0.1.evil.example", false],
  ])("isLoopbackHost(%j) is %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });

  test("without an admin token it stays on loopback and says writes are unauthenticated", () => {
    const d = decideBinding({ hostname: undefined, adminToken: false, readToken: false });
    expect(d).toMatchObject({ ok: true, hostname: "127.0.0.1" });
    expect(d.ok && d.notes.join(" ")).toMatch(/NOT authenticated.*PARALLAX_ADMIN_TOKEN/s);
  });

  test("without an admin token a non-loopback HOSTNAME is refused with a clear message", () => {
    const d = decideBinding({ hostname: "0.0.0.0", adminToken: false, readToken: true });
    expect(d).toMatchObject({ ok: false, message: expect.stringMatching(/refusing to listen on 0\.0\.0\.0 without PARALLAX_ADMIN_TOKEN/) });
  });

  test("with an admin token any interface is allowed", () => {
    expect(decideBinding({ hostname: "0.0.0.0", adminToken: true, readToken: false })).toMatchObject({ ok: true, hostname: "0.0.0.0" });
  });
});
