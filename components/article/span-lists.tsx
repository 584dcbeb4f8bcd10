import type { ClaimItem, StatementItem } from "@/lib/schemas/dto";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatFigure, KIND_LABEL, QUALIFIER_LABEL } from "@/components/format";
import { EvidenceSentence } from "@/components/event/evidence";

export function ClaimList({ claims }: { claims: ClaimItem[] }) {
  if (claims.length === 0) return <EmptyState title="No casualty figures found" description="The extractor found no killed, wounded, missing, captured or displaced figures in this text." />;
  return (
    <ol className="space-y-3">
      {claims.map((c) => (
        <li key={c.id} id={`claim-${c.id}-details`} className="rounded-md border border-neutral-200 bg-white p-3">
          <div className="flex flex-wrap items-baseline gap-2">
            <span className="text-xs font-medium text-neutral-500 uppercase">{KIND_LABEL[c.kind]}</span>
            <span className="text-lg font-semibold text-neutral-950 tabular-nums">{formatFigure(c)}</span>
            {c.victimGroup ? <span className="text-sm text-neutral-700">{c.victimGroup}</span> : null}
            {c.isHeadline ? <Badge tone="accent">headline</Badge> : null}
            {c.isContext ? <Badge tone="muted">context</Badge> : null}
          </div>
          <p className="mt-0.5 text-xs text-neutral-600">
            {QUALIFIER_LABEL[c.qualifier]} (“{c.phrase}”) · {c.authority ? `per ${c.authority}` : "not attributed"}
          </p>
          <blockquote className="mt-2 border-l-2 border-amber-300 pl-2.5 text-sm text-neutral-700">
            <EvidenceSentence claim={c} />
          </blockquote>
          <a href={`#claim-${c.id}`} className="mt-1 inline-block text-xs text-blue-800 underline">
            Show in text
          </a>
        </li>
      ))}
    </ol>
  );
}

export function StatementList({ statements }: { statements: StatementItem[] }) {
  if (statements.length === 0) return <EmptyState title="No statements found" description="The extractor found no quoted or reported speech in this text." />;
  return (
    <ol className="space-y-3">
      {statements.map((s) => (
        <li key={s.id} id={`statement-${s.id}-details`} className="rounded-md border border-neutral-200 bg-white p-3">
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-sm font-semibold text-neutral-900">{s.speaker ?? s.speakerMention ?? "Unknown speaker"}</span>
            {s.speaker && s.speakerMention && s.speaker.toLowerCase() !== s.speakerMention.toLowerCase() ? (
              <span className="text-xs text-neutral-500">(as “{s.speakerMention}”)</span>
            ) : null}
            {s.affiliation ? <span className="text-xs text-neutral-600">{s.affiliation}</span> : null}
            <Badge tone={s.direct ? "accent" : "muted"}>{s.direct ? "direct quote" : "reported speech"}</Badge>
          </div>
          <blockquote className={s.direct ? "mt-1.5 text-sm text-neutral-900" : "mt-1.5 text-sm text-neutral-700 italic"}>
            {s.direct ? <>“{s.text}”</> : s.text}
          </blockquote>
          <p className="mt-1 text-xs text-neutral-600">
            {s.cue ? <>cue “{s.cue}”</> : null}
            {s.channel ? <> · via {s.channel}</> : null}
            {" · "}
            <a href={`#statement-${s.id}`} className="text-blue-800 underline">
              Show in text
            </a>
          </p>
        </li>
      ))}
    </ol>
  );
}
