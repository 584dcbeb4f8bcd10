import { getDatabase } from "@/lib/db";
import { actorOf, parseBody, runAction, serverError } from "@/lib/http/respond";
import { createFollow } from "@/lib/mutations/follows";
import { listFollows } from "@/lib/queries/follows";
import { createFollowSchema } from "@/lib/schemas/follows";

export const dynamic = "force-dynamic";

/** GET /api/follows — every follow with its change and unread counts (webhook secrets are never returned). */
export async function GET() {
  try {
    return Response.json({ follows: await listFollows() });
  } catch (err) {
    return serverError(err, "listing follows");
  }
}

/**
 * POST /api/follows {kind, target, label?, divergenceThreshold?, webhookUrl?, webhookSecret?} —
 * `201 {follow, webhookSecret}`; `webhookSecret` is the generated secret (shown this once) when a
 * webhook URL came without one, else null. 404 naming `target` when the event or outlet does not exist.
 */
export async function POST(request: Request) {
  const who = actorOf(request);
  if (!who.ok) return who.response;
  const body = await parseBody(request, createFollowSchema);
  if (!body.ok) return body.response;
  return runAction("following", () => createFollow(body.data, { actor: who.actor }, getDatabase()), 201);
}
