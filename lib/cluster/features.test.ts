import { describe, expect, test } from "vitest";
import { extractFeatures, stem, tokenize, type FeatureOptions } from "./features";
import { DEFAULT_GROUPER_OPTIONS } from "./grouper";
import { estimateJaccard, minhashSignature } from "./minhash";

const OPTIONS: FeatureOptions = { ...DEFAULT_GROUPER_OPTIONS };

/** Surface forms of the terms extracted from `text` (via the debug name map). */
function termNames(text: string, title = "", lineDocFreq: (key: number) => number = () => 0, outlet: number | null = null) {
  const names = new Map<number, string>();
  const f = extractFeatures(title, text, outlet, lineDocFreq, { ...OPTIONS, debugNames: names });
  const out = new Map<string, number>();
  f.terms.forEach((t, i) => out.set(names.get(t) ?? `?${t}`, f.tf[i] ?? 0));
  return { terms: out, features: f };
}

describe("tokenize", () => {
  test.each([
    ["didn't", ["didnt"]],
    ["Gillis’ hometown", ["gillis", "hometown"]],
    ["Bernard's car", ["bernard", "car"]],
    ["20-year-old", ["20", "year", "old"]],
    ["café résumé", ["café", "résumé"]],
    ["Стрельба в Москве", ["стрельба", "в", "москве"]],
    ["ΑΘΗΝΑ—Πυροβολισμοί", ["αθηνα", "πυροβολισμοί"]],
  ])("%s", (line, expected) => {
    expect(tokenize(line).map((t) => t.lower)).toEqual(expected);
  });

  test("flags: capitalised, sentence-initial, all caps, digits", () => {
    const [a, b, c, d] = tokenize("Police said. HAWTHORNE 42");
    expect(a).toMatchObject({ capital: true, initial: true });
    expect(b).toMatchObject({ capital: false, initial: false });
    expect(c).toMatchObject({ allCaps: true, initial: true });
    expect(d).toMatchObject({ digits: true });
  });
});

describe("stem", () => {
  test.each([
    ["shootings", "shooting"],
    ["injuries", "injury"],
    ["witnesses", "witness"],
    ["business", "business"],
    ["bus", "bus"],
    ["police", "police"],
  ])("%s -> %s", (w, s) => {
    expect(stem(w)).toBe(s);
  });
});

describe("extractFeatures", () => {
  test.each([
    { text: "Two people were killed and three wounded on Elm Street.", has: ["killed:2", "wounded:3"] },
    { text: "One dead, six hurt after the party.", has: ["killed:1", "wounded:6"] },
    { text: "The gunman fled after killing two men.", has: ["killed:2"] },
    { text: "Four people were shot outside the club.", has: ["shot:4"] },
    { text: "A 24-year-old man died at the scene.", has: ["age:24"] },
    { text: "Marcus Delane, 24, was shot on Monday.", has: ["age:24"], not: ["shot:24"] },
    { text: "The 2 suspects ran. Police said 15 years ago it was quiet.", not: ["killed:2", "age:15"] },
  ])("facts in $text", ({ text, has = [], not = [] }) => {
    const { terms } = termNames(text);
    for (const h of has) expect([...terms.keys()], h).toContain(h);
    for (const n of not) expect([...terms.keys()], n).not.toContain(n);
  });

  test("capitalised runs become phrases; stopwords are dropped; number words map to digits", () => {
    const { terms } = termNames("Officers found the victim near Cerise Avenue in Los Angeles County with three friends.");
    expect([...terms.keys()]).toEqual(expect.arrayContaining(["E:cerise avenue", "E:los angeles county", "#3", "victim"]));
    expect([...terms.keys()]).not.toContain("the");
  });

  test("a capitalised word inside a sentence weighs more than the same word in lower case", () => {
    const { terms } = termNames("They met near Mill Street and walked down the mill road today.");
    // "mill": once capitalised (x capitalBoost) and once lower case (x1)
    expect(terms.get("mill")).toBeCloseTo(1 + OPTIONS.capitalBoost, 5);
  });

  test.each([
    { name: "copyright and share lines", text: "Copyright 2021 Example TV. All rights reserved.\nShare this:\nFacebook\nTwitter" },
    { name: "video playlist items", text: "1:17 Wildfire update: crews still fighting the fire\n0:48 Council votes on new road budget" },
    { name: "a related-stories list", text: "ALSO:\nMan rescued from river\nCouncil approves budget" },
  ])("boilerplate ignored: $name", ({ text }) => {
    const { terms } = termNames("Three people were wounded Saturday at the Dunmore Creek community center, deputies said.\n" + text);
    for (const t of ["copyright", "facebook", "wildfire", "council", "river", "rescued"]) expect(terms.has(t), t).toBe(false);
    expect(terms.has("dunmore")).toBe(true);
  });

  test("a line the same outlet printed before is its template; another outlet's copy is news", () => {
    const footer = "Channel Nine is committed to covering the stories that matter to families across the valley, every day of the week.";
    const text = "Two men were wounded on Quarry Road, police said.\n" + footer;
    const first = termNames(text, "", () => 0, 7);
    const seenKeys = new Set(first.features.lineKeys);
    // lineDocFreq says: every line key of the first article was seen once
    const freq = (k: number) => (seenKeys.has(k) ? 1 : 0);
    const next = "A woman was shot on Birch Lane, police said.\n" + footer;
    const sameOutlet = termNames(next, "", freq, 7).terms;
    const otherOutlet = termNames(next, "", freq, 8).terms;
    expect(sameOutlet.has("valley")).toBe(false);
    expect(otherOutlet.has("valley")).toBe(true);
    expect(sameOutlet.has("birch")).toBe(true);
  });

  test("title words count more; outlet suffix is not part of the title", () => {
    const { terms } = termNames("Body text mentions the gym once.", "Shooting at Dunmore gym - KXYZ News 4");
    expect(terms.get("dunmore")).toBe(OPTIONS.titleWeight);
    expect(terms.has("kxyz")).toBe(false);
  });
});

describe("MinHash", () => {
  const sig = (text: string) =>
    minhashSignature(extractFeatures("", text, null, () => 0, OPTIONS).shingles, OPTIONS.seed);
  const a =
    "Three people were wounded Saturday when gunfire broke out at a youth basketball tournament at the community center, authorities said. The sheriff said a spectator opened fire in the parking lot after a dispute that began inside the gym.";
  test.each([
    { name: "identical text", b: a, min: 1, max: 1 },
    { name: "same text, different furniture", b: "Share this:\nFacebook\n" + a + "\nCopyright 2021 Example TV. All rights reserved.", min: 1, max: 1 },
    { name: "one sentence changed", b: a.replace("after a dispute that began inside the gym", "following an argument in the bleachers"), min: 0.5, max: 0.95 },
    { name: "unrelated text", b: "The city council approved a new budget for road repairs on Tuesday after a long debate about taxes and parks.", min: 0, max: 0.1 },
  ])("$name", ({ b, min, max }) => {
    const j = estimateJaccard(sig(a), sig(b));
    expect(j).toBeGreaterThanOrEqual(min);
    expect(j).toBeLessThanOrEqual(max);
  });
});
