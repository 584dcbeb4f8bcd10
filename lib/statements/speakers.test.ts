import { describe, expect, test } from "vitest";
import { abbreviates, compareSpeakers, describeAttributions, normalizeSpeakerName, speakerLabel, speakerProfile, summariseAttributions } from "./speakers";

const p = (speaker: string | null, speakerMention: string | null = speaker, affiliation: string | null = null) =>
  speakerProfile({ speaker, speakerMention, affiliation });

describe("normalizeSpeakerName", () => {
  test.each([
    ["The Pentagon", "pentagon"],
    ["U.S. Central Command", "us central command"],
    ["Russia’s envoy to the United Nations", "russia envoy to the united nations"],
    ["Russian Defence Ministry", "russian defense ministry"],
    ["  the   UN ", "un"],
  ])("%s -> %s", (name, expected) => {
    expect(normalizeSpeakerName(name)).toBe(expected);
  });
});

describe("speakerLabel", () => {
  test.each([
    ["the resolved speaker wins", { speaker: "Vitaly Churkin", speakerMention: "he" }, "Vitaly Churkin"],
    ["an unresolved pronoun names nobody", { speaker: null, speakerMention: "he" }, null],
    ["a pronoun stored as the speaker names nobody", { speaker: "It", speakerMention: "It" }, null],
    ["the mention when there is no resolved speaker", { speaker: null, speakerMention: "a shopkeeper" }, "a shopkeeper"],
    ["nothing", { speaker: null, speakerMention: null }, null],
  ])("%s", (_name, fields, expected) => {
    expect(speakerLabel(fields)).toBe(expected);
  });
});

describe("abbreviates", () => {
  test.each([
    ["centcom", "us central command", true],
    ["centcom", "central command", true],
    ["icrc", "international committee of the red cross", true],
    ["sohr", "syrian observatory for human rights", true],
    ["cia", "central intelligence agency", true],
    ["un", "us navy", false],
    ["centcom", "pentagon", false],
    ["centcom", "coalition command", false],
    ["nato", "north atlantic council", false],
  ])("%s / %s -> %s", (short, long, expected) => {
    expect(abbreviates(short, long)).toBe(expected);
  });
});

describe("compareSpeakers", () => {
  test.each([
    ["a contraction of the full name", p("Centcom"), p("US Central Command"), "same"],
    ["a parenthesised alias", p("US Central Command (Centcom)"), p("Centcom"), "same"],
    ["the same words in another order and spelling", p("Russian Defense Ministry"), p("the Russian Ministry of Defence"), "same"],
    ["a known alias", p("the Pentagon"), p("US Department of Defense"), "same"],
    ["an initialism", p("ICRC"), p("International Committee of the Red Cross"), "same"],
    ["a generic form of the same speaker", p("the ministry"), p("Russian Defence Ministry"), "compatible"],
    ["a surname and the full name", p("Churkin"), p("Vitaly Churkin"), "compatible"],
    ["a spokesperson speaks for the organisation", p("a coalition spokesperson"), p("the coalition"), "compatible"],
    ["an official of the organisation, named by its short form", p("an anonymous Centcom official"), p("US Central Command (Centcom)"), "compatible"],
    ["a bare role names no one in particular", p("a spokesperson"), p("the Pentagon"), "compatible"],
    ["the affiliation counts", p("a spokesperson", "a spokesperson", "Harbor Command"), p("Harbor Command"), "compatible"],
    ["an unresolved pronoun", p(null, "he"), p("Vitaly Churkin"), "unknown"],
    ["no speaker", null, p("the Pentagon"), "unknown"],
    ["two different organisations", p("Centcom"), p("the Pentagon"), "conflict"],
    ["two different ministries", p("Russian Defence Ministry"), p("Russian foreign ministry spokesperson"), "conflict"],
    ["a two-letter initialism is not guessed", p("UN"), p("US Navy"), "conflict"],
  ])("%s", (_name, a, b, expected) => {
    expect(compareSpeakers(a, b)).toBe(expected);
    expect(compareSpeakers(b, a)).toBe(expected);
  });
});

describe("summariseAttributions", () => {
  type M = { outlet: string; speaker: string | null; speakerMention?: string | null };
  const fields = (m: M) => ({ speaker: m.speaker, speakerMention: m.speakerMention ?? m.speaker });
  const summary = (members: M[]) => {
    const s = summariseAttributions(members, fields);
    return {
      conflict: s.conflict,
      attributions: s.attributions.map((a): [string | null, string[]] => [a.speaker, a.members.map((m) => m.outlet)]),
    };
  };

  test.each<[string, M[], boolean, [string | null, string[]][]]>([
    [
      "one speaker under several names is one attribution",
      [
        { outlet: "A", speaker: "US Central Command (Centcom)" },
        { outlet: "B", speaker: "Centcom" },
        { outlet: "C", speaker: "Centcom" },
      ],
      false,
      [["Centcom", ["A", "B", "C"]]],
    ],
    [
      "a generic speaker joins the one specific speaker it fits",
      [
        { outlet: "A", speaker: "Russian Defence Ministry" },
        { outlet: "B", speaker: "ministry" },
      ],
      false,
      [["Russian Defence Ministry", ["A", "B"]]],
    ],
    [
      "a misattribution is a conflict",
      [
        { outlet: "A", speaker: "US Central Command" },
        { outlet: "B", speaker: "the Pentagon" },
        { outlet: "C", speaker: "Pentagon" },
      ],
      true,
      [
        ["the Pentagon", ["B", "C"]],
        ["US Central Command", ["A"]],
      ],
    ],
    [
      "a generic speaker that fits two specific ones stays apart and does not hide their conflict",
      [
        { outlet: "A", speaker: "Russian Defence Ministry" },
        { outlet: "B", speaker: "Russian foreign ministry" },
        { outlet: "C", speaker: "ministry" },
      ],
      true,
      [
        ["ministry", ["C"]],
        ["Russian Defence Ministry", ["A"]],
        ["Russian foreign ministry", ["B"]],
      ],
    ],
    [
      "statements without a speaker are listed last and conflict with nothing",
      [
        { outlet: "A", speaker: null, speakerMention: "he" },
        { outlet: "B", speaker: "Vitaly Churkin" },
      ],
      false,
      [
        ["Vitaly Churkin", ["B"]],
        [null, ["A"]],
      ],
    ],
  ])("%s", (_name, members, conflict, attributions) => {
    expect(summary(members)).toEqual({ conflict, attributions });
    // Order of the members does not change the attributions (only the order of outlets inside one).
    const reversed = summary([...members].reverse());
    expect(reversed.conflict).toBe(conflict);
    expect(reversed.attributions.map(([s, o]) => [s, [...o].sort()])).toEqual(attributions.map(([s, o]) => [s, [...o].sort()]));
  });

  test("describeAttributions names each outlet once, in the wording analysts read", () => {
    const members = [
      { outlet: "Harbour Times", speaker: "US Central Command" },
      { outlet: "Bay Courier", speaker: "the Pentagon" },
      { outlet: "Bay Courier", speaker: "the Pentagon" },
      { outlet: "Coast Post", speaker: null },
    ];
    const s = summariseAttributions(members, (m) => ({ speaker: m.speaker, speakerMention: m.speaker }));
    expect(describeAttributions(s.attributions, (m) => m.outlet)).toBe(
      "Attributed to the Pentagon by Bay Courier; to US Central Command by Harbour Times; no speaker named by Coast Post",
    );
    const none = summariseAttributions([members[3]!], (m) => ({ speaker: m.speaker, speakerMention: null }));
    expect(describeAttributions(none.attributions, (m) => m.outlet)).toBe("No speaker named by Coast Post");
  });
});
