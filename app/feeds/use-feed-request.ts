"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import { csrfHeaders } from "@/lib/auth/client";

export interface FeedRequestState {
  pending: boolean;
  error: string | null;
  done: string | null;
}

/**
 * Send one request to the feeds API and refresh the page's server data afterwards. Errors carry
 * the API's message (it names the field: "url: refused: 10.0.0.5 is a private address").
 */
export function useFeedRequest() {
  const router = useRouter();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [refreshing, startTransition] = useTransition();

  const send = useCallback(
    async <T,>(url: string, method: "POST" | "PATCH" | "DELETE", body: unknown, success: (result: T) => string): Promise<T | null> => {
      setRunning(true);
      setError(null);
      setDone(null);
      try {
        const res = await fetch(url, {
          method,
          headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...csrfHeaders() },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const json = (await res.json().catch(() => null)) as (T & { message?: string }) | null;
        if (!res.ok || json === null) {
          setError(json?.message ?? `The server answered ${res.status}.`);
          return null;
        }
        setDone(success(json));
        startTransition(() => router.refresh());
        return json;
      } catch {
        setError("Could not reach the server. Check the connection and try again.");
        return null;
      } finally {
        setRunning(false);
      }
    },
    [router],
  );

  const state: FeedRequestState = { pending: running || refreshing, error, done };
  return { ...state, send };
}
