import { rowPaginationFeature, rowSortingFeature, tableFeatures } from "@tanstack/react-table";

export interface DataTableColumnMeta {
  /** Plain-text column name (for the header and screen readers). */
  label?: string;
  /** Numeric columns are right-aligned with tabular figures. */
  numeric?: boolean;
  className?: string;
}

/**
 * Features of every Parallax table. Sorting and paging are "manual": the server sorts and pages
 * (from the URL), the table only renders state and reports changes.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnMeta: {} as DataTableColumnMeta,
});

export type DataTableFeatures = typeof dataTableFeatures;
