import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { CSRF_COOKIE, SESSION_COOKIE } from "./constants";
import { guard } from "./guard";
import type { AuthConfig } from "./session";
import { signIn, signOut } from "./signin";

const ADMIN = "admin-token-0123456789abcdef";
const config: AuthConfig = { adminToken: ADMIN, sessionTtlMs: 2 * 3_600_000, uploadMaxBytes: 1024 };

function form(fields: Record<string, string>, opts: { https?: boolean; ip?: string } = {}) {
  return new NextRequest(`${opts.https ? "https" : "http"}://parallax.example/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": opts.ip ?? "10.0.0.1" },
    body: new URLSearchParams(fields).toString(),
  });
}

function setCookies(res: Response): string[] {
  return res.headers.getSetCookie();
}

describe("sign-in", () => {
  test("the right token sets an HttpOnly, SameSite=Strict session cookie and a CSRF cookie, then goes back", async () => {
    const res = await signIn(form({ token: ADMIN, name: "alice", next: "/outlets" }, { ip: "10.0.0.2" }), config);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/outlets");
    const cookies = setCookies(res);
    const session = cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    const csrf = cookies.find((c) => c.startsWith(`${CSRF_COOKIE}=`))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(session).toMatch(/Max-Age=7200/);
    expect(session).not.toMatch(/Secure/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/SameSite=Strict/i);

    // The cookies work: a write with them and the CSRF header is allowed, as "alice".
    const value = /^parallax_session=([^;]+)/.exec(session)![1]!;
    const token = /^parallax_csrf=([^;]+)/.exec(csrf)![1]!;
    const headers = new Headers({ host: "parallax.example", origin: "http://parallax.example", cookie: `${SESSION_COOKIE}=${value}`, "x-csrf-token": token });
    expect(guard({ method: "POST", pathname: "/api/ingest", headers }, config)).toMatchObject({ allow: true, actor: "alice" });
  });

  test("over HTTPS the cookies are Secure", async () => {
    const res = await signIn(form({ token: ADMIN }, { https: true, ip: "10.0.0.3" }), config);
    for (const c of setCookies(res)) expect(c).toMatch(/Secure/i);
  });

  test("a wrong token sets no cookie and returns to the form with the error", async () => {
    const res = await signIn(form({ token: "wrong", next: "/outlets" }, { ip: "10.0.0.4" }), config);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/signin?error=invalid&next=%2Foutlets");
    expect(setCookies(res)).toEqual([]);
  });

  test("an off-site next is ignored", async () => {
    const res = await signIn(form({ token: ADMIN, next: "//evil.example/" }, { ip: "10.0.0.5" }), config);
    expect(res.headers.get("location")).toBe("/");
  });

  test("JSON sign-in answers JSON; repeated failures are slowed down with 429", async () => {
    const json = (body: unknown) =>
      new NextRequest("http://parallax.example/api/auth/signin", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "10.0.0.9" },
        body: JSON.stringify(body),
      });
    const ok = await signIn(json({ token: ADMIN }), config);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ role: "admin", name: null });
    for (let i = 0; i < 10; i++) expect((await signIn(json({ token: `wrong-${i}` }), config)).status).toBe(401);
    const blocked = await signIn(json({ token: ADMIN }), config);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await signIn(form({ token: ADMIN }, { ip: "10.0.0.10" }), config)).status).toBe(303);
  });

  test("a name with control characters is refused", async () => {
    const res = await signIn(form({ token: ADMIN, name: "a\u0007b" }, { ip: "10.0.0.6" }), config);
    expect(res.headers.get("location")).toMatch(/error=bad_name/);
  });

  test("without tokens sign-in is off", async () => {
    const res = await signIn(form({ token: ADMIN }, { ip: "10.0.0.7" }), { sessionTtlMs: 1000, uploadMaxBytes: 1 });
    expect(res.headers.get("location")).toBe("/signin?error=disabled");
  });

  test("sign-out clears both cookies", async () => {
    const res = await signOut(new NextRequest("http://parallax.example/api/auth/signout", { method: "POST" }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/signin?signedout=1");
    const cookies = setCookies(res);
    expect(cookies).toHaveLength(2);
    for (const c of cookies) expect(c).toMatch(/Max-Age=0/);
  });
});
