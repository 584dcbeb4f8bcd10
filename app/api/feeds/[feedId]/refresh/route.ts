import { getDatabase } from "@/lib/db";
import { fetchPolicyFromEnv } from "@/lib/feeds/config";
import { refreshFeed } from "@/lib/feeds/refresh";
import { feedIdSchema } from "@/lib/feeds/schemas";
import { badRequest, runAction } from "@/lib/http/respond";

export const dynamic = "force-dynamic";
export const maxDuration = 600;

/**
 * POST /api/feeds/:id/refresh — fetch the feed now, due or not: `{feed, poll}`. `409` while a
 * watcher is fetching it, `404` for an unknown id.
 */
export async function POST(request: Request, ctx: { params: Promise<{ feedId: string }> }) {
  const parsed = feedIdSchema.safeParse((await ctx.params).feedId);
  if (!parsed.success) return badRequest("feedId", `feedId: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return runAction("refreshing the feed", () =>
    refreshFeed(getDatabase(), parsed.data, { policy: fetchPolicyFromEnv(), trigger: "api", signal: request.signal }),
  );
}
