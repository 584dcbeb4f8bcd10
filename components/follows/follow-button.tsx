"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { useEventAction } from "@/components/event/use-event-action";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import type { CreatedFollowResponse, FollowKind } from "@/lib/schemas/follows";
import { UnfollowButton } from "./unfollow-button";

export interface FollowButtonProps {
  kind: FollowKind;
  /** Event id, outlet key, or the saved search's query string. */
  target: string;
  /** What the button follows, for its accessible name ("Follow this event"). */
  what: string;
  /** The existing follow of this target, if any. */
  followId: number | null;
}

/**
 * Follow (or unfollow) an event, an outlet or the current filter. Following opens a small form:
 * the divergence threshold (events) and an optional webhook; the generated webhook secret is
 * shown once.
 */
export function FollowButton({ kind, target, what, followId }: FollowButtonProps) {
  const action = useEventAction();
  const [open, setOpen] = useState(false);
  const [threshold, setThreshold] = useState("25");
  const [webhook, setWebhook] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const id = useId();

  if (followId !== null) {
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Link href={`/notifications?follow=${followId}`} className="font-medium text-blue-800 underline decoration-blue-300 hover:decoration-blue-800">
          Following {what}
        </Link>
        <UnfollowButton followId={followId} what={what} />
        {secret ? (
          <p role="status" className="w-full text-xs text-neutral-700">
            Webhook secret (shown once): <code className="rounded bg-neutral-100 px-1">{secret}</code>
          </p>
        ) : null}
      </div>
    );
  }

  const submit = async () => {
    const pct = Number(threshold);
    const body = {
      kind,
      target,
      ...(kind === "event" && threshold.trim() !== "" && Number.isFinite(pct) ? { divergenceThreshold: pct / 100 } : {}),
      ...(webhook.trim() ? { webhookUrl: webhook.trim() } : {}),
    };
    const created = await action.run<CreatedFollowResponse>("follow", { url: "/api/follows", method: "POST", body });
    if (created) {
      setOpen(false);
      setSecret(created.webhookSecret);
    }
  };

  return (
    <div className="text-sm">
      <Button size="sm" variant="outline" aria-expanded={open} aria-controls={`${id}-form`} onClick={() => setOpen((o) => !o)}>
        Follow {what}
      </Button>
      {open ? (
        <form
          id={`${id}-form`}
          aria-label={`Follow ${what}`}
          className="mt-2 flex flex-wrap items-end gap-3 rounded-md border border-neutral-200 bg-white p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {kind === "event" ? (
            <div className="flex flex-col gap-1">
              <Label htmlFor={`${id}-threshold`}>Alert when divergence crosses (%)</Label>
              <Input id={`${id}-threshold`} type="number" min={0} step={1} value={threshold} onChange={(e) => setThreshold(e.target.value)} className="w-28" />
            </div>
          ) : null}
          <div className="flex flex-col gap-1">
            <Label htmlFor={`${id}-webhook`}>Webhook URL (optional)</Label>
            <Input id={`${id}-webhook`} type="url" placeholder="https://…" value={webhook} onChange={(e) => setWebhook(e.target.value)} className="w-72" />
          </div>
          <Button type="submit" size="sm" variant="primary" disabled={action.pending !== null}>
            {action.pending === "follow" ? "Following…" : "Follow"}
          </Button>
          {action.error ? <p role="alert" className="w-full text-xs text-red-700">{action.error}</p> : null}
        </form>
      ) : null}
    </div>
  );
}
