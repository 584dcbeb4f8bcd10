"use client";

import Link from "next/link";
import { useId, useMemo, useState } from "react";
import type { EventActionItem, EventRefSnapshot } from "@/lib/schemas/actions";
import type { ArticleListItem, EventListItem } from "@/lib/schemas/dto";
import { DataTable } from "@/components/data-table/data-table";
import { RowSelectionContext, type RowSelection } from "@/components/data-table/row-selection";
import { eventArticleColumns } from "@/components/tables/articles-columns";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ActionFeedback } from "./action-feedback";
import { EventPicker } from "./event-picker";
import { useEventAction } from "./use-event-action";

type ActionResult = { event: EventRefSnapshot; action: EventActionItem; deletedEvents?: string[] };

const eventHref = (id: string) => `/events/${encodeURIComponent(id)}`;

/** With articles selected: split them into a new event, or move them to another one. */
function SelectionActions({ eventId, selected, onDone }: { eventId: string; selected: string[]; onDone: () => void }) {
  const action = useEventAction();
  const titleId = useId();
  const [mode, setMode] = useState<"split" | "move" | null>(null);
  const [title, setTitle] = useState("");
  const [target, setTarget] = useState<EventListItem | null>(null);
  const [created, setCreated] = useState<EventRefSnapshot | null>(null);
  const busy = action.pending !== null;
  const n = selected.length;
  const noun = n === 1 ? "article" : "articles";

  const split = async () => {
    const result = await action.run<ActionResult>(
      "split",
      { url: `/api/events/${encodeURIComponent(eventId)}/split`, method: "POST", body: { articleIds: selected, ...(title.trim() ? { title } : {}) } },
      { success: (r) => `Split ${n} ${noun} into a new event, “${r.event.title}”.` },
    );
    if (result) {
      setCreated(result.event);
      setTitle("");
      setMode(null);
      onDone();
    }
  };
  const move = async (to: EventListItem) => {
    const result = await action.run<ActionResult>(
      "move",
      { url: "/api/articles/move", method: "POST", body: { articleIds: selected, eventId: to.id } },
      {
        success: (r) => `Moved ${n} ${noun} to “${r.event.title}”.`,
        // This event is gone when every article left it: follow them.
        navigate: (r) => (r.deletedEvents?.includes(eventId) ? eventHref(to.id) : null),
      },
    );
    if (result) {
      setCreated(null);
      setTarget(null);
      setMode(null);
      onDone();
    }
  };

  return (
    <div className="mb-3 space-y-2">
      <div role="group" aria-label="Selected articles" className="flex flex-wrap items-center gap-2 rounded-md border border-neutral-200 bg-neutral-50 px-3 py-2">
        <span className="text-sm font-medium text-neutral-800" aria-live="polite">
          {n === 0 ? "Select articles to split them out or move them." : `${n} ${noun} selected`}
        </span>
        <Button size="sm" variant={mode === "split" ? "secondary" : "outline"} disabled={n === 0 || busy} aria-expanded={mode === "split"} onClick={() => setMode(mode === "split" ? null : "split")}>
          Split into new event
        </Button>
        <Button size="sm" variant={mode === "move" ? "secondary" : "outline"} disabled={n === 0 || busy} aria-expanded={mode === "move"} onClick={() => setMode(mode === "move" ? null : "move")}>
          Move to event…
        </Button>
      </div>
      {mode === "split" && n > 0 ? (
        <form
          className="flex flex-wrap items-end gap-2 rounded-md border border-neutral-200 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void split();
          }}
        >
          <div className="flex min-w-64 flex-1 flex-col gap-1">
            <label htmlFor={titleId} className="text-xs font-medium text-neutral-600">
              Title of the new event (optional: otherwise its most representative headline)
            </label>
            <Input id={titleId} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} disabled={busy} />
          </div>
          <Button type="submit" variant="primary" disabled={busy}>
            {action.pending === "split" ? "Splitting…" : `Split ${n} ${noun} out`}
          </Button>
        </form>
      ) : null}
      {mode === "move" && n > 0 ? (
        <div className="space-y-2 rounded-md border border-neutral-200 p-3">
          <EventPicker label={`Move ${n} ${noun} to`} exclude={[eventId]} selected={target} onSelect={setTarget} disabled={busy} />
          {target ? (
            <Button variant="primary" disabled={busy} onClick={() => void move(target)}>
              {action.pending === "move" ? "Moving…" : `Move ${n} ${noun} to “${target.title}”`}
            </Button>
          ) : null}
        </div>
      ) : null}
      <ActionFeedback state={action} />
      {created && action.done ? (
        <p className="text-sm">
          <Link href={eventHref(created.id)} className="font-medium text-blue-800 underline decoration-blue-300 hover:decoration-blue-800">
            Open the new event: {created.title}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

export function EventArticlesTable({ articles, eventId }: { articles: ArticleListItem[]; eventId: string }) {
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const rowIds = useMemo(() => articles.map((a) => a.id), [articles]);
  // Only articles still shown count (filters or an action may have removed some).
  const selected = useMemo(() => rowIds.filter((id) => selectedIds.has(id)), [rowIds, selectedIds]);
  const selection: RowSelection = {
    selected: new Set(selected),
    rowIds,
    toggle: (id) =>
      setSelectedIds((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    setAll: (on) => setSelectedIds(on ? new Set(rowIds) : new Set()),
  };
  return (
    <RowSelectionContext.Provider value={selection}>
      <SelectionActions eventId={eventId} selected={selected} onDone={() => setSelectedIds(new Set())} />
      <DataTable
        caption="Articles about this event"
        columns={eventArticleColumns}
        data={articles}
        getRowId={(a) => a.id}
        noun="articles"
        rowClassName={(a) => (a.syndicatedFrom ? "bg-amber-50/40" : undefined)}
        empty={{ title: "No articles match these filters" }}
      />
    </RowSelectionContext.Provider>
  );
}
