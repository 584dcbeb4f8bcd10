import type { Assignment } from "../cluster/types";
import type { Db } from "../db";
import type { Extraction } from "../extract/types";
import type { NormalizedArticle } from "../ingest/types";
import { refreshEvents } from "./events";

/** An article ready to store: normalised, extracted and placed in an event. */
export interface PreparedArticle {
  id: string;
  article: NormalizedArticle;
  contentHash: string;
  outletKey: string;
  outletName: string;
  outletDomain: string | null;
  extraction: Extraction;
  assignment: Assignment;
}

/** The ids among `ids` that are already stored. */
export async function findExistingArticleIds(db: Db, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.article.findMany({ where: { id: { in: ids.slice(i, i + 500) } }, select: { id: true } });
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** Outlet ids by key, creating the outlets that do not exist yet. */
async function ensureOutlets(
  tx: Pick<Db, "outlet">,
  outlets: Map<string, { name: string; domain: string | null; language: string | null }>,
): Promise<Map<string, number>> {
  const keys = [...outlets.keys()];
  const ids = new Map<string, number>();
  const existing = await tx.outlet.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
  for (const o of existing) ids.set(o.key, o.id);
  for (const key of keys) {
    if (ids.has(key)) continue;
    const o = outlets.get(key)!;
    // upsert, not create: a concurrent ingest may have added the outlet since the lookup.
    const row = await tx.outlet.upsert({
      where: { key },
      create: { key, name: o.name, domain: o.domain, language: o.language },
      update: {},
      select: { id: true },
    });
    ids.set(key, row.id);
  }
  return ids;
}

function wordCount(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

function toDate(iso: string | null): Date | null {
  if (!iso) return null;
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Store a batch in ONE transaction: outlets, articles, claims, statements, new events and
 * memberships, then refresh the touched events' aggregates. Either all of it is written or,
 * on any error, none of it.
 */
export async function insertArticleBatch(db: Db, batch: PreparedArticle[], ingestRunId: number | null): Promise<void> {
  if (batch.length === 0) return;
  await db.$transaction(
    async (tx) => {
      const outlets = new Map<string, { name: string; domain: string | null; language: string | null }>();
      for (const p of batch) {
        if (!outlets.has(p.outletKey)) {
          outlets.set(p.outletKey, { name: p.outletName, domain: p.outletDomain, language: p.article.language });
        }
      }
      const outletIds = await ensureOutlets(tx, outlets);

      await tx.article.createMany({
        data: batch.map((p) => {
          const publishedAt = toDate(p.article.publishedAt);
          return {
            id: p.id,
            url: p.article.url,
            canonicalUrl: p.article.canonicalUrl,
            title: p.article.title,
            text: p.article.text,
            publishedAt,
            publishedDay: publishedAt ? publishedAt.toISOString().slice(0, 10) : null,
            author: p.article.author,
            language: p.article.language,
            contentHash: p.contentHash,
            wordCount: wordCount(p.article.text),
            outletId: outletIds.get(p.outletKey)!,
            originalSourceName: p.article.originalSource?.name ?? null,
            originalSourceUrl: p.article.originalSource?.url ?? null,
            syndicatedFromId: p.assignment.duplicateOf,
            syndicationScore: p.assignment.duplicateScore,
            ingestRunId,
          };
        }),
      });

      const claims = batch.flatMap((p) =>
        p.extraction.claims.map((c) => ({
          articleId: p.id,
          kind: c.kind,
          min: c.min,
          max: c.max,
          qualifier: c.qualifier,
          victimGroup: c.victimGroup,
          authority: c.authority,
          isContext: c.isContext,
          isHeadline: c.isHeadline,
          phrase: c.phrase,
          start: c.start,
          end: c.end,
          sentence: c.sentence,
          sentenceStart: c.sentenceStart,
          sentenceEnd: c.sentenceEnd,
        })),
      );
      if (claims.length) await tx.casualtyClaim.createMany({ data: claims });

      const statements = batch.flatMap((p) =>
        p.extraction.statements.map((s) => ({
          articleId: p.id,
          speaker: s.speaker,
          speakerMention: s.speakerMention,
          affiliation: s.affiliation,
          cue: s.cue,
          channel: s.channel,
          text: s.text,
          start: s.start,
          end: s.end,
          direct: s.direct,
        })),
      );
      if (statements.length) await tx.statement.createMany({ data: statements });

      const newEvents = [...new Set(batch.filter((p) => p.assignment.isNew).map((p) => p.assignment.eventId))];
      if (newEvents.length) {
        const known = await tx.event.findMany({ where: { id: { in: newEvents } }, select: { id: true } });
        const knownIds = new Set(known.map((e) => e.id));
        const toCreate = newEvents.filter((id) => !knownIds.has(id));
        if (toCreate.length) await tx.event.createMany({ data: toCreate.map((id) => ({ id, title: "" })) });
      }
      await tx.eventArticle.createMany({
        data: batch.map((p) => ({ articleId: p.id, eventId: p.assignment.eventId, score: p.assignment.score, method: "auto" })),
      });
      await refreshEvents(tx, batch.map((p) => p.assignment.eventId));
    },
    // Large batches on PostgreSQL can exceed Prisma's 5 s default.
    { timeout: 120_000, maxWait: 30_000 },
  );
}
