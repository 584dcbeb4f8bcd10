import { describe, expect, test } from "vitest";
import { readCsrfCookie } from "./client";
import { authEnabled, bearerToken, createSession, roleForToken, safeEqual, verifySession, type AuthConfig } from "./session";

const ADMIN = "admin-token-0123456789abcdef";
const READ = "read-token-0123456789abcdef";
const config: AuthConfig = { adminToken: ADMIN, readToken: READ, sessionTtlMs: 60_000, uploadMaxBytes: 1024 };
const NOW = 1_800_000_000_000;

describe("tokens", () => {
  test.each([
    ["same", "same", true],
    ["same", "Same", false],
    ["short", "a much longer secret", false],
    ["", "", true],
  ])("safeEqual(%j, %j) is %s", (a, b, expected) => {
    expect(safeEqual(a, b)).toBe(expected);
  });

  test("a token grants its role; a wrong or missing one grants nothing", () => {
    expect(roleForToken(ADMIN, config)).toBe("admin");
    expect(roleForToken(READ, config)).toBe("read");
    expect(roleForToken(ADMIN + "x", config)).toBeNull();
    expect(roleForToken(ADMIN, { adminToken: undefined, readToken: undefined })).toBeNull();
    expect(authEnabled({ adminToken: undefined, readToken: undefined })).toBe(false);
    expect(authEnabled({ adminToken: undefined, readToken: READ })).toBe(true);
  });

  test.each([
    ["Bearer abc", "abc"],
    ["bearer   abc  ", "abc"],
    ["Basic abc", null],
    ["Bearer", null],
    ["Bearer a b", null],
    [null, null],
  ])("bearerToken(%j) is %j", (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});

describe("sessions", () => {
  test("a session round-trips with its role, name, CSRF token and expiry", () => {
    const { value, session } = createSession(config, { role: "admin", name: "alice", now: NOW });
    expect(value).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
    expect(session.csrf.length).toBeGreaterThanOrEqual(40);
    expect(verifySession(value, config, NOW + 1000)).toEqual({ role: "admin", name: "alice", csrf: session.csrf, expiresAt: NOW + 60_000 });
  });

  test("an expired session is refused", () => {
    const { value } = createSession(config, { role: "read", name: null, now: NOW });
    expect(verifySession(value, config, NOW + 59_999)).not.toBeNull();
    expect(verifySession(value, config, NOW + 60_000)).toBeNull();
  });

  test("a tampered payload, a forged signature or another server's session is refused", () => {
    const { value } = createSession(config, { role: "read", name: "bob", now: NOW });
    const [v, payload, sig] = value.split(".") as [string, string, string];
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), r: "admin" }),
    ).toString("base64url");
    expect(verifySession(`${v}.${forgedPayload}.${sig}`, config, NOW)).toBeNull();
    expect(verifySession(`${v}.${payload}.${sig.slice(0, -2)}AA`, config, NOW)).toBeNull();
    expect(verifySession(value, { ...config, adminToken: "another-admin-token-0000" }, NOW)).toBeNull();
    for (const junk of ["", "v1", "v1..", "v2.a.b", "x".repeat(5000), `v1.${payload}`]) expect(verifySession(junk, config, NOW)).toBeNull();
  });

  test("an admin session dies when the admin token is removed, even if signed consistently", () => {
    const readOnly: AuthConfig = { ...config, adminToken: undefined };
    const { value } = createSession(readOnly, { role: "admin", name: null, now: NOW });
    expect(verifySession(value, readOnly, NOW)).toBeNull();
  });

  test("without any token there are no sessions", () => {
    const off: AuthConfig = { adminToken: undefined, readToken: undefined, sessionTtlMs: 60_000, uploadMaxBytes: 1 };
    const { value } = createSession(off, { role: "admin", name: null, now: NOW });
    expect(verifySession(value, off, NOW)).toBeNull();
  });
});

describe("readCsrfCookie", () => {
  test.each([
    ["parallax_csrf=abc", "abc"],
    ["a=1; parallax_csrf=x%2By; b=2", "x+y"],
    ["parallax_csrf_other=1; a=2", null],
    ["", null],
  ])("%j gives %j", (cookie, expected) => {
    expect(readCsrfCookie(cookie)).toBe(expected);
  });
});
