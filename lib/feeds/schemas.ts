/** zod schemas for the feeds and fetch boundaries: API bodies, route params and CLI flags. */
import { z } from "zod";
import { MAX_ROW_ID } from "../db/ids";
import { classifyAddress, ipLiteralFamily, type FetchPolicy } from "../fetch";

/** Shortest and longest feed interval, in minutes: politeness towards publishers, and at least weekly. */
export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 7 * 24 * 60;

/** An absolute http(s) URL without credentials, normalised by the URL parser (`href`). */
export const httpUrlSchema = z
  .string({ error: "expected a URL" })
  .trim()
  .min(1, "expected a URL")
  .max(2000, "at most 2000 characters")
  .transform((value, ctx) => {
    let u: URL;
    try {
      u = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: `not a valid URL: ${value.slice(0, 100)}` });
      return z.NEVER;
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: `only http and https URLs can be fetched, not ${u.protocol.replace(/:$/, "")}` });
      return z.NEVER;
    }
    if (u.username || u.password) {
      ctx.addIssue({ code: "custom", message: "a URL with a user name or password is not accepted" });
      return z.NEVER;
    }
    u.hash = "";
    return u.href;
  });

const intervalMinutesSchema = z
  .number({ error: "expected a whole number of minutes" })
  .int("expected a whole number of minutes")
  .min(MIN_INTERVAL_MINUTES, `at least ${MIN_INTERVAL_MINUTES} minutes`)
  .max(MAX_INTERVAL_MINUTES, `at most ${MAX_INTERVAL_MINUTES} minutes (a week)`);

export const addFeedSchema = z
  .object({
    url: httpUrlSchema,
    title: z.string().trim().min(1, "at least 1 character").max(200, "at most 200 characters").optional(),
    intervalMinutes: intervalMinutesSchema.default(30),
    /** An existing outlet's key. */
    outlet: z.string().trim().min(1).max(200).optional(),
    enabled: z.boolean().default(true),
    /** Fetch the feed once right away (default), so problems show at once. */
    fetch: z.boolean().default(true),
  })
  .strict();
export type AddFeedRequest = z.infer<typeof addFeedSchema>;

/**
 * `PATCH /api/feeds/:id` and `parallax feeds pause|resume|set`: pause or resume, change the
 * interval (the next fetch is rescheduled from the last one), rename (`title: null` takes the feed's
 * own title again at its next full fetch). At least one field.
 */
export const updateFeedSchema = z
  .object({
    paused: z.boolean({ error: "expected true or false" }).optional(),
    intervalMinutes: intervalMinutesSchema.optional(),
    title: z.string({ error: "expected a string or null" }).trim().min(1, "at least 1 character").max(200, "at most 200 characters").nullable().optional(),
  })
  .strict()
  .refine((v) => v.paused !== undefined || v.intervalMinutes !== undefined || v.title !== undefined, {
    message: "give at least one of paused, intervalMinutes, title",
  });
export type UpdateFeedRequest = z.infer<typeof updateFeedSchema>;

export const fetchUrlsSchema = z
  .object({
    urls: z.array(httpUrlSchema, { error: "expected an array of URLs" }).min(1, "give at least one URL").max(100, "at most 100 URLs per request"),
    /** Pages read from a sitemap at most. */
    sitemapLimit: z.number().int().min(1).max(1000).default(100),
  })
  .strict();
export type FetchUrlsRequest = z.infer<typeof fetchUrlsSchema>;

export const feedIdSchema = z
  .string({ error: "expected a feed id" })
  .trim()
  // Digits only: Number() would also read "1e3", "0x10" and " 12 " as ids.
  .regex(/^\d{1,15}$/, "expected a feed id (a positive whole number)")
  .transform(Number)
  .pipe(z.number().int("expected a whole number").positive("expected a positive feed id").max(MAX_ROW_ID, "expected a feed id"));

/**
 * Why `url` can never be fetched under `policy`, known without DNS: an IP literal that is not
 * public and not allowlisted. Null when it may be fetchable (names are checked at fetch time).
 */
export function staticUrlRefusal(url: string, policy: Pick<FetchPolicy, "allowHosts">): string | null {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (!ipLiteralFamily(host) || policy.allowHosts.includes(host)) return null;
  const verdict = classifyAddress(host);
  return verdict.allowed ? null : `refused: ${host} is ${verdict.reason}`;
}

/** `parallax watch` flags. */
export const watchOptionsSchema = z
  .object({
    concurrency: z.number({ error: "expected a whole number" }).int("expected a whole number").min(1, "at least 1").max(16, "at most 16").default(2),
    idleSeconds: z.number({ error: "expected a number of seconds" }).min(1, "at least 1 second").max(3600, "at most 3600 seconds").default(30),
    once: z.boolean().default(false),
  })
  .strict();
export type WatchOptions = z.infer<typeof watchOptionsSchema>;
