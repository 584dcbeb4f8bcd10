import { getDatabase } from "@/lib/db";
import { feedIdSchema } from "@/lib/feeds/schemas";
import { getFeed, removeFeed } from "@/lib/feeds/store";
import { badRequest, notFound, runAction, serverError } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ feedId: string }> };

async function feedId(ctx: Ctx): Promise<{ ok: true; id: number } | { ok: false; response: Response }> {
  const parsed = feedIdSchema.safeParse((await ctx.params).feedId);
  if (parsed.success) return { ok: true, id: parsed.data };
  return { ok: false, response: badRequest("feedId", `feedId: ${parsed.error.issues[0]?.message ?? "invalid"}`) };
}

/** GET /api/feeds/:id — one feed. */
export async function GET(_request: Request, ctx: Ctx) {
  const id = await feedId(ctx);
  if (!id.ok) return id.response;
  try {
    const feed = await getFeed(id.id);
    return feed ? Response.json({ feed }) : notFound(`feed ${id.id}`, "feedId");
  } catch (err) {
    return serverError(err, "loading the feed");
  }
}

/** DELETE /api/feeds/:id — unsubscribe; the articles it brought in stay. Answers the removed feed. */
export async function DELETE(_request: Request, ctx: Ctx) {
  const id = await feedId(ctx);
  if (!id.ok) return id.response;
  return runAction("removing the feed", async () => ({ feed: await removeFeed(getDatabase(), id.id) }));
}
