import type { ArticleRevisionItem, RevisionChanges, RevisionFigure } from "@/lib/revisions/types";
import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";

function figure(f: RevisionFigure | null): string {
  if (!f) return "none";
  const n = (v: number | null) => (v === null ? "?" : v.toLocaleString("en-US"));
  switch (f.qualifier) {
    case "at_least":
      return `≥ ${n(f.min)}`;
    case "at_most":
      return `≤ ${n(f.max)}`;
    case "about":
      return `~${n(f.min ?? f.max)}`;
    case "range":
      return `${n(f.min)}–${n(f.max)}`;
    case "exact":
      return n(f.min ?? f.max);
    default:
      return `${n(f.min)} (${f.phrase})`;
  }
}

/** "revised" (or "revised 3×") for the article header; links to the list of changes. */
export function RevisedBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <a href="#revisions" className="rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
      <Badge tone="warning" title="The article changed after it was first fetched; earlier versions are kept">
        revised{count > 1 ? ` ${count}×` : ""}
      </Badge>
    </a>
  );
}

/** The title, figures and paragraphs one revision changed (old → new). Text is rendered as text. */
export function RevisionChangeList({ changes: c }: { changes: RevisionChanges }) {
  return (
    <ul className="mt-2 space-y-1.5 text-neutral-800">
      {c.title ? (
        <li>
          <span className="text-neutral-500">Title: </span>
          <del className="text-neutral-500">{c.title.from}</del> → <ins className="no-underline">{c.title.to}</ins>
        </li>
      ) : null}
      {c.figures.map((f) => (
        <li key={f.kind}>
          <span className="text-neutral-500 capitalize">{f.kind}: </span>
          <span className="tabular-nums">
            {figure(f.from)} → <strong>{figure(f.to)}</strong>
          </span>
        </li>
      ))}
      {c.text && (c.text.added.length > 0 || c.text.removed.length > 0) ? (
        <li>
          <details>
            <summary className="cursor-pointer rounded text-blue-800 select-none hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
              Paragraphs: {c.text.addedCount} added, {c.text.removedCount} removed ({c.text.wordsBefore} → {c.text.wordsAfter} words)
            </summary>
            <div className="mt-2 space-y-2">
              {c.text.removed.map((p, i) => (
                <p key={`r${i}`} className="rounded bg-red-50 px-2 py-1 text-red-900">
                  <Badge tone="danger" className="mr-1.5">removed</Badge>
                  {p}
                </p>
              ))}
              {c.text.added.map((p, i) => (
                <p key={`a${i}`} className="rounded bg-emerald-50 px-2 py-1 text-emerald-900">
                  <Badge tone="success" className="mr-1.5">added</Badge>
                  {p}
                </p>
              ))}
            </div>
          </details>
        </li>
      ) : null}
    </ul>
  );
}

/** One kept version: when it was fetched and replaced, the one-line summary, then the changes. */
export function RevisionEntry({ revision: r }: { revision: ArticleRevisionItem }) {
  return (
    <>
      <p className="text-neutral-700">
        <span className="font-medium text-neutral-900">Version {r.revision}</span>, fetched <time dateTime={r.fetchedAt}>{formatDateTime(r.fetchedAt)}</time>,
        replaced <time dateTime={r.replacedAt}>{formatDateTime(r.replacedAt)}</time>: {r.changes.summary}
      </p>
      <RevisionChangeList changes={r.changes} />
    </>
  );
}

/**
 * What changed each time the article was re-fetched and found different, newest first: title,
 * casualty figures, paragraphs added and removed. Text is rendered as text.
 */
export function ArticleRevisions({ revisions }: { revisions: ArticleRevisionItem[] }) {
  if (revisions.length === 0) return null;
  return (
    <section id="revisions" aria-labelledby="revisions-heading" className="scroll-mt-4 space-y-3">
      <h2 id="revisions-heading" className="text-base font-semibold text-neutral-900">
        What changed <span className="font-normal text-neutral-600 tabular-nums">({revisions.length} {revisions.length === 1 ? "revision" : "revisions"})</span>
      </h2>
      <ol aria-label="Revisions of this article, newest first" className="space-y-3">
        {revisions.map((r) => (
          <li key={r.revision} className="rounded-lg border border-neutral-200 bg-white p-3 text-sm">
            <RevisionEntry revision={r} />
          </li>
        ))}
      </ol>
    </section>
  );
}
