import { describe, expect, test } from "vitest";
import { EventGrouper, groupDocuments, parseDay, type EventConcept } from "./index";
import { kindsClash, penaltyGap, placesClash } from "./grouper";
import {
  GAS_STATION_1,
  GAS_STATION_2,
  GAS_STATION_FOLLOW_UP,
  OAK_AVENUE_1,
  OAK_AVENUE_2,
  WIRE_COPY,
  WIRE_ORIGINAL,
  background,
  doc,
} from "./test-fixtures";
import type { ClusterDoc, GrouperOptions } from "./types";

/** Group `docs` after a background of unrelated incidents; return id -> event id. */
function group(docs: ClusterDoc[], bgStart = "2021-02-01") {
  const all = [...background(bgStart), ...docs];
  return groupDocuments(all);
}

function together(out: ReturnType<typeof group>, a: string, b: string): boolean {
  return out.get(a)?.eventId === out.get(b)?.eventId;
}

/** How `article` scores for the event `first` opened and `second` joined, after the background, under `opts`. */
function candidateFor(opts: Partial<GrouperOptions>, first: ClusterDoc, second: ClusterDoc, article: ClusterDoc) {
  const grouper = new EventGrouper(opts);
  grouper.observe([...background("2021-02-01"), first, second, article]);
  for (const d of background("2021-02-01")) grouper.assign(d);
  const eventId = grouper.assign(first).eventId;
  grouper.add(second, eventId);
  return grouper.explain(article).find((c) => c.eventId === eventId)!;
}

describe("groupDocuments: which articles share an event", () => {
  test.each([
    {
      name: "same event, two outlets, same day, different wording",
      docs: [GAS_STATION_1, GAS_STATION_2],
      same: [["gas-1", "gas-2"]],
      apart: [],
    },
    {
      name: "two distinct events in one city on one day stay apart",
      docs: [GAS_STATION_1, OAK_AVENUE_1, GAS_STATION_2, OAK_AVENUE_2],
      same: [
        ["gas-1", "gas-2"],
        ["oak-1", "oak-2"],
      ],
      apart: [
        ["gas-1", "oak-1"],
        ["gas-2", "oak-2"],
        ["gas-1", "oak-2"],
      ],
    },
    {
      name: "same event reported days apart with different wording joins",
      docs: [GAS_STATION_1, OAK_AVENUE_1, GAS_STATION_FOLLOW_UP],
      same: [["gas-1", "gas-3"]],
      apart: [["oak-1", "gas-3"]],
    },
    {
      name: "same wording three months later is a republished copy: joins",
      docs: [GAS_STATION_1, { ...GAS_STATION_1, id: "gas-1-again", date: "2021-06-14", outlet: "other.example" }],
      same: [["gas-1", "gas-1-again"]],
      apart: [],
    },
    {
      name: "same wording a year apart opens a new event",
      docs: [GAS_STATION_1, { ...GAS_STATION_1, id: "gas-1-again", date: "2022-03-14", outlet: "other.example" }],
      same: [],
      apart: [["gas-1", "gas-1-again"]],
    },
  ])("$name", ({ docs, same, apart }) => {
    const out = group(docs);
    for (const [a, b] of same) expect(together(out, a ?? "", b ?? ""), `${a} with ${b}`).toBe(true);
    for (const [a, b] of apart) expect(together(out, a ?? "", b ?? ""), `${a} apart from ${b}`).toBe(false);
    // No background incident is pulled into a test event.
    for (const d of docs) {
      for (const bg of background("2021-02-01")) expect(together(out, d.id, bg.id)).toBe(false);
    }
  });

  test("background incidents each stay on their own", () => {
    const out = group([]);
    expect(new Set([...out.values()].map((a) => a.eventId)).size).toBe(out.size);
  });
});

describe("near-duplicates (republished copies)", () => {
  test.each([
    { name: "copy after the original", order: [WIRE_ORIGINAL, WIRE_COPY], original: "wire-1", copy: "wire-2" },
    { name: "input order does not matter for same-day copies", order: [WIRE_COPY, WIRE_ORIGINAL], original: "wire-2", copy: "wire-1" },
  ])("$name: duplicateOf set, same event", ({ order, original, copy }) => {
    const out = group(order);
    const a = out.get(copy);
    expect(a?.duplicateOf).toBe(original);
    expect(a?.duplicateScore).toBeGreaterThanOrEqual(0.7);
    expect(a?.eventId).toBe(out.get(original)?.eventId);
    expect(out.get(original)?.duplicateOf).toBeNull();
  });

  test("a rewrite of the same facts is not a duplicate", () => {
    const out = group([GAS_STATION_1, GAS_STATION_2]);
    expect(out.get("gas-2")?.duplicateOf).toBeNull();
  });

  test("a duplicate joins its original's event even when the text score is low", () => {
    // Same body, a title from another event: the copy still goes where the original went.
    const copy = { ...WIRE_ORIGINAL, id: "wire-3", title: "Weekend news roundup", outlet: "roundup.example" };
    const out = group([WIRE_ORIGINAL, copy]);
    expect(out.get("wire-3")?.duplicateOf).toBe("wire-1");
    expect(together(out, "wire-1", "wire-3")).toBe(true);
  });
});

describe("EventGrouper: online use", () => {
  function warmGrouper(options = {}) {
    const g = new EventGrouper(options);
    for (const d of background("2021-02-01")) g.assign(d);
    return g;
  }

  test.each([
    { name: "unlocked: the follow-up joins", lock: "none" },
    { name: "lock(): no automatic joins", lock: "method" },
    { name: "options.isLocked: no automatic joins", lock: "option" },
  ])("$name", ({ lock }) => {
    const locked = new Set<string>();
    const g = warmGrouper(lock === "option" ? { isLocked: (id: string) => locked.has(id) } : {});
    const first = g.assign(GAS_STATION_1);
    expect(first.isNew).toBe(true);
    expect(first.score).toBe(1);
    if (lock === "method") g.lock(first.eventId);
    if (lock === "option") locked.add(first.eventId);
    const second = g.assign(GAS_STATION_2);
    if (lock === "none") {
      expect(second.eventId).toBe(first.eventId);
      expect(second.isNew).toBe(false);
    } else {
      expect(second.eventId).not.toBe(first.eventId);
      expect(second.isNew).toBe(true);
    }
  });

  test("a locked event keeps even republished copies out", () => {
    const g = warmGrouper();
    const first = g.assign(WIRE_ORIGINAL);
    g.lock(first.eventId);
    const copy = g.assign(WIRE_COPY);
    expect(copy.duplicateOf).toBe("wire-1");
    expect(copy.eventId).not.toBe(first.eventId);
  });

  test("add() registers a known event that later articles can join", () => {
    const g = warmGrouper();
    g.add(GAS_STATION_1, "ev_from_database");
    const a = g.assign(GAS_STATION_FOLLOW_UP);
    expect(a.eventId).toBe("ev_from_database");
    expect(a.isNew).toBe(false);
    expect(a.score).toBeGreaterThan(0);
    expect(a.score).toBeLessThan(1);
  });

  test("event ids derive from the first article id", () => {
    const a = new EventGrouper().assign(GAS_STATION_1);
    const b = new EventGrouper().assign(GAS_STATION_1);
    expect(a.eventId).toMatch(/^ev_[0-9a-f]{12}$/);
    expect(a.eventId).toBe(b.eventId);
    expect(new EventGrouper().assign(OAK_AVENUE_1).eventId).not.toBe(a.eventId);
  });

  test("empty and undated articles are accepted", () => {
    const g = warmGrouper();
    const empty = g.assign(doc("empty", null, "", ""));
    expect(empty.isNew).toBe(true);
    const undated = g.assign({ ...GAS_STATION_2, date: null });
    expect(undated.eventId).toBeTruthy();
  });
});

describe("determinism and ordering", () => {
  const corpus = [
    ...background("2021-03-01"),
    GAS_STATION_2,
    OAK_AVENUE_1,
    WIRE_COPY,
    GAS_STATION_FOLLOW_UP,
    GAS_STATION_1,
    OAK_AVENUE_2,
    WIRE_ORIGINAL,
    { ...OAK_AVENUE_2, id: "oak-undated", date: null },
  ];

  test("same input, same output", () => {
    const a = JSON.stringify([...groupDocuments(corpus)]);
    const b = JSON.stringify([...groupDocuments(corpus)]);
    expect(a).toBe(b);
  });

  test("articles are assigned in date order; undated ones last", () => {
    const out = groupDocuments(corpus);
    // gas-1 and gas-2 share a date: the one earlier in the input opens the event.
    expect(out.get("gas-2")?.isNew).toBe(true);
    expect(out.get("gas-1")?.isNew).toBe(false);
    // the follow-up is dated later than gas-1 although it comes first in the input
    expect(out.get("gas-3")?.eventId).toBe(out.get("gas-2")?.eventId);
    expect(out.get("oak-undated")?.eventId).toBe(out.get("oak-1")?.eventId);
    expect(out.size).toBe(corpus.length);
  });
});

describe("parseDay", () => {
  test.each([
    ["2021-03-14", 18700],
    ["2021-03-14T23:59:59Z", 18700],
    ["1970-01-01", 0],
    [null, null],
    ["", null],
    ["March 14, 2021", null],
  ])("%s -> %s", (input, day) => {
    expect(parseDay(input)).toBe(day);
  });
});

describe("bounded state", () => {
  test("articles older than the window leave the index", () => {
    const g = new EventGrouper({ windowDays: 30 });
    for (let day = 0; day < 120; day++) {
      const date = new Date(Date.UTC(2021, 0, 1 + day)).toISOString().slice(0, 10);
      g.assign(doc(`d${day}`, date, `Shooting number ${day}`, `Incident ${day} happened on street ${day * 7}. Victim ${day} was hurt.`));
    }
    // days 89..119 are inside a 30-day window ending on day 119
    expect(g.indexedDocs).toBe(31);
  });

  test("undated articles are capped by count", () => {
    const g = new EventGrouper({ maxUndated: 5 });
    for (let i = 0; i < 12; i++) g.assign(doc(`u${i}`, null, `Report ${i}`, `Undated report number ${i} about street ${i * 3}.`));
    expect(g.indexedDocs).toBe(5);
  });

  test("explain() scores without changing state", () => {
    const g = new EventGrouper();
    for (const d of background("2021-02-01")) g.assign(d);
    g.assign(GAS_STATION_1);
    const before = g.explain(GAS_STATION_2);
    const again = g.explain(GAS_STATION_2);
    expect(again).toEqual(before);
    expect(before[0]?.bestDocId).toBe("gas-1");
    expect(g.indexedDocs).toBe(background("2021-02-01").length + 1);
  });
});

describe("kinds of event named by headlines", () => {
  // Fictional town; the same wording, figures and officials, as templated local reports are.
  const report = (id: string, date: string, kind: string, title: string): ClusterDoc => ({
    ...doc(
      id,
      date,
      title,
      `At least 7 people were killed when ${kind} hit Quarnby Vale on ${date}, the regional governor, Edda Morwenstal, said. ` +
        `Rescue teams from Quarnby Vale and Tessford searched through the night, and the Quarnby Vale district hospital treated 11 injured. ` +
        `Route 212 between Quarnby Vale and Tessford was closed.`,
      `${id}.example`,
    ),
    language: "en",
    signals: { places: [{ name: "Quarnby Vale", country: null, kind: "city", weight: 3 }], eventDay: date, figures: [{ kind: "killed", min: 7, max: 7 }] },
  });
  const flood1 = report("flood-1", "2021-03-02", "a flash flood", "Flood in Quarnby Vale kills 7");
  const flood2 = report("flood-2", "2021-03-02", "a flash flood", "Quarnby Vale flood: death toll at 7");
  const landslide = report("slide-1", "2021-09-20", "a landslide", "Landslide in Quarnby Vale kills 7");

  test("a headline naming another kind of event than the event's headlines opens its own event", () => {
    const out = group([flood1, flood2, landslide]);
    expect(together(out, "flood-1", "flood-2")).toBe(true);
    expect(together(out, "flood-1", "slide-1")).toBe(false);
    // Without the check the shared town, officials and figures join them.
    const unchecked = groupDocuments([...background("2021-02-01"), flood1, flood2, landslide], { kindClash: 0 });
    expect(unchecked.get("slide-1")?.eventId).toBe(unchecked.get("flood-1")?.eventId);
    // `explain` says why: the flood event is a candidate, marked, below the threshold.
    const grouper = new EventGrouper();
    grouper.observe([...background("2021-02-01"), flood1, flood2, landslide]);
    for (const d of [...background("2021-02-01"), flood1, flood2]) grouper.assign(d);
    const flood = grouper.explain(landslide).find((c) => c.eventId === out.get("flood-1")?.eventId);
    expect(flood?.kindClash).toBe(true);
    expect(flood!.similarity).toBeGreaterThan(0.16);
    expect(flood!.score).toBeLessThan(0.16);
  });

  test("related kinds within a week are one incident (floods and the landslides they set off)", () => {
    const soon = { ...landslide, id: "slide-2", date: "2021-03-04", url: "https://slide-2.example/slide-2" };
    const out = group([flood1, flood2, soon]);
    expect(together(out, "flood-1", "slide-2")).toBe(true);
  });

  test("a headline that names no kind, or names one the event's headlines name, is not checked", () => {
    const plain = { ...landslide, id: "plain", title: "Seven dead in Quarnby Vale", date: "2021-03-03", url: "https://plain.example/plain" };
    const both = { ...landslide, id: "both", title: "Floods and landslide in Quarnby Vale kill 7", date: "2021-03-09", url: "https://both.example/both" };
    const out = group([flood1, flood2, plain, both]);
    expect(together(out, "flood-1", "plain")).toBe(true);
    expect(together(out, "flood-1", "both")).toBe(true);
  });

  test.each([
    { article: [], event: { flood: 2 }, gap: 0, clash: false },
    { article: ["landslide"], event: {}, gap: 0, clash: false },
    { article: ["landslide"], event: { flood: 2 }, gap: 200, clash: true },
    { article: ["landslide"], event: { flood: 2 }, gap: 3, clash: false },
    { article: ["landslide"], event: { flood: 2 }, gap: null, clash: true },
    { article: ["shooting"], event: { flood: 2 }, gap: 0, clash: true },
    { article: ["fire", "shooting"], event: { shooting: 1, storm: 1 }, gap: 90, clash: false },
  ] as const)("kindsClash($article vs $event, gap $gap) = $clash", ({ article, event, gap, clash }) => {
    expect(kindsClash(new Set(article), new Map(Object.entries(event)) as Map<EventConcept, number>, gap, 7)).toBe(clash);
  });
});

describe("time penalty from the event's first member", () => {
  test.each([
    { gap: 1, day: 121, first: 0, factor: 0.15, expected: 18.15 },
    { gap: 30, day: 121, first: 0, factor: 0.15, expected: 30 },
    { gap: 1, day: 121, first: 0, factor: 0, expected: 1 },
    { gap: 1, day: null, first: 0, factor: 0.15, expected: 1 },
  ])("penaltyGap($gap, day $day, first $first, x$factor) = $expected", ({ gap, day, first, factor, expected }) => {
    expect(penaltyGap(gap, day, first, factor)).toBeCloseTo(expected, 6);
  });

  test("a report four months after an event's first article pays for that, even with a member the day before", () => {
    const first = GAS_STATION_1;
    const recent = { ...GAS_STATION_2, id: "gas-2-later", date: "2021-06-10" };
    const late = { ...GAS_STATION_FOLLOW_UP, id: "gas-3-later", date: "2021-06-11" };
    const scoreOf = (factor: number) => candidateFor({ firstDayFactor: factor }, first, recent, late);
    const rolling = scoreOf(0);
    const anchored = scoreOf(0.15);
    expect(rolling.gapDays).toBe(1);
    expect(rolling.score).toBeCloseTo(rolling.similarity, 6); // within the grace days
    const days = (Date.parse("2021-06-11") - Date.parse(GAS_STATION_1.date!)) / 86_400_000;
    expect(anchored.similarity - anchored.score).toBeCloseTo(0.02 * Math.log2(1 + 0.15 * days - 2), 3);
  });
});

describe("places named by headlines", () => {
  // Fictional towns; one template, as wire-style reports of small incidents are.
  const report = (id: string, date: string, town: string, title: string, alsoNamed: string[] = []): ClusterDoc => ({
    ...doc(
      id,
      date,
      title,
      `At least 12 people died when a ferry capsized near ${town} on ${date}, the coast guard said. ` +
        `Divers from ${town} searched the river through the night; 30 passengers were rescued. ` +
        `The ferry operator suspended its crossings.${alsoNamed.map((p) => ` Residents of ${p} gathered at the pier.`).join("")}`,
      `${id}.example`,
    ),
    language: "en",
    signals: {
      places: [town, ...alsoNamed].map((name) => ({ name, country: null, kind: "city", weight: 2 })),
      eventDay: date,
      figures: [{ kind: "killed", min: 12, max: 12 }],
    },
  });
  const first = report("ferry-1", "2021-03-02", "Stanricliff", "Ferry capsizes off Stanricliff, 12 dead");
  const second = report("ferry-2", "2021-03-02", "Stanricliff", "Stanricliff ferry: 12 dead, 30 rescued");

  const candidate = (article: ClusterDoc, placeClash: number) => candidateFor({ placeClash }, first, second, article);

  test("a headline naming another town than the event's, in an article that names none of theirs, costs `placeClash`", () => {
    const elsewhere = report("ferry-3", "2021-03-03", "Ultareth", "Ultareth ferry accident: 12 dead");
    const checked = candidate(elsewhere, 0.05);
    const unchecked = candidate(elsewhere, 0);
    expect(checked.placeClash).toBe(true);
    expect(unchecked.placeClash).toBe(false);
    expect(unchecked.score - checked.score).toBeCloseTo(0.05, 9);
  });

  test("a headline naming a place the members name, or an article naming the members' headline town, is not checked", () => {
    // The district in the headline, the town in the text (reports name places at different levels).
    const district = report("ferry-4", "2021-03-03", "Stanricliff", "Ferry disaster in Ranlivale District: 12 dead", ["Ranlivale District"]);
    expect(candidate(district, 0.05).placeClash).toBe(false);
    const noPlace = report("ferry-5", "2021-03-03", "Stanricliff", "Ferry capsizes, 12 dead");
    expect(candidate(noPlace, 0.05).placeClash).toBe(false);
  });

  test.each([
    { headline: ["b"], places: ["b"], members: { a: 2 }, memberHeadlines: { a: 2 }, clash: true },
    { headline: ["b"], places: ["b", "a"], members: { a: 2 }, memberHeadlines: { a: 2 }, clash: false },
    { headline: ["b"], places: ["b"], members: { a: 2, b: 1 }, memberHeadlines: { a: 2 }, clash: false },
    { headline: [], places: ["b"], members: { a: 2 }, memberHeadlines: { a: 2 }, clash: false },
    { headline: ["b"], places: ["b"], members: { a: 2 }, memberHeadlines: {}, clash: false },
  ])("placesClash($headline in $places vs $members, headlines $memberHeadlines) = $clash", ({ headline, places, members, memberHeadlines, clash }) => {
    const ev = { places: new Map(Object.entries(members)), headlinePlaces: new Map(Object.entries(memberHeadlines)) };
    expect(placesClash({ headlinePlaces: headline, placeKeys: places }, ev)).toBe(clash);
  });
});
