import { notFound, serverError } from "@/lib/http/respond";
import { getEventHistory } from "@/lib/queries";

export const dynamic = "force-dynamic";

/** GET /api/events/:id/history — manual actions on the event, newest first (also for events merged away). */
export async function GET(_request: Request, ctx: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await ctx.params;
  try {
    const rows = await getEventHistory(eventId);
    return rows ? Response.json({ rows }) : notFound(`event ${eventId}`);
  } catch (err) {
    return serverError(err, "loading the event's history");
  }
}
