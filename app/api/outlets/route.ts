import { parseQuery, serverError } from "@/lib/http/respond";
import { listOutletRegistry, searchOutletRegistry } from "@/lib/queries/outlets";
import { OUTLET_SEARCH_LIMIT, outletSearchSchema } from "@/lib/schemas/outlets";

export const dynamic = "force-dynamic";

/**
 * GET /api/outlets — every outlet with its domains, kind, country, language and article count,
 * by name. GET /api/outlets?q=&limit=&event= — the outlets whose name, key or a domain contains
 * `q`, most articles first, at most `limit` (default 25, at most 100), and `more` when others
 * match; with `event`, the outlets of that event and their articles in it (the event page's filter).
 */
export async function GET(request: Request) {
  const parsed = parseQuery(request, outletSearchSchema);
  if (!parsed.ok) return parsed.response;
  const { q, limit, event } = parsed.data;
  try {
    if (q === undefined && limit === undefined && event === undefined) return Response.json({ rows: await listOutletRegistry() });
    return Response.json(await searchOutletRegistry({ q, limit: limit ?? OUTLET_SEARCH_LIMIT, event }));
  } catch (err) {
    return serverError(err, "listing outlets");
  }
}
