import { actorOf, notFound, parseBody, parseParam, parseQuery, runAction, serverError } from "@/lib/http/respond";
import { renameEvent } from "@/lib/mutations/event-actions";
import { getEvent } from "@/lib/queries";
import { entityIdSchema, renameEventSchema } from "@/lib/schemas/actions";
import { eventDetailFiltersSchema } from "@/lib/schemas/filters";

export const dynamic = "force-dynamic";

/** GET /api/events/:id — the comparison: claims and statements per outlet, timelines. */
export async function GET(request: Request, ctx: { params: Promise<{ eventId: string }> }) {
  const param = parseParam("eventId", (await ctx.params).eventId, entityIdSchema);
  if (!param.ok) return param.response;
  const eventId = param.data;
  const parsed = parseQuery(request, eventDetailFiltersSchema);
  if (!parsed.ok) return parsed.response;
  try {
    const event = await getEvent(eventId, parsed.data);
    return event ? Response.json(event) : notFound(`event ${eventId}`);
  } catch (err) {
    return serverError(err, "loading the event");
  }
}

/** PATCH /api/events/:id {title} — an analyst's title, kept by re-grouping; `null` restores the automatic one. */
export async function PATCH(request: Request, ctx: { params: Promise<{ eventId: string }> }) {
  const param = parseParam("eventId", (await ctx.params).eventId, entityIdSchema);
  if (!param.ok) return param.response;
  const eventId = param.data;
  const who = actorOf(request);
  if (!who.ok) return who.response;
  const body = await parseBody(request, renameEventSchema);
  if (!body.ok) return body.response;
  return runAction("renaming the event", () => renameEvent(eventId, body.data.title, { actor: who.actor }));
}
