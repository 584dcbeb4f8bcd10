"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import type { ArticleListItem } from "@/lib/schemas/dto";
import { ArticleRevisedMark } from "@/components/article/revised-popover";
import { CopyBadge } from "@/components/data-table/cells/copy-badge";
import { DateCell } from "@/components/data-table/cells/date-cell";
import { OutletBadge } from "@/components/data-table/cells/outlet-badge";
import { NumberCell } from "@/components/data-table/cells/range-cell";
import { dataTableFeatures } from "@/components/data-table/features";
import { RowSelectAllCheckbox, RowSelectCheckbox } from "@/components/data-table/row-selection";
import { languageName } from "@/components/format";

const h = createColumnHelper<typeof dataTableFeatures, ArticleListItem>();

const titleColumn = h.accessor("title", {
  header: "Article",
  meta: { className: "min-w-72" },
  cell: ({ row }) => {
    const a = row.original;
    return (
      <div className="min-w-0">
        <Link href={`/articles/${encodeURIComponent(a.id)}`} className="font-medium text-blue-800 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
          {a.title || "(untitled)"}
        </Link>{" "}
        <ArticleRevisedMark articleId={a.id} subject={a.title || a.id} />
        {a.syndicatedFrom || a.originalSourceName ? (
          <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-neutral-600">
            {a.syndicatedFrom ? (
              <>
                <CopyBadge of={a.syndicatedFrom.outletName} />
                <Link href={`/articles/${encodeURIComponent(a.syndicatedFrom.id)}`} className="truncate underline decoration-neutral-300 hover:decoration-neutral-600">
                  <span className="sr-only">Original: </span>
                  {a.syndicatedFrom.title}
                </Link>
              </>
            ) : a.originalSourceName ? (
              <CopyBadge of={a.originalSourceName} />
            ) : null}
          </div>
        ) : null}
      </div>
    );
  },
});

const outletColumn = h.accessor((a) => a.outlet.name, {
  id: "outlet",
  header: "Outlet",
  cell: ({ row }) => <OutletBadge outlet={row.original.outlet} />,
});

const publishedColumn = h.accessor("publishedAt", {
  header: "Published",
  cell: ({ getValue }) => <DateCell value={getValue()} stacked />,
});

const languageColumn = h.accessor("language", {
  header: "Lang.",
  meta: { label: "Language" },
  cell: ({ getValue }) => {
    const v = getValue();
    return v ? <abbr title={languageName(v)} className="no-underline">{v}</abbr> : <span className="text-neutral-500">—</span>;
  },
});

const claimsColumn = h.accessor("claimCount", {
  header: "Figures",
  enableSorting: false,
  meta: { numeric: true, label: "Casualty figures" },
  cell: ({ getValue }) => <NumberCell value={getValue()} />,
});

const statementsColumn = h.accessor("statementCount", {
  header: "Statements",
  enableSorting: false,
  meta: { numeric: true },
  cell: ({ getValue }) => <NumberCell value={getValue()} />,
});

const eventColumn = h.accessor("eventTitle", {
  header: "Event",
  enableSorting: false,
  meta: { className: "min-w-44 max-w-64" },
  cell: ({ row }) => {
    const a = row.original;
    if (!a.eventId) return <span className="text-neutral-500">—</span>;
    return (
      <Link
        href={`/events/${encodeURIComponent(a.eventId)}`}
        title={a.eventTitle ?? undefined}
        className="line-clamp-2 text-neutral-800 underline decoration-neutral-300 hover:decoration-neutral-700"
      >
        {a.eventTitle ?? a.eventId}
      </Link>
    );
  },
});

export const articleColumns = h.columns([titleColumn, outletColumn, publishedColumn, languageColumn, eventColumn, claimsColumn, statementsColumn]);

const selectColumn = h.display({
  id: "select",
  header: () => <RowSelectAllCheckbox label="Select all articles shown" />,
  meta: { label: "Select", className: "w-8" },
  cell: ({ row }) => <RowSelectCheckbox id={row.original.id} label={`Select “${row.original.title || row.original.id}”`} />,
});

/** Within one event the event column is redundant; the checkboxes select articles to split out or move. */
export const eventArticleColumns = h.columns([selectColumn, titleColumn, outletColumn, publishedColumn, languageColumn, claimsColumn, statementsColumn]);
