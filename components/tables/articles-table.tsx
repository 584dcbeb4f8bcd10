"use client";

import type { ArticleListItem, FacetOption, FacetPage, Paged } from "@/lib/schemas/dto";
import type { ArticleFilters } from "@/lib/schemas/filters";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableExport } from "@/components/data-table/data-table-export";
import { TEXT_SEARCH_HINT } from "@/components/format";
import { outletFacet } from "./outlet-facet";
import { articleColumns } from "./articles-columns";

export function ArticlesTable({
  page,
  filters,
  outlets,
  languages,
}: {
  page: Paged<ArticleListItem>;
  filters: Pick<ArticleFilters, "sort" | "dir">;
  outlets: FacetPage;
  languages: FacetOption[];
}) {
  return (
    <DataTable
      caption="Articles"
      columns={articleColumns}
      data={page.rows}
      getRowId={(a) => a.id}
      paging={page}
      sorting={{ sort: filters.sort, dir: filters.dir }}
      noun="articles"
      rowClassName={(a) => (a.syndicatedFrom ? "bg-amber-50/40" : undefined)}
      toolbar={{
        search: { placeholder: "Search articles…", label: "Search articles", hint: TEXT_SEARCH_HINT },
        facets: [
          outletFacet(outlets),
          { param: "language", label: "Language", options: languages },
        ],
        dateRange: true,
        actions: <DataTableExport table="articles" />,
      }}
    />
  );
}
