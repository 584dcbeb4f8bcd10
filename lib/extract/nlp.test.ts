import { describe, expect, test } from "vitest";
import { tagSegments, tagSpan } from "./nlp";

const SEGMENTS = [
  { text: "Police said a man was shot in the leg.", offset: 0, lowerCase: false },
  { text: "Man Found Shot Dead In Westwood", offset: 100, lowerCase: true },
  { text: "                    ,” he said.", offset: 200, lowerCase: false },
  { text: "The Syrian Foreign Ministry declared: ", offset: 300, lowerCase: false },
];

describe("tagSegments: one tagger call for many segments", () => {
  // Batching is a speed-up only: each segment must come out exactly as if tagged alone.
  test.each(SEGMENTS.map((s, i) => [i, s.text] as const))("segment %i (%j) is tagged as if alone", (i) => {
    const s = SEGMENTS[i]!;
    const batched = tagSegments(SEGMENTS)[i];
    const article = " ".repeat(s.offset) + s.text;
    expect(batched).toEqual(tagSpan(article, s.offset, s.offset + s.text.length, s.lowerCase));
  });

  test("offsets index the article and title-case segments keep their text", () => {
    const [, title] = tagSegments(SEGMENTS);
    expect(title?.map((t) => [t.text, t.start])).toEqual([
      ["Man", 100],
      ["Found", 104],
      ["Shot", 110],
      ["Dead", 115],
      ["In", 120],
      ["Westwood", 123],
    ]);
    expect(title?.every((t) => t.caseless && t.lower === t.text.toLowerCase())).toBe(true);
  });

  test("no segments, no tokens", () => {
    expect(tagSegments([])).toEqual([]);
  });
});
