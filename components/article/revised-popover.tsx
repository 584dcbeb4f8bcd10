"use client";

import type { ArticleRevisionItem } from "@/lib/revisions/types";
import { Badge } from "@/components/ui/badge";
import { Popover } from "@/components/ui/popover";
import { RevisionEntry } from "./article-revisions";
import { useArticleRevisions } from "./revisions-context";

/**
 * "revised" (or "revised 2×") as a button: hover, focus or click shows what each re-fetch
 * changed (title, figures old → new, paragraphs, when), as the article page lists it.
 */
export function RevisedPopover({ revisions, subject }: { revisions: ArticleRevisionItem[]; subject: string }) {
  if (revisions.length === 0) return null;
  const n = revisions.length;
  return (
    <Popover
      label={`What changed in “${subject}”`}
      width={420}
      trigger={(p) => (
        <button
          type="button"
          {...p}
          aria-label={`revised${n > 1 ? ` ${n} times` : ""}: what changed in “${subject}”`}
          className="rounded focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600"
        >
          <Badge tone="warning">revised{n > 1 ? ` ${n}×` : ""}</Badge>
        </button>
      )}
    >
      {(open) =>
        open ? (
          <div className="space-y-2">
            <p className="text-xs font-semibold tracking-wide text-neutral-500 uppercase">Changed after it was first fetched</p>
            <ol aria-label="Revisions, newest first" className="max-h-96 space-y-3 overflow-y-auto">
              {revisions.map((r) => (
                <li key={r.revision} className="text-sm">
                  <RevisionEntry revision={r} />
                </li>
              ))}
            </ol>
          </div>
        ) : null
      }
    </Popover>
  );
}

/** The mark for one article of the page's revisions (nothing when it was never revised). */
export function ArticleRevisedMark({ articleId, subject }: { articleId: string; subject: string }) {
  return <RevisedPopover revisions={useArticleRevisions(articleId)} subject={subject} />;
}
