"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import type { IngestRunItem } from "@/lib/schemas/dto";
import { Badge } from "@/components/ui/badge";
import { DateCell } from "@/components/data-table/cells/date-cell";
import { NumberCell } from "@/components/data-table/cells/range-cell";
import { StatusCell } from "@/components/data-table/cells/status-cell";
import { dataTableFeatures } from "@/components/data-table/features";

const h = createColumnHelper<typeof dataTableFeatures, IngestRunItem>();

/**
 * A run's rejected items, listed once the analyst opens them: a run stores up to a thousand, and
 * fifty runs' lists rendered closed would still put tens of thousands of elements in the page.
 */
function RunErrors({ runId, errors }: { runId: number; errors: IngestRunItem["errors"] }) {
  const [open, setOpen] = useState(false);
  if (errors.length === 0) return <span className="text-neutral-500">none</span>;
  return (
    <details className="group text-xs" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer rounded text-red-800 select-none hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
        {errors.length} {errors.length === 1 ? "error" : "errors"} in run #{runId}
      </summary>
      {open ? (
        <ul className="mt-2 max-h-64 space-y-1.5 overflow-y-auto">
          {errors.map((e, i) => (
            <li key={i} className="rounded bg-red-50 px-2 py-1">
              <span className="font-mono break-all text-neutral-800">{e.item}</span>
              <span className="block text-red-800">{e.reason}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}

function duration(start: string, end: string | null): string {
  if (!end) return "";
  const ms = Date.parse(end) - Date.parse(start);
  if (!Number.isFinite(ms) || ms < 0) return "";
  return ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`;
}

export const ingestRunColumns = h.columns([
  h.accessor("id", { header: "Run", meta: { numeric: true }, cell: ({ getValue }) => <span className="tabular-nums">#{getValue()}</span> }),
  h.accessor("startedAt", {
    header: "Started",
    cell: ({ getValue }) => <DateCell value={getValue()} withTime />,
  }),
  h.accessor("source", {
    header: "Source",
    meta: { className: "max-w-72" },
    cell: ({ getValue }) => <span className="font-mono text-xs break-all text-neutral-800">{getValue()}</span>,
  }),
  h.accessor("trigger", { header: "Trigger", cell: ({ getValue }) => <Badge tone="muted">{getValue()}</Badge> }),
  h.accessor("status", {
    header: "Status",
    cell: ({ row }) => {
      const r = row.original;
      const took = duration(r.startedAt, r.finishedAt);
      return <StatusCell status={r.status} at={r.finishedAt} note={took ? `took ${took}` : null} />;
    },
  }),
  h.accessor("total", { header: "Items", meta: { numeric: true }, cell: ({ getValue }) => <NumberCell value={getValue()} /> }),
  h.accessor("added", { header: "Added", meta: { numeric: true }, cell: ({ getValue }) => <NumberCell value={getValue()} /> }),
  h.accessor("duplicates", { header: "Duplicates", meta: { numeric: true }, cell: ({ getValue }) => <NumberCell value={getValue()} /> }),
  h.accessor("failed", {
    header: "Failed",
    meta: { numeric: true },
    cell: ({ getValue }) => {
      const v = getValue();
      return <span className={v > 0 ? "font-semibold text-red-700 tabular-nums" : "tabular-nums"}>{v}</span>;
    },
  }),
  h.accessor("errors", {
    header: "Errors",
    meta: { className: "min-w-64" },
    cell: ({ row }) => <RunErrors runId={row.original.id} errors={row.original.errors} />,
  }),
]);
