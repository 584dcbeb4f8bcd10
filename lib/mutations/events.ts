import { eventTitle } from "../cluster";
import type { Db } from "../db";
import { chooseDay, choosePlace } from "../places/choose";
import { parsePlaceCandidates } from "../places/serialize";
import { countIndependentSources, figuresBySource, isIndependent, resolveOrigins, toProvenanceArticle } from "../provenance";

type Tx = Pick<Db, "event" | "eventArticle" | "article" | "casualtyClaim">;

export interface FigureSummary {
  min: number | null;
  max: number | null;
  median: number | null;
  divergence: number | null;
}

/**
 * Spread of the figures independent sources give for one kind. Each source contributes its
 * lower bound (`min`, else `max`): an "at least 62" and an "83 to 90" disagree by 62 vs 83.
 * The event's range is [lowest lower bound, highest stated bound]. Divergence is the
 * range of lower bounds relative to their median, so 62 vs 90 scores 0.37 whatever the scale;
 * a single source, or none, has no divergence.
 */
export function summariseFigures(figures: { min: number | null; max: number | null }[]): FigureSummary {
  const lows = figures.map((f) => f.min ?? f.max).filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (lows.length === 0) return { min: null, max: null, median: null, divergence: null };
  const highs = figures.map((f) => f.max ?? f.min).filter((v): v is number => v !== null);
  const mid = Math.floor(lows.length / 2);
  const median = lows.length % 2 ? lows[mid]! : (lows[mid - 1]! + lows[mid]!) / 2;
  const spread = lows[lows.length - 1]! - lows[0]!;
  const divergence = lows.length < 2 ? null : median > 0 ? spread / median : spread > 0 ? 1 : 0;
  return { min: lows[0]!, max: Math.max(...highs, lows[lows.length - 1]!), median, divergence };
}

/**
 * Recompute the denormalised columns of the given events (counts, dates, figure ranges, medians,
 * divergence, title, main place and day) from their members. Events left with no members are
 * deleted. A title an analyst set (`titleManual`) is kept. Runs inside the caller's transaction.
 *
 * Place and day come from what ingest stored on each article (`Article.places`, `eventDay`):
 * no text is read here, so the cost stays one query per 200 events plus one update per event.
 *
 * @returns the ids among `eventIds` that were deleted because they had no members left
 */
export async function refreshEvents(tx: Tx, eventIds: Iterable<string>): Promise<string[]> {
  const ids = [...new Set(eventIds)];
  const deleted: string[] = [];
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200);
    const members = await tx.eventArticle.findMany({
      where: { eventId: { in: chunk } },
      // A fixed order: the title chooser breaks ties by position, so both databases agree.
      orderBy: [{ article: { publishedAt: { sort: "asc", nulls: "last" } } }, { articleId: "asc" }],
      select: {
        eventId: true,
        article: {
          select: {
            id: true,
            title: true,
            publishedAt: true,
            publishedDay: true,
            places: true,
            eventDay: true,
            outletId: true,
            outlet: { select: { name: true, key: true } },
            url: true,
            syndicatedFromId: true,
            syndicatedFrom: { select: { id: true, outlet: { select: { key: true, name: true } } } },
            originalSourceName: true,
            originalSourceUrl: true,
            claims: {
              where: { isHeadline: true, isContext: false, kind: { in: ["killed", "wounded"] } },
              select: { kind: true, min: true, max: true, isHeadline: true, isContext: true },
            },
          },
        },
      },
    });
    const byEvent = new Map<string, (typeof members)[number]["article"][]>();
    for (const m of members) {
      const list = byEvent.get(m.eventId) ?? [];
      list.push(m.article);
      byEvent.set(m.eventId, list);
    }
    const empty = chunk.filter((id) => !byEvent.has(id));
    if (empty.length) {
      const gone = await tx.event.findMany({ where: { id: { in: empty } }, select: { id: true } });
      await tx.event.deleteMany({ where: { id: { in: empty } } });
      deleted.push(...gone.map((e) => e.id));
    }

    const current = await tx.event.findMany({ where: { id: { in: chunk } }, select: { id: true, titleManual: true } });
    const manualTitle = new Set(current.filter((e) => e.titleManual).map((e) => e.id));
    for (const [eventId, articles] of byEvent) {
      // Independent sources as the event page counts them (lib/provenance): detected copies and
      // declared republications count for their original, once, whoever carries them.
      const origins = resolveOrigins(articles.map(toProvenanceArticle));
      const independent = articles.filter((a) => isIndependent(a.id, origins));
      // Where and when: what independent reports say (copies repeat their original); all if none is.
      const voters = independent.length ? independent : articles;
      const place = choosePlace(voters.map((a) => parsePlaceCandidates(a.places)));
      const killed = summariseFigures(figuresBySource(articles, origins, "killed"));
      const wounded = summariseFigures(figuresBySource(articles, origins, "wounded"));
      const times = articles.map((a) => a.publishedAt?.getTime()).filter((t): t is number => t !== undefined);
      await tx.event.update({
        where: { id: eventId },
        data: {
          ...(manualTitle.has(eventId) ? {} : { title: eventTitle(articles.map((a) => ({ title: a.title, outlet: a.outlet.name }))) }),
          place: place?.label ?? null,
          day: chooseDay(voters),
          articleCount: articles.length,
          sourceCount: countIndependentSources(articles.map((a) => a.id), origins),
          outletCount: new Set(articles.map((a) => a.outletId)).size,
          firstSeen: times.length ? new Date(Math.min(...times)) : null,
          lastSeen: times.length ? new Date(Math.max(...times)) : null,
          killedMin: killed.min,
          killedMax: killed.max,
          killedMedian: killed.median,
          woundedMin: wounded.min,
          woundedMax: wounded.max,
          woundedMedian: wounded.median,
          divergence: killed.divergence,
        },
      });
    }
  }
  return deleted;
}
