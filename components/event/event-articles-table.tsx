"use client";

import Link from "next/link";
import { useId, useMemo, useState } from "react";
import type { EventActionItem, EventRefSnapshot } from "@/lib/schemas/actions";
import type { ArticleListItem, EventListItem } from "@/lib/schemas/dto";
import type { EventDetailFilters } from "@/lib/schemas/filters";
import { DataTable } from "@/components/data-table/data-table";
import type { PagingInfo } from "@/components/data-table/data-table-pagination";
import { RowSelectionContext, type RowSelection } from "@/components/data-table/row-selection";
import { eventArticleColumns } from "@/components/tables/articles-columns";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ActionFeedback } from "./action-feedback";
import { EventPicker } from "./event-picker";
import { eventApiUrl } from "./statement-groups";
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

/**
 * The split and move actions take at most this many articles (lib/schemas/actions: uniqueIds),
 * so "select all matching" is offered up to it.
 */
const ACTION_MAX = 1000;

type SelectAllState = { status: "idle" } | { status: "loading" } | { status: "error"; message: string };

/**
 * The event's articles, one server page at a time (`page`, `pageSize`, `sort`, `dir` in the URL,
 * like the other tables). The selection is kept by id across pages, so an analyst can pick
 * articles on several pages; "Select all articles shown" takes the page's rows, and "Select all
 * N matching" asks the server for every matching id. The page keys this component by its
 * filters: new filters start with an empty selection.
 */
export function EventArticlesTable({
  rows,
  paging,
  sorting,
  eventId,
  filters,
}: {
  rows: ArticleListItem[];
  paging: PagingInfo;
  sorting: { sort: string; dir: "asc" | "desc" };
  eventId: string;
  filters: EventDetailFilters;
}) {
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [selectAll, setSelectAll] = useState<SelectAllState>({ status: "idle" });
  const rowIds = useMemo(() => rows.map((a) => a.id), [rows]);
  const selected = useMemo(() => [...selectedIds], [selectedIds]);
  const onPage = rowIds.filter((id) => selectedIds.has(id)).length;
  const selection: RowSelection = {
    selected: selectedIds,
    rowIds,
    toggle: (id) =>
      setSelectedIds((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    // The page's rows join or leave the selection; rows picked on other pages stay.
    setAll: (on) =>
      setSelectedIds((prev) => {
        const next = new Set(prev);
        for (const id of rowIds) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
  };
  const selectMatching = async () => {
    setSelectAll({ status: "loading" });
    try {
      const res = await fetch(eventApiUrl(eventId, "article-ids", filters), { headers: { accept: "application/json" } });
      if (!res.ok) throw new Error(res.status === 404 ? "This event no longer exists; reload the page." : `The server answered ${res.status}; try again.`);
      const body = (await res.json()) as { ids: string[] };
      setSelectedIds(new Set(body.ids));
      setSelectAll({ status: "idle" });
    } catch (err) {
      setSelectAll({ status: "error", message: err instanceof Error ? err.message : String(err) });
    }
  };
  const clear = () => setSelectedIds(new Set());
  const noun = paging.total === 1 ? "article" : "articles";
  const pageAllSelected = rowIds.length > 0 && onPage === rowIds.length;
  return (
    <RowSelectionContext.Provider value={selection}>
      <SelectionActions eventId={eventId} selected={selected} onDone={clear} />
      {selected.length > 0 && (selected.length > onPage || (pageAllSelected && paging.total > rowIds.length)) ? (
        <div className="mb-3 flex flex-wrap items-center gap-2 text-sm text-neutral-700">
          {selected.length > onPage ? (
            <span>
              {selected.length - onPage} of the selected {selected.length === 1 ? "article is" : "articles are"} on other pages.
            </span>
          ) : null}
          {pageAllSelected && selected.length < paging.total ? (
            paging.total <= ACTION_MAX ? (
              <Button size="sm" variant="outline" disabled={selectAll.status === "loading"} onClick={() => void selectMatching()}>
                {selectAll.status === "loading" ? "Selecting…" : `Select all ${paging.total.toLocaleString("en")} matching ${noun}`}
              </Button>
            ) : (
              <span>Narrow the filters to select more than this page: an action takes at most {ACTION_MAX.toLocaleString("en")} articles.</span>
            )
          ) : null}
          <Button size="sm" variant="ghost" onClick={clear}>
            Clear selection
          </Button>
          {selectAll.status === "error" ? (
            <span role="alert" className="text-red-800">
              Could not select every article: {selectAll.message}
            </span>
          ) : null}
        </div>
      ) : null}
      <DataTable
        caption="Articles about this event"
        columns={eventArticleColumns}
        data={rows}
        getRowId={(a) => a.id}
        paging={paging}
        sorting={sorting}
        noun="articles"
        rowClassName={(a) => (a.syndicatedFrom ? "bg-amber-50/40" : undefined)}
        empty={{ title: "No articles match these filters" }}
      />
    </RowSelectionContext.Provider>
  );
}
