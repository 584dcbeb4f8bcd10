import { describe, expect, test } from "vitest";
import { cleanTitle, eventTitle } from "./title";

describe("cleanTitle", () => {
  test.each([
    ["Man killed in Hawthorne party shooting - Los Angeles Times", "Man killed in Hawthorne party shooting"],
    ["Two shot on West Side | WGN", "Two shot on West Side"],
    ["WGN | Two shot on West Side", "Two shot on West Side"],
    ["1 dead, 3 injured in Shreveport shooting - KSLA News 12 Shreveport, Louisiana News Weather & Sports", "1 dead, 3 injured in Shreveport shooting"],
    ["Teen shot near school - KCTV5", "Teen shot near school"],
    ["Vigil held for teen - WFSB 3 Connecticut", "Vigil held for teen"],
    ["Woman shot in Algiers - Tri-State News, Weather & Sports", "Woman shot in Algiers"],
    ["OKC Police Identify Victims - News9.com - Oklahoma City, OK - News, Weather, Video and Sports |", "OKC Police Identify Victims"],
    ["UPDATE: Teenager dead in overnight shooting - WRCBtv.com | Chattanooga News", "Teenager dead in overnight shooting"],
    ["BREAKING: 4 hurt at party", "4 hurt at party"],
    // headline text that merely contains a separator is kept
    ["Police: 2-year-old was victim of accidental gunshot", "Police: 2-year-old was victim of accidental gunshot"],
    ["Mass Shooting – Killed – Male Teen – John Doe (Greenwood, SC)", "Mass Shooting - Killed - Male Teen - John Doe (Greenwood, SC)"],
    // a short capitalised tail after a sentence-case headline is a name (site or source)
    ["15-year-old shoots self while taking selfie – Police", "15-year-old shoots self while taking selfie"],
    ["Man killed at Riverton gas station - Riverton Ledger", "Man killed at Riverton gas station"],
    ["Name released of toddler killed in Longview shooting - Longview News-Journal", "Name released of toddler killed in Longview shooting"],
    ["Randy Chapman, 23 - The Homicide Report", "Randy Chapman, 23"],
    ["Man wanted in quadruple shooting - NBC12 - WWBT - Richmond, VA News On Your Side", "Man wanted in quadruple shooting"],
    ["New Suspect Arrested in Attempted Murder Case - 44News | Evansville, IN", "New Suspect Arrested in Attempted Murder Case"],
    ["WJTV News Channel 12 - Five Injured in Nightclub Shooting", "Five Injured in Nightclub Shooting"],
    // nothing left after cleaning: keep the input
    ["KSLA News 12", "KSLA News 12"],
    ["  spaced   out  ", "spaced out"],
  ])("%s", (input, expected) => {
    expect(cleanTitle(input)).toBe(expected);
  });
});

describe("eventTitle", () => {
  test.each([
    { name: "no titles", titles: [], expected: "" },
    { name: "one title, cleaned", titles: ["3 hurt in Dunmore Creek gym shooting | KXYZ"], expected: "3 hurt in Dunmore Creek gym shooting" },
    {
      name: "the most central title wins",
      titles: [
        "Vigil planned for teacher - Valley Herald",
        "Man killed at Riverton gas station - Riverton Ledger",
        "Police: argument at pump led to deadly Riverton gas station shooting",
        "Arrest made in Riverton gas station killing | Channel 9",
      ],
      expected: "Man killed at Riverton gas station",
    },
    { name: "empty titles ignored", titles: ["", "Shots fired at Elm Street - WXYZ"], expected: "Shots fired at Elm Street" },
  ])("$name", ({ titles, expected }) => {
    expect(eventTitle(titles)).toBe(expected);
  });

  test("deterministic tie-break: the earlier title", () => {
    expect(eventTitle(["Alpha beta gamma", "Delta epsilon zeta"])).toBe("Alpha beta gamma");
  });
});
