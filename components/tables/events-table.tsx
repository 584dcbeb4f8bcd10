"use client";

import type { EventListItem, FacetOption, FacetPage, Paged } from "@/lib/schemas/dto";
import type { EventFilters } from "@/lib/schemas/filters";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableExport } from "@/components/data-table/data-table-export";
import { TEXT_SEARCH_HINT } from "@/components/format";
import { outletFacet } from "./outlet-facet";
import { eventColumns } from "./events-columns";

export function EventsTable({
  page,
  filters,
  outlets,
  languages,
  toolbar = true,
}: {
  page: Paged<EventListItem>;
  filters: Pick<EventFilters, "sort" | "dir">;
  outlets?: FacetPage;
  languages?: FacetOption[];
  /** The overview's "latest events" shows the table alone. */
  toolbar?: boolean;
}) {
  return (
    <DataTable
      caption={toolbar ? "Events" : "Latest events"}
      columns={eventColumns}
      data={page.rows}
      getRowId={(e) => e.id}
      paging={toolbar ? page : undefined}
      sorting={toolbar ? { sort: filters.sort, dir: filters.dir } : undefined}
      noun="events"
      toolbar={
        toolbar
          ? {
              search: { placeholder: "Search events…", label: "Search events", hint: TEXT_SEARCH_HINT },
              facets: [
                outletFacet(outlets),
                { param: "language", label: "Language", options: languages ?? [] },
              ],
              dateRange: true,
              actions: <DataTableExport table="events" />,
            }
          : undefined
      }
    />
  );
}
