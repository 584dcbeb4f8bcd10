import { notFound, parseParam, serverError } from "@/lib/http/respond";
import { entityIdSchema } from "@/lib/schemas/actions";
import { getEventHistory } from "@/lib/queries";

export const dynamic = "force-dynamic";

/** GET /api/events/:id/history — manual actions on the event, newest first (also for events merged away). */
export async function GET(_request: Request, ctx: { params: Promise<{ eventId: string }> }) {
  const param = parseParam("eventId", (await ctx.params).eventId, entityIdSchema);
  if (!param.ok) return param.response;
  const eventId = param.data;
  try {
    const rows = await getEventHistory(eventId);
    return rows ? Response.json({ rows }) : notFound(`event ${eventId}`);
  } catch (err) {
    return serverError(err, "loading the event's history");
  }
}
