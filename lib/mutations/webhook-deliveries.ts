/**
 * Webhook delivery bookkeeping: claim due deliveries (so two workers never send the same one at
 * once) and record each attempt's outcome.
 */
import type { Database } from "../db";
import type { WebhookChange, WebhookFollow } from "../follows/webhook";

export interface ClaimedDelivery {
  id: number;
  url: string;
  attempts: number;
  secret: string | null;
  follow: WebhookFollow;
  change: WebhookChange;
}

/**
 * Claim up to `limit` pending deliveries due at `now`, oldest first. A claim pushes the delivery's
 * next attempt `leaseMs` ahead with a conditional update, so a concurrent worker that read the
 * same row gets nothing, and a worker that dies mid-attempt leaves it to be tried again later.
 */
export async function claimDueDeliveries(database: Database, opts: { now: Date; limit: number; leaseMs: number }): Promise<ClaimedDelivery[]> {
  const rows = await database.db.webhookDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: opts.now } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: opts.limit,
    select: {
      id: true,
      url: true,
      attempts: true,
      nextAttemptAt: true,
      follow: { select: { id: true, kind: true, target: true, label: true, webhookSecret: true } },
      change: { select: { id: true, kind: true, summary: true, payload: true, eventId: true, articleId: true, createdAt: true } },
    },
  });
  const claimed: ClaimedDelivery[] = [];
  const lease = new Date(opts.now.getTime() + opts.leaseMs);
  for (const r of rows) {
    const { count } = await database.db.webhookDelivery.updateMany({
      where: { id: r.id, status: "pending", nextAttemptAt: r.nextAttemptAt },
      data: { nextAttemptAt: lease },
    });
    if (count !== 1) continue;
    const { webhookSecret, ...follow } = r.follow;
    claimed.push({ id: r.id, url: r.url, attempts: r.attempts, secret: webhookSecret, follow, change: r.change });
  }
  return claimed;
}

export interface AttemptOutcome {
  ok: boolean;
  responseCode: number | null;
  error: string | null;
  /** When to try again; null with `ok: false` means the delivery has failed for good. */
  retryAt: Date | null;
}

/** Record one attempt of a claimed delivery. */
export async function recordDeliveryAttempt(database: Database, id: number, attempts: number, outcome: AttemptOutcome, now: Date): Promise<void> {
  await database.db.webhookDelivery.update({
    where: { id },
    data: {
      attempts,
      lastAttemptAt: now,
      responseCode: outcome.responseCode,
      lastError: outcome.ok ? null : outcome.error,
      status: outcome.ok ? "delivered" : outcome.retryAt ? "pending" : "failed",
      nextAttemptAt: outcome.ok ? null : outcome.retryAt,
      deliveredAt: outcome.ok ? now : null,
    },
  });
}

/** When the next pending delivery is due (the worker sleeps until then), or null. */
export async function nextDeliveryDueAt(database: Database): Promise<Date | null> {
  const row = await database.db.webhookDelivery.findFirst({
    where: { status: "pending" },
    orderBy: { nextAttemptAt: "asc" },
    select: { nextAttemptAt: true },
  });
  return row?.nextAttemptAt ?? null;
}
