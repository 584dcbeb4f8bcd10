/**
 * Who may do what, decided once for every request (proxy.ts runs it before any route):
 *
 * - Reads (GET, HEAD, OPTIONS) are public unless PARALLAX_READ_TOKEN is set; then they need the
 *   read or admin token as a bearer, or a signed-in session.
 * - Writes (every other method, API routes, page forms and server actions alike) need the admin
 *   token when PARALLAX_ADMIN_TOKEN is set: a bearer token, or a session signed in with it plus
 *   CSRF proof. Without any token Parallax listens on loopback only (scripts/start.ts) and writes
 *   are open, but still only from same-origin pages and for a loopback Host (so a web page
 *   cannot post to it, not even through DNS rebinding).
 * - CSRF: a cookie-authenticated write must come from this origin (Origin, else Referer) and,
 *   for the JSON API, repeat the CSRF cookie in the X-CSRF-Token header (double submit; the
 *   session's signature binds the token). Plain HTML forms (sign-out) rely on the Origin check.
 *
 * Pure apart from the clock: the proxy passes the request's parts in; tests call it directly.
 */
import { isLoopbackHost } from "./binding";
import { CSRF_HEADER, SESSION_COOKIE } from "./constants";
import { bearerToken, roleForToken, safeEqual, verifySession, type AuthConfig, type Role, type Session } from "./session";

export interface GuardRequest {
  method: string;
  /** The path, without the query string. */
  pathname: string;
  /** The query string with its "?", or "" (kept in the sign-in redirect). */
  search?: string;
  headers: Headers;
}

export type GuardResult =
  | {
      allow: true;
      /** The actor route handlers must record, or null to leave the request's header alone. */
      actor: string | null;
      role: Role | null;
      session: Session | null;
    }
  | {
      allow: false;
      status: 401 | 403 | 413;
      error: "unauthorized" | "forbidden" | "payload_too_large";
      message: string;
      /** For a page read: where to send the browser instead (the sign-in page). */
      redirect?: string;
    };

/** Reachable without credentials: the sign-in page and its endpoints, liveness, the icon. */
const PUBLIC_PATHS = new Set(["/signin", "/api/auth/signin", "/api/auth/signout", "/api/health", "/icon.svg", "/favicon.ico", "/robots.txt"]);

/** Body cap for writes other than uploads (JSON actions are a few hundred bytes). */
export const DEFAULT_WRITE_MAX_BYTES = 2 * 1024 * 1024;
export const INGEST_PATH = "/api/ingest";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Follow feeds (GET /api/follows/:id/atom) accept the read or admin token as `?token=`: a feed
 * reader cannot send an Authorization header. Reads only, and only on these paths.
 */
const QUERY_TOKEN_PATH = /^\/api\/follows\/\d+\/atom$/;

function queryToken(request: GuardRequest): string | null {
  if (!QUERY_TOKEN_PATH.test(request.pathname) || !request.search) return null;
  return new URLSearchParams(request.search).get("token");
}

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.has(pathname) || pathname.startsWith("/_next/");
}

/** The value of one cookie in a Cookie header. */
export function cookieValue(headers: Headers, name: string): string | null {
  const raw = headers.get("cookie");
  if (!raw) return null;
  for (const part of raw.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The host (with port) the client addressed: X-Forwarded-Host behind a reverse proxy, else Host. */
export function requestHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

function hostOfUrl(value: string): string | null {
  try {
    const u = new URL(value);
    return u.protocol === "http:" || u.protocol === "https:" ? u.host : null;
  } catch {
    return null;
  }
}

/**
 * Where a write comes from: "same" (Origin, else Referer, names this host), "cross" (it names
 * another, or Origin is "null"), or "unknown" (neither header: curl, scripts).
 */
export function writeOrigin(headers: Headers): "same" | "cross" | "unknown" {
  const host = requestHost(headers)?.toLowerCase() ?? null;
  const origin = headers.get("origin");
  const referer = headers.get("referer");
  const claimed = origin ?? referer;
  if (claimed === null) return "unknown";
  const claimedHost = hostOfUrl(claimed)?.toLowerCase() ?? null;
  return claimedHost !== null && host !== null && claimedHost === host ? "same" : "cross";
}

function bodyLimit(pathname: string, config: AuthConfig): number {
  return pathname === INGEST_PATH ? config.uploadMaxBytes : DEFAULT_WRITE_MAX_BYTES;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

function deny(status: 401 | 403, message: string): GuardResult {
  return { allow: false, status, error: status === 401 ? "unauthorized" : "forbidden", message };
}

/** What the signed-in (or bearer) user is recorded as. */
function actorFor(role: Role, session: Session | null): string {
  return session?.name || (role === "admin" ? "admin" : "reader");
}

/** Decide one request. `now` is for tests. */
export function guard(request: GuardRequest, config: AuthConfig, now: number = Date.now()): GuardResult {
  const { headers, pathname } = request;
  const method = request.method.toUpperCase();
  const safe = SAFE_METHODS.has(method);
  const api = pathname.startsWith("/api/");

  // Credentials: an Authorization header wins; a wrong one is refused, never ignored.
  const bearer = bearerToken(headers.get("authorization")) ?? (safe ? queryToken(request) : null);
  const bearerRole = bearer === null ? null : roleForToken(bearer, config);
  const session = bearer === null ? verifySession(cookieValue(headers, SESSION_COOKIE), config, now) : null;
  const role: Role | null = bearerRole ?? session?.role ?? null;
  if (bearer !== null && bearerRole === null && (config.adminToken || config.readToken)) {
    return deny(401, "The bearer token is not valid: send `Authorization: Bearer <PARALLAX_ADMIN_TOKEN>` (or the read token for reading).");
  }

  if (safe) {
    if (!config.readToken || isPublicPath(pathname) || role !== null) return { allow: true, actor: null, role, session };
    return {
      allow: false,
      status: 401,
      error: "unauthorized",
      message: "Reading needs a token: send `Authorization: Bearer <PARALLAX_READ_TOKEN>`, or sign in at /signin.",
      ...(api ? {} : { redirect: `/signin?next=${encodeURIComponent(pathname + (request.search ?? ""))}` }),
    };
  }

  // Writes. First: where from. A cross-site page must never write, with or without auth.
  const origin = writeOrigin(headers);
  if (origin === "cross") {
    return deny(403, "Cross-site write refused: the request's Origin is not this site. Use the dashboard itself, or an API client without cookies.");
  }

  const required: Role | null = config.adminToken ? "admin" : config.readToken ? "read" : null;
  let actor: string | null = null;
  if (isPublicPath(pathname)) {
    // Sign-in and sign-out authenticate themselves; the Origin check above covers login CSRF.
  } else if (required === null) {
    // No token configured: only this machine may write (start.ts binds loopback; this refuses
    // a foreign Host, i.e. a DNS-rebinding page reaching 127.0.0.1).
    const host = requestHost(headers)?.replace(/:\d+$/, "") ?? "";
    if (!isLoopbackHost(host)) {
      return deny(403, `Writes without PARALLAX_ADMIN_TOKEN are accepted only on a loopback address, not on host "${host}". Set PARALLAX_ADMIN_TOKEN to serve other machines.`);
    }
  } else {
    if (role === null) {
      return deny(
        401,
        required === "admin"
          ? "Sign in to make changes: send `Authorization: Bearer <PARALLAX_ADMIN_TOKEN>`, or sign in at /signin (your session may have expired)."
          : "Sign in to make changes: send `Authorization: Bearer <PARALLAX_READ_TOKEN>`, or sign in at /signin.",
      );
    }
    if (required === "admin" && role !== "admin") {
      return deny(403, "Signed in for reading only: sign in with the admin token (PARALLAX_ADMIN_TOKEN) to make changes.");
    }
    if (bearerRole === null && session !== null) {
      // Cookie-authenticated: prove the request comes from our own page.
      if (origin !== "same") return deny(403, "A signed-in write must come from this site (no Origin or Referer header was sent).");
      if (api) {
        const presented = headers.get(CSRF_HEADER) ?? "";
        if (!presented || !safeEqual(presented, session.csrf)) {
          return deny(403, "Missing or wrong CSRF token (X-CSRF-Token header): reload the page and try again.");
        }
      }
    }
    actor = actorFor(role, session);
  }

  const length = Number(headers.get("content-length") ?? "0");
  const limit = bodyLimit(pathname, config);
  if (Number.isFinite(length) && length > limit) {
    return {
      allow: false,
      status: 413,
      error: "payload_too_large",
      message:
        `The request body is ${formatBytes(length)}; the limit is ${formatBytes(limit)}` +
        (pathname === INGEST_PATH ? " (PARALLAX_UPLOAD_MAX_MB). Split the upload into smaller files, or raise the limit." : "."),
    };
  }
  return { allow: true, actor, role, session };
}
