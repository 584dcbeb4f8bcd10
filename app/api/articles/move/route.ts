import { actorOf, parseBody, runAction } from "@/lib/http/respond";
import { moveArticles } from "@/lib/mutations/event-actions";
import { moveArticlesSchema } from "@/lib/schemas/actions";

export const dynamic = "force-dynamic";

/** POST /api/articles/move {articleIds[], eventId} — several articles join that event, in one action. */
export async function POST(request: Request) {
  const who = actorOf(request);
  if (!who.ok) return who.response;
  const body = await parseBody(request, moveArticlesSchema);
  if (!body.ok) return body.response;
  return runAction("moving articles", () => moveArticles(body.data, { actor: who.actor }));
}
