import type { Metadata } from "next";
import { listOutlets } from "@/lib/queries";
import { FilterError } from "@/components/layout/filter-error";
import { PageHeader } from "@/components/layout/page-header";
import { OutletsTable } from "@/components/tables/outlets-table";
import { parseOutletParams } from "./search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Outlets" };

export default async function OutletsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = parseOutletParams(await searchParams);
  const header = (
    <PageHeader
      title="Outlets"
      description="Publishers in the corpus. Kind (wire, state, public, independent) helps weigh a figure: many outlets repeating one wire report is one source, not many."
    />
  );
  if (!parsed.ok) {
    return (
      <div className="space-y-4">
        {header}
        <FilterError field={parsed.field} error={parsed.error} resetHref="/outlets" />
      </div>
    );
  }
  const f = parsed.data;
  const all = await listOutlets();
  const q = f.q?.toLowerCase();
  const rows = q ? all.filter((o) => o.name.toLowerCase().includes(q) || o.key.toLowerCase().includes(q) || (o.domain ?? "").toLowerCase().includes(q)) : all;
  const sign = f.dir === "asc" ? 1 : -1;
  rows.sort((a, b) => {
    const x = a[f.sort];
    const y = b[f.sort];
    if (x === y) return a.name.localeCompare(b.name);
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y)));
  });
  const total = rows.length;
  const pageCount = Math.max(1, Math.ceil(total / f.pageSize));
  const slice = rows.slice((f.page - 1) * f.pageSize, f.page * f.pageSize);
  return (
    <div className="space-y-2">
      {header}
      <OutletsTable page={{ rows: slice, total, page: f.page, pageSize: f.pageSize, pageCount }} sort={f.sort} dir={f.dir} />
    </div>
  );
}
