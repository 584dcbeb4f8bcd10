import { describe, expect, test } from "vitest";
import { fingerprint, foldWord, normalizeQuote, quotedWords } from "./normalize";

describe("normalizeQuote", () => {
  test.each([
    ["case and punctuation", "We Struck, the DEPOT!", "we struck the depot"],
    ["curly and straight apostrophes are one", "the government’s refusal", "the government refusal"],
    ["a Unicode ellipsis", "We struck a depot… and we left", "we struck a depot and we left"],
    ["three dots", "We struck a depot...and we left", "we struck a depot and we left"],
    ["spaced dots", "We struck a depot . . . and we left", "we struck a depot and we left"],
    ["a bracketed insertion is dropped", "[The command] struck a depot", "struck a depot"],
    ["an elided bracket", "We struck [...] a depot", "we struck a depot"],
    ["letters restored by brackets are kept", "[t]he strike hit[s] the depot", "the strike hits the depot"],
    ["whitespace and line breaks", "  We\n struck \t a  depot ", "we struck a depot"],
    ["dashes and hyphens split words", "US-led jets — two of them", "us led jets two of them"],
    ["NFKC folds compatibility forms", "ﬁghters", "fighters"],
    ["quote marks are punctuation", "“We struck,” he said", "we struck he said"],
    ["empty", "  … [sic] ", ""],
  ])("%s", (_name, input, expected) => {
    expect(normalizeQuote(input)).toBe(expected);
  });
});

describe("quotedWords", () => {
  test.each([
    ["a plain quote keeps its words, less the hand-over comma", "The strike cleared the way,", true, "The strike cleared the way"],
    [
      "a split quote loses the attribution between its pieces",
      'What happened is extremely serious," he said, "and it has come at a bad moment.',
      true,
      "What happened is extremely serious, and it has come at a bad moment.",
    ],
    [
      "curly marks split too",
      "It was not accidental,” he said. “The work was to begin on Monday.",
      true,
      "It was not accidental, The work was to begin on Monday.",
    ],
    [
      "reported speech keeps the quoted words as part of the paraphrase",
      'the meeting had been "difficult but necessary" and that talks would go on',
      false,
      "the meeting had been difficult but necessary and that talks would go on",
    ],
    ["an odd number of marks is left alone (marks dropped)", 'We said "no to that', true, "We said no to that"],
  ])("%s", (_name, text, direct, expected) => {
    expect(quotedWords(text, direct)).toBe(expected);
  });
});

describe("foldWord", () => {
  test.each([
    ["targeted", "target"],
    ["targeting", "target"],
    ["targets", "target"],
    ["forces", "force"],
    ["casualties", "casualty"],
    ["process", "process"],
    ["status", "status"],
    ["analysis", "analysis"],
    ["three", "3"],
    ["was", "was"],
  ])("%s -> %s", (w, expected) => {
    expect(foldWord(w)).toBe(expected);
  });
});

describe("fingerprint", () => {
  test("content words only, folded, as a multiset; the key keeps every word in order", () => {
    const f = fingerprint("The strikes hit the depot, and the depot burned");
    expect(f.key).toBe("the strikes hit the depot and the depot burned");
    expect(f.wordCount).toBe(9);
    expect(Object.fromEntries(f.content)).toEqual({ strike: 1, hit: 1, depot: 2, burn: 1 });
    expect(f.contentSize).toBe(5);
    expect(f.informative).toBe(true);
  });

  test("a very short quote keeps its function words so it can still match", () => {
    const f = fingerprint("difficult but necessary");
    expect(f.contentSize).toBe(3);
    expect([...f.content.keys()]).toEqual(["difficult", "but", "necessary"]);
    expect(f.informative).toBe(false);
  });
});
