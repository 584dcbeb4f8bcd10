import { z } from "zod";

export const OUTLET_KINDS = ["wire", "state", "public", "independent", "unknown"] as const;
export type OutletKindValue = (typeof OUTLET_KINDS)[number];

const HOSTNAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * A domain as analysts type it: "Reuters.com", "www.reuters.com" or a URL are all
 * "reuters.com" (lowercase, no scheme, path or "www.").
 */
export const domainSchema = z
  .string()
  .trim()
  .max(253, "at most 253 characters")
  .transform((v) => {
    let host = v.toLowerCase();
    if (host.includes("://")) {
      try {
        host = new URL(host).hostname;
      } catch {
        // left as typed; the check below names it
      }
    }
    return host.replace(/\/.*$/, "").replace(/:\d+$/, "").replace(/^www\./, "").replace(/\.$/, "");
  })
  .refine((v) => HOSTNAME.test(v), { message: "expected a domain like reuters.com" });

const optionalCode = (pattern: RegExp, message: string, transform: (v: string) => string) =>
  z
    .string()
    .trim()
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v === null || v === "" ? null : transform(v)))
    .refine((v) => v === undefined || v === null || pattern.test(v), { message });

/**
 * PATCH /api/outlets/:id. Every field is optional; `domains` replaces the outlet's list (the
 * first is its main domain); `merge` names outlets (by key) whose articles, domains and key
 * this outlet takes over. A domain that belongs to another outlet is a conflict unless that
 * outlet is in `merge`.
 */
export const editOutletSchema = z
  .strictObject({
    name: z.string().trim().min(1, "must not be empty").max(200, "at most 200 characters").optional(),
    domains: z
      .array(domainSchema)
      .max(50, "at most 50 domains")
      .optional()
      .transform((list) => (list === undefined ? undefined : [...new Set(list)])),
    country: optionalCode(/^[A-Z]{2}$/, "expected a two-letter country code like FR", (v) => v.toUpperCase()),
    language: optionalCode(/^[a-z]{2}$/, "expected a two-letter language code like fr", (v) => v.toLowerCase()),
    kind: z.enum(OUTLET_KINDS, { error: `expected one of ${OUTLET_KINDS.join(", ")}` }).optional(),
    merge: z.array(z.string().trim().min(1).max(300)).max(50, "at most 50 outlets at once").optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "nothing to change: send name, domains, country, language, kind or merge" });
export type EditOutletInput = z.infer<typeof editOutletSchema>;

/** Outlets a search answers when it names no `limit`. */
export const OUTLET_SEARCH_LIMIT = 25;

/**
 * GET /api/outlets?q=&limit=&event=: outlets whose name, key or a domain contains `q`, most
 * articles first, at most `limit` (the outlet filter's menu searches here as the analyst types);
 * with `event`, only the outlets that reported that event, counting their articles in it. With
 * none of them, the whole registry by name.
 */
export const outletSearchSchema = z.object({
  q: z.string().trim().max(200, "at most 200 characters").optional().transform((v) => v || undefined),
  limit: z.coerce.number().int("limit must be a whole number").min(1).max(100, "limit is at most 100").optional(),
  event: z.string().trim().min(1).max(100, "event is at most 100 characters").optional(),
});
export type OutletSearch = { q?: string; limit: number; event?: string };

/** An outlet as the registry editor shows it. */
export interface OutletRegistryItem {
  id: number;
  key: string;
  name: string;
  kind: string;
  /** The main domain (the first of `domains`). */
  domain: string | null;
  /** Every domain that resolves to this outlet: its main domain, then the others. */
  domains: string[];
  /** Keys that are not domains yet resolve here (outlets merged into this one that had no domain). */
  otherKeys: string[];
  country: string | null;
  language: string | null;
  articleCount: number;
  edited: boolean;
  editedBy: string | null;
  editedAt: string | null;
}

/** True when a key is a host name (outlets without a known domain are keyed by a slug of their name). */
export function isDomainKey(key: string): boolean {
  return HOSTNAME.test(key);
}
