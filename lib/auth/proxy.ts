/**
 * The request gate proxy.ts runs for every route: authentication and CSRF (lib/auth/guard.ts),
 * the verified actor handed to route handlers, and the per-request CSP nonce for pages.
 */
import { NextResponse, type NextRequest } from "next/server";
import { ACTOR_HEADER, NONCE_HEADER, SIGNIN_PATH } from "./constants";
import { guard } from "./guard";
import { API_CSP, newNonce, pageCsp } from "./headers";
import type { AuthConfig } from "./session";

export interface GateOptions {
  /** `next dev`: the CSP allows 'unsafe-eval'. */
  dev?: boolean;
  now?: number;
}

export function isHttps(request: NextRequest): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded ? forwarded === "https" : request.nextUrl.protocol === "https:";
}

/**
 * What is wrong with a path no route can take, or null: percent-escapes that do not decode to
 * UTF-8 ("%FF", "%C0%AF"), on which Next fails with a 500 when it reads the route's parameters,
 * and a NUL character ("%00"), which no id holds and PostgreSQL refuses in a query.
 */
export function pathProblem(pathname: string): string | null {
  if (!pathname.includes("%")) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return "The address has a percent-escape that is not UTF-8 (such as %FF): encode the path as UTF-8 (encodeURIComponent).";
  }
  return decoded.includes("\u0000") ? "The address holds a NUL character (%00), which no id or key does." : null;
}

/** Answer `request`: refuse it, or pass it on with the actor and CSP nonce set. */
export function gate(request: NextRequest, config: AuthConfig, opts: GateOptions = {}): NextResponse {
  const { pathname, search } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  const problem = pathProblem(pathname);
  if (problem) {
    const res = NextResponse.json({ error: "bad_request", field: "path", message: problem }, { status: 400 });
    res.headers.set("Content-Security-Policy", API_CSP);
    res.headers.set("Cache-Control", "no-store");
    return res;
  }
  const decision = guard({ method: request.method, pathname, search, headers: request.headers }, config, opts.now);

  if (!decision.allow) {
    if (decision.redirect && !api) {
      // Next requires an absolute Location here and turns a same-host one back into a relative
      // path, so the browser stays on the host it used (127.0.0.1 and localhost hold different cookies).
      const res = NextResponse.redirect(new URL(decision.redirect, request.nextUrl.origin), 307);
      res.headers.set("Cache-Control", "no-store");
      return res;
    }
    const res = NextResponse.json({ error: decision.error, message: decision.message }, { status: decision.status });
    if (decision.status === 401) res.headers.set("WWW-Authenticate", `Bearer realm="parallax"`);
    res.headers.set("Content-Security-Policy", API_CSP);
    res.headers.set("Cache-Control", "no-store");
    return res;
  }

  const headers = new Headers(request.headers);
  if (decision.actor !== null) headers.set(ACTOR_HEADER, decision.actor);
  headers.delete(NONCE_HEADER);
  let csp = API_CSP;
  if (!api) {
    const nonce = newNonce();
    csp = pageCsp({ nonce, dev: opts.dev, https: isHttps(request) });
    headers.set(NONCE_HEADER, nonce);
    // Next.js reads the nonce from the request's CSP header and applies it to its scripts.
    headers.set("content-security-policy", csp);
  }
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

/**
 * Where sign-in may send the browser back to: a path on this site, else "/". Refuses
 * protocol-relative ("//host", "/\\host") and anything with whitespace or control characters
 * (browsers drop tabs and newlines, so "/\t/host" would become "//host").
 */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || value.length > 2000) return "/";
  if (!/^\/(?![/\\])[^\s\p{Cc}]*$/u.test(value)) return "/";
  if (value === SIGNIN_PATH || value.startsWith(`${SIGNIN_PATH}?`) || value.startsWith("/api/auth/")) return "/";
  return value;
}
