"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import type { OutletRef } from "@/lib/schemas/dto";
import { OutletKindBadge } from "@/components/data-table/cells/outlet-badge";
import { NumberCell } from "@/components/data-table/cells/range-cell";
import { dataTableFeatures } from "@/components/data-table/features";
import { languageName } from "@/components/format";

export type OutletRow = OutletRef & { domain: string | null; country: string | null; language: string | null; articleCount: number };

const h = createColumnHelper<typeof dataTableFeatures, OutletRow>();

const dash = <span className="text-neutral-400">—</span>;

export const outletColumns = h.columns([
  h.accessor("name", {
    header: "Outlet",
    cell: ({ row }) => <span className="font-medium text-neutral-900">{row.original.name}</span>,
  }),
  h.accessor("kind", { header: "Kind", cell: ({ getValue }) => <OutletKindBadge kind={getValue()} /> }),
  h.accessor("domain", {
    header: "Domain",
    enableSorting: false,
    cell: ({ getValue }) => {
      const d = getValue();
      return d ? <span className="font-mono text-xs text-neutral-700">{d}</span> : dash;
    },
  }),
  h.accessor("country", { header: "Country", cell: ({ getValue }) => getValue() ?? dash }),
  h.accessor("language", {
    header: "Language",
    cell: ({ getValue }) => {
      const v = getValue();
      return v ? languageName(v) : dash;
    },
  }),
  h.accessor("articleCount", {
    header: "Articles",
    meta: { numeric: true },
    sortDescFirst: true,
    cell: ({ row }) => (
      <Link
        href={`/articles?outlet=${encodeURIComponent(row.original.key)}`}
        className="text-blue-800 tabular-nums hover:underline"
        aria-label={`${row.original.articleCount} articles from ${row.original.name}`}
      >
        <NumberCell value={row.original.articleCount} />
      </Link>
    ),
  }),
]);
