"use client";

import Link from "next/link";
import { createContext, useContext } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import type { OutletRegistryItem } from "@/lib/schemas/outlets";
import { OutletKindBadge } from "@/components/data-table/cells/outlet-badge";
import { NumberCell } from "@/components/data-table/cells/range-cell";
import { dataTableFeatures } from "@/components/data-table/features";
import { languageName } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

export type OutletRow = OutletRegistryItem;

/** Opens the editor for a row (provided by OutletsTable). */
export const OutletEditContext = createContext<((row: OutletRow, opener: HTMLElement) => void) | null>(null);

const h = createColumnHelper<typeof dataTableFeatures, OutletRow>();

const dash = <span className="text-neutral-500">—</span>;

function EditButton({ row }: { row: OutletRow }) {
  const open = useContext(OutletEditContext);
  if (!open) return null;
  return (
    <Button size="sm" variant="outline" onClick={(e) => open(row, e.currentTarget)} aria-label={`Edit ${row.name}`}>
      Edit
    </Button>
  );
}

export const outletColumns = h.columns([
  h.accessor("name", {
    header: "Outlet",
    cell: ({ row }) => (
      <span className="inline-flex flex-wrap items-center gap-1.5">
        <span className="font-medium text-neutral-900">{row.original.name}</span>
        {row.original.edited ? (
          <Badge tone="muted" title={row.original.editedBy ? `Edited by ${row.original.editedBy}` : "Edited by an analyst"}>
            edited
          </Badge>
        ) : null}
      </span>
    ),
  }),
  h.accessor("kind", { header: "Kind", cell: ({ getValue }) => <OutletKindBadge kind={getValue()} /> }),
  h.accessor("domains", {
    header: "Domains",
    enableSorting: false,
    cell: ({ row }) => {
      const { domains, otherKeys } = row.original;
      if (domains.length === 0 && otherKeys.length === 0) return dash;
      return (
        <ul className="space-y-0.5">
          {domains.map((d) => (
            <li key={d} className="font-mono text-xs text-neutral-700">
              {d}
            </li>
          ))}
          {otherKeys.map((k) => (
            <li key={k} className="font-mono text-xs text-neutral-500" title="A name key that resolves to this outlet">
              {k}
            </li>
          ))}
        </ul>
      );
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
  h.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    enableSorting: false,
    cell: ({ row }) => <EditButton row={row.original} />,
  }),
]);
