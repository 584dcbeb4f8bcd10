import { notFound, parseParam, parseQuery, serverError } from "@/lib/http/respond";
import { entityIdSchema } from "@/lib/schemas/actions";
import { baseFiltersSchema } from "@/lib/schemas/filters";
import { getStatementGroups } from "@/lib/queries/statement-groups";

export const dynamic = "force-dynamic";

/**
 * GET /api/events/:id/quote-variants?<the event page's filters> — the event's statement groups
 * (`StatementGroups`: each statement once, with every outlet's wording diffed against the longest).
 * The event page loads its "Quote variants" section from here when it scrolls near it: grouping
 * and diffing a large event's statements costs more than the rest of the page.
 */
export async function GET(request: Request, ctx: { params: Promise<{ eventId: string }> }) {
  const param = parseParam("eventId", (await ctx.params).eventId, entityIdSchema);
  if (!param.ok) return param.response;
  const eventId = param.data;
  const parsed = parseQuery(request, baseFiltersSchema);
  if (!parsed.ok) return parsed.response;
  try {
    const groups = await getStatementGroups(eventId, parsed.data);
    if (!groups) return notFound(`event ${eventId}`);
    return Response.json(groups, { headers: { "cache-control": "private, no-store" } });
  } catch (err) {
    return serverError(err, "grouping the event's statements");
  }
}
