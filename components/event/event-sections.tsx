"use client";

import type { ReactNode } from "react";
import type { EventSections as EventSectionsData } from "@/lib/schemas/dto";
import type { StatementGroupFilters } from "@/lib/statements/types";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Blindspots } from "./blindspots";
import { EvidenceProvider, useArticleIndex, useMixedLanguages } from "./evidence-context";
import { eventApiUrl } from "./statement-groups";
import { StatementsBySpeaker } from "./statements-by-speaker";
import { LazyStatus } from "./lazy-status";
import { useLoadWhenNear } from "./use-load-when-near";

/**
 * The event page's "Blindspots" and "Statements by speaker" cards. Their headings (and the
 * statements' export) are there at once; their contents come in one request when the cards near
 * the viewport (`useLoadWhenNear`), so the page answers without computing them (a third of a
 * large event's page time). The figures they cite open their evidence like the comparison's:
 * the answer's articles join the page's for the evidence popovers. The page keys this by event,
 * filters and `speakers`, so a change starts over.
 */
export function EventSections({
  eventId,
  filters,
  allSpeakers,
  statementActions,
}: {
  eventId: string;
  filters: StatementGroupFilters;
  allSpeakers: boolean;
  /** The statements card's header actions (its export). */
  statementActions?: ReactNode;
}) {
  const { state, load, ref } = useLoadWhenNear<EventSectionsData>(eventApiUrl(eventId, "sections", filters, allSpeakers ? { speakers: "all" } : {}), "blindspots and statements");
  const pageArticles = useArticleIndex();
  const mixed = useMixedLanguages();
  const ready = state.status === "ready" ? state.result : null;

  const body = (what: string, content: (data: EventSectionsData) => ReactNode) =>
    ready ? content(ready) : <LazyStatus state={state} load={load} loading={`Loading the ${what}…`} action={`Show the ${what}`} />;

  return (
    <EvidenceProvider eventId={eventId} articles={ready ? { ...pageArticles, ...ready.articles } : pageArticles} mixedLanguages={mixed}>
      <section ref={ref} aria-labelledby="blindspots" aria-busy={state.status === "loading"}>
        <Card>
          <CardHeader
            id="blindspots"
            title="Blindspots"
            description="For each figure and each statement, the outlets covering this event that carry it and those that leave it out. Copies count for the outlet that republished them: their readers saw it."
          />
          <CardBody>{body("blindspots", (d) => <Blindspots blindspots={d.blindspots} />)}</CardBody>
        </Card>
      </section>

      <section aria-labelledby="statements" aria-busy={state.status === "loading"}>
        <Card>
          <CardHeader
            id="statements"
            title="Statements by speaker"
            description="Who was quoted, and how each outlet rendered it. “via” names the outlet an article cites as carrying the statement; an arrow chain (outlet → original → channel → speaker) shows a quote that reached the outlet through another."
            actions={statementActions}
          />
          <CardBody>
            {body("statements by speaker", (d) => (
              <StatementsBySpeaker groups={d.speakers.groups} total={d.speakers.total} outlets={d.outlets} articles={d.articles} mixed={d.mixedLanguages} all={allSpeakers} />
            ))}
          </CardBody>
        </Card>
      </section>
    </EvidenceProvider>
  );
}
