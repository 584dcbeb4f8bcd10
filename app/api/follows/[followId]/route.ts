import { notFound, runAction, serverError } from "@/lib/http/respond";
import { deleteFollow } from "@/lib/mutations/follows";
import { getFollow } from "@/lib/queries/follows";
import { followIdParam } from "./params";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ followId: string }> };

/** GET /api/follows/:id — one follow with its counts. */
export async function GET(_request: Request, ctx: Ctx) {
  const id = await followIdParam(ctx.params);
  if (!id.ok) return id.response;
  try {
    const follow = await getFollow(id.id);
    return follow ? Response.json({ follow }) : notFound(`follow ${id.id}`, "id");
  } catch (err) {
    return serverError(err, "reading the follow");
  }
}

/** DELETE /api/follows/:id — stop following; its change log and deliveries go with it. */
export async function DELETE(_request: Request, ctx: Ctx) {
  const id = await followIdParam(ctx.params);
  if (!id.ok) return id.response;
  return runAction("removing the follow", () => deleteFollow(id.id));
}
