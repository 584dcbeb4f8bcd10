import { listOutletRegistry } from "@/lib/queries/outlets";
import { serverError } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

/** GET /api/outlets — every outlet with its domains, kind, country, language and article count. */
export async function GET() {
  try {
    return Response.json({ rows: await listOutletRegistry() });
  } catch (err) {
    return serverError(err, "listing outlets");
  }
}
