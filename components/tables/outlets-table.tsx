"use client";

import type { Paged } from "@/lib/schemas/dto";
import { DataTable } from "@/components/data-table/data-table";
import { outletColumns, type OutletRow } from "./outlets-columns";

export function OutletsTable({ page, sort, dir }: { page: Paged<OutletRow>; sort: string; dir: "asc" | "desc" }) {
  return (
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
  );
}
