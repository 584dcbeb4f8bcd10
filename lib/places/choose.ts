/**
 * An event's main place and day from what its articles say (the per-article candidates stored at
 * ingest). Pure and cheap: no gazetteer here, so refreshing an event's aggregates costs a few
 * map operations per article.
 */
import type { PlaceCandidate } from "./extract";
import { placeKey } from "./normalize";

/** How much a place of each kind is worth as an event's label: the most specific place wins ties of support. */
const SPECIFICITY = { city: 1, region: 0.85, country: 0.6 } as const;
/** Per-article evidence that counts as full agreement (a cue or better); weaker mentions count in part. */
const FULL_WEIGHT = 2;

export interface ChosenPlace {
  name: string;
  kind: PlaceCandidate["t"];
  country: string | null;
  state: string | null;
  /** "Deir ez-Zor, Syria", "Hawthorne, California", "Kellan Valley", "Syria". */
  label: string;
  /** Articles' agreement: sum over articles of min(weight, 2) / 2. */
  support: number;
}

/** "Deir ez-Zor, Syria"; a US place with its state; a country or US state alone. */
export function placeLabel(p: { name: string; kind: PlaceCandidate["t"]; country: string | null; state: string | null }): string {
  if (p.kind === "country") return p.name;
  // A US place without its state reads better alone than with "United States".
  const qualifier = p.state ?? (p.country === "United States" ? null : p.country);
  if (!qualifier || placeKey(qualifier) === placeKey(p.name)) return p.name;
  return `${p.name}, ${qualifier}`;
}

/**
 * The place most articles agree on, preferring the most specific: each article gives each place it
 * names up to one vote (less for a bare mention), a city's votes count in full, a region's 0.85,
 * a country's 0.6. A place whose country some articles leave open takes the country the others
 * give. Ties go to the stronger total evidence, then to the name, so the result does not depend
 * on the order of the articles.
 *
 * @param articles each article's candidates (`findPlaces`), copies left out by the caller
 * @returns null when no article names a place
 */
export function choosePlace(articles: PlaceCandidate[][]): ChosenPlace | null {
  interface Tally {
    name: string;
    kind: PlaceCandidate["t"];
    support: number;
    weight: number;
    qualifiers: Map<string, { country: string | null; state: string | null; votes: number }>;
  }
  const tallies = new Map<string, Tally>();
  const countries = new Map<string, number>();
  for (const candidates of articles) {
    const seen = new Set<string>();
    for (const p of candidates) {
      const key = `${p.t}|${placeKey(p.n)}`;
      const vote = Math.min(p.w, FULL_WEIGHT) / FULL_WEIGHT;
      let t = tallies.get(key);
      if (!t) {
        t = { name: p.n, kind: p.t, support: 0, weight: 0, qualifiers: new Map() };
        tallies.set(key, t);
      }
      // One vote per article and place, however often the article repeats it.
      if (!seen.has(key)) t.support += vote;
      seen.add(key);
      t.weight += p.w;
      if (p.c || p.a) {
        // Which state or country: a dateline or "Roswell, N.M." outweighs a guess by population.
        const qk = `${p.c ?? ""}|${p.a ?? ""}`;
        const q = t.qualifiers.get(qk) ?? { country: p.c, state: p.a, votes: 0 };
        q.votes += p.w * (p.g ? 0.25 : 1);
        t.qualifiers.set(qk, q);
      }
      if (p.t === "country") countries.set(p.n, (countries.get(p.n) ?? 0) + vote);
    }
  }
  let best: Tally | null = null;
  let bestScore = -1;
  for (const t of tallies.values()) {
    const score = t.support * SPECIFICITY[t.kind];
    const better =
      score > bestScore + 1e-9 ||
      (Math.abs(score - bestScore) <= 1e-9 && best !== null && (t.weight > best.weight + 1e-9 || (Math.abs(t.weight - best.weight) <= 1e-9 && t.name < best.name)));
    if (better) {
      best = t;
      bestScore = score;
    }
  }
  if (!best) return null;
  let country: string | null = null;
  let state: string | null = null;
  let votes = 0;
  for (const q of [...best.qualifiers.values()].sort((a, b) => `${a.country}|${a.state}`.localeCompare(`${b.country}|${b.state}`))) {
    if (q.votes > votes) [country, state, votes] = [q.country, q.state, q.votes];
  }
  // A place no article gave a country for ("Port Casmir") takes the country most articles name, if one stands out.
  if (!country && best.kind !== "country") {
    const ranked = [...countries.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (ranked[0] && ranked[0][1] >= 1 && (ranked[1]?.[1] ?? 0) < ranked[0][1] / 2) country = ranked[0][0];
  }
  const chosen = { name: best.name, kind: best.kind, country, state, support: Math.round(best.support * 100) / 100 };
  return { ...chosen, label: placeLabel(chosen) };
}

/**
 * The day most articles say the event happened (their `eventDay`); ties go to the earlier day.
 * Without any, the earliest publication day (the first report is closest to the event).
 */
export function chooseDay(articles: { eventDay: string | null; publishedDay: string | null }[]): string | null {
  const votes = new Map<string, number>();
  for (const a of articles) if (a.eventDay) votes.set(a.eventDay, (votes.get(a.eventDay) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [day, k] of votes) if (k > n || (k === n && best !== null && day < best)) [best, n] = [day, k];
  if (best) return best;
  const published = articles.map((a) => a.publishedDay).filter((d): d is string => !!d).sort();
  return published[0] ?? null;
}
