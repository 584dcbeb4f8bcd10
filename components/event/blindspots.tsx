import Link from "next/link";
import type { EventBlindspots, EventClaim, EventStatement } from "@/lib/schemas/dto";
import type { Qualifier } from "@/lib/extract/types";
import { EmptyState } from "@/components/ui/empty-state";
import { formatFigure, formatNumber } from "@/components/format";
import { toFigureClaim } from "./evidence";
import { FigureButton } from "./figure-button";

/** Rows shown per table: the most widely reported facts first. */
const SHOWN_ROWS = 25;
/** Outlets named per cell before "and N more". */
const SHOWN_NAMES = 10;
const QUOTE_CHARS = 220;

function OutletList({ keys, names, empty }: { keys: string[]; names: Map<string, string>; empty: string }) {
  if (keys.length === 0) return <span className="text-neutral-500 italic">{empty}</span>;
  const shown = keys.slice(0, SHOWN_NAMES);
  return (
    <span>
      <span className="font-semibold tabular-nums">{formatNumber(keys.length)}</span>
      <span className="text-neutral-500">: </span>
      {shown.map((k) => names.get(k) ?? k).join(", ")}
      {keys.length > shown.length ? <span className="text-neutral-500"> and {formatNumber(keys.length - shown.length)} more</span> : null}
    </span>
  );
}

function More({ total, what }: { total: number; what: string }) {
  if (total <= SHOWN_ROWS) return null;
  return (
    <p className="mt-2 text-xs text-neutral-600">
      The {SHOWN_ROWS} most widely reported of {formatNumber(total)} {what}. Narrow the event with the filters, or export the claims and statements
      to see them all.
    </p>
  );
}

const th = "px-3 py-2 text-left text-xs font-semibold tracking-wide text-neutral-600 uppercase";

/**
 * Fact-level blindspots: each figure and each statement reported about the event, the outlets
 * that carry it and the outlets covering the event that omit it.
 */
export function Blindspots({
  blindspots,
  claims,
  statements,
}: {
  blindspots: EventBlindspots;
  claims: Map<number, EventClaim>;
  statements: Map<number, EventStatement>;
}) {
  const names = new Map(blindspots.outlets.map((o) => [o.key, o.name]));
  if (blindspots.outlets.length < 2) {
    return (
      <EmptyState
        title="Nothing to compare"
        description={
          blindspots.outlets.length === 0
            ? "No outlet in this selection covers the event."
            : "Only one outlet covers this selection, so no outlet can leave out what another reports. Remove a filter to compare outlets."
        }
      />
    );
  }
  const figures = blindspots.figures.slice(0, SHOWN_ROWS);
  const quotes = blindspots.statements.slice(0, SHOWN_ROWS);
  return (
    <div className="space-y-6">
      <section aria-labelledby="blindspots-figures">
        <h3 id="blindspots-figures" className="mb-2 text-sm font-semibold text-neutral-900">
          Figures
        </h3>
        {figures.length === 0 ? (
          <EmptyState title="No casualty figures" description="No article in this selection states a casualty figure about this event." />
        ) : (
          <div className="overflow-x-auto rounded-lg border border-neutral-200">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">Figures and the outlets that omit them</caption>
              <thead className="bg-neutral-50">
                <tr className="border-b border-neutral-200">
                  <th scope="col" className={th}>Figure</th>
                  <th scope="col" className={th}>Reported by</th>
                  <th scope="col" className={th}>Omitted by</th>
                </tr>
              </thead>
              <tbody>
                {figures.map((f) => {
                  const main = f.forms[0];
                  // Evidence: a claim stating the figure in its most common form.
                  const claim =
                    f.claimIds.map((id) => claims.get(id)).find((c) => c && main && c.min === main.min && c.max === main.max && c.qualifier === main.qualifier) ??
                    claims.get(f.claimIds[0]!);
                  const others = f.forms.slice(1).map((x) => formatFigure({ ...x, qualifier: x.qualifier as Qualifier }));
                  return (
                    <tr key={f.key} className="border-b border-neutral-100 align-top">
                      <th scope="row" className="min-w-40 px-3 py-2 text-left font-normal">
                        {claim ? <FigureButton claim={toFigureClaim(claim)} showKind compact /> : f.key}
                        {others.length ? <p className="mt-0.5 pl-2 text-xs text-neutral-500">also as {others.join(", ")}</p> : null}
                      </th>
                      <td className="px-3 py-2">
                        <OutletList keys={f.reportedBy} names={names} empty="none" />
                      </td>
                      <td className={f.omittedBy.length ? "bg-amber-50/60 px-3 py-2" : "px-3 py-2"}>
                        <OutletList keys={f.omittedBy} names={names} empty="no outlet: every one reports it" />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <More total={blindspots.totals.figures} what="figures" />
      </section>

      <section aria-labelledby="blindspots-statements">
        <h3 id="blindspots-statements" className="mb-2 text-sm font-semibold text-neutral-900">
          Statements
        </h3>
        {quotes.length === 0 ? (
          <EmptyState title="No statements" description="No article in this selection quotes a speaker about this event." />
        ) : (
          <div className="overflow-x-auto rounded-lg border border-neutral-200">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">Statements and the outlets that omit them</caption>
              <thead className="bg-neutral-50">
                <tr className="border-b border-neutral-200">
                  <th scope="col" className={th}>Statement</th>
                  <th scope="col" className={th}>Reported by</th>
                  <th scope="col" className={th}>Omitted by</th>
                </tr>
              </thead>
              <tbody>
                {quotes.map((q) => {
                  const first = statements.get(q.statementIds[0]!);
                  const text = q.text.length > QUOTE_CHARS ? `${q.text.slice(0, QUOTE_CHARS - 1)}…` : q.text;
                  return (
                    <tr key={q.key} className="border-b border-neutral-100 align-top">
                      <th scope="row" className="max-w-md min-w-56 px-3 py-2 text-left font-normal">
                        <span className="font-semibold text-neutral-900">{q.speaker ?? "Unidentified speaker"}</span>
                        <blockquote className="mt-0.5 text-neutral-800">“{text}”</blockquote>
                        {first ? (
                          <Link
                            href={`/articles/${encodeURIComponent(first.articleId)}#statement-${first.id}`}
                            className="text-xs text-blue-800 underline decoration-blue-300 hover:decoration-blue-800"
                          >
                            In context<span className="sr-only">: the article quoting {q.speaker ?? "this statement"}</span>
                          </Link>
                        ) : null}
                      </th>
                      <td className="px-3 py-2">
                        <OutletList keys={q.reportedBy} names={names} empty="none" />
                      </td>
                      <td className={q.omittedBy.length ? "bg-amber-50/60 px-3 py-2" : "px-3 py-2"}>
                        <OutletList keys={q.omittedBy} names={names} empty="no outlet: every one reports it" />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <More total={blindspots.totals.statements} what="statements" />
      </section>
    </div>
  );
}
