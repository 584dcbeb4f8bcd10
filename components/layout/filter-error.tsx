import Link from "next/link";
import { useId } from "react";

/** Shown in place of results when a URL parameter does not parse: names the field, offers a way out. */
export function FilterError({ field, error, resetHref }: { field: string; error: string; resetHref: string }) {
  const id = useId();
  return (
    <div role="alert" aria-labelledby={id} className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p id={id} className="font-semibold">
        Invalid filter: <code className="rounded bg-red-100 px-1 font-mono">{field}</code>
      </p>
      <p className="mt-1">{error}</p>
      <p className="mt-2">
        Fix the value in the address bar, or{" "}
        <Link href={resetHref} className="font-medium underline">
          clear all filters
        </Link>
        .
      </p>
    </div>
  );
}

/** A list page whose URL parameters do not parse: its header, then the error in place of results. */
export function FilterErrorPage({ header, field, error, resetHref }: { header: React.ReactNode; field: string; error: string; resetHref: string }) {
  return (
    <div className="space-y-4">
      {header}
      <FilterError field={field} error={error} resetHref={resetHref} />
    </div>
  );
}
