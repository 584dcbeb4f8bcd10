import { notFound, parseQuery, serverError } from "@/lib/http/respond";
import { getFollow, listChanges } from "@/lib/queries/follows";
import { changesQuerySchema } from "@/lib/schemas/follows";
import { followIdParam } from "../params";

export const dynamic = "force-dynamic";

/** GET /api/follows/:id/changes?unread=1&limit=&before= — the follow's change log, newest first. */
export async function GET(request: Request, ctx: { params: Promise<{ followId: string }> }) {
  const id = await followIdParam(ctx.params);
  if (!id.ok) return id.response;
  const query = parseQuery(request, changesQuerySchema);
  if (!query.ok) return query.response;
  try {
    const follow = await getFollow(id.id);
    if (!follow) return notFound(`follow ${id.id}`, "id");
    const changes = await listChanges({ followId: id.id, ...query.data });
    return Response.json({ follow, changes, next: changes.length === query.data.limit ? changes[changes.length - 1]!.id : null });
  } catch (err) {
    return serverError(err, "listing the follow's changes");
  }
}
