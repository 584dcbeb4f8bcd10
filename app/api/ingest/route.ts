import { authConfig } from "@/lib/auth/config";
import { getDatabase } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { handleIngestRequest } from "@/lib/upload/handle";

export const dynamic = "force-dynamic";
// A large upload can take minutes to extract and group; the answer streams progress meanwhile.
export const maxDuration = 900;

/**
 * POST /api/ingest — multipart files (seed text, HTML, NDJSON/JSON, CSV, zip archives of those)
 * or a body of records (application/json, application/x-ndjson, text/csv). One IngestRun per
 * request; answers every item's fate. `?progress=1` streams NDJSON progress lines.
 */
export async function POST(request: Request): Promise<Response> {
  return handleIngestRequest(getDatabase(), request, {
    uploadMaxBytes: authConfig().uploadMaxBytes,
    batchSize: getEnv().PARALLAX_BATCH_SIZE,
  });
}
