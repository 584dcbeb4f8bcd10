/**
 * Follows and their change log (issue "Alerts"): the zod schemas of the API bodies, query strings
 * and CLI flags, and the DTOs the API, the notifications page and the Atom feed share.
 */
import { z } from "zod";
import { MAX_ROW_ID } from "../db/ids";
import { httpUrlSchema } from "../feeds/schemas";
import { baseFiltersSchema, parseFilters } from "./filters";

export const FOLLOW_KINDS = ["event", "outlet", "search"] as const;
export type FollowKind = (typeof FOLLOW_KINDS)[number];

export const CHANGE_KINDS = ["new_outlet", "new_figure", "divergence_crossed", "figure_revised", "quote_revised", "new_article"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The filter fields a saved search keeps (the events/articles lists' filters, without paging or sorting). */
export const SEARCH_KEYS = ["q", "outlet", "language", "from", "to"] as const;

export type SavedSearch = z.infer<typeof baseFiltersSchema>;

/**
 * A saved search in its canonical form: the filter fields only, in a fixed order, lists sorted and
 * comma-joined, so the same filter always gives the same `Follow.target`.
 */
export function canonicalSearch(filters: SavedSearch): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.outlet.length) params.set("outlet", [...new Set(filters.outlet)].sort().join(","));
  if (filters.language.length) params.set("language", [...new Set(filters.language)].sort().join(","));
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  return params.toString();
}

/** Parse a saved search's query string (paging and sort parameters of a list URL are ignored). */
export function parseSavedSearch(query: string): { ok: true; data: SavedSearch } | { ok: false; error: string; field: string } {
  const all = new URLSearchParams(query.replace(/^\?/, ""));
  const kept = new URLSearchParams();
  for (const key of SEARCH_KEYS) for (const v of all.getAll(key)) kept.append(key, v);
  return parseFilters(baseFiltersSchema, kept);
}

/** A short human description of a saved search ("strike · outlets bbc.co.uk · from 2016-09-01"). */
export function describeSearch(filters: SavedSearch): string {
  const parts: string[] = [];
  if (filters.q) parts.push(`"${filters.q}"`);
  if (filters.outlet.length) parts.push(`outlets ${filters.outlet.join(", ")}`);
  if (filters.language.length) parts.push(`languages ${filters.language.join(", ")}`);
  if (filters.from) parts.push(`from ${filters.from}`);
  if (filters.to) parts.push(`to ${filters.to}`);
  return parts.length ? parts.join(" · ") : "all articles";
}

/** Empty only for a saved search of everything ("all articles"). */
const target = z.string({ error: "expected a string" }).trim().max(2000, "at most 2000 characters");

/** The webhook secret signs each body (HMAC-SHA256): long enough not to be guessed. */
const secretSchema = z
  .string({ error: "expected a string" })
  .min(16, "at least 16 characters, e.g. `openssl rand -hex 32`")
  .max(200, "at most 200 characters");

/** `POST /api/follows` and `parallax follows add`. */
export const createFollowSchema = z
  .object({
    kind: z.enum(FOLLOW_KINDS, { error: "expected event, outlet or search" }),
    /** The event id, the outlet key, or the saved search as a query string (`q=strike&outlet=bbc.co.uk`). */
    target,
    label: z.string({ error: "expected a string" }).trim().min(1, "at least 1 character").max(200, "at most 200 characters").optional(),
    /** Event follows: record a change when the event's divergence crosses this value (0.25 = a 25% spread). */
    divergenceThreshold: z.number({ error: "expected a number" }).min(0, "at least 0").max(100, "at most 100").optional(),
    webhookUrl: httpUrlSchema.optional(),
    /** Generated when a webhook URL is given without one; shown once, in the creation answer. */
    webhookSecret: secretSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.divergenceThreshold !== undefined && v.kind !== "event") {
      ctx.addIssue({ code: "custom", path: ["divergenceThreshold"], message: "only event follows have a divergence threshold" });
    }
    if (v.webhookSecret !== undefined && v.webhookUrl === undefined) {
      ctx.addIssue({ code: "custom", path: ["webhookSecret"], message: "a webhook secret needs a webhookUrl" });
    }
    if (v.kind !== "search" && v.target === "") {
      ctx.addIssue({ code: "custom", path: ["target"], message: `expected ${v.kind === "event" ? "an event id" : "an outlet key"}` });
    }
    if (v.kind === "search") {
      const parsed = parseSavedSearch(v.target);
      if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["target"], message: `saved search: ${parsed.error}` });
    }
  });
export type CreateFollowRequest = z.infer<typeof createFollowSchema>;

/** `:id` in /api/follows/:id/... */
export const followIdSchema = z.coerce
  .number({ error: "expected a follow id" })
  .int("expected a whole number")
  .min(1, "expected a follow id")
  .max(MAX_ROW_ID, "expected a follow id");

/** `GET /api/follows/:id/changes` and the notifications page. */
export const changesQuerySchema = z.object({
  unread: z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true"),
  limit: z.coerce.number().int("limit must be a whole number").min(1).max(500, "limit is at most 500").default(100),
  /** Changes older than this id (the previous page's last id). */
  before: z.coerce.number().int().min(1).max(MAX_ROW_ID, "before: expected a change id").optional(),
});
export type ChangesQuery = z.infer<typeof changesQuerySchema>;

/** `POST /api/follows/:id/read`: the given changes, or all of the follow's when `ids` is absent. */
export const markReadSchema = z
  .object({
    ids: z.array(z.number({ error: "expected change ids" }).int().min(1).max(MAX_ROW_ID, "expected change ids"), { error: "expected an array of change ids" }).max(1000, "at most 1000 ids").optional(),
    read: z.boolean({ error: "expected true or false" }).default(true),
  })
  .strict();
export type MarkReadRequest = z.infer<typeof markReadSchema>;

export interface FollowItem {
  id: number;
  kind: FollowKind;
  target: string;
  label: string;
  divergenceThreshold: number | null;
  webhookUrl: string | null;
  hasWebhookSecret: boolean;
  createdBy: string;
  createdAt: string;
  changeCount: number;
  unreadCount: number;
}

export interface FollowChangeItem {
  id: number;
  followId: number;
  kind: ChangeKind;
  summary: string;
  payload: Record<string, unknown>;
  eventId: string | null;
  articleId: string | null;
  read: boolean;
  createdAt: string;
  delivery: { status: DeliveryStatus; attempts: number; responseCode: number | null; lastError: string | null } | null;
}

export interface WebhookDeliveryItem {
  id: number;
  followId: number;
  followLabel: string;
  changeId: number;
  changeSummary: string;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  responseCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
}

/** What `POST /api/follows` answers. */
export interface CreatedFollowResponse {
  follow: FollowItem;
  /** The generated webhook secret, shown once; null when none was generated. */
  webhookSecret: string | null;
}
