import { z } from "zod";
import { DerivedTablesBuilding } from "../db/search";
import { isBusyStoreError } from "../db/store-retry";
import { ActionError } from "../mutations/errors";
import { actorSchema } from "../schemas/actions";
import { parseFilters } from "../schemas/filters";
import { STARTING_RETRY_S } from "./readiness";

/** A 400 answer that names the offending field, so API users can fix the request. */
export function badRequest(field: string, message: string): Response {
  return Response.json({ error: "bad_request", field, message }, { status: 400 });
}

export function notFound(what: string, field?: string): Response {
  return Response.json({ error: "not_found", ...(field ? { field } : {}), message: `${what} not found` }, { status: 404 });
}

/** A 409: the request is well-formed but contradicts the data (e.g. moving into the same event). */
export function conflict(field: string, message: string): Response {
  return Response.json({ error: "conflict", field, message }, { status: 409 });
}

/** Parse a request's query string with `schema`; a failure becomes a 400 naming the field. */
export function parseQuery<T extends z.ZodType>(
  request: Request,
  schema: T,
): { ok: true; data: z.infer<T> } | { ok: false; response: Response } {
  const result = parseFilters(schema, new URL(request.url).searchParams);
  if (result.ok) return { ok: true, data: result.data };
  return { ok: false, response: badRequest(result.field, result.error) };
}

/** Parse one URL path parameter (`:eventId`) with `schema`; a failure becomes a 400 naming it. */
export function parseParam<T extends z.ZodType>(
  field: string,
  value: string,
  schema: T,
): { ok: true; data: z.infer<T> } | { ok: false; response: Response } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, response: badRequest(field, `${field}: ${parsed.error.issues[0]?.message ?? "invalid value"}`) };
}

/** The field a zod issue is about: its path, or the unknown key it reports. */
function issueField(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return "body";
  if (issue.path.length) return issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys" && issue.keys[0]) return issue.keys[0];
  return "body";
}

/** Parse a JSON request body with `schema`; bad JSON or a bad field becomes a 400 naming it. */
export async function parseBody<T extends z.ZodType>(
  request: Request,
  schema: T,
): Promise<{ ok: true; data: z.infer<T> } | { ok: false; response: Response }> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { ok: false, response: badRequest("body", "body: expected a JSON object") };
  }
  const nul = nulPath(body);
  if (nul !== null) return { ok: false, response: badRequest(nul || "body", `${nul || "body"}: contains a NUL character (\\u0000), which no field may hold`) };
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  // An unknown key is usually a typo that also explains a "missing" field: report it first.
  const issue = parsed.error.issues.find((i) => i.code === "unrecognized_keys") ?? parsed.error.issues[0];
  const field = issueField(issue);
  const message = issue?.code === "unrecognized_keys" ? `unknown field "${field}"` : (issue?.message ?? "invalid value");
  return { ok: false, response: badRequest(field, `${field}: ${message}`) };
}

/**
 * The path ("sources.1", "" for the body itself) of the first string in `value` holding a NUL
 * character, or null. PostgreSQL stores no NUL in text ("invalid byte sequence"): such a value
 * would fail at the database with a 500 instead of a 400 naming the field.
 */
export function nulPath(value: unknown, at = ""): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? at : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], at ? `${at}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) return at ? `${at}.${k}` : k;
      const found = nulPath(v, at ? `${at}.${k}` : k);
      if (found !== null) return found;
    }
  }
  return null;
}

export const ACTOR_HEADER = "x-parallax-actor";

/**
 * Who is acting: the `X-Parallax-Actor` header, else "anonymous". Authentication is a later
 * issue; the actor stays a plain field so a session can fill it then.
 */
export function actorOf(request: Request): { ok: true; actor: string } | { ok: false; response: Response } {
  const parsed = actorSchema.safeParse(request.headers.get(ACTOR_HEADER) ?? "");
  if (parsed.success) return { ok: true, actor: parsed.data };
  return { ok: false, response: badRequest("X-Parallax-Actor", `X-Parallax-Actor: ${parsed.error.issues[0]?.message ?? "invalid value"}`) };
}

/** Seconds a client is asked to wait before trying again after a 503 "busy". */
const BUSY_RETRY_AFTER_S = 2;

/**
 * Run a manual action: its result as JSON, an ActionError as 404 / 409 naming the field, a
 * database still busy after the action's own retries as 503 with `Retry-After` (`serverError`).
 */
export async function runAction(context: string, action: () => Promise<unknown>, status = 200): Promise<Response> {
  try {
    return Response.json(await action(), { status });
  } catch (err) {
    if (err instanceof ActionError) {
      return err.code === "not_found"
        ? Response.json({ error: "not_found", field: err.field, message: err.message }, { status: 404 })
        : conflict(err.field, err.message);
    }
    return serverError(err, context);
  }
}

/**
 * Log an unexpected error and answer without leaking internals: 503 with `Retry-After` when the
 * database was busy (a deadlock victim, a lock held past its timeout: the transaction was rolled
 * back, so the same request may be sent again) or its derived tables are still being built
 * ("starting"), else 500.
 */
export function serverError(err: unknown, context: string): Response {
  if (err instanceof DerivedTablesBuilding) {
    // Not an error: the first start of a new release is building its tables (see readiness.ts).
    return Response.json(
      { error: "starting", message: `${context} must wait: ${err.message}.` },
      { status: 503, headers: { "Retry-After": String(STARTING_RETRY_S), "Cache-Control": "no-store" } },
    );
  }
  if (isBusyStoreError(err)) {
    console.error(`[parallax] ${context}: the database stayed busy:`, err);
    return Response.json(
      { error: "busy", message: `${context} could not finish: the database is busy with other writes (an ingest?). Nothing was changed; try again in a moment.` },
      { status: 503, headers: { "Retry-After": String(BUSY_RETRY_AFTER_S) } },
    );
  }
  console.error(`[parallax] ${context}:`, err);
  return Response.json({ error: "internal_error", message: `${context} failed; see the server log` }, { status: 500 });
}
