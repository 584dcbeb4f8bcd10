import { describe, expect, test } from "vitest";
import { figureBlindspots, figureKeys, statementBlindspots, topFigureBlindspots, topStatementBlindspots, type FigureClaimInput, type StatementInput } from "./blindspots";

describe("figureKeys: which figures a claim reports", () => {
  test.each([
    ["at least 62", { kind: "killed", min: 62, max: null, qualifier: "at_least" }, ["killed:62"]],
    ["62", { kind: "killed", min: 62, max: 62, qualifier: "exact" }, ["killed:62"]],
    ["about 100", { kind: "wounded", min: 100, max: 100, qualifier: "about" }, ["wounded:100"]],
    ["between 62 and 83: both ends", { kind: "killed", min: 62, max: 83, qualifier: "range" }, ["killed:62", "killed:83"]],
    ["at most 10", { kind: "killed", min: null, max: 10, qualifier: "at_most" }, ["killed:10"]],
    ["dozens: a vague figure of its own", { kind: "killed", min: 24, max: null, qualifier: "vague" }, ["killed:~24"]],
    ["no bound", { kind: "killed", min: null, max: null, qualifier: "vague" }, []],
  ])("%s", (_name, c, keys) => {
    expect(figureKeys({ ...c, isContext: false }).map((k) => k.key)).toEqual(keys);
  });

  test("a context figure (another incident, a war total) reports nothing about this event", () => {
    expect(figureKeys({ kind: "killed", min: 300000, max: null, qualifier: "at_least", isContext: true })).toEqual([]);
  });
});

const outlets = [
  { key: "wire", name: "Levant Wire" },
  { key: "orient", name: "Orient Daily" },
  { key: "ledger", name: "Northern Ledger" },
  { key: "mondo", name: "Mondialisation.ca" },
];
let id = 1;
const c = (outletKey: string, kind: string, min: number | null, max: number | null, qualifier: string, isContext = false): FigureClaimInput => ({
  id: id++,
  outletKey,
  kind,
  min,
  max,
  qualifier,
  isContext,
});

describe("figureBlindspots", () => {
  const claims = [
    c("wire", "killed", 62, null, "at_least"),
    c("orient", "killed", 62, null, "at_least"), // a syndicated copy still reports it to its readers
    c("wire", "wounded", 100, 100, "about"),
    c("ledger", "killed", 83, 83, "exact"),
    c("ledger", "killed", 62, 62, "exact"),
    c("mondo", "killed", 62, null, "at_least"),
    c("mondo", "wounded", 100, 100, "exact"),
    c("mondo", "killed", 300000, null, "at_least", true),
  ];
  const spots = figureBlindspots(claims, outlets);

  test.each([
    ["killed:62", ["wire", "orient", "ledger", "mondo"], []],
    ["wounded:100", ["wire", "mondo"], ["orient", "ledger"]],
    ["killed:83", ["ledger"], ["wire", "orient", "mondo"]],
  ])("%s", (key, reportedBy, omittedBy) => {
    expect(spots.find((s) => s.key === key)).toMatchObject({ reportedBy, omittedBy });
  });

  test("ordered by how many outlets report a figure; forms say how it was bounded; one evidence claim per outlet", () => {
    expect(spots.map((s) => s.key)).toEqual(["killed:62", "wounded:100", "killed:83"]);
    expect(spots[0]!.forms).toEqual([
      { min: 62, max: null, qualifier: "at_least", count: 3 },
      { min: 62, max: 62, qualifier: "exact", count: 1 },
    ]);
    expect(spots[0]!.claimIds).toHaveLength(4);
  });

  test("two distinct events in one city on one day: each event's blindspots cover only its own outlets", () => {
    const fire = figureBlindspots([c("aleppo-today", "killed", 3, 3, "exact")], [{ key: "aleppo-today", name: "Aleppo Today" }, { key: "halab", name: "Halab Post" }]);
    const convoy = figureBlindspots([c("halab", "killed", 20, 20, "about")], [{ key: "halab", name: "Halab Post" }]);
    expect(fire).toMatchObject([{ key: "killed:3", reportedBy: ["aleppo-today"], omittedBy: ["halab"] }]);
    expect(convoy).toMatchObject([{ key: "killed:20", reportedBy: ["halab"], omittedBy: [] }]);
  });

  test("no claims, no figures", () => {
    expect(figureBlindspots([], outlets)).toEqual([]);
  });

  test("the top few are the first of the full list, with the full count", () => {
    expect(topFigureBlindspots(claims, outlets, 2)).toEqual({ rows: spots.slice(0, 2), total: 3 });
    expect(topFigureBlindspots(claims, outlets, 10)).toEqual({ rows: spots, total: 3 });
    expect(topFigureBlindspots(claims, outlets, 0)).toEqual({ rows: [], total: 3 });
  });

  test("a reporting outlet outside the covering ones is not counted in the ranking", () => {
    const few = [c("stray", "killed", 5, 5, "exact"), c("stray", "wounded", 7, 7, "exact"), c("ledger", "wounded", 7, 7, "exact"), c("wire", "killed", 9, 9, "exact")];
    const full = figureBlindspots(few, outlets);
    expect(full.map((s) => s.key)).toEqual(["killed:9", "wounded:7", "killed:5"]);
    expect(full[2]).toMatchObject({ reportedBy: [], omittedBy: outlets.map((o) => o.key) });
    expect(topFigureBlindspots(few, outlets, 1)).toEqual({ rows: full.slice(0, 1), total: 3 });
  });
});

describe("statementBlindspots", () => {
  const s = (outletKey: string, speaker: string | null, text: string, speakerMention: string | null = null): StatementInput => ({ id: id++, outletKey, speaker, speakerMention, text });
  const statements = [
    s("wire", "Russian Defence Ministry", "The strike opened the way for Islamic State fighters."),
    s("orient", null, "“The strike opened the way for  Islamic State fighters,”", "the Russian Defence Ministry"),
    s("ledger", "Russian Defence Ministry", "The strike opened the way for Islamic State fighters"),
    s("mondo", "Vitaly Churkin", "This is a very serious escalation"),
    s("wire", "Vitaly Churkin", "This is a serious escalation"),
    s("ledger", "a coalition spokesperson", "ok then"),
  ];
  const spots = statementBlindspots(statements, outlets);

  test("the same speaker and words (case, spacing, punctuation aside) are one statement", () => {
    expect(spots[0]).toMatchObject({ speaker: "Russian Defence Ministry", reportedBy: ["wire", "orient", "ledger"], omittedBy: ["mondo"] });
    expect(spots[0]!.statementIds).toHaveLength(3);
  });

  test("different wording is a different statement (no fuzzy alignment); too-short quotes are left out", () => {
    expect(spots.filter((x) => x.speaker === "Vitaly Churkin").map((x) => x.reportedBy)).toEqual([["wire"], ["mondo"]]);
    expect(spots.some((x) => x.text === "ok then")).toBe(false);
    expect(spots).toHaveLength(3);
  });

  test("the top few are the first of the full list, with the full count", () => {
    expect(topStatementBlindspots(statements, outlets, 2)).toEqual({ rows: spots.slice(0, 2), total: 3 });
    expect(topStatementBlindspots(statements, outlets, 10)).toEqual({ rows: spots, total: 3 });
    expect(topStatementBlindspots(statements, outlets, 0)).toEqual({ rows: [], total: 3 });
  });
});
