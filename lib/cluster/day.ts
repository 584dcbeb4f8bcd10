const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01, UTC) of an ISO date or timestamp; null when absent/invalid. */
export function parseDay(date: string | null | undefined): number | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date.trim());
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.floor(t / DAY_MS) : null;
}
