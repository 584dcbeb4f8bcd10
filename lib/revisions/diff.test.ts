import { describe, expect, test } from "vitest";
import { formatFigure, hasChanged, summariseChanges, type ArticleVersion, type VersionClaim } from "./diff";

const claim = (kind: string, min: number | null, max: number | null, qualifier: string, phrase: string, extra: Partial<VersionClaim> = {}): VersionClaim => ({
  kind, min, max, qualifier, phrase, isHeadline: true, isContext: false, ...extra,
});

const v1: ArticleVersion = {
  title: "Car bomb kills at least 12",
  text: "At least 12 people were killed and 30 wounded.\n\nThe blast went off at 8 a.m.\n\nNo group claimed it.",
  claims: [claim("killed", 12, null, "at_least", "At least 12"), claim("wounded", 30, 30, "exact", "30")],
};

describe("summariseChanges", () => {
  test("title, a rewritten and an added paragraph, and changed figures", () => {
    const v2: ArticleVersion = {
      title: "Car bomb kills at least 15",
      text: "At least 15 people were killed and 41 wounded.\n\nThe blast went off at 8 a.m.\n\nThree died in hospital.\n\nNo group claimed it.",
      claims: [claim("killed", 15, null, "at_least", "At least 15"), claim("wounded", 41, 41, "exact", "41")],
    };
    const c = summariseChanges(v1, v2);
    expect(c.title).toEqual({ from: "Car bomb kills at least 12", to: "Car bomb kills at least 15" });
    expect(c.text).toEqual({
      wordsBefore: 20,
      wordsAfter: 24,
      addedCount: 2,
      removedCount: 1,
      added: ["At least 15 people were killed and 41 wounded.", "Three died in hospital."],
      removed: ["At least 12 people were killed and 30 wounded."],
    });
    expect(c.figures).toEqual([
      { kind: "killed", from: { min: 12, max: null, qualifier: "at_least", phrase: "At least 12" }, to: { min: 15, max: null, qualifier: "at_least", phrase: "At least 15" } },
      { kind: "wounded", from: { min: 30, max: 30, qualifier: "exact", phrase: "30" }, to: { min: 41, max: 41, qualifier: "exact", phrase: "41" } },
    ]);
    expect(c.summary).toBe("title changed; paragraphs: 1 added, 1 changed; killed: at least 12 → at least 15; wounded: 30 → 41");
  });

  test("a figure that appears or disappears; context and non-headline claims ignored", () => {
    const v2: ArticleVersion = {
      ...v1,
      text: `${v1.text}\n\nTwo people are missing.`,
      claims: [...v1.claims, claim("missing", 2, 2, "exact", "Two"), claim("killed", 200, null, "at_least", "200", { isContext: true, isHeadline: false })],
    };
    const c = summariseChanges(v1, v2);
    expect(c.title).toBeNull();
    expect(c.figures).toEqual([{ kind: "missing", from: null, to: { min: 2, max: 2, qualifier: "exact", phrase: "Two" } }]);
    expect(c.summary).toBe("paragraphs: 1 added; missing: none → 2");
  });

  test("only a removed paragraph", () => {
    const v2 = { ...v1, text: "At least 12 people were killed and 30 wounded.\n\nThe blast went off at 8 a.m." };
    expect(summariseChanges(v1, v2).summary).toBe("paragraphs: 1 removed");
  });

  test("long paragraphs are cut in the summary", () => {
    const long = "word ".repeat(200).trim();
    const c = summariseChanges(v1, { ...v1, text: `${v1.text}\n\n${long}` });
    expect(c.text?.added[0]).toHaveLength(300);
    expect(c.text?.added[0]?.endsWith("…")).toBe(true);
  });
});

describe("hasChanged", () => {
  test.each([
    [{ title: "A", text: "One two." }, { title: "A", text: "One two." }, false],
    [{ title: "A", text: "One two." }, { title: "A ", text: "one\n\ntwo." }, false],
    [{ title: "A", text: "One two." }, { title: "B", text: "One two." }, true],
    [{ title: "A", text: "One two." }, { title: "A", text: "One three." }, true],
  ])("%j vs %j → %s", (a, b, expected) => {
    expect(hasChanged(a, b)).toBe(expected);
  });
});

describe("formatFigure", () => {
  test.each([
    [{ min: 12, max: 12, qualifier: "exact", phrase: "12" }, "12"],
    [{ min: 62, max: null, qualifier: "at_least", phrase: "at least 62" }, "at least 62"],
    [{ min: null, max: 5, qualifier: "at_most", phrase: "up to 5" }, "at most 5"],
    [{ min: 83, max: 90, qualifier: "range", phrase: "83 to 90" }, "83–90"],
    [{ min: 40, max: 40, qualifier: "about", phrase: "about 40" }, "about 40"],
    [{ min: 24, max: null, qualifier: "vague", phrase: "dozens" }, '"dozens"'],
    [null, "none"],
  ])("%j → %s", (f, expected) => {
    expect(formatFigure(f)).toBe(expected);
  });
});
