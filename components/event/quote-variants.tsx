"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { StatementGroupFilters, StatementGroups } from "@/lib/statements/types";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { statementGroupParams, StatementGroupsSection } from "./statement-groups";

type State = { status: "idle" | "loading" } | { status: "ready"; result: StatementGroups } | { status: "error"; message: string };

/** Start loading this far before the section scrolls into view, so it is usually ready when seen. */
const PRELOAD_MARGIN = "800px 0px";

/**
 * The "Quote variants" section, loaded when it nears the viewport from
 * /api/events/:id/quote-variants. Grouping and diffing every statement of a large event costs
 * more server time than the rest of the page together (hundreds of milliseconds for a
 * 200-article event), so the page answers without it and a reader who never scrolls this far
 * never pays for it. A button loads it at once (no IntersectionObserver, or keyboard users).
 * The page keys it by event and filters, so new filters start over.
 */
export function QuoteVariants({ eventId, filters }: { eventId: string; filters: StatementGroupFilters }) {
  const [state, setState] = useState<State>({ status: "idle" });
  const ref = useRef<HTMLElement>(null);
  const query = statementGroupParams(filters).toString();

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
    fetch(`/api/events/${encodeURIComponent(eventId)}/quote-variants${query ? `?${query}` : ""}`, {
      headers: { accept: "application/json" },
      signal: controller.signal,
    })
      .then(async (res) => {
        if (!res.ok) throw new Error(res.status === 404 ? "This event no longer exists; reload the page." : `The server answered ${res.status}; try again.`);
        setState({ status: "ready", result: (await res.json()) as StatementGroups });
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: "error", message: err instanceof Error && err.message ? err.message : "The quote variants could not be loaded; try again." });
      });
    return () => controller.abort();
  }, [state.status, eventId, query]);

  if (state.status === "ready") return <StatementGroupsSection result={state.result} />;
  return (
    <section ref={ref} aria-labelledby="quote-variants" aria-busy={state.status === "loading"}>
      <Card>
        <CardHeader id="quote-variants" title="Quote variants" description="The same statement as each outlet worded it." />
        <CardBody>
          {state.status === "error" ? (
            <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-red-800">
              {state.message}
              <Button variant="outline" size="sm" onClick={load}>
                Retry
              </Button>
            </div>
          ) : state.status === "loading" ? (
            <p role="status" className="text-sm text-neutral-600">
              Comparing the wordings…
            </p>
          ) : (
            <Button variant="outline" size="sm" onClick={load}>
              Compare the wordings
            </Button>
          )}
        </CardBody>
      </Card>
    </section>
  );
}
