/**
 * The feed scheduler: a few workers, each claiming one due feed at a time (with a lease, so any
 * number of watcher processes can run against one database), fetching it, and sleeping until the
 * next feed is due when there is none. `parallax watch` runs it in the foreground; `npm start`
 * runs it beside the web server unless PARALLAX_WATCH=0.
 */
import type { Database } from "../db";
import type { FetchPolicy } from "../fetch";
import { claimDueFeeds, newWatcherId, nextDueAt, type FeedRow } from "./claim";
import { pollFeed } from "./poll";
import type { PollSummary } from "./types";

export interface WatcherOptions {
  database: Database;
  policy: FetchPolicy;
  /** Names this watcher's leases (default: host, pid and a random suffix). */
  owner?: string;
  /** Feeds fetched at once. */
  concurrency?: number;
  /** Longest sleep before looking for due feeds again (feeds added meanwhile are due at once). */
  idleMs?: number;
  /** How long a claim holds; longer than `pollTimeoutMs`. */
  leaseMs?: number;
  pollTimeoutMs?: number;
  maxItems?: number;
  log?: (line: string) => void;
}

export interface PollEvent {
  feed: FeedRow;
  summary: PollSummary;
}

const time = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 16) + " UTC" : "never");

/** One log line for a finished poll. */
export function describePoll(feed: Pick<FeedRow, "id" | "url">, s: PollSummary): string {
  const head = `feed #${feed.id} ${feed.url}:`;
  if (s.status === "error") return `${head} failed: ${s.error}; next try ${time(s.nextFetchAt)}`;
  if (s.status === "not_modified") return `${head} not modified; next ${time(s.nextFetchAt)}`;
  const parts = [`${s.added} new`, `${s.revised} revised`, `${s.duplicates} unchanged`];
  if (s.failed) parts.push(`${s.failed} failed`);
  const run = s.runId ? ` (ingest run #${s.runId})` : "";
  return `${head} ${parts.join(", ")} of ${s.itemsFetched} read, ${s.itemsSeen} listed${run}; next ${time(s.nextFetchAt)}`;
}

export class FeedWatcher {
  readonly owner: string;
  private readonly controller = new AbortController();
  private readonly wakers = new Set<() => void>();
  private running: Promise<void> | null = null;

  constructor(private readonly opts: WatcherOptions) {
    this.owner = opts.owner ?? newWatcherId();
  }

  private get log() {
    return this.opts.log ?? (() => undefined);
  }

  private get leaseMs() {
    return this.opts.leaseMs ?? 15 * 60_000;
  }

  get stopping(): boolean {
    return this.controller.signal.aborted;
  }

  private async pollOne(feed: FeedRow): Promise<PollEvent> {
    const summary = await pollFeed(
      {
        database: this.opts.database,
        policy: this.opts.policy,
        signal: this.controller.signal,
        maxItems: this.opts.maxItems,
        timeoutMs: this.opts.pollTimeoutMs ?? Math.min(10 * 60_000, this.leaseMs * 0.8),
        trigger: "feed",
      },
      feed,
      this.owner,
    );
    if (!this.stopping) this.log(describePoll(feed, summary));
    return { feed, summary };
  }

  /** Fetch every feed that is due now (several at once), then return what happened. */
  async runOnce(): Promise<PollEvent[]> {
    const events: PollEvent[] = [];
    const worker = async () => {
      while (!this.stopping) {
        const [feed] = await claimDueFeeds(this.opts.database, { owner: this.owner, limit: 1, leaseMs: this.leaseMs });
        if (!feed) return;
        events.push(await this.pollOne(feed));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.opts.concurrency ?? 2) }, worker));
    return events;
  }

  /** Sleep up to `ms`, waking early on stop(). */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
      if (this.stopping) done();
    });
  }

  private async worker(): Promise<void> {
    const idleMs = this.opts.idleMs ?? 30_000;
    while (!this.stopping) {
      try {
        const [feed] = await claimDueFeeds(this.opts.database, { owner: this.owner, limit: 1, leaseMs: this.leaseMs });
        if (feed) {
          await this.pollOne(feed);
          continue;
        }
        const next = await nextDueAt(this.opts.database);
        const wait = next ? Math.min(Math.max(next.getTime() - Date.now(), 1_000), idleMs) : idleMs;
        await this.sleep(wait);
      } catch (err) {
        if (this.stopping) break;
        // The database may be restarting: say so and try again later rather than exit.
        this.log(`error: ${(err as Error).message.split("\n").slice(-1)[0]}; retrying in ${Math.round(idleMs / 1000)} s`);
        await this.sleep(idleMs);
      }
    }
  }

  /** Run until stop(): the returned promise settles once every worker has finished. */
  start(): Promise<void> {
    if (!this.running) {
      const n = Math.max(1, this.opts.concurrency ?? 2);
      this.log(`watching feeds (${n} at a time) as ${this.owner}`);
      this.running = Promise.all(Array.from({ length: n }, () => this.worker())).then(() => undefined);
    }
    return this.running;
  }

  /** Stop: in-flight fetches are cancelled and their leases released, so another watcher can take them at once. */
  async stop(): Promise<void> {
    if (!this.stopping) this.controller.abort(new Error("the watcher stopped"));
    for (const wake of [...this.wakers]) wake();
    await this.running;
  }
}
