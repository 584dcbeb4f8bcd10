import { notFound, parseParam, serverError } from "@/lib/http/respond";
import { entityIdSchema } from "@/lib/schemas/actions";
import { getArticle } from "@/lib/queries";

export const dynamic = "force-dynamic";

/** GET /api/articles/:id — the article with its text, claims and statements. */
export async function GET(_request: Request, ctx: { params: Promise<{ articleId: string }> }) {
  const param = parseParam("articleId", (await ctx.params).articleId, entityIdSchema);
  if (!param.ok) return param.response;
  const articleId = param.data;
  try {
    const article = await getArticle(articleId);
    return article ? Response.json(article) : notFound(`article ${articleId}`);
  } catch (err) {
    return serverError(err, "loading the article");
  }
}
