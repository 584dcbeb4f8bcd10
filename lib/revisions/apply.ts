/**
 * Article revisions: when a re-fetch of a known URL finds the title or text changed, the stored
 * version is kept as an ArticleRevision and the article becomes the new version, its claims and
 * statements re-extracted and its event's aggregates refreshed — all in one transaction.
 * Grouping is not redone: the article stays in its event (an analyst can move it).
 */
import type { Database, Db } from "../db";
import { contentHash, storableArticle } from "../ingest";
import type { NormalizedArticle } from "../ingest/types";
import { refreshEvents } from "../mutations/events";
import { analyseArticle } from "../pipeline/analyse";
import { detectFollowChanges } from "../pipeline/follow-changes";
import { diffQuotes, hasChanged, summariseChanges } from "./diff";
import type { RevisionChanges } from "./types";
import { withStoreRetry } from "../db/store-retry";

export interface RevisionResult {
  articleId: string;
  /** The number given to the version that was replaced. */
  revision: number;
  changes: RevisionChanges;
}

const versionSelect = {
  title: true,
  text: true,
  contentHash: true,
  createdAt: true,
  language: true,
  publishedAt: true,
  claims: { select: { kind: true, min: true, max: true, qualifier: true, phrase: true, isHeadline: true, isContext: true } },
  statements: { where: { direct: true }, select: { text: true }, orderBy: { start: "asc" as const } },
  membership: { select: { eventId: true } },
  revisions: { select: { revision: true, createdAt: true }, orderBy: { revision: "desc" as const }, take: 1 },
} as const;

/** Which of `ids` are stored, with what a revision check compares (title and text hash). */
export async function loadStoredVersions(db: Db, ids: string[]): Promise<Map<string, { title: string; contentHash: string }>> {
  const out = new Map<string, { title: string; contentHash: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.article.findMany({ where: { id: { in: ids.slice(i, i + 500) } }, select: { id: true, title: true, contentHash: true } });
    for (const r of rows) out.set(r.id, { title: r.title, contentHash: r.contentHash });
  }
  return out;
}

function wordCount(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/**
 * Make `incoming` the current version of stored article `articleId`, keeping the stored version
 * as a revision. Returns null (and writes nothing) when the article is gone or nothing changed —
 * checked inside the transaction, so two watchers revising the same article at once cannot both
 * write the same revision (the second finds no change, or fails on the unique revision number).
 */
export async function reviseArticle(database: Database, articleId: string, incoming: NormalizedArticle): Promise<RevisionResult | null> {
  // As ingest stores it (lib/ingest/storable.ts): without NUL characters, a paragraph-long title cut.
  const storable = storableArticle(incoming);
  if (!storable.ok) throw new Error(`revision of ${articleId} not stored: ${storable.reason}`);
  const result = await storeRevision(database, articleId, storable.article);
  // Right after the revision's transaction: followed items it changed get their change log
  // entries (figure_revised, quote_revised ...). Detection is idempotent, so a failure here is
  // caught up by the next batch or revision that touches the same event; it never undoes the revision.
  if (result) {
    await detectFollowChanges(database, { revisions: [result] }).catch((err: unknown) => {
      console.error(`[parallax] follow change detection after revising ${articleId}:`, err);
    });
  }
  return result;
}

async function storeRevision(database: Database, articleId: string, incoming: NormalizedArticle): Promise<RevisionResult | null> {
  const { db } = database;
  // The same analysis as ingest (language, extraction, places); pure and the slow part, so it runs
  // before the transaction takes the write lock. The stored publication date is kept.
  const { language, extraction, location } = analyseArticle({
    text: incoming.text,
    title: incoming.title,
    language: incoming.language,
    publishedAt: incoming.publishedAt,
  });
  const hash = contentHash(incoming.text);

  // Run again after a rollback if the database was busy (a deadlock with an ingest): it re-reads
  // the stored version first, so a revision another process stored meanwhile is not applied twice.
  return withStoreRetry(() =>
    db.$transaction(
      async (tx) => {
        const current = await tx.article.findUnique({ where: { id: articleId }, select: versionSelect });
        if (!current || !hasChanged(current, incoming)) return null;
        const changes = summariseChanges(current, { title: incoming.title, text: incoming.text, claims: extraction.claims });
        changes.quotes = diffQuotes(
          current.statements.map((s) => s.text),
          extraction.statements.filter((s) => s.direct).map((s) => s.text),
        );
        if (changes.quotes) {
          const q = changes.quotes;
          const note = `quotes: ${[q.added.length ? `${q.added.length} added` : null, q.removed.length ? `${q.removed.length} removed` : null].filter(Boolean).join(", ")}`;
          changes.summary = changes.summary === "no visible change" ? note : `${changes.summary}; ${note}`;
        }
        const last = current.revisions[0];
        const revision = (last?.revision ?? 0) + 1;
        await tx.articleRevision.create({
          data: {
            articleId,
            revision,
            title: current.title,
            text: current.text,
            contentHash: current.contentHash,
            // The replaced version was stored when the previous revision was made, or with the article.
            fetchedAt: last?.createdAt ?? current.createdAt,
            changes: changes as object,
          },
        });
        await tx.article.update({
          where: { id: articleId },
          data: {
            title: incoming.title,
            text: incoming.text,
            contentHash: hash,
            wordCount: wordCount(incoming.text),
            language,
            places: location.places,
            eventDay: location.eventDay,
            ...(incoming.author ? { author: incoming.author } : {}),
            ...(incoming.canonicalUrl ? { canonicalUrl: incoming.canonicalUrl } : {}),
          },
        });
        await tx.casualtyClaim.deleteMany({ where: { articleId } });
        await tx.statement.deleteMany({ where: { articleId } });
        if (extraction.claims.length) {
          await tx.casualtyClaim.createMany({
            data: extraction.claims.map((c) => ({
              articleId, kind: c.kind, min: c.min, max: c.max, qualifier: c.qualifier, victimGroup: c.victimGroup,
              authority: c.authority, isContext: c.isContext, isHeadline: c.isHeadline, phrase: c.phrase, start: c.start,
              end: c.end, sentence: c.sentence, sentenceStart: c.sentenceStart, sentenceEnd: c.sentenceEnd,
            })),
          });
        }
        if (extraction.statements.length) {
          await tx.statement.createMany({
            data: extraction.statements.map((s) => ({
              articleId, speaker: s.speaker, speakerMention: s.speakerMention, affiliation: s.affiliation, cue: s.cue,
              channel: s.channel, text: s.text, start: s.start, end: s.end, direct: s.direct,
            })),
          });
        }
        if (current.membership) await refreshEvents(tx, [current.membership.eventId], database);
        return { articleId, revision, changes };
      },
      { timeout: 60_000, maxWait: 30_000 },
    ),
  );
}
