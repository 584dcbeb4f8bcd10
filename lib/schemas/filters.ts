import { z } from "zod";

/**
 * URL search parameters shared by pages, the JSON API and exports. Every list is filtered,
 * sorted and paged in the database; these schemas are the single definition of what a
 * filter may be. Parse with `parseFilters(schema, searchParams)`.
 */

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  // Date.parse rolls 2016-02-30 over to March 1st: compare the day it reads back instead.
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, "not a real calendar date");

/** A repeated parameter (`?outlet=a&outlet=b`) or a comma-separated one (`?outlet=a,b`). */
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    (v === undefined ? [] : Array.isArray(v) ? v : [v])
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(200)).max(200, "at most 200 values"));

/** Language codes as articles store them: ISO 639-1 (or a 3-letter ISO 639 code), any case. */
const languageList = list.pipe(
  z.array(
    z
      .string()
      .regex(/^[A-Za-z]{2,3}$/, 'expected ISO 639 language codes such as "en" or "fr"')
      .transform((c) => c.toLowerCase()),
  ),
);

export const baseFiltersSchema = z
  .object({
    /** Free text, matched against titles and text. */
    q: z.string().trim().max(200, "at most 200 characters").optional().transform((v) => v || undefined),
    /** Outlet keys (domain or slug). */
    outlet: list,
    /** ISO 639-1 language codes. */
    language: languageList,
    from: day.optional(),
    to: day.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "`from` must not be after `to`", path: ["from"] });

const paging = {
  page: z.coerce.number().int("page must be a whole number").min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(200, "pageSize is at most 200").default(25),
  dir: z.enum(["asc", "desc"]).default("desc"),
};

export const EVENT_SORTS = [
  "lastSeen", "firstSeen", "title", "articleCount", "sourceCount", "outletCount", "killed", "wounded", "killedMedian", "woundedMedian", "divergence",
] as const;
export const eventFiltersSchema = z.intersection(
  baseFiltersSchema,
  z.object({ ...paging, sort: z.enum(EVENT_SORTS).default("lastSeen") }),
);
export type EventFilters = z.infer<typeof eventFiltersSchema>;

export const ARTICLE_SORTS = ["publishedAt", "title", "outlet", "language"] as const;
export const articleFiltersSchema = z.intersection(
  baseFiltersSchema,
  z.object({ ...paging, sort: z.enum(ARTICLE_SORTS).default("publishedAt"), event: z.string().max(100).optional() }),
);
export type ArticleFilters = z.infer<typeof articleFiltersSchema>;

/** Filters for the comparison on the event page (no paging: one row per outlet). */
export const eventDetailFiltersSchema = baseFiltersSchema;
export type EventDetailFilters = z.infer<typeof eventDetailFiltersSchema>;

export const EXPORT_TABLES = ["events", "articles", "claims", "statements"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
export const EXPORT_FORMATS = ["csv", "xlsx", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportFiltersSchema = z.intersection(
  baseFiltersSchema,
  z.object({
    format: z.enum(EXPORT_FORMATS).default("csv"),
    event: z.string().max(100).optional(),
    /** The list's sort (events or articles; see exportSortError); claims and statements ignore it. */
    sort: z.enum([...EVENT_SORTS, ...ARTICLE_SORTS.filter((s) => !(EVENT_SORTS as readonly string[]).includes(s))]).optional(),
    dir: z.enum(["asc", "desc"]).default("desc"),
  }),
);

/** A sort that the table cannot use (an article sort on the events export, ...), as a message; else null. */
export function exportSortError(table: ExportTable, sort: string | undefined): string | null {
  const allowed: readonly string[] | null = table === "events" ? EVENT_SORTS : table === "articles" ? ARTICLE_SORTS : null;
  if (!sort || !allowed || allowed.includes(sort)) return null;
  return `sort: the ${table} export sorts by ${allowed.join(", ")}`;
}
export type ExportFilters = z.infer<typeof exportFiltersSchema>;

export type FilterResult<T> = { ok: true; data: T } | { ok: false; error: string; field: string };

/** Turn URLSearchParams or Next's searchParams object into the schema's input and parse it. */
export function parseFilters<T extends z.ZodType>(
  schema: T,
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): FilterResult<z.infer<T>> {
  const obj: Record<string, string | string[]> = {};
  const entries: [string, string | string[] | undefined][] =
    params instanceof URLSearchParams ? [...params.keys()].map((k) => [k, params.getAll(k)]) : Object.entries(params);
  for (const [k, v] of entries) {
    if (v === undefined) continue;
    const arr = Array.isArray(v) ? v : [v];
    // PostgreSQL stores and compares no NUL in text: an outlet, event or search holding one failed there with a 500.
    if (arr.some((x) => x.includes("\u0000"))) return { ok: false, field: k, error: `${k}: contains a NUL character (%00), which no value may hold` };
    obj[k] = arr.length === 1 ? (arr[0] as string) : arr;
  }
  const parsed = schema.safeParse(obj);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || "query";
  return { ok: false, field, error: `${field}: ${issue?.message ?? "invalid value"}` };
}
