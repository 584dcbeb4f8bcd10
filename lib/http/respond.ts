import { z } from "zod";
import { parseFilters } from "../schemas/filters";

/** A 400 answer that names the offending field, so API users can fix the request. */
export function badRequest(field: string, message: string): Response {
  return Response.json({ error: "bad_request", field, message }, { status: 400 });
}

export function notFound(what: string): Response {
  return Response.json({ error: "not_found", message: `${what} not found` }, { status: 404 });
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

/** Log an unexpected error and answer 500 without leaking internals. */
export function serverError(err: unknown, context: string): Response {
  console.error(`[parallax] ${context}:`, err);
  return Response.json({ error: "internal_error", message: `${context} failed; see the server log` }, { status: 500 });
}
