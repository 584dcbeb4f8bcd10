import { eventDetailFiltersSchema, eventFiltersSchema, parseFilters } from "@/lib/schemas/filters";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** `/events?q=&outlet=&language=&from=&to=&sort=&dir=&page=&pageSize=` */
export function parseEventListParams(sp: RawSearchParams) {
  return parseFilters(eventFiltersSchema, sp);
}

/** `/events/[eventId]?q=&outlet=&language=&from=&to=` (no paging: one row per outlet). */
export function parseEventDetailParams(sp: RawSearchParams) {
  return parseFilters(eventDetailFiltersSchema, sp);
}
