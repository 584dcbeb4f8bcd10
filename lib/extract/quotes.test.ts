import { describe, expect, test } from "vitest";
import { extractArticle } from "./index";
import { findQuoteSpans } from "./quotes";
import type { Statement } from "./types";

function statements(text: string): Statement[] {
  return extractArticle({ text }).statements;
}

function direct(text: string): Statement[] {
  return statements(text).filter((s) => s.direct);
}

describe("findQuoteSpans", () => {
  test.each([
    ["He said “yes, we will.”", ["yes, we will."]],
    ['He said "yes, we will."', ["yes, we will."]],
    ['"One," he said, "two."', ["One,", "two."]],
    ["“A” and “B”", ["A", "B"]],
    // A quote still open at its paragraph's end stops there; the next paragraph reopens it.
    ["“First paragraph.\n\n“Second paragraph.”", ["First paragraph.", "Second paragraph."]],
    // A closing curly mark typed as an opener at the start of a paragraph.
    ["Intro.\n\n” … he delivered it,” Barabak wrote.", ["… he delivered it,"]],
  ])("%j", (text, contents) => {
    expect(findQuoteSpans(text).map((q) => text.slice(q.start, q.end))).toEqual(contents);
  });
});

describe("speaker and cue of direct quotes", () => {
  test.each<[string, Partial<Statement>]>([
    ["“We will win,” Smith said.", { speaker: "Smith", speakerMention: "Smith", cue: "said", text: "We will win," }],
    ["“We will win,” said Sen. John Smith, a Republican from Ohio.", { speaker: "John Smith", cue: "said" }],
    ["Smith said, “We will win.”", { speaker: "Smith", cue: "said", text: "We will win." }],
    ["The Syrian Foreign Ministry declared: “We condemn it.”", { speaker: "Syrian Foreign Ministry", cue: "declared" }],
    ["“The plan failed,” according to the state auditor.", { speakerMention: "state auditor", cue: "according to" }],
    ["“It is over,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said in a phone interview.", { speaker: "Jim Jordan", cue: "said" }],
    ["“We were there under legitimate pretenses,” Figueroa told USA Today.", { speaker: "Figueroa", cue: "told", channel: "USA Today" }],
    ["“I’m so ashamed to be an American.” ― Pamela Padilla", { speaker: "Pamela Padilla", cue: "―" }],
  ])("%s", (text, expected) => {
    expect(direct(text)[0]).toMatchObject(expected);
  });

  test("'he' resolves to the last person named; surnames to the full name", () => {
    const text =
      "Russian Ambassador to the UN Vitaly Churkin charged that the attack was deliberate.\n\n“It was not accidental,” he said.\n\n“One has to conclude it was planned,” Churkin added.";
    const [a, b] = direct(text);
    expect(a).toMatchObject({ speaker: "Vitaly Churkin", speakerMention: "he", cue: "said" });
    expect(b).toMatchObject({ speaker: "Vitaly Churkin", speakerMention: "Churkin", cue: "added" });
  });

  test("'it' and 'the ministry' resolve to the organisation named earlier", () => {
    const text = "The Syrian Foreign Ministry issued a statement. The ministry said: “We condemn it.” It added: “This was deliberate.”";
    const [a, b] = direct(text);
    expect(a).toMatchObject({ speaker: "Syrian Foreign Ministry", speakerMention: "ministry" });
    expect(b).toMatchObject({ speaker: "Syrian Foreign Ministry", speakerMention: "It", cue: "added" });
  });

  test("channel: a quote through an outlet", () => {
    const text = "Aaron David Miller of the Wilson Center warned the *Times* that the strikes would “feed conspiracy theories.”";
    expect(direct(text)[0]).toMatchObject({ speaker: "Aaron David Miller", affiliation: "Wilson Center", channel: "Times", cue: "warned" });
  });

  test("'she' resolves to a person, never to a place named like one", () => {
    const text = "Hillary Clinton spoke in New York on Monday. “We are investigating,” she said.";
    expect(direct(text)[0]).toMatchObject({ speaker: "Hillary Clinton", speakerMention: "she" });
  });

  test("a capitalised modal opening a question is not part of the name after it", () => {
    const text = "Tom Clarke runs the mine. Should Mr. Clarke sell it? “Not this year,” Clarke said.";
    expect(direct(text)[0]).toMatchObject({ speaker: "Tom Clarke" });
  });

  test.each([
    ["“It was a mistake,” one senior official said.", "one senior official"],
    ["“It was a mistake,” one official, who spoke on condition of anonymity, said.", "one official"],
    ["“It was a mistake,” a senior official, who asked not to be named, said.", "senior official"],
    ["“It was a mistake,” one of the officials said.", "one of the officials"],
  ])("anonymous sources: %s", (quote, speaker) => {
    expect(direct(`The talks went on. ${quote}`)[0]).toMatchObject({ speaker });
  });

  test("a publication quoted with 'it wrote' is both speaker and channel", () => {
    const text = "This was echoed by the *DEBKA File* publication. “The Pentagon is not following orders,” it wrote.";
    expect(direct(text)[0]).toMatchObject({ speaker: "DEBKA File", speakerMention: "it", channel: "DEBKA File", cue: "wrote" });
  });
});

describe("split quotes", () => {
  test("“A,” he said. “B.” is one statement spanning both pieces", () => {
    const text = "Jane Doe spoke first. “It was a tragedy,” she said. “We grieve.”";
    const [s] = direct(text);
    const a = text.indexOf("It was a tragedy,");
    const b = text.indexOf("We grieve.");
    expect(s).toMatchObject({ speaker: "Jane Doe", start: a, end: b + "We grieve.".length });
    expect(s?.parts).toEqual([
      { start: a, end: a + "It was a tragedy,".length },
      { start: b, end: b + "We grieve.".length },
    ]);
  });

  test("a second cue keeps two statements", () => {
    const text = "“You’re right,” he said, adding that “some of the things are ridiculous.”";
    expect(direct(text)).toHaveLength(2);
  });

  test("a cue with a clause of its own after a quote that ended its sentence reports that clause, not the quote", () => {
    const text = "“This is the most important election of our lifetime,” Pence told supporters, adding: “We need every vote.” The Russian Defense Ministry said the strike was “a direct consequence” of US policy.";
    const d = direct(text);
    expect(d.map((s) => [s.text, s.speaker])).toEqual([
      ["This is the most important election of our lifetime,", "Pence"],
      ["We need every vote.", "Pence"],
      ["a direct consequence", "Russian Defense Ministry"],
    ]);
  });

  test("a quote paragraph continues the previous speaker", () => {
    const text = "“We will rebuild,” the mayor said. “Every house.”\n\nShe visited the site on Monday.";
    expect(direct(text).map((s) => s.speakerMention)).toEqual(["mayor"]);
  });
});

describe("not statements", () => {
  test.each([
    "The so-called “experts” disagreed.",
    "He watched “Meet the Press” on Sunday.",
    "Rep. Robert C. “Bobby” Scott threw a cookout.",
  ])("%s", (text) => {
    expect(direct(text)).toEqual([]);
  });
});

describe("reported speech is indirect", () => {
  test.each<[string, Partial<Statement>]>([
    ["Smith said that the plan failed.", { speaker: "Smith", cue: "said", text: "the plan failed", direct: false }],
    ["The plan failed, police said.", { speakerMention: "police", text: "The plan failed", direct: false }],
    ["According to the Syrian Observatory, the strike killed ten people.", { speaker: "Syrian Observatory", cue: "according to", text: "the strike killed ten people", direct: false }],
    ["Stein told USA Today that she would protest.", { speaker: "Stein", channel: "USA Today", text: "she would protest", direct: false }],
    // When and how it was said is not what was said.
    ["Clinton aides said Monday that the campaign would spend heavily in Ohio.", { speakerMention: "Clinton aides", text: "the campaign would spend heavily in Ohio" }],
    ["The mayor said on Tuesday night that the bridge would reopen.", { speakerMention: "mayor", text: "the bridge would reopen" }],
    ["Smith said last week that the town would rebuild.", { speaker: "Smith", text: "the town would rebuild" }],
    ["Trump said at a rally in Paris, France, the polls were wrong.", { speaker: "Trump", text: "the polls were wrong" }],
    ["Smith said this was a tragedy for the town.", { speaker: "Smith", text: "this was a tragedy for the town" }],
    ["Smith said Monday's attack was a tragedy for the town.", { speaker: "Smith", text: "Monday's attack was a tragedy for the town" }],
    ["According to a spokesman for the ministry, the convoy was hit by airstrikes.", { speakerMention: "spokesman for the ministry", cue: "according to", text: "the convoy was hit by airstrikes" }],
    // The name speaks, whichever side of its role it stands; the role's organisation is its affiliation.
    ["A spokeswoman for the Pentagon, Capt. Jeff Davis, said the strike was halted.", { speaker: "Jeff Davis", affiliation: "Pentagon", text: "the strike was halted" }],
    ["Pentagon spokesman Peter Cook said the coalition would investigate.", { speaker: "Peter Cook", affiliation: "Pentagon", text: "the coalition would investigate" }],
    ["Trump, speaking at a rally in Florida, claimed that the election was rigged.", { speaker: "Trump", affiliation: null, text: "the election was rigged" }],
  ])("%s", (text, expected) => {
    expect(statements(text).find((s) => !s.direct)).toMatchObject(expected);
  });

  test("a mixed quote also reports its clause", () => {
    const text = "Donald Trump stated that Melania would discuss her history “in a few weeks.”";
    const all = statements(text);
    expect(all.find((s) => s.direct)).toMatchObject({ speaker: "Donald Trump", text: "in a few weeks." });
    expect(all.find((s) => !s.direct)?.text).toBe("Melania would discuss her history “in a few weeks.”");
  });

  test("a report is kept once, with its longest span, alongside the quote inside it", () => {
    const text =
      "An official told the New York Times that aircraft tracked the units “for several days” before the strike began, the paper reported.";
    const all = statements(text);
    const reports = all.filter((s) => !s.direct && s.cue === "told");
    expect(reports).toHaveLength(1);
    expect(new Set(all.map((s) => `${s.start}-${s.end}-${s.direct}`)).size).toBe(all.length);
    expect(all.some((s) => s.direct && s.text === "for several days")).toBe(true);
  });

  test("offsets index the text", () => {
    const text = "“A,” he said. Smith said that B happened. “C,” said Jones.";
    for (const s of statements(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe("reported speech needs a speech act and a plausible speaker", () => {
  test.each([
    // Aspectual "continue to", and a participle with its agent, are not reporting verbs.
    "Nevertheless, the US jets continued to bomb the Syrian base for several minutes before ending the attack.",
    "The protesters continued to march through the night.",
    "The emergency meeting of the UN Security Council called by Moscow lasted three hours.",
    // Subjects that cannot speak.
    "The new plan calls for more police officers on the streets.",
    "The area said it would close the road.",
    // Noun and passive uses of cue words.
    "The man faces charges of murder and was charged with assault on Monday.",
  ])("no statement: %s", (text) => {
    expect(statements(text)).toEqual([]);
  });

  test.each<[string, Partial<Statement>]>([
    // The report is the sentence's "according to" clause, not "continued".
    [
      "Nevertheless, the US jets continued to bomb the base for several minutes, according to the Centcom official's account.",
      { speaker: "Centcom official", cue: "according to", text: "Nevertheless, the US jets continued to bomb the base for several minutes" },
    ],
    // A "that" clause after the cue is the content, not the clause before the subject.
    [
      "After the emergency meeting of the UN Security Council called by Moscow, the ambassador charged that the attack was deliberate.",
      { speakerMention: "ambassador", cue: "charged", text: "the attack was deliberate" },
    ],
    // Base forms for plural subjects.
    ["Democrats argue that the plan would raise taxes.", { speaker: "Democrats", cue: "argue", text: "the plan would raise taxes" }],
    // The subject of the first verb phrase speaks in the second.
    [
      "The Republican nominee also outlined his cybersecurity plan and vowed to harshly punish “those who violate classification rules.”",
      { speakerMention: "Republican nominee", cue: "vowed" },
    ],
  ])("%s", (text, expected) => {
    expect(statements(text).find((s) => !s.direct)).toMatchObject(expected);
  });

  test("“...,” it declared, adding: “...” -- the participle cue introduces the quotation, no report", () => {
    const text = "Centcom issued a statement. “The strike was halted,” it declared, blandly adding: “Syria is a complex situation.”";
    const all = statements(text);
    expect(all.filter((s) => !s.direct)).toEqual([]);
    expect(all.map((s) => s.text)).toEqual(["The strike was halted,", "Syria is a complex situation."]);
  });

  test("a past form after a subject pronoun is a cue whatever its tag", () => {
    const text = "Although the IMF did not single out the proposals, it referenced “political tensions” in advanced economies.";
    expect(direct(text)[0]).toMatchObject({ speakerMention: "it", cue: "referenced", text: "political tensions" });
  });

  test("a cue word inside a quotation does not hide the reporting clause after it", () => {
    const text = "“He said he was sorry about everything that happened to the family that night,” the officer told reporters that the case was closed.";
    expect(statements(text).find((s) => !s.direct)).toMatchObject({ speakerMention: "officer", cue: "told" });
  });
});
