/** Plain shapes the feeds API, CLI and page share. Dates are ISO strings. Types only: safe for client components. */

export type FeedStatus = "pending" | "ok" | "not_modified" | "error";

export interface FeedDto {
  id: number;
  url: string;
  title: string | null;
  outlet: { key: string; name: string } | null;
  intervalMinutes: number;
  enabled: boolean;
  status: FeedStatus;
  lastError: string | null;
  consecutiveFailures: number;
  lastFetchedAt: string | null;
  nextFetchAt: string;
  itemsSeen: number;
  lastAdded: number;
  lastRevised: number;
  lastRunId: number | null;
  /** A watcher holds the feed right now. */
  fetching: boolean;
  createdAt: string;
}

/** The outcome of fetching one feed, or a list of URLs. */
export interface PollSummary {
  status: "ok" | "not_modified" | "error";
  /** Why the fetch failed (status "error"). */
  error: string | null;
  itemsSeen: number;
  /** Items fetched this time (new, or changed since the last fetch). */
  itemsFetched: number;
  added: number;
  duplicates: number;
  revised: number;
  failed: number;
  errors: { item: string; reason: string }[];
  runId: number | null;
  nextFetchAt: string | null;
}
