"use client";

import { useId, useState, type ReactNode } from "react";
import type { OutletComparison, OutletRef } from "@/lib/schemas/dto";
import { Badge } from "@/components/ui/badge";
import { CopyBadge } from "@/components/data-table/cells/copy-badge";
import { OutletKindBadge } from "@/components/data-table/cells/outlet-badge";
import { formatDay, formatNumber } from "@/components/format";
import type { FigureClaim } from "./evidence";
import { useArticleIndex } from "./evidence-context";
import { FigureButton } from "./figure-button";
import { LanguageBadge } from "./language-badge";
import { ShowAllToggle } from "./show-all-toggle";

/** One matrix row as the browser gets it: figures without their sentences, statements as counts. */
export interface MatrixRow extends Pick<OutletComparison, "key" | "kind" | "parentKey" | "copyOf" | "declared" | "republishedBy"> {
  outlet: OutletRef;
  articleCount: number;
  /** Languages of the row's articles (ISO 639-1), sorted. */
  languages: string[];
  /** Articles of the row revised after they were first fetched. */
  revised: number;
  /** Articles of the row that are detected copies. */
  copies: number;
  killed: FigureClaim[];
  wounded: FigureClaim[];
  other: FigureClaim[];
  statements: { direct: number; reported: number };
}

/** Lists the outlets as "A, B and C". */
function names(list: string[]): string {
  return list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
}

/** Content rendered only once the disclosure is opened (a large event has hundreds of these). */
export function LazyDetails({ summary, children }: { summary: ReactNode; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="text-xs" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer rounded text-neutral-600 select-none hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-blue-600">
        {summary}
      </summary>
      {open ? children() : null}
    </details>
  );
}

function FigureCell({
  claims,
  multiArticle,
  showKind,
  label,
  rowLanguage,
}: {
  claims: FigureClaim[];
  multiArticle: boolean;
  showKind?: boolean;
  label: string;
  rowLanguage: string | null;
}) {
  if (claims.length === 0) return <span className="text-neutral-500" aria-label={`no ${label} figure`}>—</span>;
  return <FigureList claims={claims} multiArticle={multiArticle} showKind={showKind} rowLanguage={rowLanguage} />;
}

/** Headline figures first (in publication order), then the other mentions behind a disclosure. */
export function FigureList({
  claims,
  multiArticle,
  showKind,
  rowLanguage = null,
}: {
  claims: FigureClaim[];
  multiArticle: boolean;
  showKind?: boolean;
  /** The row's one language, named by its header (see FigureButton). */
  rowLanguage?: string | null;
}) {
  const articles = useArticleIndex();
  const published = (c: FigureClaim) => articles[c.articleId]?.publishedAt ?? null;
  const at = (c: FigureClaim) => Date.parse(published(c) ?? "") || 0;
  const byTime = [...claims].sort((a, b) => at(a) - at(b) || a.id - b.id);
  let main = byTime.filter((c) => c.isHeadline);
  let more = byTime.filter((c) => !c.isHeadline);
  // An outlet with no headline figure still shows its first mention up front.
  if (main.length === 0) [main, more] = [more.slice(0, 1), more.slice(1)];
  const date = (c: FigureClaim) => (multiArticle ? formatDay(published(c)) : null);
  return (
    <div className="fig-list">
      <ul className="fig-list">
        {main.map((c) => (
          <li key={c.id}>
            <FigureButton claim={c} showDate={date(c)} showKind={showKind} rowLanguage={rowLanguage} />
          </li>
        ))}
      </ul>
      {more.length > 0 ? (
        <LazyDetails summary={`+${more.length} other ${more.length === 1 ? "mention" : "mentions"}`}>
          {() => (
            <ul className="mt-1 flex flex-col gap-0.5">
              {more.map((c) => (
                <li key={c.id}>
                  <FigureButton claim={c} showDate={date(c)} showKind={showKind} rowLanguage={rowLanguage} compact />
                </li>
              ))}
            </ul>
          )}
        </LazyDetails>
      ) : null}
    </div>
  );
}

/** "1 revised": articles of the row corrected after they were first fetched (the Articles table says what changed). */
function RevisedCount({ n }: { n: number }) {
  if (n === 0) return null;
  return (
    <div className="text-xs whitespace-nowrap">
      <a href="#articles" className="rounded focus-visible:outline-2 focus-visible:outline-blue-600" title="Changed after first fetched: see the Articles table">
        <Badge tone="warning">{n} revised</Badge>
      </a>
    </div>
  );
}

function RowHeader({ r }: { r: MatrixRow }) {
  const nested = r.parentKey !== null;
  return (
    <th scope="row" className={nested ? "min-w-44 py-2.5 pr-3 pl-8 text-left font-normal" : "min-w-44 px-3 py-2.5 text-left font-normal"}>
      <div className="flex items-baseline gap-1.5 font-semibold text-neutral-900">
        {nested ? (
          <span aria-hidden="true" className="-ml-5 w-4 text-neutral-400">
            ↳
          </span>
        ) : null}
        {r.outlet.name}
      </div>
      <div className="mt-1 flex flex-wrap gap-1">
        <OutletKindBadge kind={r.outlet.kind} />
        {r.languages.map((l) => (
          <LanguageBadge key={l} code={l} className="self-center" />
        ))}
        {r.copyOf ? <CopyBadge of={r.copyOf.outletName} /> : r.declared ? <CopyBadge of={r.declared.name} /> : null}
      </div>
      {r.kind === "copy" && r.copyOf ? (
        <p className="mt-1 max-w-72 text-xs text-amber-900">
          Republishes {r.copyOf.outletName}
          {r.copyOf.inSelection ? "" : " (not in this selection)"} ({r.copyOf.via.map((v) => (v === "detected" ? "same text detected" : "declared by the article")).join("; ")}):
          not independent confirmation.
        </p>
      ) : null}
      {r.kind === "declared" && r.declared ? (
        <p className="mt-1 max-w-72 text-xs text-amber-900">
          Declares original source:{" "}
          {r.declared.url ? (
            <a href={r.declared.url} rel="noreferrer noopener" className="font-medium underline decoration-amber-400 hover:decoration-amber-900">
              {r.declared.name}
            </a>
          ) : (
            <span className="font-medium">{r.declared.name}</span>
          )}{" "}
          (not in this corpus). Counted as one independent source: {r.declared.name}’s report.
        </p>
      ) : null}
      {r.republishedBy.length > 0 ? (
        <p className="mt-1 max-w-72 text-xs text-neutral-600">
          Republished by {names(r.republishedBy)}: {r.republishedBy.length === 1 ? "that copy is" : "those copies are"} not independent
          confirmation of this report.
        </p>
      ) : null}
    </th>
  );
}

/**
 * The comparison: a row per outlet's own reporting, each followed by the rows of the outlets
 * that republish it (indented), then rows that stand for an original outside the corpus.
 * Figure cells are buttons whose popover loads the evidence sentence.
 */
export function ComparisonTable({
  rows: shown,
  total = shown.length,
  limit = shown.length,
  hiddenOutlets = 0,
  all = false,
}: {
  /** The rows sent: all of them, or the first `limit` (the server cuts them, see ComparisonMatrix). */
  rows: MatrixRow[];
  total?: number;
  limit?: number;
  /** Outlets of the rows after `limit`. */
  hiddenOutlets?: number;
  all?: boolean;
}) {
  const tableId = `${useId().replace(/:/g, "")}-rows`;
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">Comparison by outlet</caption>
          <thead className="bg-neutral-50">
            <tr className="border-b border-neutral-200 text-xs tracking-wide text-neutral-600 uppercase">
              <th scope="col" className="cell text-left font-semibold">Outlet</th>
              <th scope="col" className="cell text-left font-semibold">Killed</th>
              <th scope="col" className="cell text-left font-semibold">Wounded</th>
              <th scope="col" className="cell text-left font-semibold">Other figures</th>
              <th scope="col" className="cell text-right font-semibold">Statements</th>
              <th scope="col" className="cell text-right font-semibold">Articles</th>
            </tr>
          </thead>
          <tbody id={tableId}>
            {shown.map((r) => {
              const multi = r.articleCount > 1;
              const total = r.statements.direct + r.statements.reported;
              const copyRow = r.kind !== "own";
              const rowLanguage = r.languages.length === 1 ? r.languages[0]! : null;
              return (
                <tr
                  key={r.key}
                  data-row-kind={r.kind}
                  className={copyRow ? "border-b border-neutral-100 bg-amber-50/40 align-top" : "border-b border-neutral-100 align-top"}
                >
                  <RowHeader r={r} />
                  <td className="cell min-w-40">
                    <FigureCell claims={r.killed} multiArticle={multi} label="killed" rowLanguage={rowLanguage} />
                  </td>
                  <td className="cell min-w-40">
                    <FigureCell claims={r.wounded} multiArticle={multi} label="wounded" rowLanguage={rowLanguage} />
                  </td>
                  <td className="cell min-w-40">
                    <FigureCell claims={r.other} multiArticle={multi} showKind label="other" rowLanguage={rowLanguage} />
                  </td>
                  <td className="cell text-right">
                    <div className="font-medium">{formatNumber(total)}</div>
                    {total > 0 ? (
                      <div className="text-xs text-neutral-500">
                        {r.statements.direct} direct · {r.statements.reported} reported
                      </div>
                    ) : null}
                  </td>
                  <td className="cell text-right">
                    <div className="font-medium">{formatNumber(r.articleCount)}</div>
                    <RevisedCount n={r.revised} />
                    {r.copies > 0 && r.kind === "own" ? (
                      <div className="text-xs whitespace-nowrap">
                        <Badge tone="warning">
                          {r.copies} {r.copies === 1 ? "copy" : "copies"}
                        </Badge>
                      </div>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {limit < total ? (
        // The other rows come from the server (`?rows=all`), so the choice is also shareable.
        <ShowAllToggle
          param="rows"
          all={all}
          controls={tableId}
          label={all ? `Show the first ${limit} rows only` : `Show all ${total} rows (${hiddenOutlets} more ${hiddenOutlets === 1 ? "outlet" : "outlets"})`}
        />
      ) : null}
    </div>
  );
}
