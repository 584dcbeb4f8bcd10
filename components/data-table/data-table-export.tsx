"use client";

import { useState, type KeyboardEvent, type MouseEvent } from "react";
import { EXPORT_FORMATS, type ExportFormat, type ExportTable } from "@/lib/schemas/filters";
import { buttonClasses } from "@/components/ui/button";
import { useUrlState } from "./url-state";

const FORMAT_LABEL: Record<ExportFormat, string> = { csv: "CSV", xlsx: "XLSX", json: "JSON" };
/** Paging is the view's business: an export always contains every filtered row. */
const DROP = new Set(["page", "pageSize", "format"]);

/** `/api/export/<table>?format=…&<current filters>`: the exact filtered rows, all pages. */
export function buildExportUrl(
  table: ExportTable,
  format: ExportFormat,
  current: URLSearchParams,
  extra?: Record<string, string>,
): string {
  const params = new URLSearchParams();
  params.set("format", format);
  for (const [k, v] of current.entries()) if (!DROP.has(k) && !(extra && k in extra)) params.append(k, v);
  for (const [k, v] of Object.entries(extra ?? {})) params.set(k, v);
  return `/api/export/${table}?${params.toString()}`;
}

/**
 * Export links for one table, one per format. Each is a download link exposed as a button
 * named "Export CSV" (or "Export claims CSV" when `entity` is given), so it works before
 * hydration and in tests alike.
 */
export function DataTableExport({
  table,
  entity,
  extra,
  /** Params to use instead of the page URL's (e.g. a sub-table with its own filters). */
  params,
}: {
  table: ExportTable;
  entity?: string;
  extra?: Record<string, string>;
  params?: URLSearchParams;
}) {
  const { searchParams } = useUrlState();
  const current = params ?? searchParams;
  const name = (f: ExportFormat) => `Export ${entity ? `${entity} ` : ""}${FORMAT_LABEL[f]}`;
  const onKeyDown = (e: KeyboardEvent<HTMLAnchorElement>) => {
    if (e.key === " ") {
      e.preventDefault();
      e.currentTarget.click();
    }
  };
  // Once hydrated, a click first asks the server whether the export fits its row limit: a refused
  // download would only show as cancelled. Before hydration the link downloads directly.
  const [refusal, setRefusal] = useState<string | null>(null);
  const onClick = async (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const href = e.currentTarget.href;
    setRefusal(null);
    try {
      const res = await fetch(`${href}&check=1`);
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null;
        setRefusal(body?.message ?? `the export failed (HTTP ${res.status}); try again`);
        return;
      }
    } catch {
      // Unreachable for the check: the download itself will say so.
    }
    window.location.assign(href);
  };
  return (
    <div role="group" aria-label={`Export ${entity ?? table}`} className="flex flex-wrap items-center gap-1">
      <span className="mr-1 text-xs font-medium text-neutral-600" aria-hidden="true">
        Export{entity ? ` ${entity}` : ""}
      </span>
      {EXPORT_FORMATS.map((f) => (
        <a
          key={f}
          role="button"
          href={buildExportUrl(table, f, current, extra)}
          download
          aria-label={name(f)}
          title={name(f)}
          onKeyDown={onKeyDown}
          onClick={onClick}
          className={buttonClasses("outline", "sm", "h-7 px-2 text-xs")}
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3 text-neutral-500">
            <path d="M8 2v8m0 0 3-3m-3 3L5 7M3 13h10" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {FORMAT_LABEL[f]}
        </a>
      ))}
      {refusal && (
        <p role="alert" className="basis-full text-xs text-red-700">
          Not exported: {refusal}.
        </p>
      )}
    </div>
  );
}
