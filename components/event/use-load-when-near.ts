"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

export type LazyState<T> = { status: "idle" | "loading" } | { status: "ready"; result: T } | { status: "error"; message: string };

/** Start loading this far before a section scrolls into view, so it is usually ready when seen. */
const PRELOAD_MARGIN = "800px 0px";

/**
 * JSON for a part of the page loaded when it nears the viewport: observe `ref`'s element and
 * fetch `url` the first time it comes within PRELOAD_MARGIN of the screen (or when `load` is
 * called: a button for keyboard users and browsers without IntersectionObserver). Errors keep
 * the state retryable with `load`; `what` names the part in the fallback error message. The
 * caller keys the component by what `url` depends on, so a new query starts over.
 */
export function useLoadWhenNear<T>(url: string, what: string): { state: LazyState<T>; load: () => void; ref: RefObject<HTMLElement | null> } {
  const [state, setState] = useState<LazyState<T>>({ status: "idle" });
  const ref = useRef<HTMLElement>(null);

  const load = useCallback(() => {
    setState((s) => (s.status === "idle" || s.status === "error" ? { status: "loading" } : s));
  }, []);

  useEffect(() => {
    if (state.status !== "idle" || !ref.current || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), { rootMargin: PRELOAD_MARGIN });
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [state.status, load]);

  useEffect(() => {
    if (state.status !== "loading") return;
    const controller = new AbortController();
    fetch(url, { headers: { accept: "application/json" }, signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(res.status === 404 ? "This event no longer exists; reload the page." : `The server answered ${res.status}; try again.`);
        setState({ status: "ready", result: (await res.json()) as T });
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: "error", message: err instanceof Error && err.message ? err.message : `The ${what} could not be loaded; try again.` });
      });
    return () => controller.abort();
  }, [state.status, url, what]);

  return { state, load, ref };
}
