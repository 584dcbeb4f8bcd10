import { z } from "zod";

/**
 * Analysts' manual actions on events: request bodies (shared by the JSON API and the event
 * page), the payload each action records in its history entry, and the history DTO.
 */

const id = (what: string) => z.string({ error: `${what} must be a string` }).trim().min(1, `${what} is required`).max(100, `${what} is at most 100 characters`);

/** An event or article id in a URL path (`/api/events/:eventId`). */
export const entityIdSchema = z.string().trim().min(1, "is required").max(100, "is at most 100 characters");

const uniqueIds = (what: string, max: number) =>
  z
    .array(id(what), { error: `expected a list of ${what}s` })
    .min(1, `give at least one ${what}`)
    .max(max, `at most ${max} ${what}s at once`)
    .refine((ids) => new Set(ids).size === ids.length, `each ${what} may appear once`);

/** An analyst-set title: trimmed, one line. */
export const eventTitleSchema = z
  .string({ error: "title must be a string" })
  .transform((s) => s.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, "title must not be empty").max(300, "title is at most 300 characters"));

export const mergeEventsSchema = z.strictObject({
  /** The event that stays. */
  target: id("event id"),
  /** Events whose articles move into the target; they are deleted. */
  sources: uniqueIds("event id", 100),
});
export type MergeEventsInput = z.infer<typeof mergeEventsSchema>;

export const splitEventSchema = z.strictObject({
  articleIds: uniqueIds("article id", 1000),
  /** Title of the new event; without one it is derived from its articles like any event's. */
  title: eventTitleSchema.optional(),
});
export type SplitEventInput = z.infer<typeof splitEventSchema>;

export const moveArticleSchema = z.strictObject({ eventId: id("event id") });
export const moveArticlesSchema = z.strictObject({ articleIds: uniqueIds("article id", 1000), eventId: id("event id") });
export type MoveArticlesInput = z.infer<typeof moveArticlesSchema>;

export const lockEventSchema = z.strictObject({ locked: z.boolean({ error: "locked must be true or false" }) });

/** `title: null` gives the event back its automatic title. */
export const renameEventSchema = z.strictObject({ title: eventTitleSchema.nullable() });

/**
 * Who acted. Authentication is a later issue: for now the `X-Parallax-Actor` header (or
 * "anonymous"); a session will fill the same field.
 */
export const actorSchema = z
  .string()
  .trim()
  .max(100, "at most 100 characters")
  .regex(/^[^\p{Cc}]*$/u, "no control characters")
  .transform((s) => s || "anonymous");
export const ANONYMOUS = "anonymous";

export const EVENT_ACTIONS = ["merge", "split", "move", "lock", "unlock", "rename", "regroup"] as const;
export type EventActionKind = (typeof EVENT_ACTIONS)[number];

/** An event as it was when the action happened. */
export interface EventRefSnapshot {
  id: string;
  title: string;
  articleCount: number;
}

export interface ArticleRefSnapshot {
  id: string;
  title: string;
  /** The event the article was in before the action (null when it had none). */
  from: string | null;
}

/** What each action records, with titles and counts as they were. */
export type EventActionPayload =
  | { action: "merge"; target: EventRefSnapshot; sources: EventRefSnapshot[]; articles: ArticleRefSnapshot[] }
  | { action: "split"; from: EventRefSnapshot; to: EventRefSnapshot; articles: ArticleRefSnapshot[] }
  | { action: "move"; to: EventRefSnapshot; articles: ArticleRefSnapshot[]; deletedEvents: EventRefSnapshot[] }
  | { action: "lock" | "unlock"; event: EventRefSnapshot }
  | { action: "rename"; event: EventRefSnapshot; from: string; to: string; automatic: boolean }
  | { action: "regroup"; summary: Record<string, number> };

/** The roles an event plays in an action (how the history of one event finds it). */
export type EventActionRole = "target" | "source" | "from" | "to" | "created" | "subject";

export interface EventActionItem {
  id: number;
  action: EventActionKind;
  actor: string;
  createdAt: string;
  /** The role the event whose history is listed played in this action. */
  role: EventActionRole | null;
  payload: EventActionPayload;
}
