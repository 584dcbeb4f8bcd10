"use client";

import { createContext, useContext, useEffect, useRef } from "react";

/**
 * Row selection for a DataTable, owned by the component that acts on the selection (not by
 * the table): checkbox cells read and change it through this context.
 */
export interface RowSelection {
  selected: ReadonlySet<string>;
  /** Ids of the rows shown, for "select all". */
  rowIds: string[];
  toggle: (id: string) => void;
  setAll: (selected: boolean) => void;
  disabled?: boolean;
}

export const RowSelectionContext = createContext<RowSelection | null>(null);

const box = "h-4 w-4 accent-blue-700 disabled:opacity-50";

export function RowSelectCheckbox({ id, label }: { id: string; label: string }) {
  const s = useContext(RowSelectionContext);
  if (!s) return null;
  return <input type="checkbox" className={box} aria-label={label} checked={s.selected.has(id)} disabled={s.disabled} onChange={() => s.toggle(id)} />;
}

export function RowSelectAllCheckbox({ label }: { label: string }) {
  const s = useContext(RowSelectionContext);
  const ref = useRef<HTMLInputElement>(null);
  const count = s ? s.rowIds.filter((id) => s.selected.has(id)).length : 0;
  const all = s !== null && s.rowIds.length > 0 && count === s.rowIds.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  if (!s) return null;
  return <input ref={ref} type="checkbox" className={box} aria-label={label} checked={all} disabled={s.disabled || s.rowIds.length === 0} onChange={() => s.setAll(!all)} />;
}
