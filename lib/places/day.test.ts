import { describe, expect, test } from "vitest";
import { findEventDay } from "./day";

describe("findEventDay", () => {
  test.each([
    {
      name: "a weekday before publication (17 Sep 2016 was a Saturday)",
      title: "Strike kills soldiers",
      text: "At least 62 Syrian soldiers were killed on Saturday when coalition aircraft struck.",
      publishedAt: "2016-09-19T11:00:00Z",
      expected: "2016-09-17",
    },
    {
      name: "a possessive weekday",
      title: "Toll rises",
      text: "Eighty-three soldiers were killed in Saturday's air strike, the Observatory said on Sunday.",
      publishedAt: "2016-09-18T14:20:00Z",
      expected: "2016-09-17",
    },
    {
      name: "the reporting day is skipped",
      title: "Monitor raises toll",
      text: "The Observatory said on Monday that more than 90 soldiers died. The strike on Saturday hit a hill.",
      publishedAt: "2016-09-19T16:30:00Z",
      expected: "2016-09-17",
    },
    {
      name: "the same weekday as publication is that day",
      title: "Fire guts warehouse",
      text: "A warehouse burned down on Tuesday, firefighters said.",
      publishedAt: "2016-09-20T09:45:00Z",
      expected: "2016-09-20",
    },
    {
      name: "a weekday after the publication weekday is last week's",
      title: "Funeral held",
      text: "The boy was shot on Friday night outside his home.",
      publishedAt: "2016-09-20T09:45:00Z",
      expected: "2016-09-16",
    },
    {
      name: "a day and month, year from publication",
      title: "Strike anniversary",
      text: "Coalition jets struck the hill on 17 September, killing dozens.",
      publishedAt: "2016-09-21",
      expected: "2016-09-17",
    },
    {
      name: "a month-day after publication is last year's",
      title: "Charges filed",
      text: "The shooting happened Dec. 28 at a home on Elm Street.",
      publishedAt: "2017-01-05T10:00:00Z",
      expected: "2016-12-28",
    },
    {
      name: "yesterday",
      title: "Two hurt",
      text: "Two people were hurt yesterday in a crash.",
      publishedAt: "2016-03-02T08:00:00Z",
      expected: "2016-03-01",
    },
    {
      name: "French weekday",
      title: "Deir ez-Zor : au moins 62 soldats tués",
      text: "Au moins 62 soldats syriens ont été tués samedi dans une frappe aérienne.",
      publishedAt: "2016-09-18T08:00:00Z",
      language: "fr",
      expected: "2016-09-17",
    },
    {
      name: "without a publication date, only a complete date",
      title: "Report",
      text: "On Saturday the base was hit. The ministry gave its account of September 17th, 2016 later.",
      publishedAt: null,
      expected: "2016-09-17",
    },
    { name: "no date words", title: "Questions mount", text: "Basic facts remain disputed.", publishedAt: "2016-09-21T09:00:00Z", expected: null },
    { name: "a time alone is no date", title: "Shots fired", text: "Police arrived at about 10 p.m. and found two men.", publishedAt: "2016-09-21T09:00:00Z", expected: null },
    { name: "the weekend is too vague", title: "Shooting", text: "A man was shot over the weekend.", publishedAt: "2016-09-21T09:00:00Z", expected: null },
    { name: "a date long before publication is background", title: "Trial", text: "The shooting on 3 January left two dead.", publishedAt: "2016-09-21T09:00:00Z", expected: null },
  ])("$name", ({ title, text, publishedAt, language, expected }) => {
    expect(findEventDay({ title, text, publishedAt, language: language ?? "en" })).toBe(expected);
  });
});
