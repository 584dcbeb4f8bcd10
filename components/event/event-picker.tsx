"use client";

import { useEffect, useId, useState } from "react";
import type { EventListItem, Paged } from "@/lib/schemas/dto";
import { Input } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { formatDate } from "@/components/format";

const DEBOUNCE_MS = 250;

/**
 * Search the events (GET /api/events?q=) and pick one. Without a query it lists the most
 * recent events. `exclude` hides events that make no sense as a choice (the current one).
 */
export function EventPicker({
  label,
  exclude,
  selected,
  onSelect,
  disabled,
}: {
  label: string;
  exclude: string[];
  selected: EventListItem | null;
  onSelect: (event: EventListItem | null) => void;
  disabled?: boolean;
}) {
  const inputId = useId();
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<{ query: string; rows: EventListItem[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Results appear once the analyst turns to the box, not on every page view.
  const [active, setActive] = useState(false);

  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    const q = query.trim();
    const timer = setTimeout(async () => {
      try {
        const params = new URLSearchParams({ pageSize: "8", sort: "lastSeen", dir: "desc" });
        if (q) params.set("q", q);
        const res = await fetch(`/api/events?${params}`, { signal: controller.signal });
        const json = (await res.json()) as Paged<EventListItem> & { message?: string };
        if (!res.ok) throw new Error(json.message ?? `search failed (${res.status})`);
        setResult({ query: q, rows: json.rows });
        setError(null);
      } catch (err) {
        if (!controller.signal.aborted) setError((err as Error).message);
      }
    }, q ? DEBOUNCE_MS : 0);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, active]);

  const rows = (result?.rows ?? []).filter((e) => !exclude.includes(e.id));
  const searching = active && (result === null || result.query !== query.trim());

  return (
    <div className="space-y-2">
      <label htmlFor={inputId} className="block text-xs font-medium text-neutral-600">
        {label}
      </label>
      <Input
        id={inputId}
        type="search"
        value={query}
        placeholder="Search event titles and headlines…"
        onFocus={() => setActive(true)}
        onChange={(e) => {
          setActive(true);
          setQuery(e.target.value);
          if (selected) onSelect(null);
        }}
        disabled={disabled}
        maxLength={200}
        className="w-full"
      />
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {active ? (
        <ul aria-label={`${label}: matching events`} aria-busy={searching} className="max-h-56 space-y-1 overflow-y-auto">
          {rows.map((e) => {
            const isSelected = selected?.id === e.id;
            return (
              <li key={e.id}>
                <button
                  type="button"
                  aria-pressed={isSelected}
                  disabled={disabled}
                  onClick={() => onSelect(isSelected ? null : e)}
                  className={cn(
                    "w-full rounded-md border px-2.5 py-1.5 text-left text-sm transition-colors",
                    "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:opacity-50",
                    isSelected ? "border-blue-500 bg-blue-50" : "border-neutral-200 bg-white hover:border-neutral-300 hover:bg-neutral-50",
                  )}
                >
                  <span className="line-clamp-2 font-medium text-neutral-900">{e.title || e.id}</span>
                  <span className="text-xs text-neutral-600">
                    {e.articleCount} {e.articleCount === 1 ? "article" : "articles"} · {formatDate(e.firstSeen)}
                    {e.locked ? " · locked" : ""}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {active && !searching && rows.length === 0 ? <p className="text-xs text-neutral-500">No other event matches.</p> : null}
    </div>
  );
}
