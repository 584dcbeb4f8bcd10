import Link from "next/link";
import type { EventStatement } from "@/lib/schemas/dto";
import { Badge } from "@/components/ui/badge";
import { formatDay } from "@/components/format";
import { AttributionChain, type ArticleInfo } from "./evidence";
import { LanguageBadge } from "./language-badge";

/** What a quote shows of a statement (a closed "more" disclosure sends only this to the browser). */
export type QuoteStatement = Pick<EventStatement, "id" | "text" | "direct" | "cue" | "speaker" | "speakerMention" | "affiliation" | "channel" | "chain">;

/** The fields of `s` a quote shows. */
export function toQuote(s: EventStatement): QuoteStatement {
  return { id: s.id, text: s.text, direct: s.direct, cue: s.cue, speaker: s.speaker, speakerMention: s.speakerMention, affiliation: s.affiliation, channel: s.channel, chain: s.chain };
}

/** One outlet's statement; `showLanguage` marks its language (events reported in several). */
export function StatementQuote({ s, article, showLanguage = false }: { s: QuoteStatement; article?: ArticleInfo; showLanguage?: boolean }) {
  // outlet → original / cited outlet → speaker: shown when something stands between outlet and speaker.
  const relayed = s.chain.length > 2 || (s.chain.length === 2 && s.chain[1]!.role !== "authority");
  return (
    <figure className="quote">
      <blockquote lang={article?.language ?? undefined} className={s.direct ? "quote-text" : "quote-reported"}>
        {s.direct ? <>“{s.text}”</> : s.text}
      </blockquote>
      <figcaption className="quote-caption">
        <Badge tone={s.direct ? "accent" : "muted"}>{s.direct ? "direct quote" : "reported speech"}</Badge>
        {showLanguage ? <LanguageBadge code={article?.language} /> : null}
        {s.cue ? <span>cue: <em>{s.cue}</em></span> : null}
        {s.speakerMention && s.speaker && s.speakerMention.toLowerCase() !== s.speaker.toLowerCase() ? (
          <span>as “{s.speakerMention}”</span>
        ) : null}
        {s.affiliation ? <span>· {s.affiliation}</span> : null}
        {s.channel && !relayed ? <span className="font-medium text-neutral-700">via {s.channel}</span> : null}
        {relayed ? <AttributionChain chain={s.chain} className="basis-full font-medium text-neutral-700" /> : null}
        {article ? (
          <Link href={`/articles/${encodeURIComponent(article.id)}#statement-${s.id}`} className="link ml-auto">
            {article.publishedAt ? formatDay(article.publishedAt) : "article"}
            <span className="sr-only">: open the article “{article.title}”</span>
          </Link>
        ) : null}
      </figcaption>
    </figure>
  );
}
