import { getDatabase } from "@/lib/db";
import { serverError } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the start script. */
export async function GET() {
  try {
    const database = getDatabase();
    const articles = await database.db.article.count();
    return Response.json({ status: "ok", database: database.provider, articles });
  } catch (err) {
    return serverError(err, "health check");
  }
}
