"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { FacetOption } from "@/lib/schemas/dto";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MultiSelect } from "@/components/ui/multi-select";
import type { OptionSearchFn } from "@/components/ui/option-search";
import { useSyncedState } from "@/components/ui/use-synced-state";
import { FILTER_KEYS, useUrlState } from "./url-state";

export interface FacetConfig {
  /** URL parameter, e.g. "outlet". */
  param: string;
  /** Facet name, e.g. "Outlet" (the trigger is named "Outlet, filter"). */
  label: string;
  options: FacetOption[];
  /** Labels of selected values that `options` may not hold (when `search` pages them). */
  selectedOptions?: FacetOption[];
  /** Set when `options` are only the first page: finds the others on the server. */
  search?: OptionSearchFn;
}

export interface ToolbarConfig {
  /** `hint`: how the search reads a query (a tooltip, and its description for screen readers). */
  search?: { placeholder?: string; label?: string; hint?: string } | false;
  facets?: FacetConfig[];
  dateRange?: boolean;
  /** Rendered at the right end (export buttons, etc.). */
  actions?: ReactNode;
}

const DEBOUNCE_MS = 350;

/** Debounced free-text search bound to `?q=`. */
function SearchInput({ placeholder, label, hint }: { placeholder?: string; label?: string; hint?: string }) {
  const { searchParams, setParams } = useUrlState();
  const urlValue = searchParams.get("q") ?? "";
  const [value, setValue] = useState(urlValue);
  const lastSent = useRef(urlValue);
  const id = useId();

  // Follow the URL when it changes from elsewhere (reset, back button).
  useEffect(() => {
    if (urlValue !== lastSent.current) {
      lastSent.current = urlValue;
      setValue(urlValue);
    }
  }, [urlValue]);

  useEffect(() => {
    const trimmed = value.trim();
    if (trimmed === lastSent.current.trim()) return;
    const t = setTimeout(() => {
      lastSent.current = trimmed;
      setParams({ q: trimmed || null });
    }, DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [value, setParams]);

  return (
    <div className="flex min-w-0 flex-col">
      <label htmlFor={id} className="sr-only">
        {label ?? "Search"}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="sr-only">
          {hint}
        </span>
      )}
      <div className="relative">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="pointer-events-none absolute top-1/2 left-2.5 h-4 w-4 -translate-y-1/2 text-neutral-400">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="m10.5 10.5 3 3" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <Input
          id={id}
          type="search"
          value={value}
          placeholder={placeholder ?? "Search…"}
          title={hint}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              const trimmed = value.trim();
              lastSent.current = trimmed;
              setParams({ q: trimmed || null });
            }
          }}
          className="w-64 pl-8"
          maxLength={200}
        />
      </div>
    </div>
  );
}

function DateRange() {
  const { searchParams, setParams } = useUrlState();
  const fromId = useId();
  const toId = useId();
  const [from, setFrom] = useSyncedState(searchParams.get("from") ?? "");
  const [to, setTo] = useSyncedState(searchParams.get("to") ?? "");
  return (
    <fieldset className="flex items-center gap-1.5">
      <legend className="sr-only">Publication date range</legend>
      <label htmlFor={fromId} className="text-xs font-medium text-neutral-600">
        From
      </label>
      <Input
        id={fromId}
        type="date"
        value={from}
        max={to || undefined}
        onChange={(e) => {
          setFrom(e.target.value);
          setParams({ from: e.target.value || null });
        }}
        className="w-38 tabular-nums"
      />
      <label htmlFor={toId} className="text-xs font-medium text-neutral-600">
        To
      </label>
      <Input
        id={toId}
        type="date"
        value={to}
        min={from || undefined}
        onChange={(e) => {
          setTo(e.target.value);
          setParams({ to: e.target.value || null });
        }}
        className="w-38 tabular-nums"
      />
    </fieldset>
  );
}

/** Search, facet filters, date range and reset, all bound to the URL. */
export function DataTableToolbar({ config }: { config: ToolbarConfig }) {
  const { searchParams, setParams, isPending } = useUrlState();
  const active = FILTER_KEYS.some((k) => searchParams.getAll(k).some(Boolean));

  return (
    <div role="search" aria-label="Filters" className="flex flex-wrap items-end justify-between gap-3 py-3">
      <div className="flex flex-wrap items-center gap-2">
        {config.search !== false ? <SearchInput {...(config.search ?? {})} /> : null}
        {config.facets?.map((f) => (
          <MultiSelect
            key={f.param}
            label={f.label}
            options={f.options}
            selectedOptions={f.selectedOptions}
            search={f.search}
            selected={searchParams.getAll(f.param).flatMap((v) => v.split(",")).filter(Boolean)}
            onChange={(values) => setParams({ [f.param]: values })}
          />
        ))}
        {config.dateRange ? <DateRange /> : null}
        {active ? (
          <Button
            variant="ghost"
            onClick={() => setParams(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}
          >
            Reset filters
          </Button>
        ) : null}
        <span role="status" aria-live="polite" className="text-xs text-neutral-500">
          {isPending ? "Updating…" : ""}
        </span>
      </div>
      {config.actions ? <div className="flex flex-wrap items-center gap-2">{config.actions}</div> : null}
    </div>
  );
}
