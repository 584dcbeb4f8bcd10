"use client";

import type { StatementGroupFilters, StatementGroups } from "@/lib/statements/types";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { eventApiUrl, StatementGroupsSection } from "./statement-groups";
import { LazyStatus } from "./lazy-status";
import { useLoadWhenNear } from "./use-load-when-near";

/**
 * The "Quote variants" section, loaded when it nears the viewport from
 * /api/events/:id/quote-variants. Grouping and diffing every statement of a large event costs
 * more server time than the rest of the page together (hundreds of milliseconds for a
 * 200-article event), so the page answers without it and a reader who never scrolls this far
 * never pays for it. A button loads it at once (no IntersectionObserver, or keyboard users).
 * The page keys it by event and filters, so new filters start over.
 */
export function QuoteVariants({ eventId, filters }: { eventId: string; filters: StatementGroupFilters }) {
  const { state, load, ref } = useLoadWhenNear<StatementGroups>(eventApiUrl(eventId, "quote-variants", filters), "quote variants");

  if (state.status === "ready") return <StatementGroupsSection result={state.result} />;
  return (
    <section ref={ref} aria-labelledby="quote-variants" aria-busy={state.status === "loading"}>
      <Card>
        <CardHeader id="quote-variants" title="Quote variants" description="The same statement as each outlet worded it." />
        <CardBody>
          <LazyStatus state={state} load={load} loading="Comparing the wordings…" action="Compare the wordings" />
        </CardBody>
      </Card>
    </section>
  );
}
