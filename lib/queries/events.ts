import { getDatabase, type Database, type Prisma } from "../db";
import type { CasualtyKind, Qualifier } from "../extract/types";
import type { EventDetailFilters, EventFilters } from "../schemas/filters";
import type {
  ClaimItem,
  CountPoint,
  EventDetail,
  EventListItem,
  OutletComparison,
  Paged,
  SpeakerGroup,
  StatementItem,
} from "../schemas/dto";
import { getCoverage } from "./overview";
import {
  articleListSelect,
  claimSelect,
  fetchPage,
  statementSelect,
  toArticleListItem,
  toClaimItem,
  toStatementItem,
} from "./select";
import { articleWhere, containsText, dayRange } from "./where";

export const eventListSelect = {
  id: true,
  title: true,
  place: true,
  firstSeen: true,
  lastSeen: true,
  articleCount: true,
  sourceCount: true,
  outletCount: true,
  killedMin: true,
  killedMax: true,
  woundedMin: true,
  woundedMax: true,
  divergence: true,
  locked: true,
  titleManual: true,
} satisfies Prisma.EventSelect;

export function toEventListItem(e: Prisma.EventGetPayload<{ select: typeof eventListSelect }>): EventListItem {
  const range = (min: number | null, max: number | null) => (min === null && max === null ? null : { min, max });
  return {
    id: e.id,
    title: e.title,
    place: e.place,
    firstSeen: e.firstSeen?.toISOString() ?? null,
    lastSeen: e.lastSeen?.toISOString() ?? null,
    articleCount: e.articleCount,
    sourceCount: e.sourceCount,
    outletCount: e.outletCount,
    killed: range(e.killedMin, e.killedMax),
    wounded: range(e.woundedMin, e.woundedMax),
    divergence: e.divergence,
    locked: e.locked,
    titleManual: e.titleManual,
  };
}

/** Events matching filters on their articles (outlet, language) and their own title and dates. */
export function eventWhere(database: Database, f: Omit<EventDetailFilters, never>): Prisma.EventWhereInput {
  const and: Prisma.EventWhereInput[] = [];
  // Text matches the event's title or any of its articles' headlines.
  if (f.q) {
    const match = containsText(database, f.q);
    and.push({ OR: [{ title: match }, { articles: { some: { article: { title: match } } } }] });
  }
  const range = dayRange(f.from, f.to);
  // An event matches a date range when its coverage overlaps it.
  if (range?.gte) and.push({ lastSeen: { gte: range.gte } });
  if (range?.lt) and.push({ firstSeen: { lt: range.lt } });
  if (f.outlet.length || f.language.length) {
    and.push({
      articles: {
        some: {
          article: {
            ...(f.outlet.length ? { outlet: { key: { in: f.outlet } } } : {}),
            ...(f.language.length ? { language: { in: f.language } } : {}),
          },
        },
      },
    });
  }
  return and.length ? { AND: and } : {};
}

export function eventOrderBy(sort: EventFilters["sort"], dir: "asc" | "desc"): Prisma.EventOrderByWithRelationInput[] {
  const nullable = (field: "killedMin" | "woundedMin" | "divergence" | "lastSeen" | "firstSeen") =>
    ({ [field]: { sort: dir, nulls: "last" } }) as Prisma.EventOrderByWithRelationInput;
  const primary: Prisma.EventOrderByWithRelationInput =
    sort === "killed"
      ? nullable("killedMin")
      : sort === "wounded"
        ? nullable("woundedMin")
        : sort === "divergence" || sort === "lastSeen" || sort === "firstSeen"
          ? nullable(sort)
          : { [sort]: dir };
  // A unique tie-breaker keeps paging stable.
  return [primary, { id: "asc" }];
}

export async function listEvents(f: EventFilters, database: Database = getDatabase()): Promise<Paged<EventListItem>> {
  const where = eventWhere(database, f);
  return fetchPage(
    f,
    () => database.db.event.count({ where }),
    (skip, take) => database.db.event.findMany({ where, orderBy: eventOrderBy(f.sort, f.dir), skip, take, select: eventListSelect }),
    toEventListItem,
  );
}

/**
 * Articles the comparison loads with their claims and statements. An event reported by
 * thousands of articles would otherwise render a page of hundreds of megabytes; beyond this the
 * page asks the analyst to narrow with filters.
 */
export const EVENT_ARTICLE_LIMIT = 300;

function speakerKey(s: StatementItem): string | null {
  const name = (s.speaker ?? s.speakerMention)?.trim();
  return name ? name.toLowerCase().replace(/^the\s+/, "") : null;
}

/**
 * The comparison for one event: what each outlet reported (figures, statements, articles),
 * statements grouped by speaker across outlets, the coverage and figure timelines.
 * Filters narrow the event's articles; facets describe all of them.
 */
export async function getEvent(
  id: string,
  f: EventDetailFilters,
  database: Database = getDatabase(),
): Promise<EventDetail | null> {
  const { db } = database;
  const event = await db.event.findUnique({ where: { id }, select: eventListSelect });
  if (!event) return null;

  const where: Prisma.ArticleWhereInput = { AND: [articleWhere(database, f), { membership: { eventId: id } }] };
  const [articles, facetRows, coverage, total, headlines] = await Promise.all([
    db.article.findMany({
      where,
      // Independent reporting first (copies repeat it), then in publication order.
      orderBy: [{ syndicatedFromId: { sort: "asc", nulls: "first" } }, { publishedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: EVENT_ARTICLE_LIMIT,
      select: {
        ...articleListSelect,
        syndicatedFromId: true,
        claims: { select: claimSelect, orderBy: { start: "asc" } },
        statements: { select: statementSelect, orderBy: { start: "asc" } },
      },
    }),
    db.article.findMany({
      where: { membership: { eventId: id } },
      distinct: ["outletId", "language"],
      select: { language: true, outlet: { select: { key: true, name: true, kind: true } } },
    }),
    getCoverage({ ...f, event: id }, database),
    db.article.count({ where }),
    // The count timeline covers every matching article, not only those the matrix shows.
    db.casualtyClaim.findMany({
      where: { isHeadline: true, isContext: false, kind: { in: ["killed", "wounded"] }, article: { AND: [where, { publishedAt: { not: null } }] } },
      orderBy: [{ article: { publishedAt: "asc" } }, { id: "asc" }],
      select: { kind: true, min: true, max: true, qualifier: true, articleId: true, article: { select: { publishedAt: true, outlet: { select: { key: true, name: true } } } } },
    }),
  ]);

  const byOutlet = new Map<string, OutletComparison>();
  const counts: CountPoint[] = headlines.map((c) => ({
    at: c.article.publishedAt!.toISOString(),
    articleId: c.articleId,
    outletKey: c.article.outlet.key,
    outletName: c.article.outlet.name,
    kind: c.kind as CasualtyKind,
    min: c.min,
    max: c.max,
    qualifier: c.qualifier as Qualifier,
  }));
  const speakers = new Map<string, SpeakerGroup>();
  for (const a of articles) {
    let row = byOutlet.get(a.outlet.key);
    if (!row) {
      row = { outlet: a.outlet, articles: [], copiesOnly: true, copiedFrom: [], killed: [], wounded: [], other: [], statements: [] };
      byOutlet.set(a.outlet.key, row);
    }
    const item = toArticleListItem(a);
    row.articles.push(item);
    if (!a.syndicatedFromId) row.copiesOnly = false;
    const origin = item.syndicatedFrom?.outletName ?? a.originalSourceName;
    if (origin && origin !== a.outlet.name && !row.copiedFrom.includes(origin)) row.copiedFrom.push(origin);

    for (const c of a.claims) {
      const claim: ClaimItem = toClaimItem(c);
      if (claim.isContext || (claim.kind !== "killed" && claim.kind !== "wounded")) row.other.push(claim);
      else row[claim.kind].push(claim);
    }
    for (const s of a.statements) {
      const st = toStatementItem(s);
      row.statements.push(st);
      const key = speakerKey(st);
      if (!key) continue;
      const group = speakers.get(key) ?? { speaker: st.speaker ?? st.speakerMention ?? key, byOutlet: {} };
      (group.byOutlet[a.outlet.key] ??= []).push(st);
      speakers.set(key, group);
    }
  }

  // Outlets with original reporting first, then by how much they reported.
  const comparison = [...byOutlet.values()].sort(
    (x, y) => Number(x.copiesOnly) - Number(y.copiesOnly) || y.articles.length - x.articles.length || x.outlet.name.localeCompare(y.outlet.name),
  );
  const speakerGroups = [...speakers.values()].sort(
    (x, y) => Object.keys(y.byOutlet).length - Object.keys(x.byOutlet).length || x.speaker.localeCompare(y.speaker),
  );
  const outlets = new Map(facetRows.map((r) => [r.outlet.key, r.outlet]));
  const languages = [...new Set(facetRows.map((r) => r.language).filter((l): l is string => !!l))].sort();

  return {
    event: toEventListItem(event),
    comparison,
    speakers: speakerGroups,
    coverage,
    counts,
    facets: { outlets: [...outlets.values()].sort((a, b) => a.name.localeCompare(b.name)), languages },
    articles: { total, shown: articles.length },
  };
}
