/**
 * `parallax watch`: the feed scheduler in the foreground, one log line per fetch, until Ctrl-C
 * (which cancels the fetches in flight and releases their leases, so another watcher can take
 * them at once). `npm start` runs the same scheduler beside the server (`startBackgroundWatcher`).
 */
import type { Database } from "../../lib/db";
import { fetchPolicyFromEnv } from "../../lib/feeds/config";
import { watchOptionsSchema } from "../../lib/feeds/schemas";
import { FeedWatcher } from "../../lib/feeds/watcher";
import { retryPolicyFromEnv } from "../../lib/follows/config";
import { deliverDueWebhooks, WebhookWorker } from "../../lib/follows/deliver";
import { openCliDatabase } from "./database";

const stamp = () => new Date().toISOString().replace("T", " ").slice(0, 19);

export interface WatchCliOptions {
  concurrency?: string;
  idle?: string;
  once?: boolean;
}

/** Parse the flags; numbers arrive as strings from commander. */
function parseOptions(opts: WatchCliOptions) {
  const num = (v: string | undefined) => (v === undefined ? undefined : Number.isFinite(Number(v)) ? Number(v) : v);
  const raw = { concurrency: num(opts.concurrency), idleSeconds: num(opts.idle), once: opts.once ?? false };
  const parsed = watchOptionsSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  if (parsed.success) return { ok: true as const, data: parsed.data };
  const issue = parsed.error.issues[0];
  const flag = { concurrency: "--concurrency", idleSeconds: "--idle" }[String(issue?.path[0]) as "concurrency" | "idleSeconds"] ?? "options";
  return { ok: false as const, message: `${flag}: ${issue?.message ?? "invalid value"}` };
}

export async function runWatch(opts: WatchCliOptions): Promise<number> {
  const parsed = parseOptions(opts);
  if (!parsed.ok) {
    process.stderr.write(`parallax watch: ${parsed.message}\n`);
    return 2;
  }
  const log = (line: string) => process.stdout.write(`${stamp()} ${line}\n`);
  const database = await openCliDatabase();
  const watcher = new FeedWatcher({
    database,
    policy: fetchPolicyFromEnv(),
    concurrency: parsed.data.concurrency,
    idleMs: parsed.data.idleSeconds * 1000,
    log,
  });
  // Webhook deliveries of followed items' changes (lib/follows) run beside the feeds.
  const webhooks = new WebhookWorker({ database, policy: fetchPolicyFromEnv(), retry: retryPolicyFromEnv(), log });
  try {
    if (parsed.data.once) {
      const events = await watcher.runOnce();
      log(events.length ? `fetched ${events.length} due ${events.length === 1 ? "feed" : "feeds"}` : "no feed is due");
      const deliveries = await deliverDueWebhooks(database, { policy: fetchPolicyFromEnv(), retry: retryPolicyFromEnv(), log });
      if (deliveries.length) log(`sent ${deliveries.length} due webhook ${deliveries.length === 1 ? "delivery" : "deliveries"}`);
      return events.some((e) => e.summary.status === "error") ? 1 : 0;
    }
    let signals = 0;
    const onSignal = () => {
      signals++;
      if (signals === 1) {
        log("stopping: cancelling fetches in flight and releasing their feeds (Ctrl-C again to quit at once)");
        void watcher.stop();
        void webhooks.stop();
      } else {
        process.exit(130);
      }
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    await Promise.all([watcher.start(), webhooks.start()]);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    log("stopped");
    return 0;
  } finally {
    await database.close();
  }
}

/**
 * Start the scheduler in this process (for `npm start`); returns a function that stops it and
 * closes its database connection.
 */
export async function startBackgroundWatcher(log: (line: string) => void): Promise<() => Promise<void>> {
  const database: Database = await openCliDatabase();
  const watcher = new FeedWatcher({ database, policy: fetchPolicyFromEnv(), log: (line) => log(`watch: ${line}`) });
  const webhooks = new WebhookWorker({ database, policy: fetchPolicyFromEnv(), retry: retryPolicyFromEnv(), log: (line) => log(`watch: ${line}`) });
  const running = Promise.all([watcher.start(), webhooks.start()]);
  let stopped: Promise<void> | null = null;
  return () =>
    (stopped ??= (async () => {
      await Promise.all([watcher.stop(), webhooks.stop()]);
      await running;
      await database.close();
    })());
}
