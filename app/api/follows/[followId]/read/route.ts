import { parseBody, runAction } from "@/lib/http/respond";
import { markChangesRead } from "@/lib/mutations/follows";
import { markReadSchema } from "@/lib/schemas/follows";
import { followIdParam } from "../params";

export const dynamic = "force-dynamic";

/** POST /api/follows/:id/read {ids?, read?} — mark the given changes (default: all) read, or unread with `read: false`. */
export async function POST(request: Request, ctx: { params: Promise<{ followId: string }> }) {
  const id = await followIdParam(ctx.params);
  if (!id.ok) return id.response;
  const body = await parseBody(request, markReadSchema);
  if (!body.ok) return body.response;
  return runAction("marking changes read", () => markChangesRead(id.id, body.data));
}
