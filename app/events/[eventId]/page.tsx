import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getEvent, getEventHistory } from "@/lib/queries";
import { articleIndex, claimIndex, hasMixedLanguages, pickArticles } from "@/lib/queries/comparison-index";
import { getEventWithArticlePage, type EventArticlePaging } from "@/lib/queries/event-detail";
import { getRevisionsByArticle } from "@/lib/revisions/queries";
import type { EventDetailFilters } from "@/lib/schemas/filters";
import { CountEvolutionChart } from "@/components/charts/count-evolution-chart";
import { CHART_OUTLETS, compactCounts } from "@/components/charts/count-points";
import { CoverageChart } from "@/components/charts/coverage-chart";
import { OTHER_KEY } from "@/components/charts/palette";
import { sparseCoverage } from "@/components/charts/sparse-coverage";
import { DataTableExport } from "@/components/data-table/data-table-export";
import { UrlStateProvider } from "@/components/data-table/url-state";
import { AuthorityMatrix } from "@/components/event/authority-matrix";
import { ComparisonMatrix, SourcesLine, shownComparisonRows } from "@/components/event/comparison-matrix";
import { ComparisonView } from "@/components/event/comparison-view";
import { EvidenceProvider } from "@/components/event/evidence-context";
import { FigureSpreadSummary } from "@/components/event/figure-spread";
import { EventArticlesTable } from "@/components/event/event-articles-table";
import { EventHeader } from "@/components/event/event-header";
import { FollowControl } from "../../notifications/follow-control";
import { EventManagePanel } from "@/components/event/event-manage-panel";
import { EventHistory } from "@/components/event/event-history";
import { EventToolbar } from "@/components/event/event-toolbar";
import { EventSections } from "@/components/event/event-sections";
import { QuoteVariants } from "@/components/event/quote-variants";
import { FilterError } from "@/components/layout/filter-error";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyBadge } from "@/components/data-table/cells/copy-badge";
import { RevisionsProvider } from "@/components/article/revisions-context";
import { OUTLET_SEARCH_LIMIT } from "@/lib/schemas/outlets";
import { parseEventDetailParams, type RawSearchParams } from "../search-params";
import { EVENT_ARTICLES_PAGE_SIZE, parseEventViewParams } from "./view-params";
import { PREPARING_METADATA, whilePreparing } from "@/app/preparing";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ eventId: string }>; searchParams: Promise<RawSearchParams> };

const NO_FILTERS: EventDetailFilters = { q: undefined, outlet: [], language: [] };

/**
 * Metadata and page share one query per request (React cache, keyed by id + filters + view):
 * the comparison and, unless a parameter was refused (`pagingKey` null), the articles table's
 * page, read together (getEventWithArticlePage). The pivot by authority is computed only for the
 * view that shows it; the blindspots and the statements by speaker are not computed here:
 * `EventSections` loads them from the browser.
 */
const loadEvent = cache(async (eventId: string, filtersKey: string, byAuthority: boolean, pagingKey: string | null) => {
  const filters = JSON.parse(filtersKey) as EventDetailFilters;
  const opts = { byAuthority, sections: false };
  if (pagingKey === null) return { detail: await getEvent(eventId, filters, undefined, opts), tableRows: null };
  const both = await getEventWithArticlePage(eventId, filters, JSON.parse(pagingKey) as EventArticlePaging, undefined, opts);
  return { detail: both?.detail ?? null, tableRows: both?.articles ?? null };
});

async function load({ params, searchParams }: Props) {
  // Next has decoded the path's parameter (decoding it again turned a "%" in it into an error).
  const [{ eventId }, sp] = await Promise.all([params, searchParams]);
  const filters = parseEventDetailParams(sp);
  const view = parseEventViewParams(sp);
  // A bad view parameter is reported like a bad filter.
  const error = !filters.ok ? filters : !view.ok ? view : null;
  const shown = view.ok
    ? view.data
    : { by: "outlet" as const, rows: undefined, speakers: undefined, page: 1, pageSize: EVENT_ARTICLES_PAGE_SIZE, sort: "publishedAt" as const, dir: "asc" as const };
  const paging = error ? null : JSON.stringify({ page: shown.page, pageSize: shown.pageSize, sort: shown.sort, dir: shown.dir });
  const { detail, tableRows } = await loadEvent(eventId, JSON.stringify(filters.ok ? filters.data : NO_FILTERS), shown.by === "authority", paging);
  return { eventId, filters: filters.ok ? filters.data : null, error, ...shown, detail, tableRows };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  if (await whilePreparing()) return PREPARING_METADATA;
  const { detail } = await load(props);
  return { title: detail ? detail.event.title : "Event not found" };
}

/** The revisions of the articles table's rows that the comparison did not load. */
async function tableRevisions(rows: { id: string }[], known: Record<string, unknown>) {
  return getRevisionsByArticle(rows.map((r) => r.id).filter((id) => !(id in known)));
}

export default async function EventPage(props: Props) {
  const preparing = await whilePreparing();
  if (preparing) return preparing;
  // The history does not depend on the event's articles: fetched alongside them.
  const [loaded, history] = await Promise.all([load(props), props.params.then(({ eventId }) => getEventHistory(eventId))]);
  const { filters: f, error, by, rows, speakers: allSpeakers, detail, tableRows, page, pageSize, sort, dir } = loaded;
  if (!detail) notFound();
  // The articles table is paged on the server: only its page's rows go to the browser.
  const table = tableRows ? { rows: tableRows, revisions: await tableRevisions(tableRows, detail.revisions) } : null;

  const { event, comparison, coverage, counts, facets } = detail;
  const shown = detail.articles;
  const filtered = Boolean(f && (f.q || f.outlet.length || f.language.length || f.from || f.to));
  const articles = articleIndex(comparison);
  const claims = claimIndex(comparison);
  // The browser gets the articles of the figures it renders (their popovers name the article),
  // not all the comparison's: the matrix's first rows (or the authority view).
  const figureArticles = new Set<string>();
  const addClaims = (ids: Iterable<number>) => {
    for (const id of ids) {
      const c = claims.get(id);
      if (c) figureArticles.add(c.articleId);
    }
  };
  if (by === "authority") addClaims(detail.byAuthority.flatMap((r) => Object.values(r.byKind).flatMap((figs) => figs.flatMap((fig) => fig.claimIds.slice(0, 1)))));
  else for (const r of shownComparisonRows(comparison, rows === "all")) for (const c of [...r.killed, ...r.wounded, ...r.other]) figureArticles.add(c.articleId);
  const evidenceArticles = pickArticles(articles, figureArticles);
  const mixedLanguages = hasMixedLanguages(articles);
  // The outlet filter's first page: the event's most prolific outlets, and the selected ones.
  const option = (o: (typeof facets.outlets)[number]) => ({ value: o.key, label: o.name, count: o.articles });
  const prolific = [...facets.outlets].sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
  const outletPage = {
    options: prolific.slice(0, OUTLET_SEARCH_LIMIT).map(option),
    selected: facets.outlets.filter((o) => f?.outlet.includes(o.key)).map(option),
    more: prolific.length > OUTLET_SEARCH_LIMIT,
  };
  const countPoints = compactCounts(counts, CHART_OUTLETS);
  // One colour per outlet across both charts: the outlets they plot, the coverage chart's first.
  const colorOrder = [...new Set([...coverage.series.map((s) => s.key).filter((k) => k !== OTHER_KEY), ...countPoints.outlets.map((o) => o.key)])];
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
      <FollowControl kind="event" target={event.id} what="this event" />

      {error ? (
        <FilterError field={error.field} error={error.error} resetHref={base} />
      ) : (
        <UrlStateProvider className="space-y-6">
          <EvidenceProvider eventId={event.id} articles={evidenceArticles} mixedLanguages={mixedLanguages}>
          <RevisionsProvider revisions={table ? { ...detail.revisions, ...table.revisions } : detail.revisions}>
          <div className="sticky top-0 z-30 -mx-1 rounded-lg bg-neutral-100/95 px-1 backdrop-blur">
            <EventToolbar eventId={event.id} outlets={outletPage} languages={facets.languages} />
          </div>

          <Card>
            <CardHeader
              id="comparison"
              title="Comparison"
              description={
                by === "authority" ? (
                  <>
                    Who gave each figure, and the outlets that relayed it; copies are marked. Hover or focus a figure to see its evidence
                    sentence.
                  </>
                ) : (
                  <>
                    What each outlet reported. Copies are nested under the report they republish and marked <CopyBadge />: they are not
                    independent confirmation. Hover or focus a figure to see its evidence sentence and attribution.
                  </>
                )
              }
              actions={<DataTableExport table="claims" entity="claims" extra={exportExtra} />}
            />
            <CardBody className="space-y-3">
              <div className="flex flex-wrap items-start justify-between gap-x-8 gap-y-2">
                <SourcesLine sources={detail.sources} />
                <FigureSpreadSummary figures={detail.figures} />
              </div>
              {shown.shown < shown.total ? (
                <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                  This event has {shown.total.toLocaleString("en")} matching articles; the comparison shows {shown.shown.toLocaleString("en")}{" "}
                  (independent reports first). Narrow it with the outlet, language, date or text filters. The charts and exports cover
                  every matching article.
                </p>
              ) : null}
              <ComparisonView by={by}>
                {by === "authority" ? <AuthorityMatrix rows={detail.byAuthority} claims={claims} /> : <ComparisonMatrix rows={comparison} all={rows === "all"} revisions={detail.revisions} />}
              </ComparisonView>
            </CardBody>
          </Card>

          <div className="grid gap-6 xl:grid-cols-2">
            <Card>
              <CardBody>
                <CountEvolutionChart points={countPoints} colorOrder={colorOrder} />
              </CardBody>
            </Card>
            <Card>
              <CardBody>
                <CoverageChart
                  data={sparseCoverage(coverage)}
                  id="event-coverage"
                  title="Coverage of this event"
                  description="Articles per day, stacked by outlet."
                  colorOrder={colorOrder}
                />
              </CardBody>
            </Card>
          </div>

          {/* Loaded from the browser when scrolled near, in one request: computed over the whole comparison. */}
          <EventSections
            key={`${JSON.stringify(f ?? NO_FILTERS)}:${allSpeakers ?? ""}`}
            eventId={event.id}
            filters={f ?? NO_FILTERS}
            allSpeakers={allSpeakers === "all"}
            statementActions={<DataTableExport table="statements" entity="statements" extra={exportExtra} />}
          />

          {/* Loaded from the browser when scrolled near: the most expensive part of a large event. */}
          <QuoteVariants key={JSON.stringify(f ?? NO_FILTERS)} eventId={event.id} filters={f ?? NO_FILTERS} />

          <Card>
            <CardHeader
              id="articles"
              title="Articles"
              description={`${shown.total.toLocaleString("en")} ${shown.total === 1 ? "article" : "articles"} in this selection${
                sort === "publishedAt" && dir === "asc" ? ", oldest first" : ""
              }.`}
              actions={<DataTableExport table="articles" entity="articles" extra={exportExtra} />}
            />
            <CardBody className="pt-1">
              <EventArticlesTable
                key={JSON.stringify(f ?? NO_FILTERS)}
                rows={table?.rows ?? []}
                paging={{ page, pageSize, total: shown.total, pageCount: Math.ceil(shown.total / pageSize) }}
                sorting={{ sort, dir }}
                eventId={event.id}
                filters={f ?? NO_FILTERS}
              />
            </CardBody>
          </Card>
          </RevisionsProvider>
          </EvidenceProvider>
        </UrlStateProvider>
      )}

      <EventManagePanel event={event} history={<EventHistory items={history ?? []} />} />
    </div>
  );
}
