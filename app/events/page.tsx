import { Suspense } from "react";
import type { EventFilters } from "@/lib/schemas/filters";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { listEvents, listLanguages, listOutletFacets } from "@/lib/queries";
import { FilterErrorPage } from "@/components/layout/filter-error";
import { PageHeader } from "@/components/layout/page-header";
import { FilterFollow } from "../notifications/filter-follow";
import { EventsTable } from "@/components/tables/events-table";
import { languageName } from "@/components/format";
import { OUTLET_SEARCH_LIMIT } from "@/lib/schemas/outlets";
import { parseEventListParams, type RawSearchParams } from "./search-params";
import { titleUnlessPreparing, whilePreparing } from "@/app/preparing";

export const dynamic = "force-dynamic";
export const generateMetadata = titleUnlessPreparing("Events");

export default async function EventsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const preparing = await whilePreparing();
  if (preparing) return preparing;
  const parsed = parseEventListParams(await searchParams);
  const header = (
    <PageHeader
      title="Events"
      description="Each event groups the articles that report one incident. Divergence shows how far independent sources disagree on the death toll."
    />
  );
  if (!parsed.ok) {
    return <FilterErrorPage header={header} field={parsed.field} error={parsed.error} resetHref="/events" />;
  }
  return (
    <div className="space-y-2">
      {header}
      <FilterFollow filters={parsed.data} />
      <Suspense fallback={<DataTableSkeleton label="Loading events" />}>
        <EventsResults filters={parsed.data} />
      </Suspense>
    </div>
  );
}

// Streamed inside the page (not a route-level loading.tsx) so /events/[eventId] is not wrapped
// in a Suspense boundary and an unknown id still answers with HTTP 404.
async function EventsResults({ filters }: { filters: EventFilters }) {
  const [page, outlets, languages] = await Promise.all([listEvents(filters), listOutletFacets({ limit: OUTLET_SEARCH_LIMIT, selected: filters.outlet }), listLanguages()]);
  return (
    <EventsTable
      page={page}
      filters={filters}
      outlets={outlets}
      languages={languages.map((l) => ({ ...l, label: languageName(l.value) }))}
    />
  );
}
