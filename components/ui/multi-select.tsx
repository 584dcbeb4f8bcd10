"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { FacetOption } from "@/lib/schemas/dto";
import { Button } from "./button";
import { cn } from "./cn";
import { Input } from "./input";
import { useSyncedState } from "./use-synced-state";

/**
 * A faceted multi-select: a trigger button ("Filter by outlet") opening a panel of checkboxes.
 * Selections apply immediately through `onChange`.
 */
export function MultiSelect({
  label,
  options,
  selected: selectedProp,
  onChange: onChangeProp,
  disabled,
}: {
  /** Facet name, e.g. "Outlet"; the trigger's accessible name is "Filter by outlet". */
  label: string;
  options: FacetOption[];
  selected: string[];
  onChange: (values: string[]) => void;
  disabled?: boolean;
}) {
  const [selected, setSelected] = useSyncedState(selectedProp, selectedProp.join("\u0000"));
  const onChange = (values: string[]) => {
    setSelected(values);
    onChangeProp(values);
  };
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const firstBoxRef = useRef<HTMLInputElement>(null);
  const id = useId().replace(/:/g, "");
  const panelId = `ms-${id}`;

  const selectedSet = useMemo(() => new Set(selected), [selected]);
  // Selected values unknown to the option list (e.g. from a shared URL) stay visible and removable.
  const allOptions = useMemo<FacetOption[]>(() => {
    const known = new Set(options.map((o) => o.value));
    return [...options, ...selected.filter((v) => !known.has(v)).map((v) => ({ value: v, label: v }))];
  }, [options, selected]);
  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return allOptions;
    return allOptions.filter((o) => o.label.toLowerCase().includes(q) || o.value.toLowerCase().includes(q));
  }, [allOptions, query]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    (searchRef.current ?? firstBoxRef.current)?.focus();
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  const toggle = (value: string) => {
    const next = selectedSet.has(value) ? selected.filter((v) => v !== value) : [...selected, value];
    onChange(next);
  };

  const showSearch = allOptions.length > 7;
  const selectedLabels = allOptions.filter((o) => selectedSet.has(o.value)).map((o) => o.label);

  return (
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          e.stopPropagation();
          setOpen(false);
          triggerRef.current?.focus();
        }
      }}
    >
      <Button
        ref={triggerRef}
        variant="outline"
        size="md"
        aria-label={`Filter by ${label.toLowerCase()}`}
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={panelId}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        className={cn(selected.length > 0 && "border-blue-300 bg-blue-50/60")}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 text-neutral-500">
          <path d="M2 3h12l-4.5 5.5V13l-3 1.5v-6z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
        </svg>
        <span>{label}</span>
        {selected.length > 0 ? (
          <span className="rounded bg-blue-700 px-1.5 text-xs text-white tabular-nums" aria-hidden="true">
            {selected.length === 1 ? (selectedLabels[0] ?? selected[0]) : selected.length}
          </span>
        ) : null}
      </Button>
      {open ? (
        <div
          id={panelId}
          role="group"
          aria-label={`${label} options`}
          className="absolute left-0 z-40 mt-1 w-72 rounded-md border border-neutral-200 bg-white p-2 shadow-lg"
        >
          {showSearch ? (
            <Input
              ref={searchRef}
              type="search"
              aria-label={`Search ${label.toLowerCase()} options`}
              placeholder={`Search ${label.toLowerCase()}…`}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              className="mb-2 h-8 w-full"
            />
          ) : null}
          {filtered.length === 0 ? (
            <p className="px-2 py-3 text-sm text-neutral-500">No matches.</p>
          ) : (
            <ul className="max-h-64 overflow-y-auto">
              {filtered.map((o, i) => {
                const boxId = `${panelId}-${i}`;
                return (
                  <li key={o.value}>
                    <label
                      htmlFor={boxId}
                      className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-neutral-100"
                    >
                      <input
                        ref={i === 0 ? firstBoxRef : undefined}
                        id={boxId}
                        type="checkbox"
                        className="h-4 w-4 accent-blue-700"
                        checked={selectedSet.has(o.value)}
                        onChange={() => toggle(o.value)}
                      />
                      <span className="min-w-0 flex-1 truncate">{o.label}</span>
                      {o.count !== undefined ? (
                        <span className="text-xs text-neutral-500 tabular-nums">{o.count}</span>
                      ) : null}
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
          {selected.length > 0 ? (
            <div className="mt-2 border-t border-neutral-200 pt-2">
              <Button variant="ghost" size="sm" className="w-full justify-center" onClick={() => onChange([])}>
                Clear {label.toLowerCase()} filter
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
