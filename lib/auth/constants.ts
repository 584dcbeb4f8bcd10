/**
 * Names shared by the server (proxy, sign-in routes) and the browser (the CSRF header helper).
 * No imports: client components may use this file.
 */

/** HttpOnly, signed session cookie set by POST /api/auth/signin. */
export const SESSION_COOKIE = "parallax_session";
/** Readable by scripts on the page: the double-submit CSRF token, bound to the session by its signature. */
export const CSRF_COOKIE = "parallax_csrf";
/** The header a cookie-authenticated write must repeat the CSRF cookie in. */
export const CSRF_HEADER = "x-csrf-token";
/** The actor header route handlers read (lib/http/respond.ts); the proxy overwrites it when auth is on. */
export const ACTOR_HEADER = "x-parallax-actor";
/** Where the proxy sends the per-request CSP nonce to server components. */
export const NONCE_HEADER = "x-nonce";

export const SIGNIN_PATH = "/signin";
