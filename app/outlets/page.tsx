import Link from "next/link";
import { currentAuth } from "@/lib/auth/server";
import { listOutletRegistry } from "@/lib/queries/outlets";
import { FilterErrorPage } from "@/components/layout/filter-error";
import { PageHeader } from "@/components/layout/page-header";
import { OutletsTable } from "@/components/tables/outlets-table";
import { parseOutletParams } from "./search-params";
import { titleUnlessPreparing, whilePreparing } from "@/app/preparing";

export const dynamic = "force-dynamic";
export const generateMetadata = titleUnlessPreparing("Outlets");

export default async function OutletsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const preparing = await whilePreparing();
  if (preparing) return preparing;
  const parsed = parseOutletParams(await searchParams);
  const header = (
    <PageHeader
      title="Outlets"
      description="Publishers in the corpus. Kind (wire, state, public, independent) helps weigh a figure: many outlets repeating one wire report is one source, not many. Edit an outlet to correct it, give it more domains, or merge outlets that are one publisher."
    />
  );
  if (!parsed.ok) {
    return <FilterErrorPage header={header} field={parsed.field} error={parsed.error} resetHref="/outlets" />;
  }
  const f = parsed.data;
  const [all, auth] = await Promise.all([listOutletRegistry(), currentAuth()]);
  const editable = !auth.writesProtected || auth.session?.role === "admin";
  const q = f.q?.toLowerCase();
  const rows = q
    ? all.filter((o) => o.name.toLowerCase().includes(q) || o.key.toLowerCase().includes(q) || o.domains.some((d) => d.includes(q)))
    : all;
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
      {editable ? null : (
        <p className="text-sm text-neutral-600">
          <Link href="/signin?next=/outlets" className="text-blue-800 underline">
            Sign in
          </Link>{" "}
          with the admin token to edit outlets.
        </p>
      )}
      <OutletsTable
        page={{ rows: slice, total, page: f.page, pageSize: f.pageSize, pageCount }}
        sort={f.sort}
        dir={f.dir}
        editable={editable}
        options={all.map((o) => ({ key: o.key, name: o.name, articleCount: o.articleCount }))}
      />
    </div>
  );
}
