import { actorOf, parseBody, parseParam, runAction } from "@/lib/http/respond";
import { setEventLocked } from "@/lib/mutations/event-actions";
import { entityIdSchema, lockEventSchema } from "@/lib/schemas/actions";

export const dynamic = "force-dynamic";

/** POST /api/events/:id/lock {locked} — a locked event keeps its articles and gets no new ones automatically. */
export async function POST(request: Request, ctx: { params: Promise<{ eventId: string }> }) {
  const param = parseParam("eventId", (await ctx.params).eventId, entityIdSchema);
  if (!param.ok) return param.response;
  const eventId = param.data;
  const who = actorOf(request);
  if (!who.ok) return who.response;
  const body = await parseBody(request, lockEventSchema);
  if (!body.ok) return body.response;
  return runAction("locking the event", () => setEventLocked(eventId, body.data.locked, { actor: who.actor }));
}
