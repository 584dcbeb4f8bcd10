import { z } from "zod";
import { ARTICLE_SORTS, parseFilters } from "@/lib/schemas/filters";
import type { RawSearchParams } from "../search-params";

/** Rows of the articles table per page unless `pageSize` says otherwise. */
export const EVENT_ARTICLES_PAGE_SIZE = 25;

/**
 * How the event page groups its comparison (`?by=authority` pivots it by original authority),
 * and whether it sends every comparison row (`?rows=all`) and every speaker (`?speakers=all`):
 * by default a large event's page carries the first rows and speakers only, so it stays small.
 * The articles table is paged and sorted on the server like the other tables (`page`,
 * `pageSize`, `sort`, `dir`), oldest first by default.
 */
export const eventViewSchema = z.object({
  by: z.enum(["outlet", "authority"], { message: "by is outlet or authority" }).default("outlet"),
  rows: z.enum(["all"], { message: "rows is all or absent" }).optional(),
  speakers: z.enum(["all"], { message: "speakers is all or absent" }).optional(),
  page: z.coerce.number().int("page must be a whole number").min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int("pageSize must be a whole number").min(5).max(200, "pageSize is at most 200").default(EVENT_ARTICLES_PAGE_SIZE),
  sort: z.enum(ARTICLE_SORTS, { message: `sort is one of ${ARTICLE_SORTS.join(", ")}` }).default("publishedAt"),
  dir: z.enum(["asc", "desc"], { message: "dir is asc or desc" }).default("asc"),
});
export type EventView = z.infer<typeof eventViewSchema>;

/** `/events/[eventId]?by=outlet|authority&rows=all&speakers=all&page=&pageSize=&sort=&dir=` (beside the filters). */
export function parseEventViewParams(sp: RawSearchParams) {
  const { by, rows, speakers, page, pageSize, sort, dir } = sp;
  return parseFilters(eventViewSchema, { by, rows, speakers, page, pageSize, sort, dir });
}
