"use client";

import { useEventAction } from "@/components/event/use-event-action";
import { Button } from "@/components/ui/button";

/** Mark changes read: the given change ids of one follow, or everything unread of the given follows. */
export function MarkReadButton({ followIds, ids, label }: { followIds: number[]; ids?: number[]; label: string }) {
  const action = useEventAction();
  const run = async () => {
    for (const followId of followIds) {
      const ok = await action.run("read", { url: `/api/follows/${followId}/read`, method: "POST", body: ids ? { ids } : {} });
      if (!ok) return;
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" variant="ghost" disabled={action.pending !== null || followIds.length === 0} onClick={() => void run()}>
        {action.pending ? "Marking…" : label}
      </Button>
      {action.error ? <span role="alert" className="text-xs text-red-700">{action.error}</span> : null}
    </span>
  );
}
