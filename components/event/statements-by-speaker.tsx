import Link from "next/link";
import type { OutletRef, SpeakerGroup } from "@/lib/schemas/dto";
import { EmptyState } from "@/components/ui/empty-state";
import type { ArticleInfo } from "./evidence";
import { languagesOf } from "./language-badge";
import { MoreQuotes } from "./more-quotes";
import { ShowAllToggle } from "./show-all-toggle";
import { StatementQuote, toQuote } from "./statement-quote";

const SHOWN_SPEAKERS = 5;
const SHOWN_PER_OUTLET = 2;
/**
 * Outlets shown side by side per speaker; the others are named with a link to their quote. A
 * speaker quoted by hundreds of outlets would otherwise fill megabytes of page.
 */
const SHOWN_OUTLETS = 6;
const MINOR_OUTLETS = 2;
const NAMED_OUTLETS = 12;

function SpeakerBlock({
  group,
  outlets,
  articles,
  minor,
  mixed,
}: {
  group: SpeakerGroup;
  outlets: Map<string, OutletRef>;
  articles: Record<string, ArticleInfo>;
  /** A speaker beyond the first few: fewer outlets side by side, one quote each. */
  minor?: boolean;
  /** The event's articles are in several languages. */
  mixed: boolean;
}) {
  const all = Object.keys(group.byOutlet);
  const keys = all.slice(0, minor ? MINOR_OUTLETS : SHOWN_OUTLETS);
  const rest = all.slice(keys.length);
  const perOutlet = minor ? 1 : SHOWN_PER_OUTLET;
  const total = all.reduce((n, k) => n + (group.byOutlet[k]?.length ?? 0), 0);
  return (
    <section aria-labelledby={`speaker-${slug(group.speaker)}`} className="border-t border-neutral-200 pt-4 first:border-t-0 first:pt-0">
      <h3 id={`speaker-${slug(group.speaker)}`} className="flex items-baseline gap-2 text-sm font-semibold text-neutral-900">
        {group.speaker}
        <span className="text-xs font-normal text-neutral-500">
          {total} {total === 1 ? "statement" : "statements"} in {all.length} {all.length === 1 ? "outlet" : "outlets"}
        </span>
      </h3>
      <div className="mt-2 grid gap-3 [grid-template-columns:repeat(auto-fill,minmax(17rem,1fr))]">
        {keys.map((k) => {
          const list = group.byOutlet[k] ?? [];
          return (
            <div key={k} className="rounded-md bg-neutral-50 p-2">
              <h4 className="mb-1.5 text-xs font-semibold tracking-wide text-neutral-600 uppercase">{outlets.get(k)?.name ?? k}</h4>
              <ul className="space-y-2">
                {list.slice(0, perOutlet).map((s) => (
                  <li key={s.id}>
                    <StatementQuote s={s} article={articles[s.articleId]} showLanguage={mixed} />
                  </li>
                ))}
              </ul>
              {list.length > perOutlet && minor ? (
                <Link
                  href={`/articles/${encodeURIComponent(list[perOutlet]!.articleId)}#statement-${list[perOutlet]!.id}`}
                  className="link mt-2 block text-xs"
                >
                  {list.length - perOutlet} more from {outlets.get(k)?.name ?? k}
                </Link>
              ) : list.length > perOutlet ? (
                <MoreQuotes
                  summary={`${list.length - perOutlet} more from ${outlets.get(k)?.name ?? k}`}
                  quotes={list.slice(perOutlet).map((s) => ({ s: toQuote(s), article: articles[s.articleId] }))}
                  showLanguage={mixed}
                />
              ) : null}
            </div>
          );
        })}
      </div>
      {rest.length > 0 ? (
        <p className="mt-2 text-xs text-neutral-600">
          Also quoted by {rest.length} more {rest.length === 1 ? "outlet" : "outlets"}:{" "}
          {rest.slice(0, NAMED_OUTLETS).map((k, i) => {
            const first = group.byOutlet[k]?.[0];
            const name = outlets.get(k)?.name ?? k;
            return (
              <span key={k}>
                {i > 0 ? ", " : null}
                {first ? (
                  <Link href={`/articles/${encodeURIComponent(first.articleId)}#statement-${first.id}`} className="link">
                    {name}
                  </Link>
                ) : (
                  name
                )}
              </span>
            );
          })}
          {rest.length > NAMED_OUTLETS ? ` and ${rest.length - NAMED_OUTLETS} more (filter by outlet to compare them)` : null}.
        </p>
      ) : null}
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
  all = false,
}: {
  groups: SpeakerGroup[];
  outlets: OutletRef[];
  articles: Record<string, ArticleInfo>;
  /** Every speaker (`?speakers=all`); else the first few, and a button that asks for the rest. */
  all?: boolean;
}) {
  if (groups.length === 0) {
    return <EmptyState title="No attributed statements" description="No article in this selection quotes a speaker the extractor could identify." />;
  }
  const byKey = new Map(outlets.map((o) => [o.key, o]));
  const mixed = languagesOf(Object.values(articles)).length > 1;
  const shown = groups.slice(0, SHOWN_SPEAKERS);
  const rest = groups.slice(SHOWN_SPEAKERS);
  return (
    <div className="space-y-4">
      {shown.map((g) => (
        <SpeakerBlock key={g.speaker} group={g} outlets={byKey} articles={articles} mixed={mixed} />
      ))}
      {all && rest.length > 0 ? (
        <div id="more-speakers" className="space-y-4 border-t border-neutral-200 pt-3">
          {rest.map((g) => (
            <SpeakerBlock key={g.speaker} group={g} outlets={byKey} articles={articles} mixed={mixed} minor />
          ))}
        </div>
      ) : null}
      {rest.length > 0 ? (
        <ShowAllToggle
          param="speakers"
          all={all}
          controls="more-speakers"
          label={all ? `Show the first ${SHOWN_SPEAKERS} speakers only` : `Show ${rest.length} more ${rest.length === 1 ? "speaker" : "speakers"}`}
        />
      ) : null}
    </div>
  );
}
