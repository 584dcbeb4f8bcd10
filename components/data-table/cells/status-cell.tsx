import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DateCell } from "./date-cell";

/** Tones for the states runs and feeds go through; anything else is neutral. */
const STATUS_TONE: Record<string, BadgeTone> = {
  running: "accent",
  fetching: "accent",
  done: "success",
  completed: "success",
  succeeded: "success",
  ok: "success",
  not_modified: "success",
  partial: "warning",
  interrupted: "warning",
  failed: "danger",
  error: "danger",
  paused: "muted",
};

export function statusTone(status: string): BadgeTone {
  return STATUS_TONE[status] ?? "neutral";
}

/**
 * A state as a badge, with when it was reached (UTC, date and time) and an optional note under
 * it: an ingest run's "partial · 20 Sep 2016, 14:05 UTC · took 1.2 s", a feed's "ok · its last fetch".
 */
export function StatusCell({ status, label, at, note }: { status: string; label?: string; at?: string | null; note?: ReactNode }) {
  return (
    <div className="flex flex-col items-start gap-0.5">
      <Badge tone={statusTone(status)}>{label ?? status.replace(/_/g, " ")}</Badge>
      {at ? (
        <span className="text-xs text-neutral-500">
          <DateCell value={at} withTime />
        </span>
      ) : null}
      {note ? <span className="text-xs text-neutral-500 tabular-nums">{note}</span> : null}
    </div>
  );
}
