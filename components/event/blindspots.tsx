import Link from "next/link";
import type { EventSections, ListedOutlets } from "@/lib/schemas/dto";
import type { Qualifier } from "@/lib/extract/types";
import { EmptyState } from "@/components/ui/empty-state";
import { formatFigure, formatNumber } from "@/components/format";
import { toFigureClaim } from "./evidence";
import { FigureButton } from "./figure-button";
import { SECTION_LIMITS } from "./section-limits";

const SHOWN_ROWS = SECTION_LIMITS.blindspotRows;
const QUOTE_CHARS = 220;

function OutletList({ list, names, empty }: { list: ListedOutlets; names: Map<string, string>; empty: string }) {
  if (list.total === 0) return <span className="text-neutral-500 italic">{empty}</span>;
  return (
    <span>
      <span className="font-semibold tabular-nums">{formatNumber(list.total)}</span>
      <span className="text-neutral-500">: </span>
      {list.keys.map((k) => names.get(k) ?? k).join(", ")}
      {list.total > list.keys.length ? <span className="text-neutral-500"> and {formatNumber(list.total - list.keys.length)} more</span> : null}
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

const th = "col-head";

interface BlindspotRow {
  key: string;
  reportedBy: ListedOutlets;
  omittedBy: ListedOutlets;
}

/** One fact per row (rendered by `fact`), the outlets reporting it and those omitting it. */
function BlindspotTable<R extends BlindspotRow>({
  id,
  title,
  empty,
  rows,
  total,
  names,
  factClassName,
  fact,
}: {
  id: string;
  /** Plural: "Figures". */
  title: string;
  empty: { title: string; description: string };
  /** The most widely reported facts, first (at most SHOWN_ROWS). */
  rows: R[];
  total: number;
  names: Map<string, string>;
  factClassName: string;
  fact: (row: R) => React.ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mb-2 text-sm font-semibold text-neutral-900">
        {title}
      </h3>
      {rows.length === 0 ? (
        <EmptyState title={empty.title} description={empty.description} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-neutral-200">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{title} and the outlets that omit them</caption>
            <thead className="bg-neutral-50">
              <tr className="border-b border-neutral-200">
                <th scope="col" className={th}>
                  {title.replace(/s$/, "")}
                </th>
                <th scope="col" className={th}>Reported by</th>
                <th scope="col" className={th}>Omitted by</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, SHOWN_ROWS).map((r) => (
                <tr key={r.key} className="border-b border-neutral-100 align-top">
                  <th scope="row" className={`${factClassName} cell text-left font-normal`}>
                    {fact(r)}
                  </th>
                  <td className="cell">
                    <OutletList list={r.reportedBy} names={names} empty="none" />
                  </td>
                  <td className={r.omittedBy.total ? "cell bg-amber-50/60" : "cell"}>
                    <OutletList list={r.omittedBy} names={names} empty="no outlet: every one reports it" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <More total={total} what={title.toLowerCase()} />
    </section>
  );
}

/**
 * Fact-level blindspots: each figure and each statement reported about the event, the outlets
 * that carry it and the outlets covering the event that omit it.
 */
export function Blindspots({ blindspots }: { blindspots: EventSections["blindspots"] }) {
  const names = new Map(blindspots.outlets.map((o) => [o.key, o.name]));
  if (blindspots.outletCount < 2) {
    return (
      <EmptyState
        title="Nothing to compare"
        description={
          blindspots.outletCount === 0
            ? "No outlet in this selection covers the event."
            : "Only one outlet covers this selection, so no outlet can leave out what another reports. Remove a filter to compare outlets."
        }
      />
    );
  }
  return (
    <div className="space-y-6">
      <BlindspotTable
        id="blindspots-figures"
        title="Figures"
        empty={{ title: "No casualty figures", description: "No article in this selection states a casualty figure about this event." }}
        rows={blindspots.figures}
        total={blindspots.totals.figures}
        names={names}
        factClassName="min-w-40"
        fact={(f) => {
          const claim = f.claim;
          const others = f.forms.slice(1).map((x) => formatFigure({ ...x, qualifier: x.qualifier as Qualifier }));
          return (
            <>
              {claim ? <FigureButton claim={toFigureClaim(claim)} showKind compact /> : f.key}
              {others.length ? <p className="mt-0.5 pl-2 text-xs text-neutral-500">also as {others.join(", ")}</p> : null}
            </>
          );
        }}
      />
      <BlindspotTable
        id="blindspots-statements"
        title="Statements"
        empty={{ title: "No statements", description: "No article in this selection quotes a speaker about this event." }}
        rows={blindspots.statements}
        total={blindspots.totals.statements}
        names={names}
        factClassName="max-w-md min-w-56"
        fact={(q) => {
          const first = q.first;
          const text = q.text.length > QUOTE_CHARS ? `${q.text.slice(0, QUOTE_CHARS - 1)}…` : q.text;
          return (
            <>
              <span className="font-semibold text-neutral-900">{q.speaker ?? "Unidentified speaker"}</span>
              <blockquote className="mt-0.5 text-neutral-800">“{text}”</blockquote>
              {first ? (
                <Link
                  href={`/articles/${encodeURIComponent(first.articleId)}#statement-${first.id}`}
                  className="link text-xs"
                >
                  In context<span className="sr-only">: the article quoting {q.speaker ?? "this statement"}</span>
                </Link>
              ) : null}
            </>
          );
        }}
      />
    </div>
  );
}
