"use client";

import { useId, useState, type FormEvent } from "react";
import type { FeedDto, PollSummary } from "@/lib/feeds/types";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { IntervalField, intervalValue } from "./interval-field";
import { pollMessage } from "./poll-message";
import { useFeedRequest } from "./use-feed-request";

/** Subscribe to a feed: its URL, how often, an optional name. The feed is fetched once at once. */
export function AddFeedForm() {
  const id = useId();
  const [url, setUrl] = useState("");
  const [interval, setIntervalMinutes] = useState("30");
  const [title, setTitle] = useState("");
  const { pending, error, done, send } = useFeedRequest();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await send<{ feed: FeedDto; poll: PollSummary | null }>(
      "/api/feeds",
      "POST",
      { url: url.trim(), intervalMinutes: intervalValue(interval), ...(title.trim() ? { title: title.trim() } : {}) },
      (r) => `Added feed #${r.feed.id}: ${pollMessage(r.poll)}.`,
    );
    if (result) {
      setUrl("");
      setTitle("");
    }
  }

  return (
    <form onSubmit={submit} aria-label="Add a feed" className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-72 flex-1 flex-col gap-1">
          <Label htmlFor={`${id}-url`}>Feed URL (RSS or Atom)</Label>
          <Input
            id={`${id}-url`}
            type="url"
            required
            inputMode="url"
            placeholder="https://example.org/world/rss.xml"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={error?.startsWith("url") ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </div>
        <IntervalField id={`${id}-interval`} className="w-36" value={interval} onChange={setIntervalMinutes} error={error} />
        <div className="flex w-56 flex-col gap-1">
          <Label htmlFor={`${id}-title`}>Name (optional)</Label>
          <Input id={`${id}-title`} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} placeholder="the feed's own title" />
        </div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Adding and fetching…" : "Add feed"}
        </Button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="rounded-md border border-red-200 bg-red-50 px-2.5 py-1.5 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className={done ? "text-sm text-emerald-800" : "sr-only"}>
        {pending ? "Adding the feed and fetching it…" : (done ?? "")}
      </p>
    </form>
  );
}
