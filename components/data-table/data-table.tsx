"use client";

import {
  useTable,
  type ColumnDef,
  type PaginationState,
  type RowData,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { formatNumber } from "@/components/format";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTableColumnHeader } from "./data-table-column-header";
import { DataTablePagination, pastLastPage, type PagingInfo } from "./data-table-pagination";
import { DataTableToolbar, type ToolbarConfig } from "./data-table-toolbar";
import { dataTableFeatures, type DataTableFeatures } from "./features";
import { UrlStateProvider, useUrlState } from "./url-state";
import { parseSearchQuery } from "@/lib/search/query";
import { VIRTUALIZE_ABOVE, VirtualRows, type VirtualRowProps } from "./virtual-rows";

export type DataTableColumns<TData extends RowData> = ColumnDef<DataTableFeatures, TData, unknown>[];

export interface DataTableProps<TData extends RowData> {
  columns: DataTableColumns<TData>;
  data: TData[];
  /** Table caption (visually hidden unless `showCaption`). Names the table for screen readers and tests. */
  caption: string;
  showCaption?: boolean;
  getRowId?: (row: TData) => string;
  /** Server paging; omit for a single-page table. */
  paging?: PagingInfo;
  /** The server's current sort (already defaulted by the filter schema). */
  sorting?: { sort: string; dir: "asc" | "desc" };
  toolbar?: ToolbarConfig;
  /** Plural noun for counts: "events", "articles". */
  noun?: string;
  empty?: { title: string; description?: ReactNode };
  className?: string;
  /** Extra class for rows, e.g. to mute republished copies. */
  rowClassName?: (row: TData) => string | undefined;
}

/**
 * The one generic Parallax table. Server-driven: sorting and paging state come from the URL
 * (via props the server page parsed) and changes go back to the URL, which re-renders the page
 * with fresh rows. Rendered as a real <table> with <th scope="col"> and aria-sort. A page of more
 * than VIRTUALIZE_ABOVE rows scrolls in its own box under a sticky header and renders only the
 * rows in view (aria-rowcount / aria-rowindex tell assistive technology where they are).
 */
export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  return (
    <UrlStateProvider className={props.className}>
      <DataTableInner {...props} />
    </UrlStateProvider>
  );
}

function DataTableInner<TData extends RowData>({
  columns,
  data,
  caption,
  showCaption,
  getRowId,
  paging,
  sorting,
  toolbar,
  noun = "rows",
  empty,
  rowClassName,
}: DataTableProps<TData>) {
  const { searchParams, setParams, isPending } = useUrlState();
  const scrollRef = useRef<HTMLDivElement>(null);

  const sortingState = useMemo<SortingState>(
    () => (sorting ? [{ id: sorting.sort, desc: sorting.dir === "desc" }] : []),
    [sorting],
  );
  const paginationState = useMemo<PaginationState>(
    () => ({ pageIndex: (paging?.page ?? 1) - 1, pageSize: paging?.pageSize ?? Math.max(data.length, 1) }),
    [paging?.page, paging?.pageSize, data.length],
  );

  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === "function" ? updater(sortingState) : updater;
    const first = next[0];
    if (!first) return;
    setParams({ sort: first.id, dir: first.desc ? "desc" : "asc" });
  };
  const onPaginationChange = (updater: Updater<PaginationState>) => {
    const next = typeof updater === "function" ? updater(paginationState) : updater;
    if (next.pageSize !== paginationState.pageSize) setParams({ pageSize: next.pageSize, page: null });
    else setParams({ page: next.pageIndex > 0 ? next.pageIndex + 1 : null });
  };

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: getRowId ? (row: TData) => getRowId(row) : undefined,
    state: { sorting: sortingState, pagination: paginationState },
    onSortingChange,
    onPaginationChange,
    manualSorting: true,
    manualPagination: true,
    enableSorting: Boolean(sorting),
    enableSortingRemoval: false,
    enableMultiSort: false,
    pageCount: paging?.pageCount ?? 1,
    rowCount: paging?.total ?? data.length,
  });

  const headerGroups = table.getHeaderGroups();
  const rows = table.getRowModel().rows;
  const colCount = table.getAllLeafColumns().length;
  const virtual = rows.length > VIRTUALIZE_ABOVE;
  const headerRows = headerGroups.length;

  // A new page, sort or filter starts at its first row, not where the previous one was scrolled to.
  const query = searchParams.toString();
  // A full-text search box (one with a syntax hint) holding only exclusions or punctuation.
  const textQuery = toolbar?.search ? toolbar.search.hint && searchParams.get("q") : null;
  const textQueryLooksForNothing = !!textQuery && parseSearchQuery(textQuery).length === 0;
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [query]);

  const renderRow = (index: number, virtualProps?: VirtualRowProps) => {
    const row = rows[index]!;
    return (
      <tr
        key={row.id}
        {...virtualProps}
        aria-rowindex={virtual ? headerRows + index + 1 : undefined}
        className={cn("border-b border-neutral-100 last:border-b-0 hover:bg-neutral-50/80", rowClassName?.(row.original))}
      >
        {row.getAllCells().map((cell) => {
          const meta = cell.column.columnDef.meta;
          return (
            <td
              key={cell.id}
              className={cn("px-3 py-2 align-top text-neutral-800", meta?.numeric && "text-right tabular-nums", meta?.className)}
            >
              <table.FlexRender cell={cell} />
            </td>
          );
        })}
      </tr>
    );
  };

  return (
    <div>
      {toolbar ? <DataTableToolbar config={toolbar} /> : null}
      <div
        ref={scrollRef}
        className={cn(
          "rounded-lg border border-neutral-200 bg-white",
          virtual ? "max-h-[70vh] overflow-auto overscroll-contain" : "overflow-x-auto",
        )}
        // The scroll box is a named, focusable region so keyboard users can scroll it too.
        {...(virtual ? { role: "region", "aria-label": `${caption}, scrollable`, tabIndex: 0 } : {})}
      >
        <table
          className="w-full border-collapse text-sm"
          aria-busy={isPending}
          aria-rowcount={virtual ? headerRows + rows.length : undefined}
        >
          <caption className={cn(showCaption ? "px-3 py-2 text-left text-sm font-semibold" : "sr-only")}>{caption}</caption>
          {/* Collapsed borders scroll away with a sticky header: the inset shadow draws its bottom edge. */}
          <thead className={cn("bg-neutral-50", virtual && "sticky top-0 z-10 shadow-[inset_0_-1px_0_var(--color-neutral-200)]")}>
            {headerGroups.map((group, i) => (
              <tr key={group.id} className="border-b border-neutral-200" aria-rowindex={virtual ? i + 1 : undefined}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : canSort ? "none" : undefined}
                      className={cn(
                        "px-3 py-2 text-xs font-semibold tracking-wide whitespace-nowrap text-neutral-600 uppercase",
                        meta?.numeric ? "text-right" : "text-left",
                        meta?.className,
                      )}
                    >
                      {header.isPlaceholder ? null : (
                        <DataTableColumnHeader header={header}>
                          <table.FlexRender header={header} />
                        </DataTableColumnHeader>
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          {virtual ? (
            <VirtualRows count={rows.length} colCount={colCount} scrollRef={scrollRef} renderRow={renderRow} />
          ) : (
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={colCount} className="p-4">
                    {paging && pastLastPage(paging) ? (
                      // A page number past the end (an old link, a narrowed filter): the rows exist, on earlier pages.
                      <EmptyState
                        title={`Page ${formatNumber(paging.page)} is past the last page`}
                        description={`These filters match ${formatNumber(paging.total)}${paging.totalCapped ? "+" : ""} ${noun}, on ${formatNumber(paging.pageCount)} ${paging.pageCount === 1 ? "page" : "pages"}.`}
                        action={
                          <Button onClick={() => setParams({ page: paging.pageCount > 1 ? paging.pageCount : null })}>Go to the last page</Button>
                        }
                      />
                    ) : (
                      <EmptyState
                        title={empty?.title ?? `No ${noun} match these filters`}
                        description={
                          empty?.description ??
                          (textQueryLooksForNothing ? (
                            <>
                              The search “{searchParams.get("q")}” has no word to look for: exclusions (-word, NOT word) need one, as in
                              “Aleppo -convoy”.
                            </>
                          ) : (
                            "Try removing a filter or widening the date range."
                          ))
                        }
                      />
                    )}
                  </td>
                </tr>
              ) : (
                rows.map((_, index) => renderRow(index))
              )}
            </tbody>
          )}
        </table>
      </div>
      {paging ? (
        <DataTablePagination
          paging={paging}
          noun={noun}
          onPageChange={(p) => table.setPageIndex(p - 1)}
          onPageSizeChange={(s) => table.setPageSize(s)}
        />
      ) : null}
    </div>
  );
}
