import { notFound, serverError } from "@/lib/http/respond";
import { getArticle } from "@/lib/queries";

export const dynamic = "force-dynamic";

/** GET /api/articles/:id — the article with its text, claims and statements. */
export async function GET(_request: Request, ctx: { params: Promise<{ articleId: string }> }) {
  const { articleId } = await ctx.params;
  try {
    const article = await getArticle(articleId);
    return article ? Response.json(article) : notFound(`article ${articleId}`);
  } catch (err) {
    return serverError(err, "loading the article");
  }
}
