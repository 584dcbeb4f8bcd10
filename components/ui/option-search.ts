"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { FacetOption } from "@/lib/schemas/dto";

/** A server's answer: the first options matching a text, and whether others match too. */
export interface OptionSearchResult {
  options: FacetOption[];
  more: boolean;
}

/** Finds the options matching a typed text on the server; rejects when `signal` aborts. */
export type OptionSearchFn = (query: string, signal: AbortSignal) => Promise<OptionSearchResult>;

export type OptionSearchState =
  | { status: "idle" }
  | { status: "loading"; query: string }
  | { status: "done"; query: string; options: FacetOption[]; more: boolean }
  | { status: "error"; query: string };

/** A pause in typing long enough to be a query, short enough not to feel slow. */
export const OPTION_SEARCH_DEBOUNCE_MS = 250;

export interface OptionSearch {
  /** The text typed; a blank one cancels any search and goes back to idle. */
  set(query: string): void;
  /** Search the current text again at once (after an error). */
  retry(): void;
  dispose(): void;
}

/**
 * Debounced server search for a filter menu: one request per pause in typing, the one in flight
 * aborted when the text changes, and an answer for a text that is no longer the current one
 * dropped (an abort can lose the race with a response already on its way).
 */
export function createOptionSearch(
  search: OptionSearchFn,
  onChange: (state: OptionSearchState) => void,
  delay = OPTION_SEARCH_DEBOUNCE_MS,
): OptionSearch {
  let current = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | null = null;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    inFlight?.abort();
    inFlight = null;
  };
  const run = (query: string) => {
    const controller = new AbortController();
    inFlight = controller;
    const stale = () => controller.signal.aborted || query !== current;
    search(query, controller.signal).then(
      ({ options, more }) => {
        if (!stale()) onChange({ status: "done", query, options, more });
      },
      () => {
        if (!stale()) onChange({ status: "error", query });
      },
    );
  };
  return {
    set(text) {
      const query = text.trim();
      if (query === current) return;
      cancel();
      current = query;
      if (!query) return onChange({ status: "idle" });
      onChange({ status: "loading", query });
      timer = setTimeout(() => run(query), delay);
    },
    retry() {
      if (!current) return;
      cancel();
      onChange({ status: "loading", query: current });
      run(current);
    },
    dispose: cancel,
  };
}

/** `createOptionSearch` bound to a component: the state of the search for `query`. */
export function useOptionSearch(search: OptionSearchFn | undefined, query: string): [OptionSearchState, () => void] {
  const [state, setState] = useState<OptionSearchState>({ status: "idle" });
  const ref = useRef<OptionSearch | null>(null);
  useEffect(() => {
    if (!search) return;
    const s = createOptionSearch(search, setState);
    ref.current = s;
    return () => {
      s.dispose();
      ref.current = null;
      setState({ status: "idle" });
    };
  }, [search]);
  useEffect(() => {
    ref.current?.set(query);
  }, [query, search]);
  const retry = useCallback(() => ref.current?.retry(), []);
  return [state, retry];
}
