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
    ["Mass Shooting – Killed – Male Teen – John Doe (Greenwood, SC)", "Mass Shooting – Killed – Male Teen – John Doe (Greenwood, SC)"],
    // kept segments keep their own separators (French typography puts a space before a colon)
    ["Deir ez-Zor : au moins 62 soldats syriens tués", "Deir ez-Zor : au moins 62 soldats syriens tués"],
    // a short capitalised tail after a sentence-case headline is a name (site or source)
    ["15-year-old shoots self while taking selfie – Police", "15-year-old shoots self while taking selfie"],
    ["Man killed at Riverton gas station - Riverton Ledger", "Man killed at Riverton gas station"],
    ["Name released of toddler killed in Longview shooting - Longview News-Journal", "Name released of toddler killed in Longview shooting"],
    ["Randy Chapman, 23 - The Homicide Report", "Randy Chapman, 23"],
    ["Man wanted in quadruple shooting - NBC12 - WWBT - Richmond, VA News On Your Side", "Man wanted in quadruple shooting"],
    ["New Suspect Arrested in Attempted Murder Case - 44News | Evansville, IN", "New Suspect Arrested in Attempted Murder Case"],
    ["WJTV News Channel 12 - Five Injured in Nightclub Shooting", "Five Injured in Nightclub Shooting"],
    // wire and broadcaster conventions
    ["Syria says U.S.-led strike killed soldiers | Reuters", "Syria says U.S.-led strike killed soldiers"],
    ["Syria war: US strike kills Syrian troops - BBC News", "Syria war: US strike kills Syrian troops"],
    ["VIDEO: Aid convoy hit near Aleppo", "Aid convoy hit near Aleppo"],
    ["UPDATE 2-Russia says U.S.-led strike killed 62 Syrian soldiers", "Russia says U.S.-led strike killed 62 Syrian soldiers"],
    ["UPDATE 3: Toll rises to 90", "Toll rises to 90"],
    ["REFILE-U.N. halts aid convoys in Syria", "U.N. halts aid convoys in Syria"],
    ["Aid convoy hit near Aleppo (VIDEO)", "Aid convoy hit near Aleppo"],
    ["6 Shot, 1 Dead, 1 Critical In Kingsessing Shooting « CBS Philly", "6 Shot, 1 Dead, 1 Critical In Kingsessing Shooting"],
    // nothing left after cleaning: keep the input
    ["KSLA News 12", "KSLA News 12"],
    ["  spaced   out  ", "spaced out"],
  ])("%s", (input, expected) => {
    expect(cleanTitle(input)).toBe(expected);
  });
});

describe("cleanTitle with the article's outlet", () => {
  test.each([
    ["Coalition air strike kills 62 Syrian soldiers, Moscow says - Orient Daily", "Orient Daily", "Coalition air strike kills 62 Syrian soldiers, Moscow says"],
    ["US-led strike kills Syrian troops - Al Jazeera English", "Al Jazeera", "US-led strike kills Syrian troops"],
    ["Al Jazeera | US-led strike kills Syrian troops", "Al Jazeera", "US-led strike kills Syrian troops"],
    ["Deir ez-Zor : au moins 62 soldats syriens tués - Le Courrier du Levant", "Le Courrier du Levant", "Deir ez-Zor : au moins 62 soldats syriens tués"],
    // the outlet's name inside the headline is headline text
    ["Al Jazeera reporter hurt in Aleppo", "Al Jazeera", "Al Jazeera reporter hurt in Aleppo"],
    ["Strike on Syrian army - what we know", "Levant Wire", "Strike on Syrian army - what we know"],
  ])("%s (%s)", (input, outlet, expected) => {
    expect(cleanTitle(input, outlet)).toBe(expected);
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

  test("titles with their outlets: the outlet's name is removed", () => {
    expect(
      eventTitle([
        { title: "Strike near Deir ez-Zor kills 62 soldiers - Gulf Observer", outlet: "Gulf Observer" },
        { title: "Gulf Observer: strike near Deir ez-Zor kills 62 soldiers", outlet: "Gulf Observer" },
      ]),
    ).toBe("Strike near Deir ez-Zor kills 62 soldiers");
  });

  test("two distinct events in one city on one day keep their own headlines", () => {
    const shooting = ["Two shot outside Chicago bar on Friday | WGN", "Police: two men shot outside South Side bar - Chicago Tribune"];
    const fire = ["Fire guts Chicago warehouse, firefighter hurt - NBC Chicago", "Firefighter hurt as warehouse burns in Chicago | WGN"];
    expect(eventTitle(shooting)).toBe("Two shot outside Chicago bar on Friday");
    expect(eventTitle(fire)).toBe("Fire guts Chicago warehouse, firefighter hurt");
  });

  test("deterministic tie-break: the earlier title", () => {
    expect(eventTitle(["Alpha beta gamma", "Delta epsilon zeta"])).toBe("Alpha beta gamma");
  });
});
