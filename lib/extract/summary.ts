import type { DraftClaim } from "./casualties";
import type { Bounds, ExtractionSummary } from "./types";

function point(c: DraftClaim): number {
  return c.min ?? c.max ?? 0;
}

/**
 * Choose the headline figure per kind (killed, wounded) and mark its claim `isHeadline`.
 *
 * Rule, in order:
 * 1. Only claims of the kind that are not context (totals over time, other incidents) count, and
 *    only positive ones; an uncounted event ("a fatal shooting") counts only in the lead.
 * 2. If the lead (title + first three body sentences) has such a claim, only the lead competes:
 *    later figures are often background or other incidents.
 * 3. Tiers: an explicit number outside quotes; then implicit victims ("a man was killed",
 *    "Jones, 25, died") and counted events ("a double homicide"), the larger count winning since
 *    each sentence may name only some victims; then victims only said to be "shot"/hospitalised
 *    (wounded only, and only when nobody was killed -- in fatal shootings "was shot" describes the
 *    dead); then numbers and implicit victims inside quotations. Within a tier the title wins,
 *    then the earliest claim -- except that among explicit numbers a larger figure for people in
 *    general beats one for a subgroup ("two civilians killed" vs "kill three people" -> 3).
 * 4. For implicit victims the figure is the larger of the claim's count and the number of
 *    distinct victim surnames in the competing claims ("fatally shot LeGrier ... also killed a
 *    neighbor, Bettie Jones" -> 2).
 * 5. Wounded when someone died: if the lead says more people were shot than were killed ("Two
 *    shot ... one has died"), the difference is the wounded figure when larger -- unless another
 *    figure says that many died ("Fox and her boyfriend ... with gunshot wounds. Both were
 *    pronounced dead").
 * 6. With no positive claim, a negation ("no one was hurt") gives {0, 0}; otherwise null.
 *
 * GVDB gold counts the victims of the main incident, which is what this approximates.
 */
export function summarise(claims: DraftClaim[], leadEnd: number, genericGroups: RegExp = GENERIC_EN): ExtractionSummary {
  const killed = pick(claims, "killed", leadEnd, false, genericGroups);
  // A victim only said to be "shot" counts as wounded unless someone died: in fatal shootings
  // "was shot" mostly describes how the dead victim died.
  let wounded = pick(claims, "wounded", leadEnd, !killed || !killed.min, genericGroups);
  // "Two shot near Pimlico ... one of the victims has died": victims shot in the lead beyond those
  // killed are the wounded -- unless a figure elsewhere says they all died ("Both were pronounced
  // dead").
  if (killed?.min) {
    const shot = claims.filter((c) => c.kind === "wounded" && c.basis === "shot" && !c.isContext && c.sentenceIndex < leadEnd && c.min !== null && c.min > killed.min!);
    const most = shot.sort((a, b) => (b.min ?? 0) - (a.min ?? 0))[0];
    const allDied = !!most && claims.some((c) => c.kind === "killed" && !c.isContext && !c.inQuote && c.basis !== "negation" && (c.min ?? 0) >= most.min!);
    if (most && !allDied && most.min! - killed.min > (wounded?.min ?? 0)) {
      for (const c of claims) if (c.kind === "wounded") c.isHeadline = false;
      most.isHeadline = true;
      wounded = { min: most.min! - killed.min, max: most.max === null ? null : most.max - killed.min };
    }
  }
  return { killed, wounded };
}

const GENERIC_EN = /^(?:people|persons|victims|others|individuals|in all|in total)$/i;

/** A figure about people in general ("three people", "12"), not a subgroup ("two civilians"). */
function generic(c: DraftClaim, genericGroups: RegExp): boolean {
  return !c.victimGroup || genericGroups.test(c.victimGroup);
}

function tier(c: DraftClaim): number {
  if (c.basis === "number") return c.inQuote ? 3 : 0;
  if (c.basis === "implicit") return c.inQuote ? 4 : 1;
  if (c.basis === "shot") return c.inQuote ? 5 : 2;
  if (c.basis === "event") return c.inQuote ? 4 : 1;
  return 9;
}

function pick(claims: DraftClaim[], kind: "killed" | "wounded", leadEnd: number, allowShot: boolean, genericGroups: RegExp): Bounds | null {
  const own = claims.filter((c) => c.kind === kind && !c.isContext && (allowShot || c.basis !== "shot"));
  // An event without a count ("a fatal shooting") only stands for this article's event in the lead.
  const all = own.filter((c) => point(c) > 0 && (c.basis !== "event" || c.sentenceIndex < leadEnd));
  // Figures later in the article are often other incidents or background; when the lead has a
  // figure of this kind, only the lead competes.
  const lead = all.filter((c) => c.sentenceIndex < leadEnd);
  const positive = lead.length ? lead : all;
  let best: DraftClaim | undefined;
  for (const c of positive) {
    if (!best) {
      best = c;
      continue;
    }
    const tc = tier(c);
    const tb = tier(best);
    // Implicit victims and counted events ("a double homicide") share a tier: the larger count wins,
    // since each sentence names only some of the victims.
    // A figure for some of the victims ("two civilians killed") is a lower bound of one for all of
    // them ("kill three people"): the general, larger one wins.
    const subgroup = tc === 0 && point(c) > point(best) && generic(c, genericGroups) && !generic(best, genericGroups);
    const larger = ((tc === 1 || tc === 2) && point(c) > point(best)) || subgroup;
    if (tc < tb || (tc === tb && (larger || (c.inTitle && !best.inTitle && point(c) >= point(best))))) best = c;
  }
  if (!best) best = own.find((c) => c.basis === "negation");
  if (!best) return null;
  best.isHeadline = true;
  if (best.basis === "implicit") {
    // Victims counted one by one across sentences ("fatally shot LeGrier" ... "also shot and killed
    // a neighbor, Bettie Jones"): the number of distinct surnames, when larger.
    const names = new Set<string>();
    for (const c of positive) if (c.basis === "implicit" && !c.inQuote) for (const n of c.victimNames ?? []) names.add(n);
    const n = Math.max(point(best), names.size);
    if (n > point(best)) return { min: n, max: n };
  }
  return { min: best.min, max: best.max };
}
