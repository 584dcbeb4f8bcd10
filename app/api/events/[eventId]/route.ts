import { notFound, parseQuery, serverError } from "@/lib/http/respond";
import { getEvent } from "@/lib/queries";
import { eventDetailFiltersSchema } from "@/lib/schemas/filters";

export const dynamic = "force-dynamic";

/** GET /api/events/:id — the comparison: claims and statements per outlet, timelines. */
export async function GET(request: Request, ctx: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await ctx.params;
  const parsed = parseQuery(request, eventDetailFiltersSchema);
  if (!parsed.ok) return parsed.response;
  try {
    const event = await getEvent(eventId, parsed.data);
    return event ? Response.json(event) : notFound(`event ${eventId}`);
  } catch (err) {
    return serverError(err, "loading the event");
  }
}
