"use client";

import type { ClaimItem } from "@/lib/schemas/dto";
import { Popover } from "@/components/ui/popover";
import { cn } from "@/components/ui/cn";
import { formatFigure, KIND_LABEL } from "@/components/format";
import { ClaimEvidence, type ArticleInfo } from "./evidence";

/** Shorten "the Syrian Observatory for Human Rights" to "Syrian Observatory for Human Rights". */
function authorityLabel(a: string): string {
  return a.replace(/^the\s+/i, "");
}

/**
 * One reported figure: the bounded number, victim group and attribution. Hover or focus shows
 * the evidence sentence (also its accessible description) with a link to the article.
 */
export function FigureButton({
  claim,
  article,
  showKind,
  showDate,
  compact,
}: {
  claim: ClaimItem;
  article?: ArticleInfo;
  showKind?: boolean;
  showDate?: string | null;
  compact?: boolean;
}) {
  return (
    <Popover
      label={`Evidence for ${KIND_LABEL[claim.kind].toLowerCase()} ${formatFigure(claim)}`}
      trigger={(p) => (
        <button
          type="button"
          {...p}
          className={cn(
            "group/fig flex w-full max-w-64 flex-col items-start rounded-md border px-2 py-1 text-left transition-colors",
            "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600",
            claim.isHeadline ? "border-neutral-300 bg-white hover:border-blue-400 hover:bg-blue-50/50" : "border-transparent hover:border-neutral-300 hover:bg-neutral-50",
            compact && "py-0.5",
          )}
        >
          <span className="flex items-baseline gap-1.5">
            {showKind ? <span className="text-xs text-neutral-500">{KIND_LABEL[claim.kind]}</span> : null}
            <span className={cn("font-semibold text-neutral-950 tabular-nums", claim.isHeadline ? "text-base" : "text-sm")}>
              {formatFigure(claim)}
            </span>
            {claim.victimGroup ? <span className="text-xs text-neutral-700">{claim.victimGroup}</span> : null}
          </span>
          {claim.authority || showDate ? (
            <span className="text-xs leading-snug text-neutral-500">
              {claim.authority ? <>per {authorityLabel(claim.authority)}</> : null}
              {claim.authority && showDate ? " · " : null}
              {showDate ?? null}
            </span>
          ) : null}
        </button>
      )}
    >
      <ClaimEvidence claim={claim} article={article} />
    </Popover>
  );
}
