/**
 * Every write endpoint refuses missing and wrong tokens. The list is read from the route files
 * themselves (app/api/**\/route.ts exporting POST, PUT, PATCH or DELETE), so a new write route is
 * covered the day it is added; guard.test.ts checks the rules on a hand-picked list.
 */
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { guard } from "./guard";
import { gate } from "./proxy";
import type { AuthConfig } from "./session";

const ADMIN = "admin-token-0123456789abcdef";
const READ = "read-token-0123456789abcdef";
const base = { sessionTtlMs: 3_600_000, uploadMaxBytes: 10 * 1024 * 1024 };
const BOTH: AuthConfig = { ...base, adminToken: ADMIN, readToken: READ };
/** Sign-in and sign-out need no credentials (guard.test.ts checks they refuse cross-site posts). */
const PUBLIC_WRITES = new Set(["/api/auth/signin", "/api/auth/signout"]);

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}

const apiDir = path.resolve(import.meta.dirname, "../../app/api");
const WRITES: [string, string][] = routeFiles(apiDir).flatMap((file) => {
  const url = "/api/" + path.relative(apiDir, path.dirname(file)).split(path.sep).map((seg) => seg.replace(/^\[(.+)\]$/, "$1-1")).join("/");
  const methods = [...fs.readFileSync(file, "utf8").matchAll(/export\s+(?:async\s+)?function\s+(POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
  return PUBLIC_WRITES.has(url) ? [] : methods.map((m) => [m, url] as [string, string]);
});

describe("every write route under app/api", () => {
  test("the scan finds the write routes", () => {
    expect(WRITES.length).toBeGreaterThanOrEqual(14);
    expect(WRITES).toEqual(expect.arrayContaining([["POST", "/api/ingest"], ["POST", "/api/events/merge"], ["PATCH", "/api/outlets/outletId-1"], ["POST", "/api/fetch"], ["POST", "/api/articles/move"]]));
  });

  test.each(WRITES)("%s %s: 401 without a token, 401 with a wrong one, 403 with the read token, allowed with the admin token", async (method, url) => {
    const h = (extra: Record<string, string> = {}) => ({ method, pathname: url, headers: new Headers({ host: "parallax.example", ...extra }) });
    expect(guard(h(), BOTH)).toMatchObject({ allow: false, status: 401 });
    expect(guard(h({ authorization: `Bearer ${ADMIN}x` }), BOTH)).toMatchObject({ allow: false, status: 401 });
    expect(guard(h({ authorization: "Bearer " }), BOTH)).toMatchObject({ allow: false, status: 401 });
    expect(guard(h({ authorization: `Basic ${btoa(`admin:${ADMIN}`)}` }), BOTH)).toMatchObject({ allow: false, status: 401 });
    expect(guard(h({ authorization: `Bearer ${READ}` }), BOTH)).toMatchObject({ allow: false, status: 403 });
    expect(guard(h({ authorization: `Bearer ${ADMIN}` }), BOTH)).toMatchObject({ allow: true, role: "admin" });
    // Through the proxy as Next runs it: a JSON 401 with WWW-Authenticate, and the API CSP.
    const refused = gate(new NextRequest(`http://127.0.0.1:3000${url}`, { method, headers: { "content-type": "application/json", "x-parallax-actor": "mallory" }, body: "{}" }), BOTH);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(refused.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(((await refused.json()) as { error: string }).error).toBe("unauthorized");
    // A token in the query string is never accepted for a write.
    const viaQuery = gate(new NextRequest(`http://127.0.0.1:3000${url}?token=${ADMIN}`, { method, body: "{}" }), BOTH);
    expect(viaQuery.status).toBe(401);
  });
});
