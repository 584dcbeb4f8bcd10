import type { ActionState } from "./use-event-action";
import { cn } from "@/components/ui/cn";

/** What became of the last manual action: an alert with the server's reason, or a short confirmation. */
export function ActionFeedback({ state, className }: { state: ActionState; className?: string }) {
  return (
    <div className={className}>
      {state.error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-2.5 py-1.5 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className={cn("text-sm", state.done ? "text-emerald-800" : "sr-only")}>
        {state.pending ? "Saving…" : (state.done ?? "")}
      </p>
    </div>
  );
}
