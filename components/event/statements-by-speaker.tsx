import Link from "next/link";
import type { OutletRef, SpeakerGroup } from "@/lib/schemas/dto";
import { EmptyState } from "@/components/ui/empty-state";
import type { ArticleInfo } from "./evidence";
import { MoreQuotes } from "./more-quotes";
import { ShowAllToggle } from "./show-all-toggle";
import { SECTION_LIMITS, SHOWN_PER_OUTLET } from "./section-limits";
import { StatementQuote, toQuote } from "./statement-quote";

const { speakers: SHOWN_SPEAKERS, speakerOutlets: SHOWN_OUTLETS, minorOutlets: MINOR_OUTLETS, namedOutlets: NAMED_OUTLETS } = SECTION_LIMITS;

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
  const perOutlet = minor ? SECTION_LIMITS.minorPerOutlet : SHOWN_PER_OUTLET;
  // The lists may be cut to what is shown (`sizes` counts them whole).
  const size = (k: string) => group.sizes?.[k] ?? group.byOutlet[k]?.length ?? 0;
  const total = all.reduce((n, k) => n + size(k), 0);
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
              {size(k) > perOutlet && minor && list[perOutlet] ? (
                <Link
                  href={`/articles/${encodeURIComponent(list[perOutlet].articleId)}#statement-${list[perOutlet].id}`}
                  className="link mt-2 block text-xs"
                >
                  {size(k) - perOutlet} more from {outlets.get(k)?.name ?? k}
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
  total = groups.length,
  outlets,
  articles,
  mixed,
  all = false,
}: {
  /** The first speakers, or every one (`all`). */
  groups: SpeakerGroup[];
  /** Speakers in all. */
  total?: number;
  outlets: OutletRef[];
  articles: Record<string, ArticleInfo>;
  /** The event's articles are in several languages: quotes show theirs. */
  mixed: boolean;
  /** Every speaker (`?speakers=all`); else the first few, and a button that asks for the rest. */
  all?: boolean;
}) {
  if (total === 0) {
    return <EmptyState title="No attributed statements" description="No article in this selection quotes a speaker the extractor could identify." />;
  }
  const byKey = new Map(outlets.map((o) => [o.key, o]));
  const shown = groups.slice(0, SHOWN_SPEAKERS);
  const rest = groups.slice(SHOWN_SPEAKERS);
  const more = total - shown.length;
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
      {more > 0 ? (
        <ShowAllToggle
          param="speakers"
          all={all}
          controls="more-speakers"
          label={all ? `Show the first ${SHOWN_SPEAKERS} speakers only` : `Show ${more} more ${more === 1 ? "speaker" : "speakers"}`}
        />
      ) : null}
    </div>
  );
}
