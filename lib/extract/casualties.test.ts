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
    // The same bounds written high first: a range, not the nearer number alone.
    ["Between 90 and 62 soldiers were killed.", { kind: "killed", min: 62, max: 90, qualifier: "range", phrase: "Between 90 and 62" }],
    // Labels (fact boxes, live blogs) and a toll after a colon.
    ["Death toll: 62. The ministry said it could rise.", { kind: "killed", min: 62, max: 62, qualifier: "exact", phrase: "62" }],
    ["Killed: 12. Wounded: 30.", { kind: "killed", min: 12, max: 12, qualifier: "exact", phrase: "12" }],
    // Tolls by another name, or with a phrase between the toll and its verb.
    ["The number of dead has risen to 90, the monitor said.", { kind: "killed", min: 90, max: 90, qualifier: "exact", phrase: "90" }],
    ["The number of people killed rose to 31 on Sunday.", { kind: "killed", min: 31, max: 31, qualifier: "exact", phrase: "31" }],
    ["The death toll from Saturday's airstrike has climbed to 90.", { kind: "killed", min: 90, max: 90, qualifier: "exact", phrase: "90" }],
    ["The bombing claimed the lives of 27 civilians.", { kind: "killed", min: 27, max: 27, qualifier: "exact", phrase: "27" }],
    // Stabbings, and an outcome after the object.
    ["Two people were stabbed.", { kind: "wounded", min: 2, max: 2, qualifier: "exact", phrase: "Two" }],
    ["The man stabbed two people.", { kind: "wounded", min: 2, max: 2, qualifier: "exact", phrase: "two" }],
    ["The man shot two people to death.", { kind: "killed", min: 2, max: 2, qualifier: "exact", phrase: "two" }],
    ["A toddler was accidentally shot.", { kind: "wounded", min: 1, max: 1, qualifier: "exact", phrase: "A toddler" }],
    // Hedged predicates: the figure is still the report's.
    ["Eighty-three soldiers are now known to have died.", { kind: "killed", min: 83, max: 83, qualifier: "exact", phrase: "Eighty-three" }],
    ["Four people are said to have been killed.", { kind: "killed", min: 4, max: 4, qualifier: "exact", phrase: "Four" }],
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

function summaryOf(text: string) {
  return extractArticle({ text }).summary;
}

/** The figure of the first claim of `kind`, as [min, max], or null when there is none. */
function figure(text: string, kind: CasualtyKind): [number | null, number | null] | null {
  const c = claims(text).find((x) => x.kind === kind && !x.isContext);
  return c ? [c.min, c.max] : null;
}

describe("kinds beyond killed and wounded: missing, captured, displaced", () => {
  test.each<[string, CasualtyKind, [number | null, number | null]]>([
    ["Two soldiers remain missing.", "missing", [2, 2]],
    ["A fisherman went missing after the storm.", "missing", [1, 1]],
    ["Five people are unaccounted for.", "missing", [5, 5]],
    ["Gunmen kidnapped 12 students.", "captured", [12, 12]],
    ["Four aid workers were abducted on Monday.", "captured", [4, 4]],
    ["Militants abducted a journalist.", "captured", [1, 1]],
    ["Three tourists were taken hostage.", "captured", [3, 3]],
    ["The rebels are holding 20 people hostage.", "captured", [20, 20]],
    ["Thousands fled their homes.", "displaced", [2000, null]],
    ["About 300 families were displaced.", "displaced", [300, 300]],
    ["More than 1,000 residents were forced to flee.", "displaced", [1001, null]],
    ["200 people were made homeless by the fire.", "displaced", [200, 200]],
  ])("%s -> %s", (text, kind, expected) => {
    expect(figure(text, kind)).toEqual(expected);
  });

  // Escaping a scene is not displacement.
  test.each(["Two men fled the scene in a black car.", "The three suspects fled on foot.", "Three people fled."])("fleeing is not displacement: %s", (text) => {
    expect(claims(text).filter((c) => c.kind === "displaced")).toEqual([]);
  });

  // An evacuation is precautionary and usually lifted within hours: not displacement unless the
  // text says people fled, were displaced or lost their homes.
  test.each(["Residents were evacuated as a precaution.", "About 500 people were evacuated from the building.", "The school was evacuated after the threat."])(
    "evacuated is not displaced: %s",
    (text) => {
      expect(claims(text).filter((c) => c.kind === "displaced")).toEqual([]);
    },
  );
});

describe("vague and group amounts", () => {
  test.each<[string, CasualtyKind, Qualifier, number | null, number | null]>([
    ["A family of five was killed.", "killed", "exact", 5, 5],
    ["A dozen people were wounded.", "wounded", "exact", 12, 12],
    ["Scores of people were injured in the blast.", "wounded", "vague", 40, null],
    ["Hundreds of people were wounded.", "wounded", "vague", 200, null],
    ["Several people were hurt.", "wounded", "vague", 3, null],
    ["Dozens were killed.", "killed", "vague", 24, null],
    ["A handful of people were injured.", "wounded", "vague", 3, 6],
    ["The couple were found dead.", "killed", "exact", 2, 2],
    ["The pair were pronounced dead at the scene.", "killed", "exact", 2, 2],
  ])("%s", (text, kind, qualifier, min, max) => {
    expect(claims(text).find((c) => c.kind === kind)).toMatchObject({ kind, qualifier, min, max });
  });
});

describe("one claim per figure", () => {
  test.each(["Seven people were confirmed dead.", "Seven people are feared dead.", "Seven people were reported dead after the shelling."])("%s", (text) => {
    expect(claims(`The war goes on. ${text}`)).toMatchObject([{ kind: "killed", min: 7, max: 7, phrase: "Seven" }]);
  });
});

describe("labels", () => {
  test("each label counts what it names: 'Dead: 4, injured: 11', '(killed: 12; wounded: 30)'", () => {
    expect(claims("Dead: 4, injured: 11. Police gave no names.")).toMatchObject([
      { kind: "killed", min: 4, max: 4 },
      { kind: "wounded", min: 11, max: 11 },
    ]);
    expect(claims("The ministry listed the figures (killed: 12; wounded: 30) on Monday.")).toMatchObject([
      { kind: "killed", min: 12, max: 12 },
      { kind: "wounded", min: 30, max: 30 },
    ]);
  });

  test("a word before a colon inside a sentence is no label: 'those killed: 12 of them were children'", () => {
    expect(claims("He spoke about those killed: 12 of them were children.").filter((c) => c.min === 12)).toEqual([]);
  });
});

describe("ages, dates, times, addresses, money and votes are not counted", () => {
  test.each([
    "The suspect, 19, was arrested on June 5, 2015.",
    "He lives at 1200 Main Street.",
    "Police offered a $5,000 reward in the killing of a teenager.",
    "The measure passed 52-48.",
    "The council voted 7 to 2 to approve the plan.",
    "The bill passed by a vote of 62 to 38 after the shooting.",
    "The bill passed 62 to 38 after the shooting.",
    "The vote was between 62 and 38 in every poll after the shooting.",
    "The 2 a.m. shooting killed one man.",
    "A 24-year-old man was shot and killed at 11:30 p.m. Friday near 23rd Street.",
    "Jones, 25, of 1200 Main Street, was killed.",
    "He was shot 5 times.",
    "Two men were shot at 1400 N. 5th Street.",
  ])("%s", (text) => {
    // Every figure is a victim count of at most 2; none is the age, date, time, address, sum or vote.
    for (const c of claims(text)) expect(c.max ?? c.min ?? 0).toBeLessThanOrEqual(2);
  });
});

describe("victims counted without a single number", () => {
  test.each<[string, CasualtyKind, number]>([
    // Coordinated subjects with a figure in one conjunct.
    ["Two men and a woman were wounded.", "wounded", 3],
    ["A woman and two men were shot early Sunday.", "wounded", 3],
    ["A mother and her two children were killed.", "killed", 3],
    ["A man, a woman and two children were killed.", "killed", 4],
    // A plural head whose apposition lists the people.
    ["The victims, a 20-year-old man and a 22-year-old woman, were shot dead.", "killed", 2],
    ["The victims, ages 19 and 21, were wounded.", "wounded", 2],
    ["Three men, ages 18, 20 and 22, were shot.", "wounded", 3],
    // Coordinated objects.
    ["The gunman killed his wife and two children before turning the gun on himself.", "killed", 3],
    ["The gunman killed two children and their mother.", "killed", 3],
    // "X and Y were killed", possessive objects.
    ["Quintonio LeGrier and Bettie Jones were killed early Saturday.", "killed", 2],
    ["A man was killed in the shooting and his brother was wounded.", "wounded", 1],
  ])("%s -> %s %d", (text, kind, n) => {
    expect(claims(text).find((c) => c.kind === kind)).toMatchObject({ min: n, max: n });
  });

  test.each<[string, { killed: number | null; wounded: number | null }]>([
    // "N shot, M fatally": M killed, the rest wounded.
    ["Two people were shot, one fatally.", { killed: 1, wounded: 1 }],
    ["Three people were shot, two of them fatally.", { killed: 2, wounded: 1 }],
    // A second verb phrase shares its subject: the victim who later died is killed, not wounded.
    ["Jones was wounded and later died.", { killed: 1, wounded: null }],
    ["A man was shot in the chest and died at the hospital.", { killed: 1, wounded: null }],
    ["Steve Cartigiano says his son, 16-year-old James, was accidentally shot by a teenage friend and later died.", { killed: 1, wounded: null }],
    ["He was not killed instantly but died later at the hospital.", { killed: 1, wounded: null }],
    // Everyone shot in the lead died: no wounded left over.
    [
      "Emily Fox was shot and killed Sunday. Officers discovered Fox and her boyfriend with gunshot wounds. Investigators arrived. Neighbors gathered. Both were pronounced dead at the scene.",
      { killed: 1, wounded: null },
    ],
  ])("%s", (text, expected) => {
    const s = summaryOf(text);
    expect({ killed: s.killed?.min ?? null, wounded: s.wounded?.min ?? null }).toEqual(expected);
  });

  test("a figure for all the victims beats a larger title figure for a subgroup", () => {
    const title = "Investigators ID two civilians killed in clinic shooting";
    const text = `${title}Police said what moved a man to kill three people at the clinic is unknown.`;
    expect(extractArticle({ text, title }).summary.killed).toEqual({ min: 3, max: 3 });
  });
});

describe("predicates and negation scope", () => {
  test.each<[string, CasualtyKind, number]>([
    ["The victim did not survive.", "killed", 1],
    ["She succumbed to her injuries on Tuesday.", "killed", 1],
    ["He passed away at the hospital.", "killed", 1],
    ["Two children were among the dead.", "killed", 2],
    ["Both had suffered a single gunshot wound to the head.", "wounded", 2],
    ["Three people are recovering after being shot.", "wounded", 3],
    // A degree adverb after the negator keeps the injury.
    ["The man was not seriously injured.", "wounded", 1],
    ["Two people were not seriously hurt.", "wounded", 2],
    ["The officer was not fatally wounded.", "wounded", 1],
    // "shot at" a place is a hit.
    ["A woman was shot at a bus stop.", "wounded", 1],
    ["One person was shot at Brigham and Women's Hospital on Tuesday.", "wounded", 1],
    ["He was shot at least twice.", "wounded", 1],
  ])("%s -> %s %d", (text, kind, n) => {
    expect(claims(text).find((c) => c.kind === kind && c.basis !== "negation")).toMatchObject({ min: n, max: n });
  });

  test.each<[string, CasualtyKind]>([
    ["No officers were injured.", "wounded"],
    ["Neither man was injured.", "wounded"],
    ["None of the officers were hurt.", "wounded"],
    ["Neither of the officers was hurt.", "wounded"],
  ])("negated subject: %s", (text, kind) => {
    expect(claims(text).filter((c) => c.kind === kind).map((c) => [c.min, c.max])).toEqual([[0, 0]]);
  });

  test.each(["Officers were shot at but not hit.", "He was shot at by a man in a car.", "Two men shot at a car.", "The man shot at officers."])("fired upon, nobody hit: %s", (text) => {
    expect(claims(text).filter((c) => (c.min ?? 0) > 0)).toEqual([]);
  });

  test("a month before a past year marks another event", () => {
    const text = "It was the deadliest shooting since Sandy Hook in December 2012, where 26 people died.";
    expect(extractArticle({ text, publishedAt: "2015-12-03" }).claims.find((c) => c.kind === "killed")).toMatchObject({ min: 26, isContext: true });
  });
});
