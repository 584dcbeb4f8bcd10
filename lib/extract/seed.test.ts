import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { extractArticle } from "./index";
import type { Statement } from "./types";

// Body of /work/shared/seeds/000_e169762a8f106654.txt (World Socialist Web Site via
// Mondialisation.ca, reproduction permitted with source), from "At least sixty-two Syrian troops
// died" to "...annexation of the Crimea region of Ukraine.”", paragraphs as in the page -- including
// the paragraph broken after "However, the US".
const text = readFileSync(path.join(import.meta.dirname, "fixtures", "seed-000-body.txt"), "utf8");
const x = extractArticle({ text, title: "62 Dead, 100 Wounded as US Bombs Syrian Army Near Deir ez-Zor" });

/** The statement whose text starts with `prefix`. */
function statementStarting(prefix: string): Statement {
  const s = x.statements.find((st) => st.direct && st.text.startsWith(prefix));
  if (!s) throw new Error(`no direct statement starting with ${JSON.stringify(prefix)}`);
  return s;
}

/** Offsets of `content`, which must occur exactly once in the body. */
function offsetsOf(content: string): { start: number; end: number } {
  const start = text.indexOf(content);
  expect(start, content).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(content, start + 1), `${content} occurs twice`).toBe(-1);
  return { start, end: start + content.length };
}

describe("seed article 000 (US strike near Deir ez-Zor)", () => {
  test("fixture is the expected body", () => {
    expect(text.startsWith("At least sixty-two Syrian troops died and 100 were wounded on Saturday")).toBe(true);
    expect(text.endsWith("annexation of the Crimea region of Ukraine.”")).toBe(true);
    expect(text).toContain("However, the US\n\nCentral Command (Centcom)");
  });

  const lead =
    "At least sixty-two Syrian troops died and 100 were wounded on Saturday when US jets bombed a Syrian government base on Al-Tharda mountain near Deir ez-Zor.";

  test("killed claim: at least 62 Syrian troops", () => {
    const c = x.claims.find((k) => k.kind === "killed" && k.isHeadline);
    expect(c).toMatchObject({
      kind: "killed",
      min: 62,
      max: null,
      qualifier: "at_least",
      victimGroup: "Syrian troops",
      isContext: false,
      isHeadline: true,
      phrase: "At least sixty-two",
      start: 0,
      end: "At least sixty-two".length,
      sentence: lead,
      sentenceStart: 0,
      sentenceEnd: lead.length,
    });
  });

  test("wounded claim: exactly 100, same sentence", () => {
    const c = x.claims.find((k) => k.kind === "wounded" && k.isHeadline);
    const at = lead.indexOf("100");
    expect(c).toMatchObject({ kind: "wounded", min: 100, max: 100, qualifier: "exact", phrase: "100", start: at, end: at + 3, sentence: lead, isContext: false });
  });

  test("summary is the lead's figures", () => {
    expect(x.summary).toEqual({ killed: { min: 62, max: null }, wounded: { min: 100, max: 100 } });
  });

  test("offsets index the text", () => {
    for (const c of x.claims) {
      expect(text.slice(c.start, c.end)).toBe(c.phrase);
      expect(text.slice(c.sentenceStart, c.sentenceEnd)).toBe(c.sentence);
    }
    for (const s of x.statements) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  test("'dozens of people' in the NYT quote is not the headline; 'dozens of ... militias' is no claim", () => {
    const headlines = x.claims.filter((c) => c.isHeadline);
    expect(headlines.map((c) => c.phrase)).toEqual(["At least sixty-two", "100"]);
    expect(x.claims.some((c) => c.sentence.includes("opposition militias"))).toBe(false);
  });

  test("Syrian Foreign Ministry: declared, two-sentence quote", () => {
    const content =
      "At 05:00 pm, on September 17th, 2016, five US aircraft launched a fierce airstrike on Syrian Army positions on al-Tharda Mountain in the surroundings of Deir ez-Zor Airport. The attack lasted for an hour.";
    const s = statementStarting("At 05:00 pm");
    expect(s).toMatchObject({ speaker: "Syrian Foreign Ministry", cue: "declared", text: content, ...offsetsOf(content), direct: true });
  });

  test("'It accused Washington ...:' resolves to the same ministry", () => {
    const content =
      "The attack launched by the ISIS terrorists on the same site, taking control over it...highlights the coordination between this terrorist organization and the US.";
    const s = statementStarting("The attack launched by the ISIS");
    expect(s).toMatchObject({ speaker: "Syrian Foreign Ministry", speakerMention: "It", text: content, ...offsetsOf(content) });
  });

  test("Centcom statement via 'it declared'", () => {
    const content =
      "The coalition air strike was halted immediately when coalition officials were informed by Russian officials that it was possible the personnel and vehicles targeted were part of the Syrian military,";
    const s = statementStarting("The coalition air strike");
    expect(s).toMatchObject({ speaker: "US Central Command (Centcom)", speakerMention: "it", cue: "declared", text: content, ...offsetsOf(content) });
    // "blandly adding:" continues the same speaker.
    expect(statementStarting("Syria is a complex situation")).toMatchObject({ speaker: "US Central Command (Centcom)" });
  });

  test("Aaron David Miller of the Wilson Center, to the Times", () => {
    const content = "feed conspiracy theories that Washington is in league with IS";
    const s = statementStarting("feed conspiracy theories");
    expect(s).toMatchObject({ speaker: "Aaron David Miller", affiliation: "Wilson Center", channel: "Times", cue: "warned", text: content, ...offsetsOf(content) });
    expect(statementStarting("blast the US on the eve")).toMatchObject({ speaker: "Aaron David Miller", channel: "Times" });
  });

  test("Vitaly Churkin: 'he said' (split quote) and 'Churkin added'", () => {
    const first =
      "It was quite significant and not accidental that it happened just two days before the Russian-American arrangements were supposed to come into full force,";
    const second = "The beginning of work of the Joint Implementation Group was supposed to be September 19.";
    const s = statementStarting("It was quite significant");
    expect(s).toMatchObject({ speaker: "Vitaly Churkin", speakerMention: "he", cue: "said", start: offsetsOf(first).start });
    // The quote is split by its attribution: one statement spanning both pieces, pieces in `parts`.
    expect(s.parts?.[0]).toEqual(offsetsOf(first));
    expect(s.parts?.[1]?.start).toBe(offsetsOf(second).start);
    expect(s.text.endsWith("Instead they chose to conduct this reckless operation.")).toBe(true);

    const added =
      "One has to conclude that the airstrike has been conducted in order to derail the operation of the Joint Implementation Group and actually prevent it from being set in motion,";
    expect(statementStarting("One has to conclude")).toMatchObject({ speaker: "Vitaly Churkin", speakerMention: "Churkin", cue: "added", text: added, ...offsetsOf(added) });
  });

  test("DEBKA File: 'it wrote', channel DEBKA File", () => {
    const content =
      "The Pentagon and US army are not following the orders of their Commander-in-Chief Barack Obama in the execution of the military cooperation accord in Syria concluded by US Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov in Geneva on Sept. 12,";
    const s = statementStarting("The Pentagon and US army");
    expect(s).toMatchObject({ speaker: "DEBKA File", speakerMention: "it", cue: "wrote", channel: "DEBKA File", text: content, ...offsetsOf(content) });
  });

  test("NYT: the anonymous Centcom official, through the New York Times", () => {
    const s = statementStarting("for several days");
    expect(s.speakerMention).toMatch(/Centcom official/);
    expect(s.channel).toBe("New York Times");
  });
});

describe("seed article 000: reported speech is speech", () => {
  const reports = x.statements.filter((s) => !s.direct);

  test.each([
    // "continued to bomb" is aspectual; "called by Moscow" a participle; neither subject speaks.
    ["US jets", "continued"],
    ["emergency meeting of the UN Security Council", "called"],
  ])("no report by %j with cue %j", (mention, cue) => {
    expect(reports.filter((s) => s.speakerMention === mention || s.cue === cue)).toEqual([]);
  });

  test("the jets' bombing is the Centcom official's account (according to)", () => {
    const content = "Nevertheless, the US jets continued to bomb the Syrian base for several minutes before ending the attack";
    expect(reports.find((s) => s.cue === "according to")).toMatchObject({ speaker: "Centcom official", text: content, ...offsetsOf(content) });
  });

  test("Churkin's charge after the meeting clause is his, with the 'that' clause as content", () => {
    const s = reports.find((r) => r.cue === "charged");
    expect(s).toMatchObject({ speaker: "Vitaly Churkin" });
    expect(s?.text.startsWith("the US attack was a deliberate attempt")).toBe(true);
  });

  test("“...,” it declared, blandly adding: “...” yields the two quotations, no report", () => {
    expect(reports.some((s) => s.text.startsWith("blandly adding"))).toBe(false);
  });
});
