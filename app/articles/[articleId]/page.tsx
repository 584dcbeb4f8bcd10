import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getArticle } from "@/lib/queries";
import { getArticleRevisions } from "@/lib/revisions/queries";
import { ArticleText } from "@/components/article/article-text";
import { ArticleRevisions, RevisedBadge } from "@/components/article/article-revisions";
import { ClaimList, StatementList } from "@/components/article/span-lists";
import { CopyBadge } from "@/components/data-table/cells/copy-badge";
import { OutletBadge } from "@/components/data-table/cells/outlet-badge";
import { formatDateTime, languageName } from "@/components/format";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PREPARING_METADATA, whilePreparing } from "@/app/preparing";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ articleId: string }> };

const loadArticle = cache((id: string) => getArticle(id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (await whilePreparing()) return PREPARING_METADATA;
  const { articleId } = await params;
  const a = await loadArticle(articleId);
  return { title: a ? a.title : "Article not found" };
}

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="w-32 shrink-0 text-neutral-600">{label}</dt>
      <dd className="min-w-0 text-neutral-900">{children}</dd>
    </div>
  );
}

export default async function ArticlePage({ params }: Props) {
  const preparing = await whilePreparing();
  if (preparing) return preparing;
  const { articleId } = await params;
  const a = await loadArticle(articleId);
  if (!a) notFound();
  // Revisions: earlier versions kept when a re-fetch found the article changed (lib/revisions).
  const revisions = await getArticleRevisions(a.id);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-neutral-600">
        <Link href="/articles" className="underline decoration-neutral-300 hover:decoration-neutral-700">
          Articles
        </Link>
        {a.eventId ? (
          <>
            <span aria-hidden="true"> / </span>
            <Link href={`/events/${encodeURIComponent(a.eventId)}`} className="underline decoration-neutral-300 hover:decoration-neutral-700">
              {a.eventTitle ?? "Event"}
            </Link>
          </>
        ) : null}
      </nav>

      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <OutletBadge outlet={a.outlet} />
          {a.syndicatedFrom ? <CopyBadge of={a.syndicatedFrom.outletName} /> : a.originalSourceName ? <CopyBadge of={a.originalSourceName} /> : null}
          <RevisedBadge count={revisions.length} />
        </div>
        <h1 className="max-w-4xl text-2xl font-semibold text-neutral-950">{a.title || "(untitled)"}</h1>
        <dl className="grid max-w-4xl gap-1 text-sm">
          <Meta label="Published">
            {a.publishedAt ? <time dateTime={a.publishedAt}>{formatDateTime(a.publishedAt)}</time> : "unknown"}
          </Meta>
          {a.author ? <Meta label="Author">{a.author}</Meta> : null}
          <Meta label="Language">{languageName(a.language)}</Meta>
          {a.url ? (
            <Meta label="Source URL">
              <a href={a.url} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-blue-800 underline">
                {a.url}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            </Meta>
          ) : null}
          <Meta label="Event">
            {a.eventId ? (
              <Link href={`/events/${encodeURIComponent(a.eventId)}`} className="text-blue-800 underline">
                {a.eventTitle ?? a.eventId}
              </Link>
            ) : (
              "not grouped"
            )}
          </Meta>
          {a.syndicatedFrom ? (
            <Meta label="Republishes">
              <Link href={`/articles/${encodeURIComponent(a.syndicatedFrom.id)}`} className="text-blue-800 underline">
                {a.syndicatedFrom.title}
              </Link>{" "}
              <span className="text-neutral-600">({a.syndicatedFrom.outletName})</span>
            </Meta>
          ) : null}
          {a.originalSourceName ? <Meta label="Declared source">{a.originalSourceName}</Meta> : null}
          {a.copies.length > 0 ? (
            <Meta label="Republished by">
              <ul className="space-y-0.5">
                {a.copies.map((c) => (
                  <li key={c.id}>
                    <Link href={`/articles/${encodeURIComponent(c.id)}`} className="text-blue-800 underline">
                      {c.outletName}
                    </Link>
                    <span className="text-neutral-600">: {c.title}</span>
                  </li>
                ))}
              </ul>
            </Meta>
          ) : null}
        </dl>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,46rem)_minmax(20rem,1fr)]">
        <Card>
          <CardHeader
            title="Text"
            description={
              <span className="flex flex-wrap items-center gap-3">
                <span className="inline-flex items-center gap-1">
                  <mark className="rounded-sm bg-amber-200/80 px-1 font-semibold">figure</mark> casualty figure
                </span>
                <span className="inline-flex items-center gap-1">
                  <mark className="rounded-sm bg-sky-100 px-1 underline decoration-sky-500 decoration-2">statement</mark> quoted or reported speech
                </span>
                <span>Tab to or hover a highlight for details.</span>
              </span>
            }
          />
          <CardBody>
            <ArticleText text={a.text} claims={a.claims} statements={a.statements} />
          </CardBody>
        </Card>
        <div className="space-y-6">
          <section aria-labelledby="claims-heading">
            <h2 id="claims-heading" className="mb-2 text-base font-semibold text-neutral-900">
              Casualty figures <span className="font-normal text-neutral-600 tabular-nums">({a.claims.length})</span>
            </h2>
            <ClaimList claims={a.claims} />
          </section>
          <section aria-labelledby="statements-heading">
            <h2 id="statements-heading" className="mb-2 text-base font-semibold text-neutral-900">
              Statements <span className="font-normal text-neutral-600 tabular-nums">({a.statements.length})</span>
            </h2>
            <StatementList statements={a.statements} />
          </section>
        </div>
      </div>

      <ArticleRevisions revisions={revisions} />
    </div>
  );
}
