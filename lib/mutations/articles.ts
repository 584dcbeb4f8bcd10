import type { Assignment } from "../cluster/types";
import type { Database, Db } from "../db";
import type { Extraction } from "../extract/types";
import type { NormalizedArticle } from "../ingest/types";
import { profileOutlet } from "../ingest/outlets";
import { bulkInsert } from "./bulk";
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
  tx: Pick<Db, "outlet" | "$executeRawUnsafe">,
  provider: Database["provider"],
  outlets: Map<string, { name: string; domain: string | null; language: string | null }>,
): Promise<Map<string, number>> {
  const keys = [...outlets.keys()];
  const ids = new Map<string, number>();
  const existing = await tx.outlet.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
  for (const o of existing) ids.set(o.key, o.id);
  const missing = keys.filter((k) => !ids.has(k));
  if (missing.length) {
    const now = new Date();
    // ON CONFLICT DO NOTHING: a concurrent ingest may have added the same outlet meanwhile.
    await bulkInsert(
      tx,
      provider,
      "Outlet",
      ["key", "name", "domain", "country", "language", "kind", "updatedAt"],
      missing.map((k) => {
        const o = outlets.get(k)!;
        const profile = profileOutlet(o.domain, o.name);
        return [k, o.name, o.domain, profile.country, profile.language ?? o.language, profile.kind, now];
      }),
      { onConflictDoNothing: "key" },
    );
    const created = await tx.outlet.findMany({ where: { key: { in: missing } }, select: { id: true, key: true } });
    for (const o of created) ids.set(o.key, o.id);
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

const ARTICLE_COLUMNS = [
  "id", "url", "canonicalUrl", "title", "text", "publishedAt", "publishedDay", "author", "language", "contentHash",
  "wordCount", "outletId", "originalSourceName", "originalSourceUrl", "syndicatedFromId", "syndicationScore",
  "ingestRunId", "createdAt", "updatedAt",
];
const CLAIM_COLUMNS = [
  "articleId", "kind", "min", "max", "qualifier", "victimGroup", "authority", "isContext", "isHeadline",
  "phrase", "start", "end", "sentence", "sentenceStart", "sentenceEnd",
];
const STATEMENT_COLUMNS = ["articleId", "speaker", "speakerMention", "affiliation", "cue", "channel", "text", "start", "end", "direct"];

/**
 * Store a batch in ONE transaction: outlets, articles, claims, statements, new events and
 * memberships, then refresh the touched events' aggregates. Either all of it is written or,
 * on any error, none of it.
 */
export async function insertArticleBatch(database: Database, batch: PreparedArticle[], ingestRunId: number | null): Promise<void> {
  if (batch.length === 0) return;
  const { db, provider } = database;
  await db.$transaction(
    async (tx) => {
      const outlets = new Map<string, { name: string; domain: string | null; language: string | null }>();
      for (const p of batch) {
        if (!outlets.has(p.outletKey)) {
          outlets.set(p.outletKey, { name: p.outletName, domain: p.outletDomain, language: p.article.language });
        }
      }
      const outletIds = await ensureOutlets(tx, provider, outlets);

      const now = new Date();
      await bulkInsert(tx, provider, "Article", ARTICLE_COLUMNS, batch.map((p) => {
        const publishedAt = toDate(p.article.publishedAt);
        return [
          p.id, p.article.url, p.article.canonicalUrl, p.article.title, p.article.text, publishedAt,
          publishedAt ? publishedAt.toISOString().slice(0, 10) : null, p.article.author, p.article.language,
          p.contentHash, wordCount(p.article.text), outletIds.get(p.outletKey)!,
          p.article.originalSource?.name ?? null, p.article.originalSource?.url ?? null,
          p.assignment.duplicateOf, p.assignment.duplicateScore, ingestRunId, now, now,
        ];
      }));
      await bulkInsert(tx, provider, "CasualtyClaim", CLAIM_COLUMNS, batch.flatMap((p) =>
        p.extraction.claims.map((c) => [
          p.id, c.kind, c.min, c.max, c.qualifier, c.victimGroup, c.authority, c.isContext, c.isHeadline,
          c.phrase, c.start, c.end, c.sentence, c.sentenceStart, c.sentenceEnd,
        ]),
      ));
      await bulkInsert(tx, provider, "Statement", STATEMENT_COLUMNS, batch.flatMap((p) =>
        p.extraction.statements.map((st) => [
          p.id, st.speaker, st.speakerMention, st.affiliation, st.cue, st.channel, st.text, st.start, st.end, st.direct,
        ]),
      ));

      const newEvents = [...new Set(batch.filter((p) => p.assignment.isNew).map((p) => p.assignment.eventId))];
      if (newEvents.length) {
        const known = await tx.event.findMany({ where: { id: { in: newEvents } }, select: { id: true } });
        const knownIds = new Set(known.map((e) => e.id));
        const toCreate = newEvents.filter((id) => !knownIds.has(id));
        if (toCreate.length) await tx.event.createMany({ data: toCreate.map((id) => ({ id, title: "" })) });
      }
      await bulkInsert(tx, provider, "EventArticle", ["articleId", "eventId", "score", "method", "createdAt"],
        batch.map((p) => [p.id, p.assignment.eventId, p.assignment.score, "auto", now]),
      );
      await refreshEvents(tx, batch.map((p) => p.assignment.eventId));
    },
    // Large batches on PostgreSQL can exceed Prisma's 5 s default.
    { timeout: 120_000, maxWait: 30_000 },
  );
}
