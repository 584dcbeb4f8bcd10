"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import { csrfHeaders } from "@/lib/auth/client";

export interface ActionState {
  /** The action running or refreshing the page, if any (e.g. "merge"). */
  pending: string | null;
  error: string | null;
  /** A short confirmation of the last action that succeeded. */
  done: string | null;
}

/**
 * Call one of the manual-action endpoints and refresh the page's server data afterwards.
 * The action stays "pending" until the refreshed page has rendered, so counts never lag the
 * confirmation. Errors carry the API's message (it names the field and the conflict).
 */
export function useEventAction() {
  const router = useRouter();
  const [running, setRunning] = useState<string | null>(null);
  const [last, setLast] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [refreshing, startTransition] = useTransition();

  const run = useCallback(
    async <T,>(
      name: string,
      request: { url: string; method: "POST" | "PATCH" | "DELETE"; body: unknown },
      options: { success?: (result: T) => string | null; navigate?: (result: T) => string | null } = {},
    ): Promise<T | null> => {
      setRunning(name);
      setLast(name);
      setError(null);
      setDone(null);
      try {
        const res = await fetch(request.url, {
          method: request.method,
          headers: { "content-type": "application/json", ...csrfHeaders() },
          body: JSON.stringify(request.body),
        });
        const json = (await res.json().catch(() => null)) as (T & { message?: string }) | null;
        if (!res.ok || json === null) {
          setError(json?.message ?? `The server answered ${res.status}.`);
          return null;
        }
        setDone(options.success?.(json) ?? null);
        const target = options.navigate?.(json) ?? null;
        startTransition(() => {
          if (target) router.push(target);
          else router.refresh();
        });
        return json;
      } catch {
        setError("Could not reach the server. Check the connection and try again.");
        return null;
      } finally {
        setRunning(null);
      }
    },
    [router],
  );

  const clear = useCallback(() => {
    setError(null);
    setDone(null);
  }, []);

  const state: ActionState = { pending: running ?? (refreshing ? last : null), error, done };
  return { ...state, run, clear };
}
