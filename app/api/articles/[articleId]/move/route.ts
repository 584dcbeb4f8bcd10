import { actorOf, parseBody, parseParam, runAction } from "@/lib/http/respond";
import { moveArticles } from "@/lib/mutations/event-actions";
import { entityIdSchema, moveArticleSchema } from "@/lib/schemas/actions";

export const dynamic = "force-dynamic";

/** POST /api/articles/:id/move {eventId} — the article joins that event (a manual membership). */
export async function POST(request: Request, ctx: { params: Promise<{ articleId: string }> }) {
  const param = parseParam("articleId", (await ctx.params).articleId, entityIdSchema);
  if (!param.ok) return param.response;
  const articleId = param.data;
  const who = actorOf(request);
  if (!who.ok) return who.response;
  const body = await parseBody(request, moveArticleSchema);
  if (!body.ok) return body.response;
  return runAction("moving the article", () =>
    moveArticles({ articleIds: [articleId], eventId: body.data.eventId }, { actor: who.actor }, undefined, { articleIds: "articleId", eventId: "eventId" }),
  );
}
