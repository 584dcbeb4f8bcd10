import { parseQuery, serverError } from "@/lib/http/respond";
import { listArticles } from "@/lib/queries";
import { articleFiltersSchema } from "@/lib/schemas/filters";

export const dynamic = "force-dynamic";

/** GET /api/articles?q=&outlet=&language=&from=&to=&event=&sort=&dir=&page=&pageSize= */
export async function GET(request: Request) {
  const parsed = parseQuery(request, articleFiltersSchema);
  if (!parsed.ok) return parsed.response;
  try {
    return Response.json(await listArticles(parsed.data));
  } catch (err) {
    return serverError(err, "listing articles");
  }
}
