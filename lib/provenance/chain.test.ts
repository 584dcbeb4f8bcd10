import { describe, expect, test } from "vitest";
import { chainAuthority, claimChain, formatChain, isAgency, statementChain, type ChainContext } from "./chain";
import type { Origin } from "./copies";

const own: Origin = { kind: "own" };
const declaredWsws: Origin = { kind: "declared", sourceName: "World Socialist Web Site", sourceUrl: null };
const copyOfWire: Origin = { kind: "copy", originalId: "w", rootId: "w", outletKey: "levantwire.example", outletName: "Levant Wire", via: ["detected", "declared"], inSelection: true };
const copyOfLedger: Origin = { kind: "copy", originalId: "l", rootId: "l", outletKey: "northernledger.example", outletName: "Northern Ledger", via: ["declared"], inSelection: true };

const outletNames = ["Levant Wire", "Northern Ledger", "The Meridian Post", "Mondialisation.ca"];
const ctx = (outletName: string, origin: Origin): ChainContext => ({ outletName, origin, outletNames, wireNames: ["Levant Wire"] });

describe("claimChain", () => {
  test.each([
    ["the seed: a republication of an original outside the corpus, an army as authority", ctx("Mondialisation.ca", declaredWsws), "the Syrian army", "Mondialisation.ca → World Socialist Web Site → Syrian army"],
    ["the seed's unattributed figure", ctx("Mondialisation.ca", declaredWsws), null, "Mondialisation.ca → World Socialist Web Site → (no authority named)"],
    ["an outlet's own report of a ministry's figure", ctx("The Meridian Post", own), "the Russian Defence Ministry", "The Meridian Post → Russian Defence Ministry"],
    ["a wire copy: the wire is an agency link", ctx("Gulf Observer", copyOfWire), "the Russian Defence Ministry", "Gulf Observer → Levant Wire → Russian Defence Ministry"],
    ["a declared republication of another outlet", ctx("Crossroads Review", copyOfLedger), "the Syrian Observatory for Human Rights", "Crossroads Review → Northern Ledger → Syrian Observatory for Human Rights"],
    ["an authority that is an agency is a relay", ctx("Capital Herald", own), "Reuters", "Capital Herald → Reuters → (no authority named)"],
    ["an authority that is an event outlet is a cited outlet", ctx("Capital Herald", own), "the Northern Ledger", "Capital Herald → Northern Ledger → (no authority named)"],
    ["a copy citing its own original adds no link", ctx("Gulf Observer", copyOfWire), "Levant Wire", "Gulf Observer → Levant Wire → (no authority named)"],
  ])("%s", (_name, context, authority, expected) => {
    expect(formatChain(claimChain(context, authority), { unattributed: "(no authority named)" })).toBe(expected);
  });

  test("links carry their role and how the original is known", () => {
    expect(claimChain(ctx("Gulf Observer", copyOfWire), "the Russian Defence Ministry")).toEqual([
      { role: "outlet", name: "Gulf Observer" },
      { role: "agency", name: "Levant Wire", note: "detected, declared" },
      { role: "authority", name: "Russian Defence Ministry" },
    ]);
    expect(claimChain(ctx("Mondialisation.ca", declaredWsws), null)).toEqual([
      { role: "outlet", name: "Mondialisation.ca" },
      { role: "original", name: "World Socialist Web Site", note: "declared" },
    ]);
  });
});

describe("statementChain", () => {
  test.each([
    [
      "told the New York Times",
      ctx("Capital Herald", own),
      { channel: "the New York Times", speaker: "John Kirby", speakerMention: "Kirby", affiliation: "State Department spokesman" },
      "Capital Herald → New York Times → John Kirby",
    ],
    [
      "a quote carried through a wire copy",
      ctx("Orient Daily", copyOfWire),
      { channel: null, speaker: null, speakerMention: "the ministry", affiliation: null },
      "Orient Daily → Levant Wire → the ministry",
    ],
    ["no speaker", ctx("The Meridian Post", own), { channel: "AFP", speaker: null, speakerMention: null, affiliation: null }, "The Meridian Post → AFP"],
  ])("%s", (_name, context, s, expected) => {
    expect(formatChain(statementChain(context, s))).toBe(expected);
  });

  test("the channel and the affiliation are kept as notes", () => {
    const chain = statementChain(ctx("Capital Herald", own), { channel: "Reuters", speaker: "Vitaly Churkin", speakerMention: "he", affiliation: "Russia's envoy to the UN" });
    expect(chain).toEqual([
      { role: "outlet", name: "Capital Herald" },
      { role: "agency", name: "Reuters", note: "channel" },
      { role: "authority", name: "Vitaly Churkin", note: "Russia's envoy to the UN" },
    ]);
    expect(chainAuthority(chain)).toBe("Vitaly Churkin");
  });
});

describe("isAgency", () => {
  test.each([
    ["Reuters", true],
    ["AFP", true],
    ["the Associated Press", true],
    ["Syrian Arab News Agency", true],
    ["Levant Wire", true],
    ["Northern Ledger", false],
    ["the Syrian army", false],
    ["Orient Daily", false],
  ])("%s → %s", (name, expected) => {
    expect(isAgency(name)).toBe(expected);
  });

  test("an outlet registered as wire is an agency", () => {
    expect(isAgency("Orient Daily", ["Orient Daily"])).toBe(true);
  });
});
