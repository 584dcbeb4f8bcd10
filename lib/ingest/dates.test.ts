import { describe, expect, test } from "vitest";
import { findDate, parseDate } from "./index";

describe("parseDate", () => {
  test.each([
    // ISO
    ["2016-09-20", undefined, "2016-09-20"],
    ["2016-09-20T14:03:00Z", undefined, "2016-09-20T14:03:00.000Z"],
    ["2016-09-20T14:03:00+02:00", undefined, "2016-09-20T12:03:00.000Z"],
    ["2016-09-20 14:03", undefined, "2016-09-20T14:03:00.000Z"],
    ["2016-02-30", undefined, null],
    // RFC 2822
    ["Tue, 20 Sep 2016 14:03:00 +0200", undefined, "2016-09-20T12:03:00.000Z"],
    ["Tue, 20 Sep 2016 14:03:00 GMT", undefined, "2016-09-20T14:03:00.000Z"],
    // English
    ["September 20, 2016", undefined, "2016-09-20"],
    ["20 Sep 2016", undefined, "2016-09-20"],
    ["Sept. 20, 2016 3:45 PM EDT", undefined, "2016-09-20T19:45:00.000Z"],
    ["Updated 20 Sep 2016, 3:45pm", undefined, "2016-09-20T15:45:00.000Z"],
    // French
    ["20 septembre 2016", undefined, "2016-09-20"],
    ["1er octobre 2016", undefined, "2016-10-01"],
    ["mardi 20 septembre 2016 à 14h30", "fr", "2016-09-20T14:30:00.000Z"],
    ["20 sept. 2016", "fr", "2016-09-20"],
    // day/month order follows the language
    ["09/10/2016", "en", "2016-09-10"],
    ["09/10/2016", "fr", "2016-10-09"],
    // not dates without a clock
    ["20 septembre", undefined, null],
    ["today", undefined, null],
    ["Saturday", undefined, null],
    ["", undefined, null],
    ["no date here", undefined, null],
  ])("%j (lang %s) → %j", (input, lang, expected) => {
    expect(parseDate(input, { lang })).toBe(expected);
  });

  test("with `now`, a date without a year takes the year from it", () => {
    expect(parseDate("20 septembre", { now: new Date("2019-11-01T00:00:00Z") })).toBe("2019-09-20");
  });
});

test("findDate locates a date at the end of a line", () => {
  expect(findDate("Mondialisation.ca, 20 septembre 2016")).toEqual({ index: 19, text: "20 septembre 2016", iso: "2016-09-20" });
});
