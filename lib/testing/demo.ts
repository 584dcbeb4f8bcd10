/** The demo corpus (prisma/demo) loaded through the real pipeline, for integration tests. */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "../db";
import { parseFile } from "../ingest";
import type { NormalizedArticle } from "../ingest/types";
import { ingestArticles, type IngestReport } from "../pipeline/ingest";

const DEMO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "prisma", "demo");

/** The demo corpus's articles, parsed (the files in name order, as `npm start` reads them). */
export function demoArticles(): NormalizedArticle[] {
  return fs
    .readdirSync(DEMO)
    .filter((f) => f !== "README.md")
    .sort()
    .flatMap((f) => {
      const parsed = parseFile(f, fs.readFileSync(path.join(DEMO, f)));
      if (parsed.errors.length) throw new Error(`demo file ${f}: ${JSON.stringify(parsed.errors)}`);
      return parsed.articles;
    });
}

export function ingestDemo(database: Database): Promise<IngestReport> {
  return ingestArticles(database, demoArticles(), { source: "demo corpus", trigger: "demo" });
}

/** The article whose URL contains `fragment` (one must match). */
export async function demoArticleId(database: Database, fragment: string): Promise<string> {
  const rows = await database.db.article.findMany({ where: { url: { contains: fragment } }, select: { id: true } });
  if (rows.length !== 1) throw new Error(`${rows.length} demo articles match ${fragment}`);
  return rows[0]!.id;
}

/** The event an article is in. */
export async function eventOf(database: Database, articleId: string): Promise<string | null> {
  const m = await database.db.eventArticle.findUnique({ where: { articleId }, select: { eventId: true } });
  return m?.eventId ?? null;
}

/** Everything grouping and manual actions may change, in a comparable form. */
export async function groupingSnapshot(database: Database) {
  const { db } = database;
  const [memberships, events, copies] = await Promise.all([
    db.eventArticle.findMany({ orderBy: { articleId: "asc" }, select: { articleId: true, eventId: true, method: true, score: true } }),
    db.event.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true, title: true, titleManual: true, locked: true, articleCount: true, sourceCount: true, outletCount: true,
        firstSeen: true, lastSeen: true, killedMin: true, killedMax: true, woundedMin: true, woundedMax: true, divergence: true,
      },
    }),
    db.article.findMany({ orderBy: { id: "asc" }, select: { id: true, syndicatedFromId: true, syndicationScore: true } }),
  ]);
  return { memberships, events, copies };
}
