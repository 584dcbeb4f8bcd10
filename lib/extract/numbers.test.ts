import { describe, expect, test } from "vitest";
import { parseNumberWords } from "./numbers";

describe("parseNumberWords", () => {
  test.each([
    ["62", 62],
    ["1,200", 1200],
    ["2.5 million", 2_500_000],
    ["sixty-two", 62],
    ["Sixty two", 62],
    ["twelve", 12],
    ["a dozen", 12],
    ["two dozen", 24],
    ["a hundred", 100],
    ["two hundred", 200],
    ["two hundred and fifty", 250],
    ["one hundred twenty-five", 125],
    ["three thousand", 3000],
    ["two thousand five", 2005],
  ])("%s -> %d", (s, n) => {
    expect(parseNumberWords(s)).toBe(n);
  });

  test.each(["", "dozens", "first", "twenty thirty", "five six", "a", "people"])("%j is not one number", (s) => {
    expect(parseNumberWords(s)).toBeNull();
  });
});
