import { describe, expect, test } from "vitest";
import { chooseDay, choosePlace, placeLabel } from "./choose";
import type { PlaceCandidate } from "./extract";
import { parsePlaceCandidates, serializePlaceCandidates } from "./serialize";

const city = (n: string, c: string | null, w: number, a: string | null = null, g = false): PlaceCandidate => ({ n, c, a, t: "city", w, ...(g ? { g: 1 as const } : {}) });
const region = (n: string, c: string | null, w: number, a: string | null = null): PlaceCandidate => ({ n, c, a, t: "region", w });
const country = (n: string, w: number): PlaceCandidate => ({ n, c: n, a: null, t: "country", w });

describe("choosePlace", () => {
  test.each([
    { name: "no article names a place", articles: [[], []], expected: null },
    {
      name: "the city most articles agree on beats the country they all name",
      articles: [
        [city("Deir ez-Zor", "Syria", 4), country("Syria", 2)],
        [country("Syria", 3.5), city("Deir ez-Zor", "Syria", 2), country("Russia", 1)],
        [city("Deir ez-Zor", "Syria", 2)],
        [country("Syria", 2), country("Russia", 1)],
      ],
      expected: "Deir ez-Zor, Syria",
    },
    {
      name: "a country when no city or region has support",
      articles: [[country("Syria", 2)], [country("Syria", 1), country("Russia", 1)]],
      expected: "Syria",
    },
    {
      name: "the region named in every article beats a village named in one",
      articles: [
        [region("Kellan Valley", null, 4), city("Dorvik", null, 1)],
        [region("Kellan Valley", null, 4), city("Dorvik", null, 2)],
        [region("Kellan Valley", null, 1)],
      ],
      expected: "Kellan Valley",
    },
    {
      name: "a dateline's state outweighs guesses by population",
      articles: [
        [city("Roswell", "United States", 4, "New Mexico")],
        [city("Roswell", "United States", 2, "Georgia", true)],
        [city("Roswell", "United States", 2, "Georgia", true)],
      ],
      expected: "Roswell, New Mexico",
    },
    {
      name: "a place without a country takes the one the articles name",
      articles: [[city("Urum al-Kubra", null, 2), country("Syria", 2)], [city("Urum al-Kubra", null, 2), country("Syria", 1)]],
      expected: "Urum al-Kubra, Syria",
    },
    {
      name: "one article repeating a place does not outvote two articles",
      articles: [[city("Aleppo", "Syria", 4)], [city("Homs", "Syria", 2)], [city("Homs", "Syria", 2)]],
      expected: "Homs, Syria",
    },
    {
      name: "two distinct events in one city on one day both get the city",
      articles: [
        [city("Chicago", "United States", 3, "Illinois")],
        [city("Chicago", "United States", 2, "Illinois"), region("Cook County", "United States", 1.5, "Illinois")],
      ],
      expected: "Chicago, Illinois",
    },
  ])("$name", ({ articles, expected }) => {
    expect(choosePlace(articles)?.label ?? null).toBe(expected);
  });

  test("does not depend on the order of the articles", () => {
    const articles = [[city("Homs", "Syria", 2)], [city("Hama", "Syria", 2)], [country("Syria", 1)]];
    expect(choosePlace(articles)?.label).toBe(choosePlace([...articles].reverse())?.label);
    expect(choosePlace(articles)?.label).toBe("Hama, Syria");
  });
});

describe("placeLabel", () => {
  test.each([
    [{ name: "Syria", kind: "country" as const, country: "Syria", state: null }, "Syria"],
    [{ name: "California", kind: "region" as const, country: "United States", state: "California" }, "California"],
    [{ name: "Hawthorne", kind: "city" as const, country: "United States", state: "California" }, "Hawthorne, California"],
    [{ name: "Kerr County", kind: "region" as const, country: "United States", state: null }, "Kerr County"],
    [{ name: "Port Casmir", kind: "city" as const, country: null, state: null }, "Port Casmir"],
  ])("%j", (p, expected) => {
    expect(placeLabel(p)).toBe(expected);
  });
});

describe("chooseDay", () => {
  test.each([
    { name: "nothing known", articles: [{ eventDay: null, publishedDay: null }], expected: null },
    {
      name: "the day most articles give",
      articles: [
        { eventDay: "2016-09-17", publishedDay: "2016-09-17" },
        { eventDay: "2016-09-17", publishedDay: "2016-09-19" },
        { eventDay: "2016-09-18", publishedDay: "2016-09-18" },
      ],
      expected: "2016-09-17",
    },
    {
      name: "a tie goes to the earlier day",
      articles: [
        { eventDay: "2016-09-20", publishedDay: "2016-09-20" },
        { eventDay: "2016-09-19", publishedDay: "2016-09-20" },
      ],
      expected: "2016-09-19",
    },
    {
      name: "without any, the earliest publication day",
      articles: [
        { eventDay: null, publishedDay: "2016-09-21" },
        { eventDay: null, publishedDay: "2016-09-20" },
        { eventDay: null, publishedDay: null },
      ],
      expected: "2016-09-20",
    },
  ])("$name", ({ articles, expected }) => {
    expect(chooseDay(articles)).toBe(expected);
  });
});

describe("stored candidates", () => {
  test("round trip", () => {
    const places = [city("Roswell", "United States", 2, "Georgia", true), country("Syria", 1)];
    expect(parsePlaceCandidates(serializePlaceCandidates(places))).toEqual(places);
  });

  test.each([[null], [""], ["not json"], ["{}"], ['[{"n":"","t":"city","w":1}]'], ['[{"n":"X","t":"planet","w":1}]'], ['[{"n":"X","t":"city","w":"heavy"}]']])(
    "unreadable values read as no places: %s",
    (value) => {
      expect(parsePlaceCandidates(value)).toEqual([]);
    },
  );
});
