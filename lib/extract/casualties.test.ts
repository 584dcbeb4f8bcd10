import { describe, expect, test } from "vitest";
import { extractArticle } from "./index";
import type { CasualtyClaim, CasualtyKind, Qualifier } from "./types";

function claims(text: string): CasualtyClaim[] {
  return extractArticle({ text }).claims;
}

type Expected = { kind: CasualtyKind; min: number | null; max: number | null; qualifier: Qualifier; phrase?: string; victimGroup?: string | null };

describe("figures: digits, words, vague amounts, qualifiers, ranges", () => {
  test.each<[string, Expected]>([
    ["Three people were killed in the blast.", { kind: "killed", min: 3, max: 3, qualifier: "exact", phrase: "Three", victimGroup: "people" }],
    ["At least 1,200 civilians died in the siege.", { kind: "killed", min: 1200, max: null, qualifier: "at_least", phrase: "At least 1,200", victimGroup: "civilians" }],
    ["Sixty-two soldiers died.", { kind: "killed", min: 62, max: 62, qualifier: "exact", phrase: "Sixty-two", victimGroup: "soldiers" }],
    ["A dozen people were hurt.", { kind: "wounded", min: 12, max: 12, qualifier: "exact", phrase: "A dozen" }],
    ["Two hundred people fled.", { kind: "displaced", min: 200, max: 200, qualifier: "exact", phrase: "Two hundred" }],
    ["Dozens of people were wounded.", { kind: "wounded", min: 24, max: null, qualifier: "vague", phrase: "Dozens of" }],
    ["Hundreds of people were injured.", { kind: "wounded", min: 200, max: null, qualifier: "vague" }],
    ["Several people were hospitalized.", { kind: "wounded", min: 3, max: null, qualifier: "vague" }],
    ["Between 20 and 30 people were killed.", { kind: "killed", min: 20, max: 30, qualifier: "range", phrase: "Between 20 and 30" }],
    ["Officials said 83 to 90 people died.", { kind: "killed", min: 83, max: 90, qualifier: "range", phrase: "83 to 90" }],
    ["More than 90 people were killed.", { kind: "killed", min: 91, max: null, qualifier: "at_least", phrase: "More than 90" }],
    ["Up to 50 people were injured.", { kind: "wounded", min: null, max: 50, qualifier: "at_most", phrase: "Up to 50" }],
    ["As many as 40 people were wounded.", { kind: "wounded", min: null, max: 40, qualifier: "at_most" }],
    ["Nearly 100 people died.", { kind: "killed", min: null, max: 100, qualifier: "at_most", phrase: "Nearly 100" }],
    ["About 200 people were wounded.", { kind: "wounded", min: 200, max: 200, qualifier: "about", phrase: "About 200" }],
    ["Some 300 people were displaced.", { kind: "displaced", min: 300, max: 300, qualifier: "about" }],
    ["The gunman opened fire, killing four people.", { kind: "killed", min: 4, max: 4, qualifier: "exact", phrase: "four" }],
    ["The blast left two people dead.", { kind: "killed", min: 2, max: 2, qualifier: "exact" }],
    ["The death toll rose to 14.", { kind: "killed", min: 14, max: 14, qualifier: "exact", phrase: "14" }],
    ["There were 62 deaths.", { kind: "killed", min: 62, max: 62, qualifier: "exact" }],
    ["Both victims died at the scene.", { kind: "killed", min: 2, max: 2, qualifier: "exact", phrase: "Both" }],
    ["Gunmen abducted 20 students.", { kind: "captured", min: 20, max: 20, qualifier: "exact", victimGroup: "students" }],
    ["Four people were taken hostage.", { kind: "captured", min: 4, max: 4, qualifier: "exact" }],
    ["Two people are missing.", { kind: "missing", min: 2, max: 2, qualifier: "exact" }],
  ])("%s", (text, expected) => {
    expect(claims(text)[0]).toMatchObject(expected);
  });
});

describe("implicit counts: articles, names, pronouns, families", () => {
  test.each<[string, CasualtyKind, number]>([
    ["A man was shot and killed on Tuesday.", "killed", 1],
    ["A teenager was injured in the shooting.", "wounded", 1],
    ["A 20-year-old man was shot and killed in the 1000 block of Main Street.", "killed", 1],
    ["Jones, 25, died at the hospital.", "killed", 1],
    ["Calvin Santiago, a 19-year-old black male, died Friday after being shot.", "killed", 1],
    ["Stephens, 32, and Paul J. Rayer, 51, were shot and killed.", "killed", 2],
    ["The officer shot and killed a neighbor.", "killed", 1],
    ["A family of five was killed.", "killed", 5],
    ["Police say one person has died and a second was injured.", "wounded", 1],
  ])("%s -> %s %d", (text, kind, n) => {
    const c = claims(text).find((x) => x.kind === kind);
    expect(c).toMatchObject({ kind, min: n, max: n });
  });

  test("the agent of an active verb is not a victim", () => {
    expect(claims("Two gunmen killed a man.").filter((c) => c.kind === "killed").map((c) => c.min)).toEqual([1]);
  });

  test("a plural figure with a singular verb is not the subject", () => {
    // "two handguns ... was shot": the man, not the handguns.
    expect(claims("A man wielding two handguns was shot and killed.").map((c) => c.min)).toEqual([1]);
  });
});

describe("negations are claims of zero", () => {
  test.each<[string, CasualtyKind]>([
    ["No one was injured.", "wounded"],
    ["No injuries were reported.", "wounded"],
    ["Nobody was hurt in the crash.", "wounded"],
    ["The officers were not injured.", "wounded"],
    ["There were no deaths.", "killed"],
  ])("%s", (text, kind) => {
    expect(claims(text)[0]).toMatchObject({ kind, min: 0, max: 0 });
  });
});

describe("numbers that are not casualty counts", () => {
  test.each([
    "A 5-year-old was in the car.",
    "The 20-year-old man lives in the 1000 block of Main Street.",
    "Police offered a $2,500 reward.",
    "The shooting happened at 10:30 p.m. on Jan. 5, 2016.",
    "The bill passed 62 to 38.",
    "Officers fired two shots.",
    "He served 25 years in prison.",
    "This was only one of dozens of US-backed opposition militias that carried out atrocities.",
  ])("%s", (text) => {
    expect(claims(text).filter((c) => (c.min ?? 0) > 1)).toEqual([]);
  });

  test("an age is not the count", () => {
    expect(claims("A 5-year-old boy was injured.")).toMatchObject([{ kind: "wounded", min: 1, max: 1 }]);
  });
});

describe("context, authority, offsets", () => {
  test("historical totals are context", () => {
    expect(claims("The war has killed more than 300,000 people since 2011.")[0]).toMatchObject({ kind: "killed", min: 300001, isContext: true });
  });

  test("a year well before the article's is context", () => {
    const text = "In 2012, a gunman killed three men at the same complex.";
    expect(extractArticle({ text, publishedAt: "2016-01-04" }).claims[0]).toMatchObject({ kind: "killed", min: 3, isContext: true });
    expect(extractArticle({ text, publishedAt: "2013-01-04" }).claims[0]).toMatchObject({ kind: "killed", min: 3, isContext: false });
  });

  test("other incidents are context", () => {
    expect(claims("In a separate shooting, two men were wounded.")[0]).toMatchObject({ kind: "wounded", min: 2, isContext: true });
  });

  test.each([
    ["Three people were killed and 12 injured in the blast, police said.", "police"],
    ["At least 10 people died, according to the Syrian Observatory for Human Rights.", "the Syrian Observatory for Human Rights"],
    ["The Russian Defence Ministry said 20 soldiers were killed.", "The Russian Defence Ministry"],
  ])("authority of %s", (text, authority) => {
    expect(claims(text)[0]?.authority).toBe(authority);
  });

  test("phrase and sentence offsets index the text", () => {
    const text = "Police arrived at 9 p.m. Two men were shot dead. No one else was hurt.";
    for (const c of claims(text)) {
      expect(text.slice(c.start, c.end)).toBe(c.phrase);
      expect(text.slice(c.sentenceStart, c.sentenceEnd)).toBe(c.sentence);
    }
  });
});
