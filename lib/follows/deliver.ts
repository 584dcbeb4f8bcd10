/**
 * The webhook delivery worker: sends due deliveries through the SSRF-safe fetcher (a webhook URL
 * is as untrusted as a feed URL), signs each body, and retries failures with exponential back-off
 * until the retry policy gives up. `parallax watch` and `npm start` run it beside the feed scheduler.
 */
import type { Database } from "../db";
import { isFetchError, safeFetch, type FetchPolicy } from "../fetch";
import { claimDueDeliveries, nextDeliveryDueAt, recordDeliveryAttempt, type ClaimedDelivery } from "../mutations/webhook-deliveries";
import {
  DEFAULT_RETRY_POLICY,
  DELIVERY_HEADER,
  EVENT_HEADER,
  nextAttemptAt,
  signBody,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  webhookBody,
  type RetryPolicy,
} from "./webhook";

export interface DeliverOptions {
  policy: FetchPolicy;
  retry?: RetryPolicy;
  /** The clock (tests move it forward instead of sleeping). */
  now?: () => Date;
  /** Deliveries claimed per round. */
  limit?: number;
  /** How long a claim holds before another worker may retry the delivery. */
  leaseMs?: number;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export interface DeliveryResult {
  id: number;
  url: string;
  attempt: number;
  status: "delivered" | "pending" | "failed";
  responseCode: number | null;
  error: string | null;
}

/** Webhook answers are read only to be discarded: a small cap keeps a hostile receiver harmless. */
const RESPONSE_MAX_BYTES = 64 * 1024;
/** A receiver has this long (at most the policy's own limit) to answer. */
const DELIVERY_TIMEOUT_MS = 15_000;

async function attempt(database: Database, d: ClaimedDelivery, opts: DeliverOptions): Promise<DeliveryResult> {
  const attemptNo = d.attempts + 1;
  const body = webhookBody(d.id, d.follow, d.change);
  let responseCode: number | null = null;
  let error: string | null = null;
  if (!d.secret) {
    error = "the follow has no webhook secret";
  } else {
    try {
      const res = await safeFetch(d.url, {
        method: "POST",
        body,
        signal: opts.signal,
        policy: { ...opts.policy, maxBytes: RESPONSE_MAX_BYTES, timeoutMs: Math.min(opts.policy.timeoutMs, DELIVERY_TIMEOUT_MS) },
        headers: {
          "content-type": "application/json",
          [SIGNATURE_HEADER]: signBody(d.secret, body),
          [TIMESTAMP_HEADER]: String(Math.floor((opts.now?.() ?? new Date()).getTime() / 1000)),
          [DELIVERY_HEADER]: String(d.id),
          [EVENT_HEADER]: d.change.kind,
        },
      });
      responseCode = res.status;
    } catch (err) {
      if (isFetchError(err)) {
        responseCode = err.status ?? null;
        error = err.message;
      } else {
        error = (err as Error).message;
      }
    }
  }
  const now = opts.now?.() ?? new Date();
  const ok = error === null && responseCode !== null && responseCode >= 200 && responseCode < 300;
  const retryAt = ok ? null : nextAttemptAt(attemptNo, now, opts.retry ?? DEFAULT_RETRY_POLICY);
  await recordDeliveryAttempt(database, d.id, attemptNo, { ok, responseCode, error, retryAt }, now);
  const status = ok ? "delivered" : retryAt ? "pending" : "failed";
  opts.log?.(
    `webhook #${d.id} to ${d.url}: ${ok ? `delivered (HTTP ${responseCode})` : `attempt ${attemptNo} failed: ${error}; ${retryAt ? `retry at ${retryAt.toISOString()}` : "giving up"}`}`,
  );
  return { id: d.id, url: d.url, attempt: attemptNo, status, responseCode, error };
}

/** Send every delivery due now (one round), and say what happened to each. */
export async function deliverDueWebhooks(database: Database, opts: DeliverOptions): Promise<DeliveryResult[]> {
  const now = opts.now?.() ?? new Date();
  const claimed = await claimDueDeliveries(database, { now, limit: opts.limit ?? 20, leaseMs: opts.leaseMs ?? 5 * 60_000 });
  const results: DeliveryResult[] = [];
  // One at a time: deliveries to one receiver arrive in the order the changes were recorded.
  for (const d of claimed) {
    if (opts.signal?.aborted) break;
    results.push(await attempt(database, d, opts));
  }
  return results;
}

/** Runs delivery rounds until stopped, sleeping until the next delivery is due (at most `idleMs`). */
export class WebhookWorker {
  private readonly controller = new AbortController();
  private wake: (() => void) | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly opts: Omit<DeliverOptions, "signal"> & { database: Database; idleMs?: number }) {}

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
      if (this.controller.signal.aborted) done();
    });
  }

  private async loop(): Promise<void> {
    const idleMs = this.opts.idleMs ?? 10_000;
    while (!this.controller.signal.aborted) {
      try {
        const results = await deliverDueWebhooks(this.opts.database, { ...this.opts, signal: this.controller.signal });
        if (results.length) continue;
        const next = await nextDeliveryDueAt(this.opts.database);
        await this.sleep(next ? Math.min(Math.max(next.getTime() - Date.now(), 500), idleMs) : idleMs);
      } catch (err) {
        if (this.controller.signal.aborted) break;
        this.opts.log?.(`webhook delivery error: ${(err as Error).message.split("\n").slice(-1)[0]}; retrying in ${Math.round(idleMs / 1000)} s`);
        await this.sleep(idleMs);
      }
    }
  }

  start(): Promise<void> {
    this.running ??= this.loop();
    return this.running;
  }

  async stop(): Promise<void> {
    this.controller.abort(new Error("the webhook worker stopped"));
    this.wake?.();
    await this.running;
  }
}
