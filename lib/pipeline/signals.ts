import type { CrossLanguageSignals } from "../cluster/types";
import { parsePlaceCandidates } from "../places/serialize";

/**
 * The language-independent evidence grouping compares across languages: the places of
 * `Article.places` (JSON, as lib/places computed them), the event day, and the figures that are
 * about this event. Null when the places were never computed (rows older than lib/places).
 */
export function crossLanguageSignals(
  places: string | null,
  eventDay: string | null,
  claims: ReadonlyArray<{ kind: string; min: number | null; max: number | null; isContext?: boolean }>,
): CrossLanguageSignals | null {
  if (places === null) return null;
  return {
    places: parsePlaceCandidates(places).map((p) => ({ name: p.n, country: p.c, kind: p.t, weight: p.w })),
    eventDay,
    figures: claims.filter((c) => !c.isContext).map((c) => ({ kind: c.kind, min: c.min, max: c.max })),
  };
}
