import { describe, expect, test } from "vitest";
import { countIndependentSources, isIndependent, nestCopies, resolveOrigins, sourceKey, type ProvenanceArticle } from "./copies";

function article(id: string, outletName: string, over: Partial<ProvenanceArticle> = {}): ProvenanceArticle {
  return {
    id,
    outletKey: outletName.toLowerCase().replace(/^the\s+/, "").replace(/[^a-z0-9.]+/g, "") + ".example",
    outletName,
    url: `https://${id}.example/`,
    publishedAt: "2016-09-17T18:00:00Z",
    syndicatedFromId: null,
    syndicatedFrom: null,
    originalSourceName: null,
    originalSourceUrl: null,
    ...over,
  };
}

// A wire story, a detected copy of it that also declares it, an undeclared detected copy, a
// declared-only copy (not detected), a copy of a copy, a republication of an original outside
// the corpus, and an outlet that names itself as the original source.
const wire = article("wire1", "Levant Wire", { publishedAt: "2016-09-17T18:05:00Z" });
const wireLater = article("wire2", "Levant Wire", { publishedAt: "2016-09-19T16:30:00Z" });
const orient = article("orient", "Orient Daily", { publishedAt: "2016-09-17T19:40:00Z", syndicatedFromId: "wire1", originalSourceName: "Levant Wire" });
const gulf = article("gulf", "Gulf Observer", { publishedAt: "2016-09-18T06:15:00Z", syndicatedFromId: "wire1" });
const ledger = article("ledger", "Northern Ledger", { url: "https://northernledger.example/monitor-83", publishedAt: "2016-09-18T14:20:00Z" });
const crossroads = article("crossroads", "Crossroads Review", {
  publishedAt: "2016-09-20T08:00:00Z",
  originalSourceName: "Northern Ledger",
  originalSourceUrl: "https://northernledger.example/monitor-83",
});
const echo = article("echo", "Echo Weekly", { publishedAt: "2016-09-21T08:00:00Z", syndicatedFromId: "gulf" });
const mondialisation = article("mondo", "Mondialisation.ca", { publishedAt: "2016-09-20T10:00:00Z", originalSourceName: "World Socialist Web Site" });
const meridian = article("meridian", "The Meridian Post", { originalSourceName: "The Meridian Post" });
const corpus = [wire, wireLater, orient, gulf, ledger, crossroads, echo, mondialisation, meridian];

describe("resolveOrigins", () => {
  const origins = resolveOrigins(corpus);

  test.each([
    ["the wire story is its own reporting", "wire1", { kind: "own" }],
    ["a detected copy that declares its original", "orient", { kind: "copy", originalId: "wire1", rootId: "wire1", outletName: "Levant Wire", via: ["detected", "declared"], inSelection: true }],
    ["an undeclared detected copy", "gulf", { kind: "copy", originalId: "wire1", rootId: "wire1", via: ["detected"] }],
    ["a declared copy (URL names the article)", "crossroads", { kind: "copy", originalId: "ledger", rootId: "ledger", outletName: "Northern Ledger", via: ["declared"], inSelection: true }],
    ["a copy of a copy roots at the first original", "echo", { kind: "copy", originalId: "gulf", rootId: "wire1", outletName: "Gulf Observer" }],
    ["an original outside the corpus is declared", "mondo", { kind: "declared", sourceName: "World Socialist Web Site", sourceUrl: null }],
    ["naming oneself as the original is no copy", "meridian", { kind: "own" }],
  ])("%s", (_name, id, expected) => {
    expect(origins.get(id)).toMatchObject(expected);
  });

  test("a declared copy without a URL republishes the outlet's latest article before it", () => {
    const copy = article("copy", "Orient Daily", { publishedAt: "2016-09-19T20:00:00Z", originalSourceName: "levant wire" });
    expect(resolveOrigins([wire, wireLater, copy]).get("copy")).toMatchObject({ kind: "copy", originalId: "wire2", via: ["declared"] });
    const early = article("early", "Orient Daily", { publishedAt: "2016-09-16T00:00:00Z", originalSourceName: "Levant Wire" });
    expect(resolveOrigins([wire, wireLater, early]).get("early")).toMatchObject({ originalId: "wire1" });
  });

  test("a declared original matched by its URL's host", () => {
    const copy = article("copy", "Orient Daily", { originalSourceUrl: "https://www.levantwire.example/news/x" });
    expect(resolveOrigins([wire, copy]).get("copy")).toMatchObject({ kind: "copy", outletKey: "levantwire.example", originalId: "wire1" });
  });

  test("filtered out of the selection, a detected original is still named; a declared one by the event's outlets", () => {
    const filtered = resolveOrigins([orient, crossroads], [
      { key: "levantwire.example", name: "Levant Wire" },
      { key: "northernledger.example", name: "Northern Ledger" },
    ]);
    // orient's detected original is outside the articles given: its outlet comes from syndicatedFrom.
    expect(resolveOrigins([{ ...orient, syndicatedFrom: { id: "wire1", outletKey: "levantwire.example", outletName: "Levant Wire" } }]).get("orient")).toMatchObject({
      kind: "copy",
      originalId: "wire1",
      rootId: null,
      inSelection: false,
      outletName: "Levant Wire",
    });
    expect(filtered.get("crossroads")).toMatchObject({ kind: "copy", originalId: null, outletKey: "northernledger.example", inSelection: false });
  });

  test("two distinct events in one city on one day: a declaration naming an outlet of the other event is not matched", () => {
    // Aleppo, 19 Sept: a convoy attack and a market fire, each its own event. Only the fire's
    // outlets are given for the fire event; a fire story "originally published" by an outlet
    // that covered only the convoy stays a declared original outside this event.
    const fireA = article("fireA", "Aleppo Today", { publishedAt: "2016-09-19T09:00:00Z" });
    const fireB = article("fireB", "Halab Post", { publishedAt: "2016-09-19T11:00:00Z", originalSourceName: "Convoy Monitor" });
    const origins2 = resolveOrigins([fireA, fireB], [
      { key: "aleppotoday.example", name: "Aleppo Today" },
      { key: "halabpost.example", name: "Halab Post" },
    ]);
    expect(origins2.get("fireB")).toMatchObject({ kind: "declared", sourceName: "Convoy Monitor" });
    expect(countIndependentSources(["fireA", "fireB"], origins2)).toBe(2);
  });

  test("a cycle of declarations does not loop", () => {
    const a = article("a", "Alpha", { originalSourceName: "Beta" });
    const b = article("b", "Beta", { originalSourceName: "Alpha" });
    const o = resolveOrigins([a, b]);
    expect(o.get("a")).toMatchObject({ kind: "copy", originalId: "b" });
    expect(o.get("b")).toMatchObject({ kind: "copy", originalId: "a" });
    expect(nestCopies([a, b], o)).toHaveLength(2);
  });
});

describe("independent sources", () => {
  const origins = resolveOrigins(corpus);

  test.each([
    ["a syndicated pair is one source", ["wire1", "gulf"], 1],
    ["a copy, its copy and the original are one source", ["wire1", "gulf", "echo", "orient"], 1],
    ["two stories by the same wire are two sources", ["wire1", "wire2"], 2],
    ["a declared original outside the corpus counts once", ["mondo"], 1],
    ["the whole corpus", corpus.map((a) => a.id), 5],
  ])("%s", (_name, ids, n) => {
    expect(countIndependentSources(ids, origins)).toBe(n);
  });

  test("two outlets republishing the same declared original are one source", () => {
    const other = article("other", "Global Research", { originalSourceName: "World Socialist Web Site." });
    const o = resolveOrigins([mondialisation, other]);
    expect(sourceKey("mondo", o)).toBe(sourceKey("other", o));
    expect(countIndependentSources(["mondo", "other"], o)).toBe(1);
  });

  test.each([
    ["wire1", true],
    ["mondo", true],
    ["gulf", false],
    ["crossroads", false],
  ])("isIndependent(%s) = %s", (id, expected) => {
    expect(isIndependent(id, origins)).toBe(expected);
  });
});

describe("nestCopies", () => {
  const rows = nestCopies(corpus, resolveOrigins(corpus));

  test("copies follow their original's row, top-level rows are own reporting (most articles first) then declared copies", () => {
    expect(rows.map((r) => [r.outletName, r.kind, r.parentKey])).toEqual([
      ["Levant Wire", "own", null],
      ["Orient Daily", "copy", "levantwire.example"],
      ["Gulf Observer", "copy", "levantwire.example"],
      ["Echo Weekly", "copy", "levantwire.example"],
      ["Northern Ledger", "own", null],
      ["Crossroads Review", "copy", "northernledger.example"],
      ["The Meridian Post", "own", null],
      ["Mondialisation.ca", "declared", null],
    ]);
  });

  test("the original says who republished it; copies say what they copy and how", () => {
    const byName = (n: string) => rows.find((r) => r.outletName === n)!;
    expect(byName("Levant Wire")).toMatchObject({ republishedBy: ["Orient Daily", "Gulf Observer", "Echo Weekly"] });
    expect(byName("Levant Wire").articles.map((a) => a.id)).toEqual(["wire1", "wire2"]);
    expect(byName("Echo Weekly").copyOf).toEqual({ outletKey: "levantwire.example", outletName: "Levant Wire", via: ["detected"], inSelection: true });
    expect(byName("Crossroads Review").copyOf).toMatchObject({ outletName: "Northern Ledger", via: ["declared"] });
    expect(byName("Mondialisation.ca")).toMatchObject({ declared: { name: "World Socialist Web Site", url: null }, copyOf: null, republishedBy: [] });
  });

  test("an outlet with its own reporting and a copy has two rows", () => {
    const own = article("orient-own", "Orient Daily", { publishedAt: "2016-09-18T00:00:00Z" });
    const r = nestCopies([wire, orient, own], resolveOrigins([wire, orient, own]));
    expect(r.map((x) => x.key)).toEqual(["levantwire.example", "orientdaily.example~copy:levantwire.example", "orientdaily.example"]);
  });

  test("a copy whose original is not shown is a top-level row after the others", () => {
    const lone = { ...gulf, syndicatedFrom: { id: "wire1", outletKey: "levantwire.example", outletName: "Levant Wire" } };
    const r = nestCopies([lone, ledger], resolveOrigins([lone, ledger]));
    expect(r.map((x) => [x.outletName, x.kind, x.parentKey, x.copyOf?.inSelection ?? null])).toEqual([
      ["Northern Ledger", "own", null, null],
      ["Gulf Observer", "copy", null, false],
    ]);
  });
});
