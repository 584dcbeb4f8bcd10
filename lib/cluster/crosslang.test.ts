import { describe, expect, test } from "vitest";
import { crossEvidence, crossProfile, invariantTokens } from "./crosslang";
import { EventGrouper } from "./grouper";
import { eventConcepts } from "./lang";
import type { ClusterDoc, CrossLanguageSignals } from "./types";

const strike = (over: Partial<CrossLanguageSignals> = {}): CrossLanguageSignals => ({
  places: [{ name: "Deir ez-Zor", country: "Syria", kind: "city", weight: 4 }],
  eventDay: "2016-09-17",
  figures: [{ kind: "killed", min: 62, max: null }],
  ...over,
});

function doc(id: string, language: string | null, title: string, text: string, date: string, signals: CrossLanguageSignals | null): ClusterDoc {
  return { id, title, text, date, outlet: `${id}.example`, url: null, language, signals };
}

const EN = doc(
  "en1",
  "en",
  "Coalition air strike kills 62 Syrian soldiers near Deir ez-Zor",
  "At least 62 Syrian soldiers were killed on Saturday when coalition jets struck army positions near Deir ez-Zor airport, the Russian Defence Ministry said. Two F-16 and two A-10 aircraft hit Jabal Tharda hill.",
  "2016-09-17T18:00:00Z",
  strike(),
);
const FR = doc(
  "fr1",
  "fr",
  "Deir ez-Zor : au moins 62 soldats syriens tués dans une frappe de la coalition",
  "Au moins 62 soldats syriens ont été tués samedi dans une frappe aérienne de la coalition menée par Washington, selon Moscou.",
  "2016-09-18T08:00:00Z",
  strike(),
);

describe("event-type terms per language", () => {
  test.each([
    ["en", "Coalition air strike kills 62", "airstrike"],
    ["fr", "une frappe aérienne de la coalition", "airstrike"],
    ["es", "un bombardeo aéreo de la coalición", "airstrike"],
    ["de", "Koalitionsluftangriff auf syrische Truppen", "airstrike"],
    ["fr", "Inondations meurtrières à Graz", "flood"],
    ["es", "Cuatro muertos al descarrilar un tren", "crash"],
    ["de", "Großbrand in einer Lagerhalle", "fire"],
  ])("%s: %s -> %s", (language, text, concept) => {
    expect([...eventConcepts(text, language)]).toContain(concept);
  });

  test("shooting is not a fire: 'opened fire', 'eröffnete das Feuer'", () => {
    expect([...eventConcepts("gunmen opened fire on the crowd", "en")]).toEqual(["shooting"]);
    expect([...eventConcepts("der Schütze eröffnete das Feuer", "de")]).toEqual(["shooting"]);
  });

  test("a language without a module names no concept", () => {
    expect(eventConcepts("un attacco aereo", "it").size).toBe(0);
  });
});

describe("names and numbers that survive translation", () => {
  test("digits, codes and mid-sentence capitals; not years, sentence-initial words or excluded places", () => {
    const t = invariantTokens("Two F-16 jets hit Jabal Tharda in 2016. Officials counted 62 dead near Deir ez-Zor.", new Set(["deir", "ez", "zor"]));
    expect([...t].sort()).toEqual(["62", "f 16", "jabal", "tharda"]);
  });

  test("month names shared by English and German are not names", () => {
    expect(invariantTokens("It happened on 17 September in the city.", new Set())).toEqual(new Set(["17"]));
  });
});

describe("cross-language evidence", () => {
  test("same place, day, kind of event, figure and names: well above the threshold", () => {
    const e = crossEvidence(crossProfile(FR)!, crossProfile(EN)!);
    expect(e).toMatchObject({ place: 0.35, day: 0.25, concept: 0.15, figures: 0.2 });
    expect(e.names).toBeGreaterThan(0);
    expect(e.score).toBeGreaterThanOrEqual(0.9);
  });

  test.each([
    ["another place", { places: [{ name: "Aleppo", country: "Syria", kind: "city" as const, weight: 4 }] }],
    ["a country only", { places: [{ name: "Syria", country: "Syria", kind: "country" as const, weight: 4 }] }],
    ["a place of that name in another country", { places: [{ name: "Deir ez-Zor", country: "Iraq", kind: "city" as const, weight: 4 }] }],
    ["an event day three days off", { eventDay: "2016-09-20" }],
  ])("no evidence for %s", (_name, over) => {
    const other = { ...FR, signals: strike(over) };
    expect(crossEvidence(crossProfile(other)!, crossProfile(EN)!).score).toBe(0);
  });

  test("two kinds of event that exclude each other cost more than a figure gives", () => {
    const flood = { ...FR, title: "Inondations à Deir ez-Zor", text: "Des inondations ont fait 62 morts samedi à Deir ez-Zor." };
    const e = crossEvidence(crossProfile(flood)!, crossProfile(EN)!);
    expect(e.concept).toBe(-0.25);
    expect(e.score).toBeLessThan(0.7);
  });

  test("no profile without a language or signals", () => {
    expect(crossProfile({ ...FR, language: null })).toBeNull();
    expect(crossProfile({ ...FR, signals: null })).toBeNull();
  });
});

describe("the grouper across languages", () => {
  // A word-similarity threshold these short texts cannot reach, so only the cross-language
  // evidence can join them (its scale follows the threshold: evidence 0.7 scores 0.6).
  const WORDS_CANNOT = { threshold: 0.6 };

  test("a report in another language joins the event it matches on the evidence, and explain() says why", () => {
    const g = new EventGrouper();
    const en = g.assign(EN);
    const [best] = g.explain(FR);
    expect(best).toMatchObject({ eventId: en.eventId, crossLanguage: { place: 0.35, day: 0.25 } });
    expect(g.assign(FR)).toMatchObject({ eventId: en.eventId, isNew: false });
  });

  test("control: the same two articles without signals stay apart", () => {
    const g = new EventGrouper(WORDS_CANNOT);
    const en = g.assign({ ...EN, signals: null });
    expect(g.assign({ ...FR, signals: null }).eventId).not.toBe(en.eventId);
  });

  test("two articles in the same language are never joined on this evidence alone", () => {
    const g = new EventGrouper();
    const a = g.assign({ ...EN, text: "Officials gave a toll.", title: "Toll given" });
    const b = g.assign({ ...EN, id: "en2", outlet: "en2.example", text: "Residents described the noise.", title: "Residents speak" });
    expect(b.eventId).not.toBe(a.eventId);
  });

  test("a locked event gets no report in another language", () => {
    const g = new EventGrouper();
    const en = g.assign(EN);
    g.lock(en.eventId);
    expect(g.assign(FR).eventId).not.toBe(en.eventId);
  });

  test("with signals they join even when their words cannot", () => {
    const g = new EventGrouper(WORDS_CANNOT);
    const en = g.assign(EN);
    expect(g.assign(FR).eventId).toBe(en.eventId);
  });

  test("the article must name the event's main place, not only one member's", () => {
    const g = new EventGrouper(WORDS_CANNOT);
    const aleppo = { places: [{ name: "Aleppo", country: "Syria", kind: "city" as const, weight: 4 }] };
    const first = g.assign({ ...EN, id: "a", signals: strike(aleppo) });
    // Two more English members name Aleppo and, in passing, Deir ez-Zor.
    const both = strike({ places: [...aleppo.places, { name: "Deir ez-Zor", country: "Syria", kind: "city", weight: 1 }] });
    g.add({ ...EN, id: "b", outlet: "b.example", signals: both }, first.eventId);
    g.add({ ...EN, id: "c", outlet: "c.example", signals: strike(aleppo) }, first.eventId);
    expect(g.assign(FR).eventId).not.toBe(first.eventId);
  });
});
