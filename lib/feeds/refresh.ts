/** Fetch one feed now, by hand (API, CLI, the Feeds page), under the same lease as the watchers. */
import type { Database } from "../db";
import type { FetchPolicy } from "../fetch";
import { conflictError, notFoundError } from "../mutations/errors";
import { claimFeed, feedRowSelect, newWatcherId } from "./claim";
import { pollFeed } from "./poll";
import { addFeed, getFeed, type AddFeedInput } from "./store";
import type { FeedDto, PollSummary } from "./types";

const LEASE_MS = 15 * 60_000;

/**
 * Subscribe to a feed and fetch it at once. The feed is created already claimed, so a watcher
 * running meanwhile cannot take it first (and make this fetch fail with a conflict).
 */
export async function addAndFetchFeed(
  database: Database,
  input: AddFeedInput,
  opts: { policy: FetchPolicy; trigger: "api" | "cli"; signal?: AbortSignal },
): Promise<{ feed: FeedDto; poll: PollSummary }> {
  const owner = newWatcherId(opts.trigger);
  const added = await addFeed(database, input, { owner, leaseMs: LEASE_MS });
  const row = await database.db.feed.findUniqueOrThrow({ where: { id: added.id }, select: feedRowSelect });
  const poll = await pollFeed({ database, policy: opts.policy, trigger: opts.trigger, signal: opts.signal }, row, owner);
  return { feed: (await getFeed(added.id, database)) ?? added, poll };
}

/**
 * Claim feed `id` (due or not) and fetch it. Throws ActionError `not_found`, or `conflict` when
 * a watcher is fetching it right now (try again in a moment).
 */
export async function refreshFeed(
  database: Database,
  id: number,
  opts: { policy: FetchPolicy; trigger: "api" | "cli"; signal?: AbortSignal },
): Promise<{ feed: FeedDto; poll: PollSummary }> {
  const owner = newWatcherId(opts.trigger);
  const claim = await claimFeed(database, id, { owner, leaseMs: LEASE_MS });
  if (!claim.ok) {
    if (claim.reason === "not_found") throw notFoundError("feedId", `feed ${id} not found`);
    throw conflictError("feedId", `feed ${id} is being fetched right now (by ${claim.leaseOwner ?? "another watcher"}); try again in a moment`);
  }
  const poll = await pollFeed({ database, policy: opts.policy, trigger: opts.trigger, signal: opts.signal }, claim.feed, owner);
  const feed = await getFeed(id, database);
  if (!feed) throw notFoundError("feedId", `feed ${id} was removed while it was fetched`);
  return { feed, poll };
}
