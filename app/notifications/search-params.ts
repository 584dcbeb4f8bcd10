import { z } from "zod";
import { parseFilters } from "@/lib/schemas/filters";
import { followIdSchema } from "@/lib/schemas/follows";

export type RawSearchParams = Record<string, string | string[] | undefined>;

const notificationParamsSchema = z.object({
  /** One follow's changes only. */
  follow: followIdSchema.optional(),
  /** Unread changes only. */
  unread: z.enum(["0", "1"]).optional().transform((v) => v === "1"),
});
export type NotificationParams = z.infer<typeof notificationParamsSchema>;

/** `/notifications?follow=&unread=1` */
export function parseNotificationParams(sp: RawSearchParams) {
  return parseFilters(notificationParamsSchema, sp);
}
