/** The session and CSRF cookies as Set-Cookie attributes (Next's ResponseCookies options). */
import { CSRF_COOKIE, SESSION_COOKIE } from "./constants";

interface CookieSpec {
  name: string;
  value: string;
  options: { httpOnly: boolean; sameSite: "strict"; secure: boolean; path: string; maxAge: number };
}

/** Cookies that start a session: the signed session (HttpOnly) and its CSRF token (readable by our scripts). */
export function sessionCookies(value: string, csrf: string, maxAgeSeconds: number, secure: boolean): CookieSpec[] {
  const base = { sameSite: "strict" as const, secure, path: "/", maxAge: Math.max(1, Math.floor(maxAgeSeconds)) };
  return [
    { name: SESSION_COOKIE, value, options: { ...base, httpOnly: true } },
    { name: CSRF_COOKIE, value: csrf, options: { ...base, httpOnly: false } },
  ];
}

/** Cookies that end it. */
export function clearedCookies(secure: boolean): CookieSpec[] {
  const base = { sameSite: "strict" as const, secure, path: "/", maxAge: 0 };
  return [
    { name: SESSION_COOKIE, value: "", options: { ...base, httpOnly: true } },
    { name: CSRF_COOKIE, value: "", options: { ...base, httpOnly: false } },
  ];
}
