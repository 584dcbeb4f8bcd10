import type { Database, Prisma } from "../db";

export interface ArticleWhereInput {
  q?: string;
  outlet?: string[];
  language?: string[];
  from?: string;
  to?: string;
  event?: string;
}

const DAY_MS = 86_400_000;

/** Start of `day` (UTC) and start of the day after `to`, for half-open date ranges. */
export function dayRange(from?: string, to?: string): { gte?: Date; lt?: Date } | undefined {
  if (!from && !to) return undefined;
  return {
    ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}),
    ...(to ? { lt: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS) } : {}),
  };
}

/**
 * Case-insensitive substring match. SQLite's LIKE is already case-insensitive for ASCII;
 * PostgreSQL needs `mode: "insensitive"` (ILIKE), which the SQLite client type does not know.
 */
export function containsText(database: Database, q: string): { contains: string } {
  return database.provider === "postgresql" ? ({ contains: q, mode: "insensitive" } as { contains: string }) : { contains: q };
}

/** The Prisma filter on articles that every list, chart and export shares. */
export function articleWhere(database: Database, f: ArticleWhereInput): Prisma.ArticleWhereInput {
  const and: Prisma.ArticleWhereInput[] = [];
  if (f.outlet?.length) and.push({ outlet: { key: { in: f.outlet } } });
  if (f.language?.length) and.push({ language: { in: f.language } });
  const range = dayRange(f.from, f.to);
  if (range) and.push({ publishedAt: range });
  if (f.event) and.push({ membership: { eventId: f.event } });
  if (f.q) and.push({ OR: [{ title: containsText(database, f.q) }, { text: containsText(database, f.q) }] });
  return and.length ? { AND: and } : {};
}
