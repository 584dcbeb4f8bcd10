import type { PollSummary } from "@/lib/feeds/types";

/** One sentence for the outcome of a fetch, for the status line after Add or Refresh. */
export function pollMessage(poll: PollSummary | null): string {
  if (!poll) return "it will be fetched when the scheduler next runs";
  if (poll.status === "error") return `the fetch failed: ${poll.error ?? "unknown error"} (it will be retried later)`;
  if (poll.status === "not_modified") return "not modified since the last fetch";
  const parts = [`${poll.added} new ${poll.added === 1 ? "article" : "articles"}`];
  if (poll.revised) parts.push(`${poll.revised} revised`);
  if (poll.duplicates) parts.push(`${poll.duplicates} unchanged`);
  if (poll.failed) parts.push(`${poll.failed} failed`);
  return `${parts.join(", ")} (${poll.itemsSeen} ${poll.itemsSeen === 1 ? "item" : "items"} in the feed)`;
}
