"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { FeedDto } from "@/lib/feeds/types";
import { DataTable } from "@/components/data-table/data-table";
import { DateCell } from "@/components/data-table/cells/date-cell";
import { StatusCell } from "@/components/data-table/cells/status-cell";
import { dataTableFeatures } from "@/components/data-table/features";
import { FeedActions } from "./feed-actions";

const h = createColumnHelper<typeof dataTableFeatures, FeedDto>();

/** The feed's state for the status cell: what a watcher is doing, paused, or how the last fetch went. */
function statusOf(f: FeedDto): { status: string; label: string } {
  if (f.fetching) return { status: "fetching", label: "fetching" };
  if (!f.enabled) return { status: "paused", label: "paused" };
  switch (f.status) {
    case "ok":
    case "not_modified":
      return { status: f.status, label: f.status === "ok" ? "ok" : "not modified" };
    case "error":
      return { status: "error", label: f.consecutiveFailures > 1 ? `failing (${f.consecutiveFailures}×)` : "failed" };
    default:
      return { status: "pending", label: "waiting" };
  }
}

const columns = h.columns([
  h.accessor("url", {
    header: "Feed",
    meta: { className: "min-w-64 max-w-96" },
    cell: ({ row }) => (
      <div className="min-w-0">
        <div className="font-medium text-neutral-900">{row.original.title ?? "(untitled feed)"}</div>
        <a href={row.original.url} rel="noopener noreferrer nofollow" target="_blank" className="font-mono text-xs break-all text-blue-800 underline">
          {row.original.url}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
        <div className="text-xs text-neutral-500">
          every {row.original.intervalMinutes} min{row.original.outlet ? ` · ${row.original.outlet.name}` : ""}
        </div>
      </div>
    ),
  }),
  h.accessor("status", {
    header: "Status, last fetch",
    cell: ({ row }) => {
      const f = row.original;
      return <StatusCell {...statusOf(f)} at={f.lastFetchedAt} note={f.lastFetchedAt ? null : "never fetched"} />;
    },
  }),
  h.accessor("nextFetchAt", {
    header: "Next fetch",
    cell: ({ row }) => (row.original.enabled ? <DateCell value={row.original.nextFetchAt} stacked /> : <span className="text-neutral-500">paused</span>),
  }),
  h.accessor("itemsSeen", {
    header: "Items",
    meta: { numeric: true },
    cell: ({ row }) => (
      <div className="tabular-nums">
        <div>{row.original.itemsSeen}</div>
        <div className="text-xs text-neutral-500">
          +{row.original.lastAdded} new{row.original.lastRevised ? `, ${row.original.lastRevised} revised` : ""}
        </div>
      </div>
    ),
  }),
  h.accessor("lastError", {
    header: "Last error",
    meta: { className: "min-w-56 max-w-96" },
    cell: ({ row }) => {
      const f = row.original;
      if (!f.lastError) return <span className="text-neutral-500">none</span>;
      return (
        <p className={f.status === "error" ? "text-sm text-red-800" : "text-sm text-amber-900"}>
          {f.lastError}
          {f.status !== "error" && f.lastRunId ? (
            <>
              {" "}
              <Link href="/ingest" className="underline">
                Ingest page
              </Link>
            </>
          ) : null}
        </p>
      );
    },
  }),
  h.display({ id: "actions", header: () => <span className="sr-only">Actions</span>, cell: ({ row }) => <FeedActions feed={row.original} /> }),
]);

export function FeedsTable({ feeds }: { feeds: FeedDto[] }) {
  return (
    <DataTable
      caption="Feeds"
      columns={columns}
      data={feeds}
      getRowId={(f) => String(f.id)}
      noun="feeds"
      empty={{
        title: "No feeds yet",
        description: "Add an RSS or Atom feed's URL above. Its articles are fetched on its schedule and appear in Articles and Events.",
      }}
    />
  );
}
