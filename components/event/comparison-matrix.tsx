import type { EventDetail, OutletComparison } from "@/lib/schemas/dto";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber } from "@/components/format";
import { toFigureClaim } from "./evidence";
import { ComparisonTable, type MatrixRow } from "./comparison-table";
import { languagesOf } from "./language-badge";

/**
 * Rows sent before "Show all" (`?rows=all`): whole groups (a row and its nested copies) up to
 * about this many rows. An event covered by hundreds of outlets would otherwise send megabytes
 * of table (and the props to hydrate it) with every page view.
 */
const INITIAL_ROWS = 25;

function initialRows(rows: readonly { parentKey: string | null }[]): number {
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]!.parentKey === null && n >= INITIAL_ROWS) return i;
    n++;
  }
  return rows.length;
}

/**
 * What the browser needs of each row: figures without their sentences, statements and revised
 * articles as counts (`revisions`: earlier versions by article id, as getEvent returns them).
 */
export function toMatrixRows(rows: OutletComparison[], revisions: Readonly<Record<string, unknown>> = {}): MatrixRow[] {
  return rows.map((r) => {
    return {
      key: r.key,
      kind: r.kind,
      parentKey: r.parentKey,
      copyOf: r.copyOf,
      declared: r.declared,
      republishedBy: r.republishedBy,
      outlet: r.outlet,
      articleCount: r.articles.length,
      languages: languagesOf(r.articles),
      revised: r.articles.filter((a) => revisions[a.id]).length,
      copies: r.articles.filter((a) => a.syndicatedFrom).length,
      killed: r.killed.map(toFigureClaim),
      wounded: r.wounded.map(toFigureClaim),
      other: r.other.map(toFigureClaim),
      statements: r.statementCount,
    };
  });
}

/** "12 articles · 8 independent sources": copies count for their original, once. */
export function SourcesLine({ sources }: { sources: EventDetail["sources"] }) {
  return (
    <p className="text-sm text-neutral-700">
      <span className="font-semibold text-neutral-950 tabular-nums">{formatNumber(sources.articles)}</span>{" "}
      {sources.articles === 1 ? "article" : "articles"}
      {" · "}
      <span className="font-semibold text-neutral-950 tabular-nums">{formatNumber(sources.independent)}</span> independent{" "}
      {sources.independent === 1 ? "source" : "sources"}
    </p>
  );
}

/**
 * The comparison by outlet: one row per outlet's own reporting, the outlets that republish it
 * nested under it, and rows standing for an original outside the corpus.
 */
/** The comparison rows the matrix renders: the first whole groups, or all of them (`?rows=all`). */
export function shownComparisonRows(rows: OutletComparison[], all: boolean): OutletComparison[] {
  return all ? rows : rows.slice(0, initialRows(rows));
}

export function ComparisonMatrix({
  rows,
  all = false,
  revisions,
}: {
  rows: OutletComparison[];
  all?: boolean;
  /** Earlier versions by article id (getEvent's `revisions`): rows count their revised articles. */
  revisions?: Readonly<Record<string, unknown>>;
}) {
  if (rows.length === 0) {
    return <EmptyState title="No outlet matches these filters" description="Remove a filter to see the outlets that reported this event." />;
  }
  const limit = initialRows(rows);
  const hiddenOutlets = new Set(rows.slice(limit).map((r) => r.outlet.key)).size;
  // Only the rows sent are converted (a large event has hundreds).
  const matrix = toMatrixRows(all ? rows : rows.slice(0, limit), revisions);
  return <ComparisonTable rows={matrix} total={rows.length} limit={limit} hiddenOutlets={hiddenOutlets} all={all} />;
}
