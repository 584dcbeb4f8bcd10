import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { extractArticle } from "./index";

// Words and marks that exercise every pass: numbers, casualty words, names, quotes (balanced or
// not), paragraph breaks, abbreviations.
const PIECES = [
  "Two", "people", "were", "killed", "and", "12", "injured", "at least", "dozens of", "a man", "was shot",
  "died", "no one", "was hurt", "police said", "Smith", "said", "Jane Doe", "told the New York Times",
  "according to", "officials", ",", ".", ":", "“", "”", '"', "\n\n", "Mr.", "8 a.m.", "5-year-old",
  "$2,500", "the war has killed", "300,000", "he", "added", "—", "(R-Ohio)", "sixty-two", "wounded",
];

describe("invariants on arbitrary text", () => {
  test("never throws; every offset slices to its text; one headline per kind", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.boolean(), (parts, withTitle) => {
        const body = parts.join(" ");
        const title = withTitle ? "Two killed in shooting" : undefined;
        const text = title ? title + body : body;
        const x = extractArticle({ text, title });
        for (const c of x.claims) {
          expect(text.slice(c.start, c.end)).toBe(c.phrase);
          expect(text.slice(c.sentenceStart, c.sentenceEnd)).toBe(c.sentence);
          expect(c.start >= c.sentenceStart && c.end <= c.sentenceEnd).toBe(true);
          if (c.min !== null && c.max !== null) expect(c.min).toBeLessThanOrEqual(c.max);
        }
        for (const s of x.statements) {
          expect(s.end).toBeGreaterThan(s.start);
          expect(text.slice(s.start, s.end)).toBe(s.text);
          for (const p of s.parts ?? []) expect(p.start >= s.start && p.end <= s.end).toBe(true);
        }
        for (const kind of ["killed", "wounded"] as const) {
          const heads = x.claims.filter((c) => c.kind === kind && c.isHeadline);
          expect(heads.length).toBeLessThanOrEqual(1);
          if (x.summary[kind] === null) expect(heads).toHaveLength(0);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  test("empty input, and a language with no pack", () => {
    expect(extractArticle({ text: "" })).toEqual({ claims: [], statements: [], summary: { killed: null, wounded: null }, language: "en" });
    // Italian has no pack: nothing rather than English patterns on Italian text.
    expect(extractArticle({ text: "Due persone sono state uccise.", language: "it" })).toEqual({ claims: [], statements: [], summary: { killed: null, wounded: null }, language: null });
  });
});
