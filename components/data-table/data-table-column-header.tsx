"use client";

import type { Header, RowData } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { DataTableFeatures } from "./features";

export function SortIcon({ dir }: { dir: false | "asc" | "desc" }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className={cn("h-3 w-3 shrink-0", dir ? "text-blue-700" : "text-neutral-400")}>
      <path d="M6 1.5 9 5H3z" fill="currentColor" opacity={dir === "desc" ? 0.25 : 1} />
      <path d="M6 10.5 3 7h6z" fill="currentColor" opacity={dir === "asc" ? 0.25 : 1} />
    </svg>
  );
}

/** Header content: a sort button for sortable columns, plain text otherwise. */
export function DataTableColumnHeader<TData extends RowData>({
  header,
  children,
}: {
  header: Header<DataTableFeatures, TData, unknown>;
  children: ReactNode;
}) {
  const column = header.column;
  if (!column.getCanSort()) return <>{children}</>;
  const dir = column.getIsSorted();
  const numeric = column.columnDef.meta?.numeric;
  return (
    <button
      type="button"
      onClick={column.getToggleSortingHandler()}
      className={cn(
        "-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 font-semibold tracking-[inherit] uppercase hover:bg-neutral-200/70 hover:text-neutral-900",
        "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600",
        numeric && "flex-row-reverse",
      )}
    >
      <span>{children}</span>
      <SortIcon dir={dir} />
    </button>
  );
}
