import { currentAuth } from "@/lib/auth/server";
import { findFollows } from "@/lib/queries/follows";
import type { FollowKind } from "@/lib/schemas/follows";
import { FollowButton } from "@/components/follows/follow-button";

/**
 * The Follow button of a page (event, outlet, current filter), knowing whether the item is
 * followed already. Hidden for a reader who may not write.
 */
export async function FollowControl({ kind, target, what }: { kind: FollowKind; target: string; what: string }) {
  const [auth, follows] = await Promise.all([currentAuth(), findFollows(kind, target)]);
  if (auth.writesProtected && auth.session?.role !== "admin") return null;
  return <FollowButton kind={kind} target={target} what={what} followId={follows[0]?.id ?? null} />;
}
