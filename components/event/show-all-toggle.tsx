"use client";

import { useUrlState } from "@/components/data-table/url-state";

/**
 * "Show all …" / "Show the first … only" for a part of the event page the server cuts short:
 * sets `?<param>=all` (or removes it), so the server sends the rest and the view can be shared.
 */
export function ShowAllToggle({ param, all, controls, label }: { param: string; all: boolean; controls?: string; label: string }) {
  const { setParams, isPending } = useUrlState();
  return (
    <button
      type="button"
      aria-expanded={all}
      aria-controls={controls}
      aria-busy={isPending}
      onClick={() => setParams({ [param]: all ? null : "all" })}
      className="rounded text-sm font-medium text-blue-800 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
    >
      {label}
    </button>
  );
}
