import { z } from "zod";
import { parseFilters } from "@/lib/schemas/filters";
import type { RawSearchParams } from "../search-params";

/**
 * How the event page groups its comparison (`?by=authority` pivots it by original authority),
 * and whether it sends every comparison row (`?rows=all`) and every speaker (`?speakers=all`):
 * by default a large event's page carries the first rows and speakers only, so it stays small.
 */
export const eventViewSchema = z.object({
  by: z.enum(["outlet", "authority"], { message: "by is outlet or authority" }).default("outlet"),
  rows: z.enum(["all"], { message: "rows is all or absent" }).optional(),
  speakers: z.enum(["all"], { message: "speakers is all or absent" }).optional(),
});
export type EventView = z.infer<typeof eventViewSchema>;

/** `/events/[eventId]?by=outlet|authority&rows=all&speakers=all` (beside the filters). */
export function parseEventViewParams(sp: RawSearchParams) {
  return parseFilters(eventViewSchema, { by: sp.by, rows: sp.rows, speakers: sp.speakers });
}
