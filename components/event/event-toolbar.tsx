"use client";

import type { OutletRef } from "@/lib/schemas/dto";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { languageName } from "@/components/format";

/** The event page's filters (outlet, language, dates, text), bound to the URL. */
export function EventToolbar({ outlets, languages }: { outlets: OutletRef[]; languages: string[] }) {
  return (
    <DataTableToolbar
      config={{
        search: { placeholder: "Search in this event…", label: "Search this event's articles" },
        facets: [
          { param: "outlet", label: "Outlet", options: outlets.map((o) => ({ value: o.key, label: o.name })) },
          { param: "language", label: "Language", options: languages.map((l) => ({ value: l, label: languageName(l) })) },
        ],
        dateRange: true,
      }}
    />
  );
}
