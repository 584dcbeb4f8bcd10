"use client";

import { useId, useState, type ReactNode } from "react";
import type { EventListItem } from "@/lib/schemas/dto";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { useSyncedState } from "@/components/ui/use-synced-state";
import { EventPicker } from "./event-picker";
import { ActionFeedback } from "./action-feedback";
import { useEventAction } from "./use-event-action";

const api = (eventId: string, rest = "") => `/api/events/${encodeURIComponent(eventId)}${rest}`;

function LockToggle({ event }: { event: EventListItem }) {
  const action = useEventAction();
  const busy = action.pending !== null;
  return (
    <div className="space-y-1.5">
      <div className="flex items-center gap-3">
        <button
          type="button"
          role="switch"
          aria-checked={event.locked}
          aria-label="Lock this event"
          disabled={busy}
          onClick={() =>
            action.run("lock", { url: api(event.id, "/lock"), method: "POST", body: { locked: !event.locked } }, {
              success: () => (event.locked ? "Unlocked." : "Locked."),
            })
          }
          className={cn(
            "relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors",
            "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50",
            event.locked ? "bg-blue-700" : "bg-neutral-300",
          )}
        >
          <span aria-hidden="true" className={cn("inline-block h-5 w-5 rounded-full bg-white shadow transition-transform", event.locked ? "translate-x-5.5" : "translate-x-0.5")} />
        </button>
        <span className="text-sm font-medium text-neutral-900">{busy ? (event.locked ? "Unlocking…" : "Locking…") : event.locked ? "Locked" : "Not locked"}</span>
      </div>
      <p className="text-xs text-neutral-600">
        A locked event keeps its articles when events are re-grouped and gets no new ones automatically. You can still change it here.
      </p>
      <ActionFeedback state={action} />
    </div>
  );
}

function RenameForm({ event }: { event: EventListItem }) {
  const action = useEventAction();
  const inputId = useId();
  const [title, setTitle] = useSyncedState(event.title);
  const busy = action.pending !== null;
  const changed = title.replace(/\s+/g, " ").trim() !== event.title;
  return (
    <form
      className="space-y-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        if (!changed) return;
        void action.run("rename", { url: api(event.id), method: "PATCH", body: { title } }, { success: () => "Title saved." });
      }}
    >
      <label htmlFor={inputId} className="block text-xs font-medium text-neutral-600">
        Title {event.titleManual ? "(set by an analyst: kept when events are re-grouped)" : "(automatic: the most representative headline)"}
      </label>
      <div className="flex flex-wrap gap-2">
        <Input id={inputId} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} required disabled={busy} className="min-w-0 flex-1" />
        <Button type="submit" variant="primary" disabled={busy || !changed || !title.trim()}>
          {action.pending === "rename" ? "Saving…" : "Rename"}
        </Button>
        {event.titleManual ? (
          <Button
            variant="ghost"
            disabled={busy}
            onClick={() =>
              action.run("automatic-title", { url: api(event.id), method: "PATCH", body: { title: null } }, { success: () => "Automatic title restored." })
            }
          >
            Use automatic title
          </Button>
        ) : null}
      </div>
      <ActionFeedback state={action} />
    </form>
  );
}

function MergeForm({ event }: { event: EventListItem }) {
  const action = useEventAction();
  const [source, setSource] = useState<EventListItem | null>(null);
  // Remounting the picker after a merge drops its now stale results.
  const [pickerKey, setPickerKey] = useState(0);
  const busy = action.pending !== null;
  return (
    <div className="space-y-2">
      <EventPicker key={pickerKey} label="Merge another event into this one" exclude={[event.id]} selected={source} onSelect={setSource} disabled={busy} />
      {source ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md bg-blue-50 px-2.5 py-2 text-sm text-blue-950">
          <span className="min-w-0 flex-1">
            Its {source.articleCount} {source.articleCount === 1 ? "article" : "articles"} will join this event, and “{source.title}” will be deleted.
          </span>
          <Button
            variant="primary"
            size="sm"
            disabled={busy}
            onClick={async () => {
              const result = await action.run(
                "merge",
                { url: "/api/events/merge", method: "POST", body: { target: event.id, sources: [source.id] } },
                { success: () => `Merged “${source.title}” into this event.` },
              );
              if (result) {
                setSource(null);
                setPickerKey((k) => k + 1);
              }
            }}
          >
            {action.pending === "merge" ? "Merging…" : "Merge into this event"}
          </Button>
        </div>
      ) : null}
      <ActionFeedback state={action} />
    </div>
  );
}

/**
 * The event page's Manage panel: lock, rename, merge another event in, and the history of
 * manual changes (`history`: `EventHistory` rendered by the page on the server, so the browser
 * gets its sentences, not the actions' payloads: a merge records every article it moved, and
 * thousands of ids and titles would otherwise travel with the page). Splitting and moving
 * articles start from the articles table's selection.
 */
export function EventManagePanel({ event, history }: { event: EventListItem; history: ReactNode }) {
  return (
    <Card role="region" aria-labelledby="manage">
      <CardHeader
        id="manage"
        title="Manage"
        description="Changes made here are recorded in the history and kept when events are re-grouped. To split articles out or move them, select them in the articles table."
      />
      <CardBody className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-5">
          <LockToggle event={event} />
          <RenameForm event={event} />
          <MergeForm event={event} />
        </div>
        <section aria-labelledby="history-heading" className="min-w-0">
          <h3 id="history-heading" className="mb-2 text-sm font-semibold text-neutral-900">
            History
          </h3>
          {history}
        </section>
      </CardBody>
    </Card>
  );
}
