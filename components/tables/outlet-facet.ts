import type { FacetConfig } from "@/components/data-table/data-table-toolbar";
import type { OptionSearchFn } from "@/components/ui/option-search";
import type { FacetPage } from "@/lib/schemas/dto";
import { OUTLET_SEARCH_LIMIT, type OutletRegistryItem } from "@/lib/schemas/outlets";

/** The outlets matching `query`, from GET /api/outlets?q=&limit= (most articles first). */
export const searchOutletOptions: OptionSearchFn = (query, signal) => searchOutlets(query, signal);

/** The outlets of one event matching `query` (GET /api/outlets?q=&limit=&event=), most articles in it first. */
export const searchEventOutletOptions =
  (eventId: string): OptionSearchFn =>
  (query, signal) =>
    searchOutlets(query, signal, eventId);

async function searchOutlets(query: string, signal: AbortSignal | undefined, event?: string) {
  const params = new URLSearchParams({ q: query, limit: String(OUTLET_SEARCH_LIMIT) });
  if (event) params.set("event", event);
  const res = await fetch(`/api/outlets?${params}`, { signal, headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`GET /api/outlets answered ${res.status}`);
  const body = (await res.json()) as { rows: OutletRegistryItem[]; more: boolean };
  return { options: body.rows.map((o) => ({ value: o.key, label: o.name, count: o.articleCount })), more: body.more };
}

/** The list pages' outlet filter: the page's first options, searching the server for the others. */
export function outletFacet(page: FacetPage | undefined): FacetConfig {
  return {
    param: "outlet",
    label: "Outlet",
    options: page?.options ?? [],
    selectedOptions: page?.selected,
    search: page?.more ? searchOutletOptions : undefined,
  };
}
