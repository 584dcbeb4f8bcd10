import { describe, expect, test } from "vitest";
import { fts5Query, parseSearchQuery, tsQueryText, type SearchPhrase, type SearchTerm } from "./query";

const p = (words: string[], prefix = false): SearchPhrase => ({ words, prefix });
/** A required clause of one phrase. */
const w = (words: string[], prefix = false): SearchTerm => ({ any: [p(words, prefix)], exclude: false });
const either = (...any: SearchPhrase[]): SearchTerm => ({ any, exclude: false });
const not = (...any: SearchPhrase[]): SearchTerm => ({ any, exclude: true });

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
    // Operators: upper case, standing alone.
    ["airstrike OR bombing Aleppo", [either(p(["airstrike"]), p(["bombing"])), w(["Aleppo"])]],
    ['a OR "b c" OR d*', [either(p(["a"]), p(["b", "c"]), p(["d"], true))]],
    ["Aleppo -convoy", [w(["Aleppo"]), not(p(["convoy"]))]],
    ['Aleppo -"aid convoy"', [w(["Aleppo"]), not(p(["aid", "convoy"]))]],
    ["Aleppo NOT convoy", [w(["Aleppo"]), not(p(["convoy"]))]],
    ["Aleppo AND convoy", [w(["Aleppo"]), w(["convoy"])]],
    ["a or b not c and d", [w(["a"]), w(["or"]), w(["b"]), w(["not"]), w(["c"]), w(["and"]), w(["d"])]],
    ["ez-Zor - x", [w(["ez", "Zor"]), w(["x"])]],
    // An operator with nothing to apply to is ignored; exclusions alone look for nothing.
    ["NOT OR", []],
    ["OR a", [w(["a"])]],
    ["a OR", [w(["a"])]],
    ["a NOT", [w(["a"])]],
    ["-a OR b", [not(p(["a"])), w(["b"])]],
    ["-Aleppo", []],
    ["NOT Aleppo -convoy", []],
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

  test("OR inside a clause, NOT for the excluded: FTS5 and tsquery say the same", () => {
    const q = parseSearchQuery('strike OR "air raid" Syria* -Aleppo -"aid convoy"');
    expect(fts5Query(q)).toBe('(("strike" OR "air raid") AND "Syria" *) NOT ("Aleppo" OR "aid convoy")');
    expect(tsQueryText(q)).toBe("('strike' | ('air' <-> 'raid')) & 'Syria':* & !'Aleppo' & !('aid' <-> 'convoy')");
  });
});
