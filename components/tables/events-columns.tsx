"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import type { EventListItem } from "@/lib/schemas/dto";
import { DateCell } from "@/components/data-table/cells/date-cell";
import { NumberCell, RangeCell } from "@/components/data-table/cells/range-cell";
import { dataTableFeatures } from "@/components/data-table/features";
import { Divergence } from "./divergence";
import { EventPlaceDay } from "./event-place-day";

const h = createColumnHelper<typeof dataTableFeatures, EventListItem>();

export const eventColumns = h.columns([
  h.accessor("title", {
    header: "Event",
    meta: { className: "min-w-72" },
    cell: ({ row }) => {
      const e = row.original;
      return (
        <div className="min-w-0">
          <Link href={`/events/${encodeURIComponent(e.id)}`} className="font-medium text-blue-800 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
            {e.title || "Untitled event"}
          </Link>
          <EventPlaceDay place={e.place} day={e.day} className="text-sm text-neutral-600" />
          {e.locked ? (
            <div className="mt-0.5 flex items-center gap-2 text-xs text-neutral-500">
              <span title="Locked: automatic grouping will not change this event">locked</span>
            </div>
          ) : null}
        </div>
      );
    },
  }),
  h.accessor("firstSeen", { header: "First seen", cell: ({ getValue }) => <DateCell value={getValue()} /> }),
  h.accessor("lastSeen", { header: "Last seen", cell: ({ getValue }) => <DateCell value={getValue()} /> }),
  h.accessor("articleCount", {
    header: "Articles",
    meta: { numeric: true },
    sortDescFirst: true,
    cell: ({ getValue }) => <NumberCell value={getValue()} />,
  }),
  h.accessor("sourceCount", {
    header: "Independent",
    meta: { numeric: true, label: "Independent sources" },
    sortDescFirst: true,
    cell: ({ getValue }) => <NumberCell value={getValue()} />,
  }),
  h.accessor("outletCount", {
    header: "Outlets",
    meta: { numeric: true },
    sortDescFirst: true,
    cell: ({ getValue }) => <NumberCell value={getValue()} />,
  }),
  h.accessor("killed", {
    header: "Killed",
    meta: { numeric: true },
    sortDescFirst: true,
    cell: ({ getValue }) => <RangeCell value={getValue()} />,
  }),
  h.accessor("killedMedian", {
    header: "Killed, median",
    meta: { numeric: true, label: "Killed: median of independent sources" },
    sortDescFirst: true,
    cell: ({ getValue }) => <NumberCell value={getValue()} />,
  }),
  h.accessor("wounded", {
    header: "Wounded",
    meta: { numeric: true },
    sortDescFirst: true,
    cell: ({ getValue }) => <RangeCell value={getValue()} />,
  }),
  h.accessor("woundedMedian", {
    header: "Wounded, median",
    meta: { numeric: true, label: "Wounded: median of independent sources" },
    sortDescFirst: true,
    cell: ({ getValue }) => <NumberCell value={getValue()} />,
  }),
  h.accessor("divergence", {
    header: "Divergence",
    meta: { numeric: true },
    sortDescFirst: true,
    cell: ({ getValue }) => <Divergence value={getValue()} />,
  }),
]);
