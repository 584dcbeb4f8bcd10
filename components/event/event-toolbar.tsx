"use client";

import type { FacetPage } from "@/lib/schemas/dto";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { languageName } from "@/components/format";
import { outletFacet, searchEventOutletOptions } from "@/components/tables/outlet-facet";

/**
 * The event page's filters (outlet, language, dates, text), bound to the URL. The outlet menu
 * lists the event's most prolific outlets first and searches the server for the others (an
 * event reported by a thousand outlets would otherwise send them all with the page).
 */
export function EventToolbar({ eventId, outlets, languages }: { eventId: string; outlets: FacetPage; languages: string[] }) {
  return (
    <DataTableToolbar
      config={{
        search: { placeholder: "Search in this event…", label: "Search this event's articles" },
        facets: [
          { ...outletFacet(outlets), search: outlets.more ? searchEventOutletOptions(eventId) : undefined },
          { param: "language", label: "Language", options: languages.map((l) => ({ value: l, label: languageName(l) })) },
        ],
        dateRange: true,
      }}
    />
  );
}
