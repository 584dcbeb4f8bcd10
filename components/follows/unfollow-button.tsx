"use client";

import { useEventAction } from "@/components/event/use-event-action";
import { Button } from "@/components/ui/button";

/** Stop following (DELETE /api/follows/:id); the page refreshes afterwards. */
export function UnfollowButton({ followId, what }: { followId: number; what?: string }) {
  const action = useEventAction();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant="ghost"
        aria-label={what ? `Unfollow ${what}` : undefined}
        disabled={action.pending !== null}
        onClick={() => void action.run("unfollow", { url: `/api/follows/${followId}`, method: "DELETE", body: {} })}
      >
        {action.pending ? "Unfollowing…" : "Unfollow"}
      </Button>
      {action.error ? <span role="alert" className="text-xs text-red-700">{action.error}</span> : null}
    </span>
  );
}
