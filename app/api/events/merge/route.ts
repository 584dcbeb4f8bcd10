import { actorOf, parseBody, runAction } from "@/lib/http/respond";
import { mergeEvents } from "@/lib/mutations/event-actions";
import { mergeEventsSchema } from "@/lib/schemas/actions";

export const dynamic = "force-dynamic";

/** POST /api/events/merge {target, sources[]} — the sources' articles join the target; the sources are deleted. */
export async function POST(request: Request) {
  const who = actorOf(request);
  if (!who.ok) return who.response;
  const body = await parseBody(request, mergeEventsSchema);
  if (!body.ok) return body.response;
  return runAction("merging events", () => mergeEvents(body.data, { actor: who.actor }));
}
