import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getEvent, getEventHistory } from "@/lib/queries";
import type { EventDetailFilters } from "@/lib/schemas/filters";
import { CountEvolutionChart } from "@/components/charts/count-evolution-chart";
import { CoverageChart } from "@/components/charts/coverage-chart";
import { DataTableExport } from "@/components/data-table/data-table-export";
import { UrlStateProvider } from "@/components/data-table/url-state";
import { ComparisonMatrix, articleIndex } from "@/components/event/comparison-matrix";
import { EventArticlesTable } from "@/components/event/event-articles-table";
import { EventHeader } from "@/components/event/event-header";
import { EventManagePanel } from "@/components/event/event-manage-panel";
import { EventToolbar } from "@/components/event/event-toolbar";
import { StatementsBySpeaker } from "@/components/event/statements-by-speaker";
import { FilterError } from "@/components/layout/filter-error";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyBadge } from "@/components/data-table/cells/copy-badge";
import { parseEventDetailParams, type RawSearchParams } from "../search-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ eventId: string }>; searchParams: Promise<RawSearchParams> };

const NO_FILTERS: EventDetailFilters = { q: undefined, outlet: [], language: [] };

/** Metadata and page share one query per request (React cache, keyed by id + filters). */
const loadEvent = cache((eventId: string, filtersKey: string) => getEvent(eventId, JSON.parse(filtersKey) as EventDetailFilters));

async function load({ params, searchParams }: Props) {
  const [{ eventId: rawId }, sp] = await Promise.all([params, searchParams]);
  const eventId = decodeURIComponent(rawId);
  const parsed = parseEventDetailParams(sp);
  const detail = await loadEvent(eventId, JSON.stringify(parsed.ok ? parsed.data : NO_FILTERS));
  return { eventId, parsed, detail };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { detail } = await load(props);
  return { title: detail ? detail.event.title : "Event not found" };
}

export default async function EventPage(props: Props) {
  const { eventId, parsed, detail } = await load(props);
  if (!detail) notFound();
  const history = (await getEventHistory(eventId)) ?? [];

  const { event, comparison, speakers, coverage, counts, facets } = detail;
  const shown = detail.articles;
  const filtered = parsed.ok && Boolean(parsed.data.q || parsed.data.outlet.length || parsed.data.language.length || parsed.data.from || parsed.data.to);
  const articles = articleIndex(comparison);
  const allArticles = comparison
    .flatMap((r) => r.articles)
    .sort((a, b) => (Date.parse(a.publishedAt ?? "") || 0) - (Date.parse(b.publishedAt ?? "") || 0));
  const colorOrder = facets.outlets.map((o) => o.key);
  const exportExtra = { event: event.id };
  const base = `/events/${encodeURIComponent(event.id)}`;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-neutral-600">
        <Link href="/events" className="underline decoration-neutral-300 hover:decoration-neutral-700">
          Events
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page" className="text-neutral-800">
          {event.title}
        </span>
      </nav>

      <EventHeader event={event} filtered={filtered} manageHref="#manage" />

      {!parsed.ok ? (
        <FilterError field={parsed.field} error={parsed.error} resetHref={base} />
      ) : (
        <UrlStateProvider className="space-y-6">
          <div className="sticky top-0 z-30 -mx-1 rounded-lg bg-neutral-100/95 px-1 backdrop-blur">
            <EventToolbar outlets={facets.outlets} languages={facets.languages} />
          </div>

          <Card>
            <CardHeader
              id="comparison"
              title="Comparison by outlet"
              description={
                <>
                  What each outlet reported. Hover or focus a figure to see its evidence sentence. Rows marked <CopyBadge /> republish
                  another outlet and are not independent confirmation.
                </>
              }
              actions={<DataTableExport table="claims" entity="claims" extra={exportExtra} />}
            />
            <CardBody>
              {shown.shown < shown.total ? (
                <p role="status" className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                  This event has {shown.total.toLocaleString("en")} matching articles; the comparison shows {shown.shown.toLocaleString("en")}{" "}
                  (independent reports first). Narrow it with the outlet, language, date or text filters. The charts and exports cover
                  every matching article.
                </p>
              ) : null}
              <ComparisonMatrix rows={comparison} />
            </CardBody>
          </Card>

          <div className="grid gap-6 xl:grid-cols-2">
            <Card>
              <CardBody>
                <CountEvolutionChart points={counts} colorOrder={colorOrder} />
              </CardBody>
            </Card>
            <Card>
              <CardBody>
                <CoverageChart
                  data={coverage}
                  id="event-coverage"
                  title="Coverage of this event"
                  description="Articles per day, stacked by outlet."
                  colorOrder={colorOrder}
                />
              </CardBody>
            </Card>
          </div>

          <Card>
            <CardHeader
              id="statements"
              title="Statements by speaker"
              description="Who was quoted, and how each outlet rendered it. “via” names the outlet an article cites as carrying the statement."
              actions={<DataTableExport table="statements" entity="statements" extra={exportExtra} />}
            />
            <CardBody>
              <StatementsBySpeaker groups={speakers} outlets={facets.outlets} articles={articles} />
            </CardBody>
          </Card>

          <Card>
            <CardHeader
              id="articles"
              title="Articles"
              description={`${allArticles.length} ${allArticles.length === 1 ? "article" : "articles"} in this selection, oldest first.`}
              actions={<DataTableExport table="articles" entity="articles" extra={exportExtra} />}
            />
            <CardBody className="pt-1">
              <EventArticlesTable articles={allArticles} eventId={event.id} />
            </CardBody>
          </Card>
        </UrlStateProvider>
      )}

      <EventManagePanel event={event} history={history} />
    </div>
  );
}
