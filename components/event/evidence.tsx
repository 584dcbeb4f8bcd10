import Link from "next/link";
import type { ArticleInfo, ClaimEvidence as ClaimEvidenceData, ClaimItem, EventClaim } from "@/lib/schemas/dto";
import type { AttributionLink } from "@/lib/provenance/chain";
import type { Qualifier } from "@/lib/extract/types";
import type { RevisionFigure } from "@/lib/revisions/types";
import type { FigureRevision } from "@/components/article/revisions-context";
import { formatDateTime, formatFigure, KIND_LABEL, QUALIFIER_LABEL } from "@/components/format";
import { LanguageBadge } from "./language-badge";

/** What a figure on the event page needs (its evidence sentence is fetched when opened). */
export type FigureClaim = Pick<
  EventClaim,
  "id" | "articleId" | "kind" | "min" | "max" | "qualifier" | "victimGroup" | "authority" | "isContext" | "isHeadline" | "phrase" | "chain"
>;

/** Only the fields a figure shows: what the page sends to the browser for each claim. */
export function toFigureClaim(c: EventClaim): FigureClaim {
  return {
    id: c.id,
    articleId: c.articleId,
    kind: c.kind,
    min: c.min,
    max: c.max,
    qualifier: c.qualifier,
    victimGroup: c.victimGroup,
    authority: c.authority,
    isContext: c.isContext,
    isHeadline: c.isHeadline,
    phrase: c.phrase,
    chain: c.chain,
  };
}

export type { ArticleInfo } from "@/lib/schemas/dto";

/** The evidence sentence with the figure's phrase highlighted. Offsets are relative to the article text. */
export function EvidenceSentence({ claim }: { claim: Pick<ClaimItem, "sentence" | "sentenceStart" | "start" | "end"> }) {
  const { sentence } = claim;
  const a = Math.max(0, Math.min(sentence.length, claim.start - claim.sentenceStart));
  const b = Math.max(a, Math.min(sentence.length, claim.end - claim.sentenceStart));
  return (
    <span>
      {sentence.slice(0, a)}
      <mark className="rounded-sm bg-amber-200 px-0.5 font-semibold text-neutral-950">{sentence.slice(a, b)}</mark>
      {sentence.slice(b)}
    </span>
  );
}

const ROLE_LABEL: Record<AttributionLink["role"], string> = {
  outlet: "outlet",
  original: "original source",
  cited: "cited outlet",
  agency: "agency",
  authority: "authority",
};

function Arrow() {
  return <span className="text-neutral-500">{" → "}</span>;
}

/** "Gulf Observer → Levant Wire → Russian Defence Ministry", each link titled with its role. */
export function AttributionChain({ chain, unattributed = "no authority named", className }: { chain: AttributionLink[]; unattributed?: string; className?: string }) {
  const named = chain[chain.length - 1]?.role === "authority";
  return (
    <span className={className}>
      {chain.map((l, i) => (
        <span key={`${l.role}-${i}`}>
          {i > 0 ? <Arrow /> : null}
          <span title={`${ROLE_LABEL[l.role]}${l.note ? ` (${l.note})` : ""}`}>{l.name}</span>
        </span>
      ))}
      {named ? null : (
        <>
          <Arrow />
          <span className="text-neutral-500 italic">{unattributed}</span>
        </>
      )}
    </span>
  );
}

function revisedFigure(f: RevisionFigure | null): string {
  return f ? formatFigure({ ...f, qualifier: f.qualifier as Qualifier }) : "none";
}

/** "was ≥ 12 → now ≥ 15": how an article's figure changed when it was corrected. */
export function revisionText(claim: FigureClaim, revision: FigureRevision): string {
  return `was ${revision.was.map(revisedFigure).join(" → ")} → now ${formatFigure(claim)}`;
}

/**
 * A claim's evidence popover: the sentence (once loaded) with the phrase marked, the qualifier,
 * victims, attribution chain and a link to the article.
 */
export function ClaimEvidence({
  claim,
  article,
  evidence,
  revision,
}: {
  claim: FigureClaim;
  article?: ArticleInfo;
  /** The article was corrected and this figure changed with it. */
  revision?: FigureRevision | null;
  evidence: { status: "loading" } | { status: "ready"; evidence: ClaimEvidenceData } | { status: "error"; message: string };
}) {
  return (
    <div className="space-y-2">
      <p className="flex items-center gap-1.5 text-xs font-semibold tracking-wide text-neutral-500 uppercase">
        Evidence · {KIND_LABEL[claim.kind]} {formatFigure(claim)}
        <LanguageBadge code={article?.language} />
      </p>
      <blockquote
        lang={article?.language ?? undefined}
        aria-live="polite"
        aria-busy={evidence.status === "loading"}
        className="min-h-12 border-l-2 border-amber-400 pl-2.5 text-sm leading-relaxed text-neutral-800"
      >
        {evidence.status === "ready" ? (
          <EvidenceSentence claim={evidence.evidence} />
        ) : evidence.status === "error" ? (
          <span role="alert" className="text-red-800">
            Could not load the evidence sentence. {evidence.message}
          </span>
        ) : (
          <span className="text-neutral-500">Loading the evidence sentence…</span>
        )}
      </blockquote>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
        <dt className="text-neutral-500">Qualifier</dt>
        <dd className="text-neutral-800">
          {QUALIFIER_LABEL[claim.qualifier]} <span className="text-neutral-500">(“{claim.phrase}”)</span>
        </dd>
        {claim.victimGroup ? (
          <>
            <dt className="text-neutral-500">Victims</dt>
            <dd className="text-neutral-800">{claim.victimGroup}</dd>
          </>
        ) : null}
        <dt className="text-neutral-500">Attribution</dt>
        <dd className="text-neutral-800">
          <AttributionChain chain={claim.chain} />
        </dd>
        {revision ? (
          <>
            <dt className="text-neutral-500">Revised</dt>
            <dd className="text-amber-900">
              <span className="tabular-nums">{revisionText(claim, revision)}</span>{" "}
              <span className="text-neutral-500">
                (the article was corrected; re-fetched <time dateTime={revision.at}>{formatDateTime(revision.at)}</time>)
              </span>
            </dd>
          </>
        ) : null}
        {claim.isContext ? (
          <>
            <dt className="text-neutral-500">Note</dt>
            <dd className="text-neutral-800">context figure (not this event)</dd>
          </>
        ) : null}
      </dl>
      {article ? (
        <Link
          href={`/articles/${encodeURIComponent(article.id)}#claim-${claim.id}`}
          className="block text-xs font-medium text-blue-800 underline decoration-blue-300 hover:decoration-blue-800"
        >
          Open article: {article.title}
          <span className="font-normal text-neutral-600">
            {" "}
            ({article.outletName}
            {article.publishedAt ? `, ${formatDateTime(article.publishedAt)}` : ""})
          </span>
        </Link>
      ) : null}
    </div>
  );
}
