import type { AuthorityComparisonRow, EventClaim } from "@/lib/schemas/dto";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber, KIND_LABEL } from "@/components/format";
import { AuthorityFigureList, type AuthorityFigureItem } from "./authority-figures";
import { toFigureClaim } from "./evidence";

const MAIN_KINDS = ["killed", "wounded"] as const;

type Figure = AuthorityComparisonRow["byKind"][string][number];

/** What the browser needs per figure: its earliest claim (without sentence) and the relaying outlets. */
function items(figures: Figure[] | undefined, claims: Map<number, EventClaim>): AuthorityFigureItem[] {
  return (figures ?? []).flatMap((f) => {
    const claim = claims.get(f.claimIds[0]!);
    return claim ? [{ key: f.key, claim: toFigureClaim(claim), outlets: f.outlets }] : [];
  });
}

/**
 * The claims pivoted by original authority: who gave each figure, and which outlets relayed it
 * (copies marked). Figures nobody attributed are in the "Unattributed" row.
 */
export function AuthorityMatrix({ rows, claims }: { rows: AuthorityComparisonRow[]; claims: Map<number, EventClaim> }) {
  if (rows.length === 0) {
    return <EmptyState title="No figures in this selection" description="No article here states a casualty figure about this event. Remove a filter to see more." />;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Figures by authority</caption>
        <thead className="bg-neutral-50">
          <tr className="border-b border-neutral-200 text-xs tracking-wide text-neutral-600 uppercase">
            <th scope="col" className="px-3 py-2 text-left font-semibold">Authority</th>
            {MAIN_KINDS.map((k) => (
              <th key={k} scope="col" className="px-3 py-2 text-left font-semibold">
                {KIND_LABEL[k]}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-left font-semibold">Other figures</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const other = Object.entries(r.byKind)
              .filter(([k]) => !(MAIN_KINDS as readonly string[]).includes(k))
              .flatMap(([, figs]) => figs);
            return (
              <tr key={r.key} className="border-b border-neutral-100 align-top">
                <th scope="row" className="min-w-44 px-3 py-2.5 text-left font-normal">
                  <div className={r.key === "unattributed" ? "font-semibold text-neutral-600 italic" : "font-semibold text-neutral-900"}>{r.label}</div>
                  <div className="mt-0.5 text-xs text-neutral-500">
                    {formatNumber(r.claimCount)} {r.claimCount === 1 ? "mention" : "mentions"} in {formatNumber(r.outletCount)}{" "}
                    {r.outletCount === 1 ? "outlet" : "outlets"}
                  </div>
                  {r.key === "unattributed" ? <p className="mt-1 max-w-60 text-xs text-neutral-500">Figures the article gives without naming who stated them.</p> : null}
                </th>
                {MAIN_KINDS.map((k) => (
                  <td key={k} className="min-w-44 px-3 py-2">
                    <AuthorityFigureList figures={items(r.byKind[k], claims)} />
                  </td>
                ))}
                <td className="min-w-44 px-3 py-2">
                  <AuthorityFigureList figures={items(other, claims)} showKind />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
