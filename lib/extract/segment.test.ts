import { describe, expect, test } from "vitest";
import { splitSentences, titleEndOffset } from "./segment";

function sentences(text: string, title?: string): string[] {
  return splitSentences(text, titleEndOffset(text, title)).map((s) => text.slice(s.start, s.end));
}

describe("splitSentences", () => {
  test.each([
    ["Two men were shot. One died.", ["Two men were shot.", "One died."]],
    ["Mr. Smith and Dr. Jones met Sen. Brown. They talked.", ["Mr. Smith and Dr. Jones met Sen. Brown.", "They talked."]],
    ["C. J. Chivers filmed it in the U.S. Army base. It aired.", ["C. J. Chivers filmed it in the U.S. Army base.", "It aired."]],
    ["It happened at 8:20 a.m. Tuesday near Main St. Police said so.", ["It happened at 8:20 a.m. Tuesday near Main St. Police said so."]],
    ["It happened at 8 a.m. Police arrived later.", ["It happened at 8 a.m.", "Police arrived later."]],
    ["“We will win.” The crowd cheered.", ["“We will win.”", "The crowd cheered."]],
    ["Two men were wounded on the west side.Rockford police responded.", ["Two men were wounded on the west side.", "Rockford police responded."]],
    ["Visit FOX6Now.com for more.", ["Visit FOX6Now.com for more."]],
    ["First paragraph\n\nsecond paragraph.", ["First paragraph", "second paragraph."]],
  ])("%j", (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  test("paragraph index", () => {
    const text = "One. Two.\n\nThree.";
    expect(splitSentences(text).map((s) => s.para)).toEqual([0, 0, 1]);
  });

  test("a title glued to the body (GVDB) is its own sentence", () => {
    const title = "Man shot, killed on Detroit's west side";
    const text = `${title}DETROIT (WXYZ) - Police are investigating.`;
    const ss = splitSentences(text, titleEndOffset(text, title));
    expect(ss[0]).toMatchObject({ start: 0, end: title.length, isTitle: true });
    expect(text.slice(ss[1]!.start, ss[1]!.end)).toBe("DETROIT (WXYZ) - Police are investigating.");
  });

  test("no title offset when the text does not start with it", () => {
    expect(titleEndOffset("Body text here.", "Another headline entirely")).toBe(0);
  });
});
