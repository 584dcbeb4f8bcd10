import { getDatabase } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { serverError } from "@/lib/http/respond";
import { countCorpusArticles } from "@/lib/queries/overview";

export const dynamic = "force-dynamic";

/**
 * Liveness and database reachability, for load balancers and the start script. Public, so it
 * tells nothing about the corpus when reads are protected (PARALLAX_READ_TOKEN): the article
 * count is given only where anyone may read it anyway.
 */
export async function GET() {
  try {
    const database = getDatabase();
    if (getEnv().PARALLAX_READ_TOKEN) {
      await database.db.$queryRaw`SELECT 1`;
      return Response.json({ status: "ok", database: database.provider });
    }
    const articles = await countCorpusArticles(database);
    return Response.json({ status: "ok", database: database.provider, articles });
  } catch (err) {
    return serverError(err, "health check");
  }
}
