"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import type { Paged } from "@/lib/schemas/dto";
import { DataTable } from "@/components/data-table/data-table";
import { outletColumns, OutletEditContext, type OutletRow } from "./outlets-columns";
import { OutletEditor, type OutletOption } from "./outlets-editor";

export function OutletsTable({
  page,
  sort,
  dir,
  options,
  editable = true,
}: {
  page: Paged<OutletRow>;
  sort: string;
  dir: "asc" | "desc";
  /** Every outlet, for the editor's merge choice. */
  options: OutletOption[];
  editable?: boolean;
}) {
  const [editing, setEditing] = useState<OutletRow | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = useCallback((row: OutletRow, from: HTMLElement) => {
    opener.current = from;
    setStatus(null);
    setEditing(row);
  }, []);
  const close = useCallback(() => {
    setEditing(null);
    opener.current?.focus();
  }, []);
  const context = useMemo(() => (editable ? open : null), [editable, open]);

  return (
    <OutletEditContext.Provider value={context}>
      <p role="status" aria-live="polite" className={status ? "mb-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900" : "sr-only"}>
        {status}
      </p>
      <DataTable
        caption="Outlets"
        columns={outletColumns}
        data={page.rows}
        getRowId={(o) => o.key}
        paging={page}
        sorting={{ sort, dir }}
        noun="outlets"
        toolbar={{ search: { placeholder: "Search outlets…", label: "Search outlets" } }}
      />
      {editing ? <OutletEditor key={editing.id} outlet={editing} options={options} onClose={close} onSaved={setStatus} /> : null}
    </OutletEditContext.Provider>
  );
}
