import { actorOf, parseBody, runAction } from "@/lib/http/respond";
import { splitEvent } from "@/lib/mutations/event-actions";
import { splitEventSchema } from "@/lib/schemas/actions";

export const dynamic = "force-dynamic";

/** POST /api/events/:id/split {articleIds[], title?} — those articles become a new event (201). */
export async function POST(request: Request, ctx: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await ctx.params;
  const who = actorOf(request);
  if (!who.ok) return who.response;
  const body = await parseBody(request, splitEventSchema);
  if (!body.ok) return body.response;
  return runAction("splitting the event", () => splitEvent(eventId, body.data, { actor: who.actor }), 201);
}
