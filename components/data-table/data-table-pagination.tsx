"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import { formatNumber } from "@/components/format";
import { useSyncedState } from "@/components/ui/use-synced-state";

/** Up to the API's cap (lib/schemas/filters: pageSize ≤ 200); pages above 100 rows are virtualised. */
export const PAGE_SIZES = [10, 25, 50, 100, 200] as const;

export interface PagingInfo {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
  /** The count stopped at `total` (a broad text search): there are at least that many rows. */
  totalCapped?: boolean;
}

/** A page number beyond the last page of rows that exist (a stale link, a filter narrowed since). */
export function pastLastPage(paging: Pick<PagingInfo, "page" | "pageCount" | "total">): boolean {
  return paging.total > 0 && paging.page > Math.max(1, paging.pageCount);
}

export function DataTablePagination({
  paging,
  onPageChange,
  onPageSizeChange,
  noun = "rows",
}: {
  paging: PagingInfo;
  onPageChange: (page: number) => void;
  onPageSizeChange: (size: number) => void;
  noun?: string;
}) {
  const sizeId = useId();
  const { page, pageSize, total, totalCapped } = paging;
  const plus = totalCapped ? "+" : "";
  const [size, setSize] = useSyncedState(pageSize);
  const pageCount = Math.max(1, paging.pageCount);
  // Not with a capped count: pages past it may hold rows.
  const past = pastLastPage(paging) && !totalCapped;
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const sizes = (PAGE_SIZES as readonly number[]).includes(pageSize) ? PAGE_SIZES : [...PAGE_SIZES, pageSize].sort((a, b) => a - b);

  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 px-1 py-3 text-sm text-neutral-700">
      <p className="tabular-nums" aria-live="polite">
        {total === 0 ? (
          `No ${noun}`
        ) : past ? (
          <>
            No {noun} on page {formatNumber(page)}: <strong>{formatNumber(total)}{plus}</strong> {noun} on {formatNumber(pageCount)}{" "}
            {pageCount === 1 ? "page" : "pages"}
          </>
        ) : (
          <>
            Showing <strong>{formatNumber(first)}</strong>–<strong>{formatNumber(last)}</strong> of{" "}
            <strong>
              {formatNumber(total)}
              {plus}
            </strong>{" "}
            {noun}
          </>
        )}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <div className="flex items-center gap-2">
          <label htmlFor={sizeId} className="text-neutral-600">
            Rows per page
          </label>
          <NativeSelect
            id={sizeId}
            value={size}
            onChange={(e) => {
              setSize(Number(e.target.value));
              onPageSizeChange(Number(e.target.value));
            }}
            className="h-8 tabular-nums"
          >
            {sizes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </NativeSelect>
        </div>
        <span className="tabular-nums">
          Page {formatNumber(past ? page : Math.min(page, pageCount))} of {formatNumber(pageCount)}
          {plus}
        </span>
        <div className="flex items-center gap-1">
          <Button size="icon" aria-label="First page" disabled={page <= 1} onClick={() => onPageChange(1)}>
            <Chevron double dir="left" />
          </Button>
          <Button size="icon" aria-label="Previous page" disabled={page <= 1} onClick={() => onPageChange(Math.min(page - 1, pageCount))}>
            <Chevron dir="left" />
          </Button>
          <Button size="icon" aria-label="Next page" disabled={page >= pageCount} onClick={() => onPageChange(page + 1)}>
            <Chevron dir="right" />
          </Button>
          <Button size="icon" aria-label="Last page" disabled={page >= pageCount || totalCapped} onClick={() => onPageChange(pageCount)}>
            <Chevron double dir="right" />
          </Button>
        </div>
      </div>
    </nav>
  );
}

function Chevron({ dir, double }: { dir: "left" | "right"; double?: boolean }) {
  const d = dir === "left" ? "M10 3 5 8l5 5" : "M6 3l5 5-5 5";
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" transform={double ? (dir === "left" ? "translate(-2.5 0)" : "translate(2.5 0)") : undefined} />
      {double ? (
        <path d={d} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" transform={dir === "left" ? "translate(2.5 0)" : "translate(-2.5 0)"} />
      ) : null}
    </svg>
  );
}
