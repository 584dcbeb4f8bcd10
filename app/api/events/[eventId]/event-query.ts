import { notFound, parseParam, parseQuery, serverError } from "@/lib/http/respond";
import { entityIdSchema } from "@/lib/schemas/actions";
import { baseFiltersSchema, type EventDetailFilters } from "@/lib/schemas/filters";

type RouteContext = { params: Promise<{ eventId: string }> };

/**
 * A GET handler for something the event page loads from the browser with its filters
 * (`/api/events/:id/…?<the page's filters>`): a bad id or filter answers 400 naming it, `load`
 * answering null (no such event) 404, a failure 500 saying what was being `doing`.
 */
export function eventQueryRoute<T>(load: (eventId: string, filters: EventDetailFilters, params: URLSearchParams) => Promise<T | null>, doing: string) {
  return async function GET(request: Request, ctx: RouteContext): Promise<Response> {
    const param = parseParam("eventId", (await ctx.params).eventId, entityIdSchema);
    if (!param.ok) return param.response;
    const eventId = param.data;
    const parsed = parseQuery(request, baseFiltersSchema);
    if (!parsed.ok) return parsed.response;
    try {
      const body = await load(eventId, parsed.data, new URL(request.url).searchParams);
      if (!body) return notFound(`event ${eventId}`);
      return Response.json(body, { headers: { "cache-control": "private, no-store" } });
    } catch (err) {
      return serverError(err, doing);
    }
  };
}
