/**
 * Signing in and out: the handlers behind app/api/auth/{signin,signout}. A form post is
 * answered with a redirect (the page works without JavaScript); a JSON post with JSON.
 */
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { actorSchema } from "../schemas/actions";
import { SIGNIN_PATH } from "./constants";
import { clearedCookies, sessionCookies } from "./cookies";
import { isHttps, safeNextPath } from "./proxy";
import { FailureLimiter } from "./rate-limit";
import { authEnabled, createSession, roleForToken, type AuthConfig } from "./session";

const signInSchema = z.object({
  token: z.string({ error: "token: required" }).trim().min(1, "token: required").max(1000, "token: at most 1000 characters"),
  name: z
    .string()
    .optional()
    .transform((v) => v ?? "")
    .pipe(actorSchema)
    .transform((v) => (v === "anonymous" ? null : v)),
  next: z.string().optional(),
});

const limiter = new FailureLimiter();

function clientKey(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "local";
}

async function readForm(request: Request): Promise<{ json: boolean; fields: Record<string, unknown> } | null> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body: unknown = await request.json();
      return body && typeof body === "object" && !Array.isArray(body) ? { json: true, fields: body as Record<string, unknown> } : null;
    }
    const form = await request.formData();
    const fields: Record<string, unknown> = {};
    for (const [k, v] of form.entries()) if (typeof v === "string") fields[k] = v;
    return { json: false, fields };
  } catch {
    return null;
  }
}

/** A 303 to a path on this site. Relative, so it stays right behind a reverse proxy. */
function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: path } });
}

function backToForm(error: string, next: string): NextResponse {
  const params = new URLSearchParams({ error });
  if (next !== "/") params.set("next", next);
  return seeOther(`${SIGNIN_PATH}?${params}`);
}

export async function signIn(request: NextRequest, config: AuthConfig, now: number = Date.now()): Promise<NextResponse> {
  const input = await readForm(request);
  const json = input?.json ?? (request.headers.get("content-type") ?? "").includes("json");
  const next = safeNextPath(typeof input?.fields.next === "string" ? input.fields.next : null);
  const fail = (status: number, error: string, message: string, headers?: Record<string, string>, field?: string) =>
    json ? NextResponse.json({ error, ...(field ? { field } : {}), message }, { status, headers }) : backToForm(error, next);

  if (!authEnabled(config)) {
    return fail(404, "disabled", "Sign-in is off: no PARALLAX_ADMIN_TOKEN or PARALLAX_READ_TOKEN is set, so nothing needs it.");
  }
  if (!input) return fail(400, "bad_request", "body: expected a form or a JSON object with a token", undefined, "body");
  const key = clientKey(request);
  const wait = limiter.retryAfter(key, now);
  if (wait > 0) {
    return fail(429, "too_many_attempts", `Too many failed sign-ins: try again in ${wait} s.`, { "Retry-After": String(wait) });
  }
  const parsed = signInSchema.safeParse(input.fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join(".") || "token";
    return fail(400, field === "name" ? "bad_name" : "bad_request", issue?.message.startsWith(field) ? issue.message : `${field}: ${issue?.message ?? "invalid"}`, undefined, field);
  }
  const role = roleForToken(parsed.data.token, config);
  if (role === null) {
    limiter.fail(key, now);
    return fail(401, "invalid", "That token is not valid.");
  }
  limiter.succeed(key);

  const { value, session } = createSession(config, { role, name: parsed.data.name, now });
  const res = json
    ? NextResponse.json({ role, name: session.name, expiresAt: new Date(session.expiresAt).toISOString() })
    : seeOther(next);
  for (const c of sessionCookies(value, session.csrf, config.sessionTtlMs / 1000, isHttps(request))) res.cookies.set(c.name, c.value, c.options);
  res.headers.set("Cache-Control", "no-store");
  return res;
}

export async function signOut(request: NextRequest): Promise<NextResponse> {
  const json = (request.headers.get("content-type") ?? "").includes("json") || (request.headers.get("accept") ?? "").startsWith("application/json");
  const res = json ? NextResponse.json({ signedOut: true }) : seeOther(`${SIGNIN_PATH}?signedout=1`);
  for (const c of clearedCookies(isHttps(request))) res.cookies.set(c.name, c.value, c.options);
  res.headers.set("Cache-Control", "no-store");
  return res;
}
