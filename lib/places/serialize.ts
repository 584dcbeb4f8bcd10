/**
 * `Article.places` as stored: a JSON array of `PlaceCandidate`. Reading never throws: a value
 * that is not what ingest wrote (hand-edited, older shape) reads as no places.
 */
import type { PlaceCandidate } from "./extract";

const KINDS = new Set(["city", "region", "country"]);

export function serializePlaceCandidates(places: PlaceCandidate[]): string {
  return JSON.stringify(places);
}

export function parsePlaceCandidates(json: string | null | undefined): PlaceCandidate[] {
  if (!json) return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const out: PlaceCandidate[] = [];
  for (const v of value as unknown[]) {
    if (typeof v !== "object" || v === null) continue;
    const p = v as Record<string, unknown>;
    if (typeof p.n !== "string" || p.n === "" || typeof p.t !== "string" || !KINDS.has(p.t) || typeof p.w !== "number" || !Number.isFinite(p.w)) continue;
    out.push({
      n: p.n,
      c: typeof p.c === "string" ? p.c : null,
      a: typeof p.a === "string" ? p.a : null,
      t: p.t as PlaceCandidate["t"],
      w: p.w,
      ...(p.g === 1 ? { g: 1 as const } : {}),
    });
  }
  return out;
}
