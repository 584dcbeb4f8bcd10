import { getDatabase, type Database, type Prisma } from "../db";
import type { CasualtyKind, Qualifier } from "../extract/types";
import { summariseFigures } from "../mutations/events";
import {
  claimChain,
  countIndependentSources,
  figureBlindspots,
  figuresBySource,
  groupByAuthority,
  nestCopies,
  resolveOrigins,
  speakerKey,
  statementBlindspots,
  statementChain,
  toProvenanceArticle,
  type ChainContext,
  type Origin,
  type ProvenanceArticle,
} from "../provenance";
import type {
  AuthorityComparisonRow,
  ClaimEvidence,
  CountPoint,
  EventClaim,
  EventDetail,
  EventStatement,
  FigureSpread,
  OutletComparison,
  OutletRef,
  SpeakerGroup,
} from "../schemas/dto";
import { EVIDENCE_MAX_CLAIMS } from "../schemas/evidence";
import type { EventDetailFilters } from "../schemas/filters";
import { getRevisionsByArticle } from "../revisions/queries";
import { eventListSelect, toEventListItem } from "./events";
import { getCoverage } from "./overview";
import { articleListSelect, claimSelect, statementSelect, toArticleListItem, toStatementItem } from "./select";
import { articleWhere } from "./where";

/**
 * Articles the comparison loads with their claims and statements. An event reported by
 * thousands of articles would otherwise render a page of hundreds of megabytes; beyond this the
 * page asks the analyst to narrow with filters.
 */
export const EVENT_ARTICLE_LIMIT = 300;

/**
 * Figures and statements listed with their blindspots, the most widely reported first: each
 * names every outlet covering the event, so hundreds of one-outlet quotes in a large event
 * would make the answer megabytes long.
 */
export const BLINDSPOT_LIMIT = 100;

/** A claim without its evidence sentence: the page loads that on demand (getClaimEvidence). */
const eventClaimSelect = { ...claimSelect, sentence: false } satisfies Prisma.CasualtyClaimSelect;

const eventArticleSelect = {
  ...articleListSelect,
  syndicatedFromId: true,
  originalSourceUrl: true,
  syndicatedFrom: { select: { id: true, title: true, outlet: { select: { key: true, name: true } } } },
  claims: { select: eventClaimSelect, orderBy: { start: "asc" } },
  statements: { select: statementSelect, orderBy: { start: "asc" } },
} satisfies Prisma.ArticleSelect;

type EventArticleRow = Prisma.ArticleGetPayload<{ select: typeof eventArticleSelect }>;

const EMPTY_SPREAD: FigureSpread = { min: null, median: null, max: null, divergence: null, sources: 0 };

/**
 * Min / median / max over independent sources, one headline figure per source (its earliest
 * independent article's), with the events list's definition (`summariseFigures`).
 */
function spread(articles: EventArticleRow[], origins: Map<string, Origin>, kind: "killed" | "wounded"): FigureSpread {
  const figures = figuresBySource(articles, origins, kind);
  if (figures.length === 0) return EMPTY_SPREAD;
  const s = summariseFigures(figures);
  return { min: s.min, median: s.median, max: s.max, divergence: s.divergence, sources: figures.length };
}

/**
 * The comparison for one event: what each outlet reported (figures, statements, articles) with
 * copies nested under their originals, the claims pivoted by authority, fact-level blindspots,
 * the spread of independent figures, statements grouped by speaker, and the coverage and figure
 * timelines. Filters narrow the event's articles; facets describe all of them. Every claim and
 * statement carries its attribution chain; evidence sentences are loaded with getClaimEvidence.
 */
export async function getEvent(id: string, f: EventDetailFilters, database: Database = getDatabase()): Promise<EventDetail | null> {
  const { db } = database;
  const event = await db.event.findUnique({ where: { id }, select: eventListSelect });
  if (!event) return null;

  const where: Prisma.ArticleWhereInput = { AND: [await articleWhere(database, { ...f, event: id }), { membership: { eventId: id } }] };
  const [articles, facetRows, coverage, total, headlines] = await Promise.all([
    db.article.findMany({
      where,
      // Independent reporting first (copies repeat it), then in publication order.
      orderBy: [{ syndicatedFromId: { sort: "asc", nulls: "first" } }, { publishedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: EVENT_ARTICLE_LIMIT,
      select: eventArticleSelect,
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

  // Earlier versions of the shown articles, for their "revised" marks (one indexed query).
  const revisions = await getRevisionsByArticle(articles.map((a) => a.id), database);

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
  const outlets = new Map<string, OutletRef>(facetRows.map((r) => [r.outlet.key, r.outlet]));
  const languages = [...new Set(facetRows.map((r) => r.language).filter((l): l is string => !!l))].sort();

  // Provenance: which article copies which, and the rows the matrix shows.
  const provenance: (ProvenanceArticle & { row: EventArticleRow })[] = articles.map((a) => ({ ...toProvenanceArticle(a), row: a }));
  const origins = resolveOrigins(provenance, [...outlets.values()]);
  const outletNames = [...outlets.values()].map((o) => o.name);
  const wireNames = [...outlets.values()].filter((o) => o.kind === "wire").map((o) => o.name);
  const context = (a: EventArticleRow): ChainContext => ({ outletName: a.outlet.name, origin: origins.get(a.id), outletNames, wireNames });

  const claimsById = new Map<number, { claim: EventClaim; article: EventArticleRow }>();
  const speakers = new Map<string, SpeakerGroup>();
  const comparison: OutletComparison[] = nestCopies(provenance, origins).map((r) => {
    const row: OutletComparison = {
      key: r.key,
      outlet: outlets.get(r.outletKey) ?? r.articles[0]!.row.outlet,
      articles: [],
      kind: r.kind,
      parentKey: r.parentKey,
      copyOf: r.copyOf,
      declared: r.declared,
      republishedBy: r.republishedBy,
      copiesOnly: r.kind !== "own",
      copiedFrom: r.copyOf ? [r.copyOf.outletName] : r.declared ? [r.declared.name] : [],
      killed: [],
      wounded: [],
      other: [],
      statements: [],
    };
    for (const { row: a } of r.articles) {
      row.articles.push(toArticleListItem(a));
      const ctx = context(a);
      for (const c of a.claims) {
        const claim: EventClaim = { ...c, kind: c.kind as CasualtyKind, qualifier: c.qualifier as Qualifier, chain: claimChain(ctx, c.authority) };
        claimsById.set(claim.id, { claim, article: a });
        if (claim.isContext || (claim.kind !== "killed" && claim.kind !== "wounded")) row.other.push(claim);
        else row[claim.kind].push(claim);
      }
      for (const s of a.statements) {
        const st: EventStatement = { ...toStatementItem(s), chain: statementChain(ctx, s) };
        row.statements.push(st);
        const key = speakerKey(st.speaker ?? st.speakerMention);
        if (!key) continue;
        const group = speakers.get(key) ?? { speaker: st.speaker ?? st.speakerMention ?? key, byOutlet: {} };
        (group.byOutlet[a.outlet.key] ??= []).push(st);
        speakers.set(key, group);
      }
    }
    return row;
  });

  const speakerGroups = [...speakers.values()].sort(
    (x, y) => Object.keys(y.byOutlet).length - Object.keys(x.byOutlet).length || x.speaker.localeCompare(y.speaker),
  );

  const claimInputs = [...claimsById.values()].map(({ claim, article: a }) => ({
    ...claim,
    outletKey: a.outlet.key,
    outletName: a.outlet.name,
    copy: origins.get(a.id)?.kind !== "own",
    publishedAt: a.publishedAt?.toISOString() ?? null,
  }));
  const byAuthority: AuthorityComparisonRow[] = groupByAuthority(claimInputs).map((r) => ({
    key: r.key,
    label: r.label,
    outletCount: r.outletCount,
    claimCount: r.claimCount,
    byKind: Object.fromEntries(
      Object.entries(r.byKind).map(([kind, figures]) => [kind, figures.map((fig) => ({ key: fig.key, claimIds: fig.claims.map((c) => c.id), outlets: fig.outlets }))]),
    ),
  }));

  // Outlets covering the event in this selection, in the matrix's order.
  const covering: OutletRef[] = [];
  for (const r of comparison) if (!covering.some((o) => o.key === r.outlet.key)) covering.push(r.outlet);
  const figureSpots = figureBlindspots(claimInputs, covering);
  const statementSpots = statementBlindspots(
    comparison.flatMap((r) => r.statements.map((s) => ({ ...s, outletKey: r.outlet.key }))),
    covering,
  );
  const blindspots = {
    outlets: covering,
    figures: figureSpots.slice(0, BLINDSPOT_LIMIT),
    statements: statementSpots.slice(0, BLINDSPOT_LIMIT),
    totals: { figures: figureSpots.length, statements: statementSpots.length },
  };

  return {
    event: toEventListItem(event),
    comparison,
    sources: { articles: articles.length, independent: countIndependentSources(articles.map((a) => a.id), origins) },
    figures: { killed: spread(articles, origins, "killed"), wounded: spread(articles, origins, "wounded") },
    byAuthority,
    blindspots,
    speakers: speakerGroups,
    coverage,
    counts,
    facets: { outlets: [...outlets.values()].sort((a, b) => a.name.localeCompare(b.name)), languages },
    articles: { total, shown: articles.length },
    revisions,
  };
}

/**
 * The evidence sentences of claims of one event (claims of other events are not returned).
 * `null` when the event does not exist.
 */
export async function getClaimEvidence(eventId: string, claimIds: number[], database: Database = getDatabase()): Promise<ClaimEvidence[] | null> {
  const { db } = database;
  const [event, rows] = await Promise.all([
    db.event.findUnique({ where: { id: eventId }, select: { id: true } }),
    db.casualtyClaim.findMany({
      where: { id: { in: claimIds.slice(0, EVIDENCE_MAX_CLAIMS) }, article: { membership: { eventId } } },
      orderBy: { id: "asc" },
      select: { id: true, articleId: true, sentence: true, sentenceStart: true, sentenceEnd: true, start: true, end: true, phrase: true },
    }),
  ]);
  return event ? rows : null;
}
