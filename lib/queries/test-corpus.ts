// Shared by the read-path integration tests only: a small corpus written straight into the
// tables (as the ingest does, with multi-row INSERTs), so the triggers run as in production.
import type { Database } from "../db";
import { bulkInsert, type BulkValue } from "../mutations/bulk";

export interface TestArticle {
  id: string;
  title: string;
  text?: string;
  /** Outlet key; the outlet is created with the name `Outlet <key>`. */
  outlet: string;
  publishedAt?: string | null;
  language?: string | null;
  event?: string;
  copyOf?: string;
  claims?: number;
  statements?: number;
}

const DAY = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 10) : null);

/** Insert outlets, events, articles, memberships, claims and statements in one transaction. */
export async function insertTestCorpus(database: Database, articles: TestArticle[]): Promise<void> {
  const { db, provider } = database;
  const now = new Date();
  await db.$transaction(
    async (tx) => {
      const keys = [...new Set(articles.map((a) => a.outlet))];
      await bulkInsert(tx, provider, "Outlet", ["key", "name", "updatedAt"], keys.map((k) => [k, `Outlet ${k}`, now]), { onConflictDoNothing: "key" });
      const outlets = new Map((await tx.outlet.findMany({ select: { id: true, key: true } })).map((o) => [o.key, o.id]));
      const events = [...new Set(articles.flatMap((a) => (a.event ? [a.event] : [])))];
      const existing = new Set((await tx.event.findMany({ where: { id: { in: events } }, select: { id: true } })).map((e) => e.id));
      await bulkInsert(tx, provider, "Event", ["id", "title", "updatedAt"], events.filter((e) => !existing.has(e)).map((e) => [e, `Event ${e}`, now]));
      const rows: BulkValue[][] = articles.map((a) => {
        const at = a.publishedAt === undefined ? "2016-09-18T10:00:00Z" : a.publishedAt;
        return [
          a.id, `https://${a.outlet}/${a.id}`, a.title, a.text ?? a.title, at ? new Date(at) : null, DAY(at),
          a.language === undefined ? "en" : a.language, a.id, 1, outlets.get(a.outlet)!, a.copyOf ?? null, a.copyOf ? 0.9 : null, now, now,
        ];
      });
      await bulkInsert(tx, provider, "Article", [
        "id", "url", "title", "text", "publishedAt", "publishedDay", "language", "contentHash", "wordCount", "outletId",
        "syndicatedFromId", "syndicationScore", "createdAt", "updatedAt",
      ], rows);
      await bulkInsert(tx, provider, "EventArticle", ["articleId", "eventId", "score", "method"], articles.flatMap((a) => (a.event ? [[a.id, a.event, 1, "auto"]] : [])));
      await bulkInsert(tx, provider, "CasualtyClaim", ["articleId", "kind", "min", "max", "qualifier", "phrase", "start", "end", "sentence", "sentenceStart", "sentenceEnd"],
        articles.flatMap((a) => Array.from({ length: a.claims ?? 0 }, (_, i) => [a.id, "killed", i + 1, i + 1, "exact", `${i + 1}`, 0, 1, `${i + 1} killed.`, 0, 10])));
      await bulkInsert(tx, provider, "Statement", ["articleId", "speaker", "text", "start", "end", "direct"],
        articles.flatMap((a) => Array.from({ length: a.statements ?? 0 }, (_, i) => [a.id, `Speaker ${i}`, `Said ${i}`, 0, 5, true])));
    },
    { timeout: 120_000 },
  );
}
