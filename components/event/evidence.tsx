import Link from "next/link";
import type { ClaimItem } from "@/lib/schemas/dto";
import { formatDateTime, formatFigure, KIND_LABEL, QUALIFIER_LABEL } from "@/components/format";

export interface ArticleInfo {
  id: string;
  title: string;
  outletName: string;
  publishedAt: string | null;
}

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

export function ClaimEvidence({ claim, article }: { claim: ClaimItem; article?: ArticleInfo }) {
  return (
    <div className="space-y-2">
      <p className="text-xs font-semibold tracking-wide text-neutral-500 uppercase">
        Evidence · {KIND_LABEL[claim.kind]} {formatFigure(claim)}
      </p>
      <blockquote className="border-l-2 border-amber-400 pl-2.5 text-sm leading-relaxed text-neutral-800">
        <EvidenceSentence claim={claim} />
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
        <dt className="text-neutral-500">Attributed to</dt>
        <dd className="text-neutral-800">{claim.authority ?? "not attributed (outlet's own figure)"}</dd>
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
