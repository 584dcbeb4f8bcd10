import { getDatabase } from "@/lib/db";
import { feedIdSchema, updateFeedSchema } from "@/lib/feeds/schemas";
import { getFeed, removeFeed, updateFeed } from "@/lib/feeds/store";
import { badRequest, notFound, parseBody, runAction, serverError } from "@/lib/http/respond";

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

/**
 * PATCH /api/feeds/:id {paused?, intervalMinutes?, title?} — pause or resume (a paused feed is
 * not fetched by the scheduler), change the interval (the next fetch is rescheduled from the
 * last one), rename. Answers `{feed}`; `400` naming the field, `404` for an unknown id.
 */
export async function PATCH(request: Request, ctx: Ctx) {
  const id = await feedId(ctx);
  if (!id.ok) return id.response;
  const body = await parseBody(request, updateFeedSchema);
  if (!body.ok) return body.response;
  return runAction("updating the feed", async () => ({ feed: await updateFeed(getDatabase(), id.id, body.data) }));
}

/** DELETE /api/feeds/:id — unsubscribe; the articles it brought in stay. Answers the removed feed. */
export async function DELETE(_request: Request, ctx: Ctx) {
  const id = await feedId(ctx);
  if (!id.ok) return id.response;
  return runAction("removing the feed", async () => ({ feed: await removeFeed(getDatabase(), id.id) }));
}
