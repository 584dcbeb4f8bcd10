import type { ClaimItem, OutletComparison, StatementItem } from "@/lib/schemas/dto";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { CopyBadge } from "@/components/data-table/cells/copy-badge";
import { OutletKindBadge } from "@/components/data-table/cells/outlet-badge";
import { formatDay, formatNumber } from "@/components/format";
import type { ArticleInfo } from "./evidence";
import { FigureButton } from "./figure-button";

export function articleIndex(rows: OutletComparison[]): Record<string, ArticleInfo> {
  const out: Record<string, ArticleInfo> = {};
  for (const r of rows) for (const a of r.articles) out[a.id] = { id: a.id, title: a.title, outletName: r.outlet.name, publishedAt: a.publishedAt };
  return out;
}

/** Headline figures first (in publication order), then the other mentions. */
function splitClaims(claims: ClaimItem[], articles: Record<string, ArticleInfo>) {
  const at = (c: ClaimItem) => Date.parse(articles[c.articleId]?.publishedAt ?? "") || 0;
  const byTime = [...claims].sort((a, b) => at(a) - at(b) || a.start - b.start);
  const headline = byTime.filter((c) => c.isHeadline);
  const rest = byTime.filter((c) => !c.isHeadline);
  // An outlet with no headline figure still shows its first mention up front.
  if (headline.length === 0 && rest.length > 0) return { main: rest.slice(0, 1), more: rest.slice(1) };
  return { main: headline, more: rest };
}

function FigureList({
  claims,
  articles,
  multiArticle,
  showKind,
  label,
}: {
  claims: ClaimItem[];
  articles: Record<string, ArticleInfo>;
  multiArticle: boolean;
  showKind?: boolean;
  label: string;
}) {
  if (claims.length === 0) return <span className="text-neutral-400" aria-label={`no ${label} figure`}>—</span>;
  const { main, more } = splitClaims(claims, articles);
  const date = (c: ClaimItem) => (multiArticle ? formatDay(articles[c.articleId]?.publishedAt ?? null) : null);
  return (
    <div className="flex flex-col gap-1">
      <ul className="flex flex-col gap-1">
        {main.map((c) => (
          <li key={c.id}>
            <FigureButton claim={c} article={articles[c.articleId]} showDate={date(c)} showKind={showKind} />
          </li>
        ))}
      </ul>
      {more.length > 0 ? (
        <details className="text-xs">
          <summary className="cursor-pointer rounded text-neutral-600 select-none hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-blue-600">
            +{more.length} other {more.length === 1 ? "mention" : "mentions"}
          </summary>
          <ul className="mt-1 flex flex-col gap-0.5">
            {more.map((c) => (
              <li key={c.id}>
                <FigureButton claim={c} article={articles[c.articleId]} showDate={date(c)} showKind={showKind} compact />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function statementSummary(statements: StatementItem[]) {
  const direct = statements.filter((s) => s.direct).length;
  return { direct, indirect: statements.length - direct };
}

/**
 * The comparison: one row per outlet, what it reported. Figure cells are buttons whose
 * hover/focus popover (and accessible description) is the evidence sentence.
 */
export function ComparisonMatrix({ rows }: { rows: OutletComparison[] }) {
  if (rows.length === 0) {
    return <EmptyState title="No outlet matches these filters" description="Remove a filter to see the outlets that reported this event." />;
  }
  const articles = articleIndex(rows);
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Comparison by outlet</caption>
        <thead className="bg-neutral-50">
          <tr className="border-b border-neutral-200 text-xs tracking-wide text-neutral-600 uppercase">
            <th scope="col" className="px-3 py-2 text-left font-semibold">Outlet</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">Killed</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">Wounded</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">Other figures</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">Statements</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">Articles</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const multi = r.articles.length > 1;
            const st = statementSummary(r.statements);
            const copies = r.articles.filter((a) => a.syndicatedFrom).length;
            const republished = r.copiesOnly || r.copiedFrom.length > 0;
            return (
              <tr key={r.outlet.key} className={republished ? "border-b border-neutral-100 bg-amber-50/40 align-top" : "border-b border-neutral-100 align-top"}>
                <th scope="row" className="min-w-44 px-3 py-2.5 text-left font-normal">
                  <div className="font-semibold text-neutral-900">{r.outlet.name}</div>
                  <div className="mt-1 flex flex-wrap gap-1">
                    <OutletKindBadge kind={r.outlet.kind} />
                    {r.copiedFrom.length > 0
                      ? r.copiedFrom.map((o) => <CopyBadge key={o} of={o} />)
                      : r.copiesOnly
                        ? <CopyBadge />
                        : null}
                  </div>
                  {r.copiesOnly ? (
                    <p className="mt-1 text-xs text-amber-900">Not counted as an independent source.</p>
                  ) : null}
                </th>
                <td className="min-w-40 px-3 py-2">
                  <FigureList claims={r.killed} articles={articles} multiArticle={multi} label="killed" />
                </td>
                <td className="min-w-40 px-3 py-2">
                  <FigureList claims={r.wounded} articles={articles} multiArticle={multi} label="wounded" />
                </td>
                <td className="min-w-40 px-3 py-2">
                  <FigureList claims={r.other} articles={articles} multiArticle={multi} showKind label="other" />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  <div className="font-medium">{formatNumber(r.statements.length)}</div>
                  {r.statements.length > 0 ? (
                    <div className="text-xs text-neutral-500">
                      {st.direct} direct · {st.indirect} reported
                    </div>
                  ) : null}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  <div className="font-medium">{formatNumber(r.articles.length)}</div>
                  {copies > 0 ? (
                    <div className="text-xs whitespace-nowrap">
                      <Badge tone="warning">{copies} {copies === 1 ? "copy" : "copies"}</Badge>
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
