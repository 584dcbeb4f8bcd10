import { getDatabase, type Database } from "../db";
import type { FigureBlindspot } from "../provenance";
import type {
  EventClaim,
  EventDetail,
  EventSections,
  EventStatement,
  FigureBlindspotRow,
  ListedOutlets,
  SectionLimits,
  SpeakerGroup,
  StatementBlindspotRow,
} from "../schemas/dto";
import type { EventDetailFilters } from "../schemas/filters";
import { articleIndex, claimIndex, hasMixedLanguages, pickArticles } from "./comparison-index";
import { getEvent } from "./event-detail";

/**
 * The event page's "Blindspots" and "Statements by speaker" sections, which it loads from the
 * browser when they near the viewport (/api/events/:id/sections): both are computed over the
 * whole comparison, and rendered in the page they made a large event's page about a third slower
 * and half again as long. The answer is cut to what the sections show, so a speaker quoted by
 * hundreds of outlets, or a figure every outlet gives, does not send every outlet and statement.
 */

/** The claim a figure's row opens as evidence: one stating it in its most common form, else its first. */
export function evidenceClaim(f: Pick<FigureBlindspot, "forms" | "claimIds">, claims: ReadonlyMap<number, EventClaim>): EventClaim | undefined {
  const main = f.forms[0];
  return (
    f.claimIds.map((id) => claims.get(id)).find((c) => c && main && c.min === main.min && c.max === main.max && c.qualifier === main.qualifier) ??
    claims.get(f.claimIds[0]!)
  );
}

const listed = (keys: string[], n: number): ListedOutlets => ({ keys: keys.slice(0, n), total: keys.length });

/**
 * One speaker's statements cut to what a block shows: every quote of the outlets side by side
 * (up to `perOutlet + 1` for a minor block, whose "N more" links the next one), the first quote
 * of each outlet named by a link, nothing of the rest; `sizes` keeps each outlet's count.
 */
export function trimSpeakerGroup(group: SpeakerGroup, minor: boolean, limits: SectionLimits): SpeakerGroup {
  const keys = Object.keys(group.byOutlet);
  const side = minor ? limits.minorOutlets : limits.speakerOutlets;
  const byOutlet: Record<string, EventStatement[]> = {};
  const sizes: Record<string, number> = {};
  keys.forEach((k, i) => {
    const list = group.byOutlet[k]!;
    sizes[k] = list.length;
    if (i < side) byOutlet[k] = minor ? list.slice(0, limits.minorPerOutlet + 1) : list;
    else if (i < side + limits.namedOutlets) byOutlet[k] = list.slice(0, 1);
    else byOutlet[k] = [];
  });
  return { speaker: group.speaker, byOutlet, sizes };
}

/** Cut a full event detail to its sections (pure: see getEventSections). */
export function toEventSections(detail: EventDetail, limits: SectionLimits, allSpeakers: boolean): EventSections {
  const claims = claimIndex(detail.comparison);
  const info = articleIndex(detail.comparison);
  const statements = new Map<number, EventStatement>();
  for (const r of detail.comparison) for (const s of r.statements) statements.set(s.id, s);
  const cited = new Set<string>();
  const names = new Set<string>();
  const name = (l: ListedOutlets) => {
    for (const k of l.keys) names.add(k);
    return l;
  };

  const { blindspots } = detail;
  const figures = blindspots.figures.slice(0, limits.blindspotRows).map(({ reportedBy, omittedBy, claimIds, ...f }): FigureBlindspotRow => {
    const claim = evidenceClaim({ forms: f.forms, claimIds }, claims) ?? null;
    if (claim) cited.add(claim.articleId);
    return { ...f, reportedBy: name(listed(reportedBy, limits.blindspotNames)), omittedBy: name(listed(omittedBy, limits.blindspotNames)), claim };
  });
  const quotes = blindspots.statements.slice(0, limits.blindspotRows).map(({ reportedBy, omittedBy, statementIds, ...q }): StatementBlindspotRow => {
    const s = statements.get(statementIds[0]!);
    return {
      ...q,
      reportedBy: name(listed(reportedBy, limits.blindspotNames)),
      omittedBy: name(listed(omittedBy, limits.blindspotNames)),
      first: s ? { id: s.id, articleId: s.articleId } : null,
    };
  });

  const shown = allSpeakers ? detail.speakers : detail.speakers.slice(0, limits.speakers);
  const groups = shown.map((g, i) => trimSpeakerGroup(g, i >= limits.speakers, limits));
  const speakerOutlets = new Set<string>();
  for (const g of groups) {
    for (const [k, list] of Object.entries(g.byOutlet)) {
      if (list.length) speakerOutlets.add(k);
      for (const s of list) cited.add(s.articleId);
    }
  }

  return {
    blindspots: {
      outletCount: blindspots.outlets.length,
      outlets: blindspots.outlets.filter((o) => names.has(o.key)),
      figures,
      statements: quotes,
      totals: blindspots.totals,
    },
    speakers: { groups, total: detail.speakers.length },
    outlets: detail.facets.outlets.filter((o) => speakerOutlets.has(o.key)).map(({ key, name, kind }) => ({ key, name, kind })),
    articles: pickArticles(info, cited),
    mixedLanguages: hasMixedLanguages(info),
  };
}

/**
 * The event page's blindspots and statements by speaker for these filters, cut to `limits`;
 * null when the event does not exist.
 */
export async function getEventSections(
  id: string,
  f: EventDetailFilters,
  limits: SectionLimits,
  allSpeakers: boolean,
  database: Database = getDatabase(),
): Promise<EventSections | null> {
  const detail = await getEvent(id, f, database, { byAuthority: false, blindspotRows: limits.blindspotRows });
  return detail && toEventSections(detail, limits, allSpeakers);
}
