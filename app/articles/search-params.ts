import { articleFiltersSchema, parseFilters } from "@/lib/schemas/filters";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** `/articles?q=&outlet=&language=&from=&to=&event=&sort=&dir=&page=&pageSize=` */
export function parseArticleListParams(sp: RawSearchParams) {
  return parseFilters(articleFiltersSchema, sp);
}
