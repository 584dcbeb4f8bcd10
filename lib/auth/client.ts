/**
 * Browser side of CSRF protection: writes made with the session cookie repeat the CSRF cookie
 * in a header (double submit). A cross-site page can neither read the cookie nor set the header.
 */
import { CSRF_COOKIE, CSRF_HEADER } from "./constants";

/** The CSRF cookie's value, or null when not signed in (or outside a browser). */
export function readCsrfCookie(cookieHeader: string = typeof document === "undefined" ? "" : document.cookie): string | null {
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === CSRF_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return value ? decodeURIComponent(value) : null;
    }
  }
  return null;
}

/** Headers to add to a same-origin write: the CSRF header when signed in, else nothing. */
export function csrfHeaders(): Record<string, string> {
  const token = readCsrfCookie();
  return token ? { [CSRF_HEADER]: token } : {};
}
