"use client";

import { formatNumber } from "@/components/format";
import type { FigureClaim } from "./evidence";
import { LazyDetails } from "./comparison-table";
import { FigureButton } from "./figure-button";

/** One figure an authority gave: its earliest report (the evidence shown) and every outlet relaying it. */
export interface AuthorityFigureItem {
  key: string;
  claim: FigureClaim;
  outlets: { key: string; name: string; copy: boolean }[];
}

/** Figures shown per cell before "+N other figures"; outlets named per figure before "and N more". */
const SHOWN_FIGURES = 4;
const SHOWN_OUTLETS = 8;

function Relayed({ outlets }: { outlets: AuthorityFigureItem["outlets"] }) {
  const shown = outlets.slice(0, SHOWN_OUTLETS);
  const rest = outlets.length - shown.length;
  return (
    <p className="mt-0.5 pl-2 text-xs leading-snug text-neutral-600">
      <span className="text-neutral-500">relayed by </span>
      {shown.map((o, i) => (
        <span key={o.key}>
          {i > 0 ? ", " : null}
          <span className="text-neutral-800">{o.name}</span>
          {o.copy ? <span className="text-amber-800"> (copy)</span> : null}
        </span>
      ))}
      {rest > 0 ? <> and {formatNumber(rest)} more</> : null}
    </p>
  );
}

function Item({ f, showKind }: { f: AuthorityFigureItem; showKind?: boolean }) {
  return (
    <li>
      <FigureButton claim={f.claim} showKind={showKind} hideAttribution />
      <Relayed outlets={f.outlets} />
    </li>
  );
}

/** An authority's figures of one kind, most relayed first; the rest are rendered when opened. */
export function AuthorityFigureList({ figures, showKind }: { figures: AuthorityFigureItem[]; showKind?: boolean }) {
  if (figures.length === 0) return <span className="text-neutral-500">—</span>;
  const more = figures.slice(SHOWN_FIGURES);
  return (
    <div className="flex flex-col gap-2">
      <ul className="flex flex-col gap-2">
        {figures.slice(0, SHOWN_FIGURES).map((f) => (
          <Item key={f.key} f={f} showKind={showKind} />
        ))}
      </ul>
      {more.length > 0 ? (
        <LazyDetails summary={`+${more.length} other ${more.length === 1 ? "figure" : "figures"}`}>
          {() => (
            <ul className="mt-2 flex flex-col gap-2">
              {more.map((f) => (
                <Item key={f.key} f={f} showKind={showKind} />
              ))}
            </ul>
          )}
        </LazyDetails>
      ) : null}
    </div>
  );
}
