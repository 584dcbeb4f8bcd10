import { Suspense } from "react";
import type { ArticleFilters } from "@/lib/schemas/filters";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import Link from "next/link";
import { listArticles, listLanguages, listOutletFacets } from "@/lib/queries";
import { FilterErrorPage } from "@/components/layout/filter-error";
import { PageHeader } from "@/components/layout/page-header";
import { FilterFollow } from "../notifications/filter-follow";
import { ArticlesTable } from "@/components/tables/articles-table";
import { languageName } from "@/components/format";
import { OUTLET_SEARCH_LIMIT } from "@/lib/schemas/outlets";
import { parseArticleListParams, type RawSearchParams } from "./search-params";
import { titleUnlessPreparing, whilePreparing } from "@/app/preparing";

export const dynamic = "force-dynamic";
export const generateMetadata = titleUnlessPreparing("Articles");

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const preparing = await whilePreparing();
  if (preparing) return preparing;
  const sp = await searchParams;
  const parsed = parseArticleListParams(sp);
  const header = (
    <PageHeader
      title="Articles"
      description="Every ingested article. Rows shaded amber are detected copies of another outlet's article (syndication or republication)."
    />
  );
  if (!parsed.ok) {
    return <FilterErrorPage header={header} field={parsed.field} error={parsed.error} resetHref="/articles" />;
  }
  return (
    <div className="space-y-2">
      {header}
      <FilterFollow filters={parsed.data} />
      <Suspense fallback={<DataTableSkeleton label="Loading articles" />}>
        <ArticlesResults filters={parsed.data} sp={sp} />
      </Suspense>
    </div>
  );
}

// Streamed inside the page (not a route-level loading.tsx) so /articles/[articleId] is not
// wrapped in a Suspense boundary and an unknown id still answers with HTTP 404.
async function ArticlesResults({ filters, sp }: { filters: ArticleFilters; sp: RawSearchParams }) {
  const [page, outlets, languages] = await Promise.all([listArticles(filters), listOutletFacets({ limit: OUTLET_SEARCH_LIMIT, selected: filters.outlet }), listLanguages()]);
  const eventId = filters.event;
  let withoutEvent = "/articles";
  if (eventId) {
    const rest = new URLSearchParams();
    for (const [k, v] of Object.entries(sp)) if (k !== "event" && k !== "page" && v !== undefined) for (const x of Array.isArray(v) ? v : [v]) rest.append(k, x);
    withoutEvent = rest.size ? `/articles?${rest.toString()}` : "/articles";
  }
  return (
    <>
      {eventId ? (
        <p className="rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900">
          Showing articles of the event{" "}
          <Link href={`/events/${encodeURIComponent(eventId)}`} className="font-medium underline">
            {page.rows[0]?.eventTitle ?? eventId}
          </Link>
          .{" "}
          <Link href={withoutEvent} className="underline">
            Show all events
          </Link>
        </p>
      ) : null}
      <ArticlesTable
        page={page}
        filters={filters}
        outlets={outlets}
        languages={languages.map((l) => ({ ...l, label: languageName(l.value) }))}
      />
    </>
  );
}
