"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { FacetOption } from "@/lib/schemas/dto";
import { Button } from "./button";
import { cn } from "./cn";
import { Input } from "./input";
import { useOptionSearch, type OptionSearchFn } from "./option-search";
import { useSyncedState } from "./use-synced-state";

/** The options whose value is not in `seen` yet, adding their values to it. */
function fresh(options: FacetOption[], seen: Set<string>): FacetOption[] {
  return options.filter((o) => !seen.has(o.value) && Boolean(seen.add(o.value)));
}

/**
 * A faceted multi-select: a trigger button ("Outlet, filter"; with a selection "Outlet Alpha, filter,
 * 1 selected") opening a panel of checkboxes.
 * Selections apply immediately through `onChange`.
 *
 * With `search`, `options` are only the first page (e.g. the 25 largest outlets): typing in the
 * panel's search box asks the server for the others, debounced, and `selectedOptions` names
 * the selected values that the first page does not hold.
 */
export function MultiSelect({
  label,
  options,
  selectedOptions,
  search,
  selected: selectedProp,
  onChange: onChangeProp,
  disabled,
}: {
  /** Facet name, e.g. "Outlet"; the trigger's accessible name begins with it ("Outlet, filter"). */
  label: string;
  options: FacetOption[];
  /** Labels (and counts) of selected values, wherever they rank. */
  selectedOptions?: FacetOption[];
  /** Set when `options` are not all of them: finds the others by the text typed. */
  search?: OptionSearchFn;
  selected: string[];
  onChange: (values: string[]) => void;
  disabled?: boolean;
}) {
  const [selected, setSelected] = useSyncedState(selectedProp, selectedProp.join("\u0000"));
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [remote, retry] = useOptionSearch(search, query);
  // Options outside `options` that were checked or unchecked here: they keep their label after the
  // search answer is gone, and stay listed once unchecked rather than vanishing under the pointer.
  const [picked, setPicked] = useState<FacetOption[]>([]);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const firstBoxRef = useRef<HTMLInputElement>(null);
  const id = useId().replace(/:/g, "");
  const panelId = `ms-${id}`;
  const statusId = `${panelId}-status`;

  const selectedSet = useMemo(() => new Set(selected), [selected]);
  // Selected values unknown to the option list (e.g. from a shared URL) stay visible and removable.
  const allOptions = useMemo<FacetOption[]>(() => {
    const seen = new Set<string>();
    const listed = fresh(options, seen);
    const named = new Map([...picked, ...(selectedOptions ?? [])].map((o) => [o.value, o]));
    const extra = selected.filter((v) => !seen.has(v)).map((v) => named.get(v) ?? { value: v, label: v });
    return [...listed, ...fresh(extra, seen), ...fresh(picked, seen)];
  }, [options, selectedOptions, picked, selected]);
  const q = query.trim().toLowerCase();
  const local = useMemo(
    () => (q ? allOptions.filter((o) => o.label.toLowerCase().includes(q) || o.value.toLowerCase().includes(q)) : allOptions),
    [allOptions, q],
  );
  // The server's answer for the text typed first, then the known options it did not return (selected ones).
  const answered = search && q && remote.status === "done" && remote.query.toLowerCase() === q ? remote.options : null;
  const filtered = useMemo(() => {
    if (!answered) return local;
    const seen = new Set<string>();
    return [...fresh(answered, seen), ...fresh(local, seen)];
  }, [answered, local]);
  const searching = Boolean(search && q && remote.status === "loading");
  const failed = Boolean(search && q && remote.status === "error");

  const onChange = (values: string[]) => {
    setSelected(values);
    onChangeProp(values);
  };
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    (searchRef.current ?? firstBoxRef.current)?.focus();
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  const toggle = (option: FacetOption) => {
    const on = selectedSet.has(option.value);
    if (!options.some((o) => o.value === option.value)) setPicked((p) => [...p.filter((o) => o.value !== option.value), option]);
    onChange(on ? selected.filter((v) => v !== option.value) : [...selected, option.value]);
  };

  const showSearch = allOptions.length > 7 || Boolean(search);
  const status = searching
    ? `Searching ${label.toLowerCase()}s…`
    : failed
      ? `Could not search ${label.toLowerCase()}s.`
      : filtered.length === 0
        ? "No matches."
        : answered
          ? remote.status === "done" && remote.more
            ? `The first ${remote.options.length} matches; type more to narrow them.`
            : `${filtered.length} ${filtered.length === 1 ? "match" : "matches"}`
          : search && !q
            ? `Showing the first ${options.length}; type to search all ${label.toLowerCase()}s.`
            : "";
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
          <span className="rounded bg-blue-700 px-1.5 text-xs text-white tabular-nums">
            {selected.length === 1 ? (selectedLabels[0] ?? selected[0]) : selected.length}
          </span>
        ) : null}
        {/* Named by what it shows, then what it is (WCAG 2.5.3, label in name): "Outlet, filter",
            "Language French, filter, 1 selected". */}
        <span className="sr-only">{`, filter${selected.length > 0 ? `, ${selected.length} selected` : ""}`}</span>
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
              aria-describedby={statusId}
              maxLength={200}
              className="mb-2 h-8 w-full"
            />
          ) : null}
          <p
            id={statusId}
            role="status"
            aria-live="polite"
            className={cn("px-2 text-sm text-neutral-500", status && filtered.length === 0 ? "py-3" : status ? "pb-1 text-xs" : "sr-only")}
          >
            {status}
          </p>
          {failed ? (
            <Button variant="outline" size="sm" className="mx-2 mb-2" onClick={retry}>
              Retry
            </Button>
          ) : null}
          {filtered.length === 0 ? null : (
            <ul className="max-h-64 overflow-y-auto" aria-busy={searching || undefined}>
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
                        onChange={() => toggle(o)}
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
