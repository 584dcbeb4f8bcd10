import { describe, expect, test } from "vitest";
import { groupByAuthority, UNATTRIBUTED_LABEL, type AuthorityClaimInput } from "./authority";

let nextId = 1;
function claim(outletName: string, kind: string, min: number | null, max: number | null, qualifier: string, authority: string | null, over: Partial<AuthorityClaimInput> = {}): AuthorityClaimInput {
  return {
    id: nextId++,
    kind,
    min,
    max,
    qualifier,
    authority,
    isContext: false,
    outletKey: outletName.toLowerCase().replace(/[^a-z]+/g, ""),
    outletName,
    copy: false,
    publishedAt: "2016-09-18T00:00:00Z",
    ...over,
  };
}

// The Deir ez-Zor strike as the demo outlets report it (a syndicated pair included).
const claims = [
  claim("Levant Wire", "killed", 62, null, "at_least", "the Russian Defence Ministry", { publishedAt: "2016-09-17T18:05:00Z" }),
  claim("Orient Daily", "killed", 62, null, "at_least", "the Russian Defence Ministry", { copy: true, publishedAt: "2016-09-17T19:40:00Z" }),
  claim("Levant Wire", "wounded", 100, 100, "about", "the Russian Defence Ministry.", { publishedAt: "2016-09-17T18:05:00Z" }),
  claim("Northern Ledger", "killed", 83, 83, "exact", "the Syrian Observatory for Human Rights"),
  claim("Crossroads Review", "killed", 83, 83, "exact", "the Syrian Observatory for Human Rights", { copy: true, publishedAt: "2016-09-20T00:00:00Z" }),
  claim("Levant Wire", "killed", 91, null, "at_least", "The Syrian Observatory for Human Rights", { publishedAt: "2016-09-19T16:30:00Z" }),
  claim("Mondialisation.ca", "killed", 62, null, "at_least", null, { copy: true }),
  claim("Mondialisation.ca", "wounded", 100, 100, "exact", null, { copy: true }),
  claim("Capital Herald", "killed", 24, null, "vague", "Syrian state media"),
  claim("Capital Herald", "killed", 300000, null, "at_least", "a monitoring group", { isContext: true }),
  claim("The Meridian Post", "killed", 62, null, "at_least", "russian defence ministry"),
];

describe("groupByAuthority", () => {
  const rows = groupByAuthority(claims);

  test("one row per normalised authority, most relayed first, unattributed last, context left out", () => {
    expect(rows.map((r) => [r.label, r.outletCount, r.claimCount])).toEqual([
      ["Russian Defence Ministry", 3, 4],
      ["Syrian Observatory for Human Rights", 3, 3],
      ["Syrian state media", 1, 1],
      [UNATTRIBUTED_LABEL, 1, 2],
    ]);
    expect(rows.some((r) => r.label === "A monitoring group")).toBe(false);
  });

  test("cells: each exact figure with the outlets that relayed it, copies marked", () => {
    const ministry = rows[0]!;
    expect(Object.keys(ministry.byKind).sort()).toEqual(["killed", "wounded"]);
    const [killed62] = ministry.byKind.killed!;
    expect(killed62!.outlets).toEqual([
      { key: "levantwire", name: "Levant Wire", copy: false },
      { key: "orientdaily", name: "Orient Daily", copy: true },
      { key: "themeridianpost", name: "The Meridian Post", copy: false },
    ]);
    // Earliest first: the evidence shown is the original report.
    expect(killed62!.claims[0]!.outletName).toBe("Levant Wire");
  });

  test("different figures from one authority are separate cells, most relayed first", () => {
    const observatory = rows[1]!;
    expect(observatory.byKind.killed!.map((f) => [f.claims[0]!.min, f.outlets.map((o) => o.name)])).toEqual([
      [83, ["Northern Ledger", "Crossroads Review"]],
      [91, ["Levant Wire"]],
    ]);
  });

  test("an outlet relaying a figure both as a copy and on its own is not marked as a copy", () => {
    const mixed = groupByAuthority([
      claim("Orient Daily", "killed", 5, 5, "exact", "police", { copy: true }),
      claim("Orient Daily", "killed", 5, 5, "exact", "Police", { publishedAt: "2016-09-19T00:00:00Z" }),
    ]);
    expect(mixed[0]!.byKind.killed![0]!.outlets).toEqual([{ key: "orientdaily", name: "Orient Daily", copy: false }]);
  });

  test("no claims, no rows", () => {
    expect(groupByAuthority([])).toEqual([]);
  });
});
