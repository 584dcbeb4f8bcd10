import { getDatabase } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { healthResponse } from "@/lib/http/health";
import { serverError } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

/**
 * Liveness, database reachability and readiness, for load balancers and the start script
 * (see `healthResponse`: 503 "starting" while the derived tables are built). Public, so it
 * tells nothing about the corpus when reads are protected (PARALLAX_READ_TOKEN): the article
 * count is given only where anyone may read it anyway.
 */
export async function GET() {
  try {
    return await healthResponse(getDatabase(), { readProtected: Boolean(getEnv().PARALLAX_READ_TOKEN) });
  } catch (err) {
    return serverError(err, "health check");
  }
}
