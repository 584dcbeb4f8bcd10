import { buildAtomFeed } from "@/lib/follows/atom";
import { notFound, serverError } from "@/lib/http/respond";
import { getFollow, listChanges } from "@/lib/queries/follows";
import { followIdParam } from "../params";

export const dynamic = "force-dynamic";

/** Entries in the feed: feed readers poll, so the newest are enough. */
const FEED_ENTRIES = 100;

/**
 * GET /api/follows/:id/atom — the follow's changes as an Atom 1.0 feed. When reads are protected,
 * a feed reader passes the read token as `?token=` (it cannot send headers); see lib/auth/guard.ts.
 */
export async function GET(request: Request, ctx: { params: Promise<{ followId: string }> }) {
  const id = await followIdParam(ctx.params);
  if (!id.ok) return id.response;
  try {
    const follow = await getFollow(id.id);
    if (!follow) return notFound(`follow ${id.id}`, "id");
    const changes = await listChanges({ followId: id.id, limit: FEED_ENTRIES });
    const url = new URL(request.url);
    const xml = buildAtomFeed(follow, changes, { origin: url.origin, selfUrl: `${url.origin}${url.pathname}` });
    return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "no-store" } });
  } catch (err) {
    return serverError(err, "building the follow's feed");
  }
}
