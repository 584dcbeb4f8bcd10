/**
 * Webhook payloads, signatures and retry timing, pure. A delivery is one change POSTed as JSON;
 * the receiver checks `X-Parallax-Signature: sha256=<hex HMAC-SHA256 of the raw body with the
 * follow's secret>` (and may refuse an old `X-Parallax-Timestamp` to limit replays).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-parallax-signature";
export const TIMESTAMP_HEADER = "x-parallax-timestamp";
export const DELIVERY_HEADER = "x-parallax-delivery";
export const EVENT_HEADER = "x-parallax-event";

/** `sha256=<hex>`: the HMAC-SHA256 of `body` with `secret`. */
export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Check a signature header against `body`, in constant time. */
export function verifySignature(secret: string, body: string | Buffer, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface WebhookChange {
  id: number;
  kind: string;
  summary: string;
  payload: unknown;
  eventId: string | null;
  articleId: string | null;
  createdAt: Date;
}

export interface WebhookFollow {
  id: number;
  kind: string;
  target: string;
  label: string;
}

/**
 * The JSON body of a delivery. It depends only on the stored change, so every retry sends the same
 * bytes (a receiver can de-duplicate on `delivery` or `change.id`).
 */
export function webhookBody(deliveryId: number, follow: WebhookFollow, change: WebhookChange): string {
  return JSON.stringify({
    delivery: deliveryId,
    follow: { id: follow.id, kind: follow.kind, target: follow.target, label: follow.label },
    change: {
      id: change.id,
      kind: change.kind,
      summary: change.summary,
      eventId: change.eventId,
      articleId: change.articleId,
      createdAt: change.createdAt.toISOString(),
      payload: change.payload,
    },
  });
}

export interface RetryPolicy {
  /** Attempts in all; after the last failure the delivery is `failed`. */
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further one. */
  baseDelayMs: number;
  /** Longest wait between two attempts. */
  maxDelayMs: number;
}

/** 8 attempts over about 2 hours: 30 s, 1, 2, 4, 8, 16, 32, 64 minutes apart. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 6 * 3_600_000 };

/** When to try again after the `attempts`-th failed attempt, or null when that was the last. */
export function nextAttemptAt(attempts: number, now: Date, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  const delay = Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
  return new Date(now.getTime() + delay);
}
