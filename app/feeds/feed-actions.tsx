"use client";

import { useId, useState, type FormEvent } from "react";
import type { FeedDto, PollSummary } from "@/lib/feeds/types";
import { Button } from "@/components/ui/button";
import { IntervalField, intervalValue } from "./interval-field";
import { pollMessage } from "./poll-message";
import { useFeedRequest } from "./use-feed-request";

/**
 * Refresh now, pause or resume, change the interval, or remove (asks once more before
 * removing). The outcome is announced in the row.
 */
export function FeedActions({ feed }: { feed: FeedDto }) {
  const { pending, error, done, send } = useFeedRequest();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const [interval, setIntervalMinutes] = useState(String(feed.intervalMinutes));
  const intervalId = useId();
  const name = feed.title ?? feed.url;

  const patch = (body: { paused?: boolean; intervalMinutes?: number | string }, success: (f: FeedDto) => string) =>
    send<{ feed: FeedDto }>(`/api/feeds/${feed.id}`, "PATCH", body, (r) => success(r.feed));

  async function saveInterval(e: FormEvent) {
    e.preventDefault();
    const result = await patch({ intervalMinutes: intervalValue(interval) }, (f) =>
      f.enabled ? `Every ${f.intervalMinutes} min; next fetch rescheduled.` : `Every ${f.intervalMinutes} min once resumed.`,
    );
    if (result) setEditing(false);
  }

  return (
    <div className="flex min-w-48 flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1.5">
        <Button
          size="sm"
          disabled={pending || feed.fetching}
          aria-label={`Refresh ${name}`}
          onClick={() => {
            setRefreshing(true);
            void send<{ feed: FeedDto; poll: PollSummary }>(`/api/feeds/${feed.id}/refresh`, "POST", undefined, (r) => `Fetched: ${pollMessage(r.poll)}.`).finally(() =>
              setRefreshing(false),
            );
          }}
        >
          {(pending && refreshing) || feed.fetching ? "Fetching…" : "Refresh"}
        </Button>
        <Button
          size="sm"
          disabled={pending}
          aria-label={`${feed.enabled ? "Pause" : "Resume"} ${name}`}
          onClick={() =>
            void patch({ paused: feed.enabled }, (f) => (f.enabled ? "Resumed: fetched on its schedule again." : "Paused: not fetched on its schedule until resumed."))
          }
        >
          {feed.enabled ? "Pause" : "Resume"}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-expanded={editing}
          aria-label={`Change the interval of ${name}`}
          onClick={() => {
            setIntervalMinutes(String(feed.intervalMinutes));
            setEditing((v) => !v);
          }}
        >
          Interval…
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
      {editing ? (
        <form onSubmit={saveInterval} aria-label={`Interval of ${name}`} className="flex items-end gap-1.5">
          <IntervalField id={intervalId} className="w-28" value={interval} onChange={setIntervalMinutes} error={error} />
          <Button type="submit" size="sm" variant="primary" disabled={pending}>
            Save
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </form>
      ) : null}
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
