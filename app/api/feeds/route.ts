import { getDatabase } from "@/lib/db";
import { fetchPolicyFromEnv } from "@/lib/feeds/config";
import { addAndFetchFeed } from "@/lib/feeds/refresh";
import { addFeedSchema, staticUrlRefusal } from "@/lib/feeds/schemas";
import { addFeed, listFeeds } from "@/lib/feeds/store";
import { badRequest, parseBody, runAction, serverError } from "@/lib/http/respond";

export const dynamic = "force-dynamic";
// The first fetch reads the feed's new items' pages: allow it the time a large feed needs.
export const maxDuration = 600;

/** GET /api/feeds — every feed with its status, last and next fetch, last error and counts. */
export async function GET() {
  try {
    return Response.json({ feeds: await listFeeds() });
  } catch (err) {
    return serverError(err, "listing feeds");
  }
}

/**
 * POST /api/feeds {url, title?, intervalMinutes?, outlet?, enabled?, fetch?} — subscribe; `201
 * {feed, poll}`. Unless `fetch` is false the feed is fetched once at once, so `poll` says what it
 * brought (or why it failed: the feed is kept, with its error, and retried on its schedule).
 */
export async function POST(request: Request) {
  const body = await parseBody(request, addFeedSchema);
  if (!body.ok) return body.response;
  const policy = fetchPolicyFromEnv();
  const refusal = staticUrlRefusal(body.data.url, policy);
  if (refusal) return badRequest("url", `url: ${refusal}`);
  const database = getDatabase();
  return runAction(
    "adding the feed",
    async () => {
      const { fetch, ...input } = body.data;
      if (!fetch) return { feed: await addFeed(database, input), poll: null };
      return addAndFetchFeed(database, input, { policy, trigger: "api", signal: request.signal });
    },
    201,
  );
}
