import { describe, expect, test } from "vitest";
import { diffEvent, figureSignature, readSnapshot, revisionChanges, snapshotEvent, type EventState, type StateFigure } from "./detect";

const fig = (over: Partial<StateFigure> = {}): StateFigure => ({
  kind: "killed", min: 12, max: null, qualifier: "at_least", authority: "health ministry", phrase: "at least 12", articleId: "a1", outletKey: "alpha.example", ...over,
});

const state = (over: Partial<EventState> = {}): EventState => ({
  eventId: "ev_1",
  title: "Market blast",
  divergence: null,
  articles: [{ id: "a1", title: "Blast kills 12", outletKey: "alpha.example", outletName: "Alpha" }],
  figures: [fig()],
  ...over,
});

describe("diffEvent", () => {
  test("no earlier snapshot: nothing is reported, the snapshot is taken", () => {
    const { changes, snapshot } = diffEvent(null, state(), 0.2);
    expect(changes).toEqual([]);
    expect(snapshot).toMatchObject({ exists: true, outlets: ["alpha.example"], articles: ["a1"], figures: [figureSignature(fig())] });
  });

  test("the same state twice reports nothing", () => {
    const s = state({ divergence: 0.5 });
    expect(diffEvent(snapshotEvent(s), s, 0.2).changes).toEqual([]);
  });

  test("a new outlet with a new figure: new_article, new_outlet and new_figure, each once", () => {
    const before = snapshotEvent(state());
    const after = state({
      articles: [
        ...state().articles,
        { id: "b1", title: "Toll rises to 15", outletKey: "beta.example", outletName: "Beta" },
        { id: "b2", title: "Toll at 15", outletKey: "beta.example", outletName: "Beta" },
      ],
      figures: [fig(), fig({ min: 15, phrase: "at least 15", articleId: "b1", outletKey: "beta.example" }), fig({ min: 15, phrase: "15", articleId: "b2", outletKey: "beta.example" })],
    });
    const { changes } = diffEvent(before, after, null);
    expect(changes.map((c) => [c.kind, c.key, c.articleId])).toEqual([
      ["new_article", "new_article:b1", "b1"],
      ["new_article", "new_article:b2", "b2"],
      ["new_outlet", "new_outlet:beta.example", "b1"],
      ["new_figure", "new_figure:killed:15-:health ministry", "b1"],
    ]);
    expect(changes[2]!.summary).toBe("Beta now covers Market blast");
    expect(changes[3]!.summary).toBe("New figure in Market blast: at least 15 killed (health ministry), reported by Beta");
  });

  test.each([
    // [before, after, threshold, expected direction or null]
    [null, 0.3, 0.25, "up"],
    [0.1, 0.25, 0.25, "up"],
    [0.3, 0.1, 0.25, "down"],
    [0.1, 0.2, 0.25, null],
    [0.3, 0.4, 0.25, null],
    [0.3, null, 0.25, null],
  ] as const)("divergence %s → %s with threshold %s: %s", (was, now, threshold, direction) => {
    const before = { ...snapshotEvent(state()), divergence: was };
    const { changes } = diffEvent(before, state({ divergence: now }), threshold);
    const crossed = changes.filter((c) => c.kind === "divergence_crossed");
    if (direction === null) expect(crossed).toEqual([]);
    else {
      expect(crossed).toHaveLength(1);
      expect(crossed[0]!.payload).toMatchObject({ direction, from: was, to: now, threshold });
      expect(crossed[0]!.key.startsWith(`divergence_crossed:${direction}:`)).toBe(true);
    }
  });

  test("without a threshold, divergence is not watched", () => {
    const before = { ...snapshotEvent(state()), divergence: 0 };
    expect(diffEvent(before, state({ divergence: 5 }), null).changes).toEqual([]);
  });

  test("a crossing back and forth gets a new key each time it lands on another state", () => {
    const s1 = state({ divergence: 0.1 });
    const s2 = state({ divergence: 0.5, articles: [...state().articles, { id: "x", title: "t", outletKey: "alpha.example", outletName: "Alpha" }] });
    const up1 = diffEvent(snapshotEvent(s1), s2, 0.25).changes.find((c) => c.kind === "divergence_crossed")!;
    const s3 = state({ divergence: 0.6, articles: [...s2.articles, { id: "y", title: "t", outletKey: "alpha.example", outletName: "Alpha" }] });
    const up2 = diffEvent({ ...snapshotEvent(s2), divergence: 0.1 }, s3, 0.25).changes.find((c) => c.kind === "divergence_crossed")!;
    expect(up1.key).not.toBe(up2.key);
  });

  test("an event that disappeared (merged away) reports nothing and is remembered as gone", () => {
    const { changes, snapshot } = diffEvent(snapshotEvent(state()), null, 0.1);
    expect(changes).toEqual([]);
    expect(snapshot.exists).toBe(false);
  });
});

describe("readSnapshot", () => {
  test.each([[null], [42], [{ v: 2 }], [{ v: 1, outlets: "x" }]])("%j is no snapshot", (value) => {
    expect(readSnapshot(value)).toBeNull();
  });
  test("round-trips a snapshot", () => {
    const s = snapshotEvent(state({ divergence: 0.123456 }));
    expect(readSnapshot(JSON.parse(JSON.stringify(s)))).toEqual({ ...s, divergence: 0.1235 });
  });
});

describe("revisionChanges", () => {
  const base = { articleId: "a1", revision: 2, articleTitle: "Blast kills 12", outletKey: "alpha.example", outletName: "Alpha", eventId: "ev_1" };

  test("one figure_revised per kind and one quote_revised", () => {
    const changes = revisionChanges({
      ...base,
      figures: [
        { kind: "killed", from: { min: 12, max: null, qualifier: "at_least", phrase: "at least 12" }, to: { min: 15, max: null, qualifier: "at_least", phrase: "at least 15" } },
        { kind: "wounded", from: null, to: { min: 40, max: 40, qualifier: "exact", phrase: "40" } },
      ],
      quotes: { added: ["We will rebuild."], removed: ["We will not rebuild."] },
    });
    expect(changes.map((c) => c.key)).toEqual(["figure_revised:a1:2:killed", "figure_revised:a1:2:wounded", "quote_revised:a1:2"]);
    expect(changes[0]!.summary).toBe('Alpha revised the killed figure in "Blast kills 12": "at least 12" → "at least 15"');
    expect(changes[1]!.summary).toContain('none → "40"');
    expect(changes[2]!.summary).toBe('Alpha revised quotes in "Blast kills 12": removed "We will not rebuild."; added "We will rebuild."');
  });

  test("a revision of the text alone makes no change", () => {
    expect(revisionChanges({ ...base, figures: [], quotes: null })).toEqual([]);
  });
});
