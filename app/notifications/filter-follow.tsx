import { canonicalSearch, type SavedSearch } from "@/lib/schemas/follows";
import { FollowControl } from "./follow-control";

/**
 * Follow buttons for a list's current filter (events, articles): the filter as a saved search, and,
 * when the filter is exactly one outlet (an outlet's page), that outlet.
 */
export function FilterFollow({ filters }: { filters: SavedSearch }) {
  const { q, outlet, language, from, to } = filters;
  const onlyOutlet = outlet.length === 1 && !q && !language.length && !from && !to ? outlet[0]! : null;
  return (
    <div className="flex flex-wrap items-start gap-3">
      {onlyOutlet ? <FollowControl kind="outlet" target={onlyOutlet} what={`outlet ${onlyOutlet}`} /> : null}
      <FollowControl kind="search" target={canonicalSearch({ q, outlet, language, from, to })} what="this search" />
    </div>
  );
}
