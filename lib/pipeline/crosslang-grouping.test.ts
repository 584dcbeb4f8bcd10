import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import { EventGrouper, groupDocuments, type Assignment, type ClusterDoc } from "../cluster";
import { analyseArticle } from "./analyse";
import { crossLanguageSignals } from "./grouper";

/**
 * Cross-language grouping measured on original fixtures (lib/cluster/fixtures/multilingual.jsonl:
 * invented events in real places, each reported in English, French, Spanish and/or German, plus
 * distractors: the same place on another day, the same day and kind of event in another place,
 * the same place and day with another kind of event, and an Italian report of an earlier event).
 * Every article goes through the analysis ingest runs (language detection, places, event day,
 * figures), so the test measures the whole chain, not hand-made signals.
 */
const FIXTURES = path.resolve(import.meta.dirname, "../cluster/fixtures/multilingual.jsonl");
const fixtureSchema = z.object({
  id: z.string(),
  event: z.string(),
  date: z.string(),
  outlet: z.string(),
  title: z.string(),
  text: z.string(),
});
type Fixture = z.infer<typeof fixtureSchema>;

function loadFixtures(): Fixture[] {
  return fs
    .readFileSync(FIXTURES, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => fixtureSchema.parse(JSON.parse(l)));
}

function toDoc(f: Fixture, withSignals: boolean): ClusterDoc & { detected: string | null } {
  const a = analyseArticle({ text: f.text, title: f.title, language: null, publishedAt: f.date });
  return {
    id: f.id,
    title: f.title,
    text: f.text,
    date: f.date,
    outlet: f.outlet,
    url: `https://${f.outlet}/${f.id}`,
    detected: a.language,
    ...(withSignals ? { language: a.language, signals: crossLanguageSignals(a.location.places, a.location.eventDay, a.extraction.claims) } : {}),
  };
}

/** Pairwise and B-cubed precision/recall/F1 of a grouping against the gold events (as ../shared/eval scores them). */
function score(gold: Map<string, string>, system: Map<string, Assignment>) {
  const ids = [...gold.keys()];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const g = gold.get(ids[i]!) === gold.get(ids[j]!);
      const s = system.get(ids[i]!)?.eventId === system.get(ids[j]!)?.eventId;
      if (g && s) tp++;
      else if (s) fp++;
      else if (g) fn++;
    }
  }
  const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  let bp = 0;
  let br = 0;
  for (const d of ids) {
    const sys = ids.filter((x) => system.get(x)?.eventId === system.get(d)?.eventId);
    const gld = ids.filter((x) => gold.get(x) === gold.get(d));
    const both = sys.filter((x) => gold.get(x) === gold.get(d)).length;
    bp += both / sys.length;
    br += both / gld.length;
  }
  bp /= ids.length;
  br /= ids.length;
  return { pairwise: { p, r, f1: f1(p, r) }, bcubed: { p: bp, r: br, f1: f1(bp, br) } };
}

describe("grouping across languages (original multilingual fixtures)", () => {
  let fixtures: Fixture[];
  let gold: Map<string, string>;
  let withSignals: Map<string, Assignment>;
  let wordsOnly: Map<string, Assignment>;
  let detected: Map<string, string | null>;

  beforeAll(() => {
    fixtures = loadFixtures();
    gold = new Map(fixtures.map((f) => [f.id, f.event]));
    const docs = fixtures.map((f) => toDoc(f, true));
    detected = new Map(docs.map((d) => [d.id, d.detected]));
    withSignals = groupDocuments(docs);
    wordsOnly = groupDocuments(fixtures.map((f) => toDoc(f, false)));
  });

  test("the fixtures are in four languages with an extraction pack, plus one without, as detected", () => {
    const expected = (id: string) => id.slice(id.lastIndexOf("-") + 1);
    for (const f of fixtures) expect([f.id, detected.get(f.id)]).toEqual([f.id, expected(f.id)]);
  });

  test("reports of one event in different languages form one event; distractors stay apart", () => {
    const s = score(gold, withSignals);
    const byEvent = new Map<string, string[]>();
    for (const [id, a] of withSignals) byEvent.set(a.eventId, [...(byEvent.get(a.eventId) ?? []), id]);
    // Every gold event is exactly one system event.
    expect([...byEvent.values()].map((ids) => ids.sort()).sort()).toEqual(
      [...new Set(gold.values())].map((e) => fixtures.filter((f) => f.event === e).map((f) => f.id).sort()).sort(),
    );
    expect(s.pairwise.f1).toBe(1);
    expect(s.bcubed.f1).toBe(1);
  });

  test("without cross-language evidence the same articles are split by language (what the signals add)", () => {
    const s = score(gold, wordsOnly);
    expect(s.pairwise.r).toBeLessThan(0.5);
    expect(score(gold, withSignals).pairwise.r).toBe(1);
  });

  test.each([
    ["same place, two weeks later", "lyon-depot-fire-fr", "lyon-fire-en"],
    ["same day and kind of event, another city", "toulouse-fire-es", "lyon-fire-fr"],
    ["same place and day, another kind of event", "bilbao-plant-fire-de", "bilbao-train-es"],
    ["same place, three weeks earlier, a language without a pack", "izmir-quake-april-it", "izmir-quake-en"],
  ])("distractor: %s", (_name, distractor, event) => {
    expect(withSignals.get(distractor)!.eventId).not.toBe(withSignals.get(event)!.eventId);
    expect(withSignals.get(distractor)!.isNew).toBe(true);
  });

  test("explain() shows the evidence that joined a report in another language", () => {
    const grouper = new EventGrouper();
    const en = fixtures.find((f) => f.id === "bilbao-train-en")!;
    const fr = fixtures.find((f) => f.id === "bilbao-train-fr")!;
    const first = grouper.assign(toDoc(en, true));
    const [best] = grouper.explain(toDoc(fr, true));
    expect(best).toMatchObject({ eventId: first.eventId, bestDocId: "bilbao-train-en" });
    expect(best!.crossLanguage).toMatchObject({ place: 0.35, day: 0.25, concept: 0.15, figures: 0.2 });
    expect(best!.score).toBeGreaterThanOrEqual(0.16);
  });
});
