import { actorOf, parseBody, parseParam, runAction } from "@/lib/http/respond";
import { splitEvent } from "@/lib/mutations/event-actions";
import { entityIdSchema, splitEventSchema } from "@/lib/schemas/actions";

export const dynamic = "force-dynamic";

/** POST /api/events/:id/split {articleIds[], title?} — those articles become a new event (201). */
export async function POST(request: Request, ctx: { params: Promise<{ eventId: string }> }) {
  const param = parseParam("eventId", (await ctx.params).eventId, entityIdSchema);
  if (!param.ok) return param.response;
  const eventId = param.data;
  const who = actorOf(request);
  if (!who.ok) return who.response;
  const body = await parseBody(request, splitEventSchema);
  if (!body.ok) return body.response;
  return runAction("splitting the event", () => splitEvent(eventId, body.data, { actor: who.actor }), 201);
}
