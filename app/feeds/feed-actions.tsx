"use client";

import { useState } from "react";
import type { FeedDto, PollSummary } from "@/lib/feeds/types";
import { Button } from "@/components/ui/button";
import { pollMessage } from "./poll-message";
import { useFeedRequest } from "./use-feed-request";

/** Refresh now, or remove (asks once more before removing). The outcome is announced in the row. */
export function FeedActions({ feed }: { feed: FeedDto }) {
  const { pending, error, done, send } = useFeedRequest();
  const [confirming, setConfirming] = useState(false);
  const name = feed.title ?? feed.url;

  return (
    <div className="flex min-w-48 flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1.5">
        <Button
          size="sm"
          disabled={pending || feed.fetching}
          aria-label={`Refresh ${name}`}
          onClick={() =>
            void send<{ feed: FeedDto; poll: PollSummary }>(`/api/feeds/${feed.id}/refresh`, "POST", undefined, (r) => `Fetched: ${pollMessage(r.poll)}.`)
          }
        >
          {pending && !confirming ? "Fetching…" : feed.fetching ? "Fetching…" : "Refresh"}
        </Button>
        {confirming ? (
          <>
            <Button
              size="sm"
              variant="primary"
              className="border-red-700 bg-red-700 hover:bg-red-800"
              disabled={pending}
              aria-label={`Confirm: remove ${name}`}
              onClick={() => void send(`/api/feeds/${feed.id}`, "DELETE", undefined, () => "Removed.")}
            >
              Remove
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </>
        ) : (
          <Button size="sm" variant="ghost" aria-label={`Remove ${name}`} onClick={() => setConfirming(true)}>
            Remove…
          </Button>
        )}
      </div>
      {error ? (
        <p role="alert" className="max-w-64 text-right text-xs text-red-800">
          {error}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className={done ? "max-w-64 text-right text-xs text-emerald-800" : "sr-only"}>
        {done ?? ""}
      </p>
    </div>
  );
}
