import { describe, expect, test } from "vitest";
import { describeDiff, wordDiff, wordTokens } from "./diff";

const REF = "We struck a depot that had been used to store rockets, and we took every precaution to avoid harming the civilians who live nearby.";

describe("wordTokens", () => {
  test("punctuation stays with its word, an ellipsis separates words and is never a word", () => {
    expect(wordTokens("We struck… a depot ... it...highlights — the “link”").map((t) => [t.surface, t.key])).toEqual([
      ["We", "we"],
      ["struck…", "struck"],
      ["a", "a"],
      ["depot ...", "depot"],
      ["it...", "it"],
      ["highlights —", "highlights"],
      ["the", "the"],
      ["“link”", "link"],
    ]);
  });

  test("bracketed words are compared without their brackets", () => {
    expect(wordTokens("[the US] must").map((t) => t.key)).toEqual(["the", "us", "must"]);
  });
});

describe("wordDiff", () => {
  test.each([
    ["identical words, different punctuation and case", REF.toUpperCase().replace(/,/g, ""), { omitted: 0, changed: 0, added: 0, identical: true }],
    ["a shortened quote omits the rest", "We struck a depot that had been used to store rockets", { omitted: 13, changed: 0, added: 0, identical: false }],
    [
      "an ellipsis cut omits the middle",
      "We struck a depot … and we took every precaution to avoid harming the civilians who live nearby.",
      { omitted: 7, changed: 0, added: 0, identical: false },
    ],
    [
      "a bracketed insertion replaces a word (changed) and adds one",
      "[The command] struck a depot that had been used to store rockets, and we took every precaution to avoid harming the civilians who live nearby.",
      { omitted: 0, changed: 1, added: 1, identical: false },
    ],
    [
      "a changed word",
      "We struck a depot that had been used to hide rockets, and we took every precaution to avoid harming the civilians who live nearby.",
      { omitted: 0, changed: 1, added: 0, identical: false },
    ],
    [
      "added words",
      "We struck a depot that had been used to store rockets, and we took every possible precaution to avoid harming the civilians who live nearby.",
      { omitted: 0, changed: 0, added: 1, identical: false },
    ],
  ])("%s", (_name, variant, summary) => {
    expect(wordDiff(REF, variant).summary).toEqual(summary);
  });

  test("the ops rebuild the variant's words in order and the reference's omitted words", () => {
    const variant = "[The command] struck a depot … and we took every possible precaution";
    const { ops, summary } = wordDiff(REF, variant);
    expect(ops).toEqual([
      { op: "changed", text: "[The command]", from: "We" },
      { op: "equal", text: "struck a depot …" },
      { op: "omitted", text: "that had been used to store rockets," },
      { op: "equal", text: "and we took every" },
      { op: "added", text: "possible" },
      { op: "equal", text: "precaution" },
      { op: "omitted", text: "to avoid harming the civilians who live nearby." },
    ]);
    expect(summary).toEqual({ omitted: 7 + 8, changed: 1, added: 2, identical: false });
    const variantWords = ops.filter((o) => o.op !== "omitted").map((o) => o.text).join(" ");
    expect(variantWords).toBe(variant);
  });

  test("the reference against itself is all equal", () => {
    expect(wordDiff(REF, REF)).toEqual({ ops: [{ op: "equal", text: REF }], summary: { omitted: 0, changed: 0, added: 0, identical: true } });
  });

  test.each([
    [{ omitted: 0, changed: 0, added: 0, identical: true }, "identical wording"],
    [{ omitted: 3, changed: 1, added: 2, identical: false }, "3 omitted · 1 changed · 2 added"],
    [{ omitted: 0, changed: 0, added: 2, identical: false }, "2 added"],
  ])("describeDiff %j", (summary, text) => {
    expect(describeDiff(summary)).toBe(text);
  });
});
