import Link from "next/link";
import type { OutletRef, SpeakerGroup, StatementItem } from "@/lib/schemas/dto";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDay } from "@/components/format";
import type { ArticleInfo } from "./evidence";

const SHOWN_SPEAKERS = 5;
const SHOWN_PER_OUTLET = 2;

export function StatementQuote({ s, article }: { s: StatementItem; article?: ArticleInfo }) {
  return (
    <figure className="m-0 rounded-md border border-neutral-200 bg-white p-2.5">
      <blockquote className={s.direct ? "text-sm leading-relaxed text-neutral-900" : "text-sm leading-relaxed text-neutral-700 italic"}>
        {s.direct ? <>“{s.text}”</> : s.text}
      </blockquote>
      <figcaption className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs text-neutral-600">
        <Badge tone={s.direct ? "accent" : "muted"}>{s.direct ? "direct quote" : "reported speech"}</Badge>
        {s.cue ? <span>cue: <em>{s.cue}</em></span> : null}
        {s.speakerMention && s.speaker && s.speakerMention.toLowerCase() !== s.speaker.toLowerCase() ? (
          <span>as “{s.speakerMention}”</span>
        ) : null}
        {s.affiliation ? <span>· {s.affiliation}</span> : null}
        {s.channel ? <span className="font-medium text-neutral-700">via {s.channel}</span> : null}
        {article ? (
          <Link href={`/articles/${encodeURIComponent(article.id)}#statement-${s.id}`} className="ml-auto text-blue-800 underline decoration-blue-300 hover:decoration-blue-800">
            {article.publishedAt ? formatDay(article.publishedAt) : "article"}
            <span className="sr-only">: open the article “{article.title}”</span>
          </Link>
        ) : null}
      </figcaption>
    </figure>
  );
}

function SpeakerBlock({ group, outlets, articles }: { group: SpeakerGroup; outlets: Map<string, OutletRef>; articles: Record<string, ArticleInfo> }) {
  const keys = Object.keys(group.byOutlet);
  const total = keys.reduce((n, k) => n + (group.byOutlet[k]?.length ?? 0), 0);
  return (
    <section aria-labelledby={`speaker-${slug(group.speaker)}`} className="border-t border-neutral-200 pt-4 first:border-t-0 first:pt-0">
      <h3 id={`speaker-${slug(group.speaker)}`} className="flex items-baseline gap-2 text-sm font-semibold text-neutral-900">
        {group.speaker}
        <span className="text-xs font-normal text-neutral-500">
          {total} {total === 1 ? "statement" : "statements"} in {keys.length} {keys.length === 1 ? "outlet" : "outlets"}
        </span>
      </h3>
      <div className="mt-2 grid gap-3 [grid-template-columns:repeat(auto-fill,minmax(17rem,1fr))]">
        {keys.map((k) => {
          const list = group.byOutlet[k] ?? [];
          return (
            <div key={k} className="rounded-md bg-neutral-50 p-2">
              <h4 className="mb-1.5 text-xs font-semibold tracking-wide text-neutral-600 uppercase">{outlets.get(k)?.name ?? k}</h4>
              <ul className="space-y-2">
                {list.slice(0, SHOWN_PER_OUTLET).map((s) => (
                  <li key={s.id}>
                    <StatementQuote s={s} article={articles[s.articleId]} />
                  </li>
                ))}
              </ul>
              {list.length > SHOWN_PER_OUTLET ? (
                <details className="mt-2 text-xs">
                  <summary className="cursor-pointer text-neutral-600 hover:text-neutral-900">
                    {list.length - SHOWN_PER_OUTLET} more from {outlets.get(k)?.name ?? k}
                  </summary>
                  <ul className="mt-2 space-y-2">
                    {list.slice(SHOWN_PER_OUTLET).map((s) => (
                      <li key={s.id}>
                        <StatementQuote s={s} article={articles[s.articleId]} />
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "unknown";
}

/** Statements grouped by speaker, each outlet's version side by side. */
export function StatementsBySpeaker({
  groups,
  outlets,
  articles,
}: {
  groups: SpeakerGroup[];
  outlets: OutletRef[];
  articles: Record<string, ArticleInfo>;
}) {
  if (groups.length === 0) {
    return <EmptyState title="No attributed statements" description="No article in this selection quotes a speaker the extractor could identify." />;
  }
  const byKey = new Map(outlets.map((o) => [o.key, o]));
  const shown = groups.slice(0, SHOWN_SPEAKERS);
  const rest = groups.slice(SHOWN_SPEAKERS);
  return (
    <div className="space-y-4">
      {shown.map((g) => (
        <SpeakerBlock key={g.speaker} group={g} outlets={byKey} articles={articles} />
      ))}
      {rest.length > 0 ? (
        <details className="border-t border-neutral-200 pt-3">
          <summary className="cursor-pointer text-sm font-medium text-blue-800 hover:underline">
            Show {rest.length} more {rest.length === 1 ? "speaker" : "speakers"}
          </summary>
          <div className="mt-4 space-y-4">
            {rest.map((g) => (
              <SpeakerBlock key={g.speaker} group={g} outlets={byKey} articles={articles} />
            ))}
          </div>
        </details>
      ) : null}
    </div>
  );
}
