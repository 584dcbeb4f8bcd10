/**
 * At most N requests in flight per host, process-wide, so a feed with 50 new items does not hit
 * its publisher with 50 parallel requests. Waiters are served first come, first served.
 */
interface Slot {
  active: number;
  waiting: (() => void)[];
}

const slots = new Map<string, Slot>();

/**
 * Wait for a free slot for `host` (at most `limit` held at once) and return its release
 * function, which must be called exactly once. Rejects if `signal` aborts while waiting.
 */
export async function acquireHostSlot(host: string, limit: number, signal?: AbortSignal): Promise<() => void> {
  const key = host.toLowerCase();
  let slot = slots.get(key);
  if (!slot) {
    slot = { active: 0, waiting: [] };
    slots.set(key, slot);
  }
  const s = slot;
  if (s.active >= Math.max(1, limit)) {
    await new Promise<void>((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      const onAbort = () => {
        const i = s.waiting.indexOf(wake);
        if (i >= 0) s.waiting.splice(i, 1);
        reject(signal?.reason ?? new Error("aborted"));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      s.waiting.push(wake);
    });
  } else {
    s.active++;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = s.waiting.shift();
    // The slot passes straight to the next waiter (active unchanged), else it is freed.
    if (next) next();
    else if (--s.active === 0) slots.delete(key);
  };
}

/** Requests in flight for `host` (for tests and diagnostics). */
export function hostSlotsInUse(host: string): number {
  return slots.get(host.toLowerCase())?.active ?? 0;
}
