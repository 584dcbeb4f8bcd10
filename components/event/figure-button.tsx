"use client";

import { figureRevision, useArticleRevisions, type FigureRevision } from "@/components/article/revisions-context";
import { Badge } from "@/components/ui/badge";
import { Popover } from "@/components/ui/popover";
import { cn } from "@/components/ui/cn";
import { formatFigure, KIND_LABEL } from "@/components/format";
import { ClaimEvidence, type FigureClaim } from "./evidence";
import { useArticleInfo, useClaimEvidence, useMixedLanguages } from "./evidence-context";
import { LanguageBadge } from "./language-badge";

/** Shorten "the Syrian Observatory for Human Rights" to "Syrian Observatory for Human Rights". */
function authorityLabel(a: string): string {
  return a.replace(/^the\s+/i, "");
}

/** The links between the outlet and the authority ("via Levant Wire"), compact. */
function relays(claim: FigureClaim): string[] {
  return claim.chain.slice(1).filter((l) => l.role !== "authority").map((l) => l.name);
}

function LoadedEvidence({ claim, revision }: { claim: FigureClaim; revision: FigureRevision | null }) {
  const article = useArticleInfo(claim.articleId);
  const evidence = useClaimEvidence(claim.id, true) ?? { status: "loading" as const };
  return <ClaimEvidence claim={claim} article={article} evidence={evidence} revision={revision} />;
}

/**
 * One reported figure: the bounded number, victim group and attribution. Hover, focus or click
 * opens its evidence: the sentence (fetched then, so the page does not carry every sentence up
 * front) with a link to the article.
 */
export function FigureButton({
  claim,
  showKind,
  showDate,
  compact,
  hideAttribution,
  rowLanguage,
}: {
  claim: FigureClaim;
  showKind?: boolean;
  showDate?: string | null;
  compact?: boolean;
  /** Leave the "via … · per …" line out (the authority view says it around the figure). */
  hideAttribution?: boolean;
  /** The one language of the row the figure sits in (its header says it): figures in it need not repeat it. */
  rowLanguage?: string | null;
}) {
  const via = hideAttribution ? [] : relays(claim);
  const authority = !hideAttribution && claim.chain[claim.chain.length - 1]?.role === "authority" ? claim.authority : null;
  const hasLine = Boolean(authority || via.length || showDate);
  // Events reported in several languages: each figure says which one its evidence sentence is in,
  // unless its row's header already names that one language.
  const mixed = useMixedLanguages();
  const language = useArticleInfo(claim.articleId)?.language;
  const showLanguage = mixed && !(rowLanguage && language === rowLanguage);
  // Revisions record each article's headline figures: a corrected one is marked here, its old value in the popover.
  const revisions = useArticleRevisions(claim.articleId);
  const revision = claim.isHeadline && !claim.isContext ? figureRevision(revisions, claim.kind) : null;
  return (
    <Popover
      label={`Evidence for ${KIND_LABEL[claim.kind].toLowerCase()} ${formatFigure(claim)}`}
      trigger={(p) => (
        <button
          type="button"
          {...p}
          // Styles in app/globals.css (`.fig`): a large event's page has hundreds of figures.
          className={cn("fig", claim.isHeadline ? "fig-head" : "fig-more", compact && "py-0.5")}
        >
          <span className="fig-top">
            {showKind ? <span className="fig-kind">{KIND_LABEL[claim.kind]}</span> : null}
            <span className={claim.isHeadline ? "fig-n" : "fig-n fig-n-sm"}>{formatFigure(claim)}</span>
            {claim.victimGroup ? <span className="fig-group">{claim.victimGroup}</span> : null}
            {showLanguage ? <LanguageBadge code={language} className="self-center" /> : null}
            {revision ? <Badge tone="warning">revised</Badge> : null}
          </span>
          {hasLine ? (
            <span className="fig-line">
              {[via.length ? `via ${via.join(" → ")}` : null, authority ? `per ${authorityLabel(authority)}` : null, showDate ?? null].filter(Boolean).join(" · ")}
            </span>
          ) : null}
        </button>
      )}
    >
      {(open) => (open ? <LoadedEvidence claim={claim} revision={revision} /> : null)}
    </Popover>
  );
}
