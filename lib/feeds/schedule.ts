/**
 * When a feed is due again. Pure. After a success: one interval later. After failures: the
 * interval doubled per consecutive failure, capped at a day (or the interval itself when that is
 * longer), so a dead feed is asked about less and less but never forgotten, and a feed that
 * recovers is back on its own interval after its first success.
 */

/** Longest back-off, in minutes. */
export const MAX_BACKOFF_MINUTES = 24 * 60;

/** Minutes to wait after `failures` consecutive failures (failures >= 1). */
export function backoffMinutes(intervalMinutes: number, failures: number): number {
  const cap = Math.max(MAX_BACKOFF_MINUTES, intervalMinutes);
  return Math.min(cap, intervalMinutes * 2 ** Math.min(Math.max(failures, 1), 20));
}

export function nextFetchAfterSuccess(now: Date, intervalMinutes: number): Date {
  return new Date(now.getTime() + intervalMinutes * 60_000);
}

export function nextFetchAfterFailure(now: Date, intervalMinutes: number, failures: number): Date {
  return new Date(now.getTime() + backoffMinutes(intervalMinutes, failures) * 60_000);
}
