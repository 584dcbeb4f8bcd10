import { z } from "zod";
import { parseFilters } from "@/lib/schemas/filters";
import type { RawSearchParams } from "../search-params";

/** How the event page groups its comparison: `?by=authority` pivots it by original authority. */
export const eventViewSchema = z.object({
  by: z.enum(["outlet", "authority"], { message: "by is outlet or authority" }).default("outlet"),
});
export type EventView = z.infer<typeof eventViewSchema>;

/** `/events/[eventId]?by=outlet|authority` (beside the filters). */
export function parseEventViewParams(sp: RawSearchParams) {
  return parseFilters(eventViewSchema, { by: sp.by });
}
