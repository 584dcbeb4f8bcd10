import { z } from "zod";
import { parseFilters } from "@/lib/schemas/filters";

export const OUTLET_SORTS = ["name", "kind", "country", "language", "articleCount"] as const;

/** The outlet list is small (one row per publisher), so it is sorted and paged in the page. */
export const outletFiltersSchema = z.object({
  q: z.string().trim().max(200, "at most 200 characters").optional().transform((v) => v || undefined),
  sort: z.enum(OUTLET_SORTS).default("articleCount"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int("page must be a whole number").min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(200, "pageSize is at most 200").default(50),
});
export type OutletFilters = z.infer<typeof outletFiltersSchema>;

export function parseOutletParams(sp: Record<string, string | string[] | undefined>) {
  return parseFilters(outletFiltersSchema, sp);
}
