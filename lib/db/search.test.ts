import { describe, expect, test } from "vitest";
import { fts5Query, parseSearchQuery, tsQueryText, type SearchTerm } from "./search";

const w = (words: string[], prefix = false): SearchTerm => ({ words, prefix });

describe("parseSearchQuery", () => {
  test.each<[string, SearchTerm[]]>([
    ["killed", [w(["killed"])]],
    ["  Aldmoor   floods ", [w(["Aldmoor"]), w(["floods"])]],
    ["kill*", [w(["kill"], true)]],
    ["kill**", [w(["kill"], true)]],
    ["ez-Zor", [w(["ez", "Zor"])]],
    ["U.S.", [w(["U", "S"])]],
    ["3.5", [w(["3", "5"])]],
    ['"Deir ez-Zor"', [w(["Deir", "ez", "Zor"])]],
    ['"deir ez"*', [w(["deir", "ez"], true)]],
    ['a "b c"* d', [w(["a"]), w(["b", "c"], true), w(["d"])]],
    ['"unbalanced phrase', [w(["unbalanced", "phrase"])]],
    ["l’armée", [w(["l", "armée"])]],
    ["日本語", [w(["日本語"])]],
    ["AND(", [w(["AND"])]],
    ["NOT OR", [w(["NOT"]), w(["OR"])]],
    ["*kill", [w(["kill"])]],
    ["a*b", [w(["a", "b"])]],
    ['"', []],
    ['""', []],
    ["*", []],
    ["!!! ?? --", []],
    ["", []],
  ])("%j", (q, expected) => {
    expect(parseSearchQuery(q)).toEqual(expected);
  });

  test("decomposed accents are composed first (é typed as e + U+0301 is one letter)", () => {
    expect(parseSearchQuery("enque\u0302te")).toEqual([w(["enquête"])]);
  });

  test("at most 32 terms", () => {
    expect(parseSearchQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(" "))).toHaveLength(32);
  });
});

describe("query text for each engine", () => {
  const terms = [w(["Deir", "ez", "Zor"]), w(["kill"], true), w(["l", "armée"], true)];

  test("FTS5: every term a quoted string (operators and quotes cannot appear), AND between terms", () => {
    expect(fts5Query(terms)).toBe('"Deir ez Zor" AND "kill" * AND "l armée" *');
  });

  test("tsquery: quoted lexemes, <-> inside a phrase, :* on the prefix word, & between terms", () => {
    expect(tsQueryText(terms)).toBe("('Deir' <-> 'ez' <-> 'Zor') & 'kill':* & ('l' <-> 'armée':*)");
  });
});
