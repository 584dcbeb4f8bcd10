"use client";

import { useState, type ReactNode } from "react";

/**
 * A chart as a figure: visible title and description, the chart itself exposed as one image
 * with a text summary, and the exact numbers in a disclosure table below. The table is rendered
 * once the disclosure is opened: a large event's tables (a row per day, per figure) weighed more
 * than the rest of its page.
 */
export function ChartFrame({
  id,
  title,
  description,
  summary,
  controls,
  children,
  dataTable,
  legendNote,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  /** One sentence read by screen readers in place of the graphic. */
  summary: string;
  controls?: ReactNode;
  children: ReactNode;
  dataTable?: ReactNode;
  legendNote?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <figure aria-labelledby={`${id}-title`} className="m-0">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <figcaption>
          <h3 id={`${id}-title`} className="text-sm font-semibold text-neutral-900">
            {title}
          </h3>
          {description ? <p className="mt-0.5 text-xs text-neutral-600">{description}</p> : null}
        </figcaption>
        {controls}
      </div>
      <div className="mt-3">{children}</div>
      <p id={`${id}-summary`} className="sr-only">
        {summary}
      </p>
      {legendNote ? <div className="mt-2 text-xs text-neutral-600">{legendNote}</div> : null}
      {dataTable ? (
        <details className="mt-3 text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary className="cursor-pointer rounded text-xs font-medium text-blue-800 select-none hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
            Show data table
          </summary>
          {open ? <div className="mt-2 max-h-80 overflow-auto rounded border border-neutral-200">{dataTable}</div> : null}
        </details>
      ) : null}
    </figure>
  );
}

export const dataTableClasses = {
  table: "w-full border-collapse text-xs",
  th: "sticky top-0 bg-neutral-50 px-2 py-1.5 text-left font-semibold text-neutral-700 border-b border-neutral-200",
  thNum: "sticky top-0 bg-neutral-50 px-2 py-1.5 text-right font-semibold text-neutral-700 border-b border-neutral-200",
  td: "px-2 py-1 border-b border-neutral-100 text-neutral-800",
  tdNum: "px-2 py-1 border-b border-neutral-100 text-right tabular-nums text-neutral-800",
};
