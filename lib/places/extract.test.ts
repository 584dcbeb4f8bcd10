import { describe, expect, test } from "vitest";
import { findPlaces } from "./extract";
import { placeKey } from "./normalize";

/** The strongest candidate, as "name|country|state|kind". */
function top(title: string, text: string): string | null {
  const p = findPlaces({ title, text })[0];
  return p ? `${p.n}|${p.c ?? ""}|${p.a ?? ""}|${p.t}` : null;
}

describe("findPlaces: the strongest place of an article", () => {
  test.each([
    {
      name: "a short city name ending its sentence is no abbreviation: the next capital starts a sentence",
      title: "Deux morts dans un incendie",
      text: "Un incendie a fait deux morts vendredi à Lyon. Le feu s'est déclaré dans un entrepôt.",
      expected: "Lyon|France||city",
    },
    {
      name: "an elided article before the name (French \"près d'Izmir\")",
      title: "Six morts dans un séisme",
      text: "Six personnes ont été tuées vendredi dans un séisme près d'Izmir.",
      expected: "İzmir|Türkiye||city",
    },
    {
      name: "the seed headline: a city with a cue, its country from the gazetteer",
      title: "62 Dead, 100 Wounded as US Bombs Syrian Army Near Deir ez-Zor. Bombing Was in Support of ISIS-Daesh Militia",
      text: "At least sixty-two Syrian troops died and 100 were wounded on Saturday when US jets bombed a Syrian government base on Al-Tharda mountain near Deir ez-Zor.",
      expected: "Deir ez-Zor|Syria||city",
    },
    {
      name: "a dateline in capitals with its country",
      title: "US-led jets hit Syrian army; Russia says 62 troops dead - Gulf Observer",
      text: "DEIR EZ-ZOR, Syria (Levant Wire) - At least 62 Syrian soldiers were killed on Saturday.",
      expected: "Deir ez-Zor|Syria||city",
    },
    {
      name: "an AP dateline picks the state among same-named towns",
      title: "Victims identified in triple homicide",
      text: "ROSWELL, N.M. (KRQE) – Roswell Police have released the names of the victims in Saturday's triple murder.",
      expected: "Roswell|United States|New Mexico|city",
    },
    {
      name: "an AP abbreviation written without its period",
      title: "Judge rules teen can be tried as an adult",
      text: "LANCASTER, Pa – A 17-year-old was charged on Monday.",
      expected: "Lancaster|United States|Pennsylvania|city",
    },
    {
      name: "a place qualified by its state",
      title: "Two shot outside a bar",
      text: "Two men were shot outside a bar in Hawthorne, California, early on Tuesday, deputies said.",
      expected: "Hawthorne|United States|California|city",
    },
    {
      name: "a county the gazetteer does not list, with the article's only state",
      title: "2 killed, 1 wounded in Kerr County shooting",
      text: "A shooting on Friday in Kerr County, Texas claimed the lives of a boy and his mother.",
      expected: "Kerr County|United States|Texas|region",
    },
    {
      name: "an invented valley, named with its type word",
      title: "Flash floods sweep through Kellan Valley, seven dead",
      text: "Seven people died after flash floods swept through villages in the Kellan Valley overnight.",
      expected: "Kellan Valley|||region",
    },
    {
      name: "an invented town after a cue",
      title: "Firefighter injured as blaze guts warehouse in Port Casmir",
      text: "One firefighter was injured on Monday night as fire destroyed a warehouse in the port district of Port Casmir.",
      expected: "Port Casmir|||city",
    },
    {
      name: "French: the place before a colon, « près de »",
      title: "Deir ez-Zor : au moins 62 soldats syriens tués dans une frappe de la coalition",
      text: "Au moins 62 soldats syriens ont été tués samedi près de l'aéroport de Deir ez-Zor, dans l'est de la Syrie.",
      expected: "Deir ez-Zor|Syria||city",
    },
    {
      name: "New York is the city, not York, Pennsylvania",
      title: "World powers meet in New York to rescue faltering Syria truce",
      text: "Foreign ministers gathered in New York on Tuesday for talks on saving a ceasefire.",
      expected: "New York|United States|New York|city",
    },
  ])("$name", ({ title, text, expected }) => {
    expect(top(title, text)).toBe(expected);
  });
});

describe("findPlaces: what is not a place", () => {
  test.each([
    { name: "no place at all", title: "Man charged after argument", text: "A man was charged on Monday after an argument, police said." },
    { name: "a person who shares a city's name", title: "Officer praised", text: "Officer Tyler Smith said the suspect fled. Tyler said he was proud." },
    { name: "a town name as the first word of a sentence", title: "Phone footage released", text: "Mobile phone footage shows the moment. Police are investigating." },
    { name: "the University of Kentucky is not the United Kingdom", title: "UK student hurt", text: "A UK student was hurt on campus, officials said." },
    { name: "a weekday after a cue", title: "Toll rises", text: "More soldiers died in Saturday's strike, the monitor said." },
    { name: "an outlet named after a city", title: "Shooting leaves one hurt - Chicago Tribune", text: "One person was hurt, the Chicago Tribune reported." },
  ])("$name", ({ title, text }) => {
    expect(findPlaces({ title, text }).filter((p) => p.t !== "country")).toEqual([]);
  });
});

describe("findPlaces: shape", () => {
  test("merges repeated mentions, strongest first, at most six, weights capped at 4", () => {
    const text = Array.from({ length: 12 }, () => "Fighting continued in Aleppo, Homs, Hama, Idlib, Latakia, Raqqa and Damascus.").join(" ");
    const places = findPlaces({ title: "Fighting in Aleppo", text });
    expect(places.length).toBeLessThanOrEqual(6);
    expect(places[0]?.n).toBe("Aleppo");
    for (const p of places) expect(p.w).toBeLessThanOrEqual(4);
    expect(new Set(places.map((p) => `${p.t}|${p.n}`)).size).toBe(places.length);
  });

  test("empty input", () => {
    expect(findPlaces({ title: "", text: "" })).toEqual([]);
  });
});

describe("placeKey", () => {
  test.each([
    ["Deir ez-Zor", "deir ez zor"],
    ["DEIR EZ-ZOR", "deir ez zor"],
    ["St. Louis", "saint louis"],
    ["Coeur d’Alene", "coeur dalene"],
    ["Genève", "geneve"],
    ["Chicago", "chicago"],
  ])("%s", (input, expected) => {
    expect(placeKey(input)).toBe(expected);
  });
});
