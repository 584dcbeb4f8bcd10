import { describe, expect, test } from "vitest";
import { groupStatements, type GroupableStatement } from "./group";
import { fingerprint, quotedWords } from "./normalize";
import { matchScore, type SpeakerRelation } from "./similarity";
import { compareSpeakers, speakerProfile } from "./speakers";

/**
 * Original fixtures (no real statement): Harbor Command, a fictional military command, on a
 * strike on a depot, as outlets might print it.
 */
const FULL =
  "We struck a depot that had been used to store rockets, and we took every precaution to avoid harming the civilians who live nearby.";
const WORDINGS = {
  full: FULL,
  shortened: "We struck a depot that had been used to store rockets",
  ellipsis: "We struck a depot … and we took every precaution to avoid harming the civilians",
  ellipsisDots: "We struck a depot that had been used to store rockets...we took every precaution",
  bracket: "[The command] struck a depot that had been used to store rockets, and [it] took every precaution to avoid harming the civilians who live nearby.",
  paraphrase: "the command had struck a depot used for storing rockets and had taken every precaution not to harm civilians living nearby",
  unrelatedSameSpeaker: "The operation will go on until the launches stop, and our aircraft remain on alert.",
  otherTopic: "Residents said they heard no warning before the strike and that the depot had been empty for months.",
  short: "every precaution",
} as const;

type Relation = SpeakerRelation;

describe("matchScore: which wordings are the same statement", () => {
  const fp = (k: keyof typeof WORDINGS) => fingerprint(quotedWords(WORDINGS[k], true));
  test.each<[string, keyof typeof WORDINGS, keyof typeof WORDINGS, Relation, boolean]>([
    ["full vs itself", "full", "full", "same", true],
    ["full vs shortened", "full", "shortened", "same", true],
    ["full vs ellipsis-cut", "full", "ellipsis", "same", true],
    ["full vs cut with three dots", "full", "ellipsisDots", "same", true],
    ["full vs bracketed insertions", "full", "bracket", "same", true],
    ["full vs a close paraphrase", "full", "paraphrase", "same", true],
    ["full vs an unrelated quote of the same speaker", "full", "unrelatedSameSpeaker", "same", false],
    ["full vs another speaker on the same topic", "full", "otherTopic", "conflict", false],
    ["a two-word fragment is too little to group", "full", "short", "same", false],
    ["a misattributed full quote still joins on its words", "full", "full", "conflict", true],
    ["a misattributed shortened quote joins on its words", "full", "shortened", "conflict", true],
    ["a misattributed paraphrase does not: the words alone are not enough", "full", "paraphrase", "conflict", false],
    ["an unresolved speaker with the shortened quote", "full", "shortened", "unknown", true],
  ])("%s", (_name, a, b, relation, expected) => {
    expect(matchScore(fp(a), fp(b), relation) > 0).toBe(expected);
    expect(matchScore(fp(b), fp(a), relation) > 0).toBe(expected);
  });

  test("a very short identical wording by conflicting speakers is not a match", () => {
    const a = fingerprint("in a statement");
    expect(matchScore(a, fingerprint("in a statement"), "same")).toBeGreaterThan(0);
    expect(matchScore(a, fingerprint("In a statement."), "conflict")).toBe(0);
  });

  test("the speakers' relation is what the thresholds are keyed on", () => {
    expect(compareSpeakers(speakerProfile({ speaker: "Harbor Command", speakerMention: null }), speakerProfile({ speaker: "the Pentagon", speakerMention: null }))).toBe(
      "conflict",
    );
  });
});

let nextId = 1;
function st(outletKey: string, text: string, speaker: string | null, over: Partial<GroupableStatement> = {}): GroupableStatement {
  const id = nextId++;
  return { id, articleId: `a-${outletKey}-${id}`, outletKey, text, speaker, speakerMention: speaker, affiliation: null, direct: true, ...over };
}

describe("groupStatements", () => {
  test("full, shortened, ellipsis, bracket and paraphrase versions form one group; unrelated quotes stay apart", () => {
    const items = [
      st("harbour-times", WORDINGS.shortened, "Harbor Command"),
      st("bay-courier", WORDINGS.full, "Harbor Command"),
      st("coast-post", WORDINGS.ellipsis, "the command"),
      st("delta-daily", WORDINGS.bracket, "a Harbor Command spokesperson"),
      st("evening-star", WORDINGS.paraphrase, "Harbor Command", { direct: false }),
      st("bay-courier", WORDINGS.unrelatedSameSpeaker, "Harbor Command"),
      st("coast-post", WORDINGS.otherTopic, "residents", { direct: false }),
    ];
    const groups = groupStatements(items);
    expect(groups).toHaveLength(3);
    const main = groups.find((g) => g.members.length === 5)!;
    // The reference is the longest version; an outlet's bracketed insertions are not the speaker's words.
    expect(main.reference.outletKey).toBe("bay-courier");
    expect(main.members.map((m) => m.outletKey).sort()).toEqual(["bay-courier", "coast-post", "delta-daily", "evening-star", "harbour-times"]);
    expect(main.outletCount).toBe(5);
    expect(main.speakerConflict).toBe(false);
    expect(main.attributions.map((a) => a.speaker)).toEqual(["Harbor Command"]);
    expect(main.id).toBe(`sg-${main.reference.id}`);
  });

  test("a misattributed quote joins the group by its words and the group is flagged", () => {
    const items = [
      st("harbour-times", WORDINGS.full, "Harbor Command"),
      st("bay-courier", WORDINGS.shortened, "the Harbor Command"),
      st("coast-post", WORDINGS.ellipsis, "the Pentagon"),
    ];
    const [group, ...rest] = groupStatements(items);
    expect(rest).toEqual([]);
    expect(group!.members).toHaveLength(3);
    expect(group!.speakerConflict).toBe(true);
    expect(group!.attributions.map((a) => [a.speaker, a.members.map((m) => m.outletKey)])).toEqual([
      ["the Harbor Command", ["harbour-times", "bay-courier"]],
      ["the Pentagon", ["coast-post"]],
    ]);
  });

  test("two statements of one article are never one group (a sentence and the quote inside it)", () => {
    const items = [
      st("bay-courier", `the command said "${WORDINGS.shortened}"`, "Harbor Command", { articleId: "a1", direct: false }),
      st("bay-courier", WORDINGS.shortened, "Harbor Command", { articleId: "a1" }),
    ];
    expect(groupStatements(items)).toHaveLength(2);
  });

  test("a split quote is compared without the attribution inside it", () => {
    const items = [
      st("harbour-times", `We struck a depot that had been used to store rockets," the colonel said, "and we took every precaution.`, "Harbor Command"),
      st("bay-courier", "We struck a depot that had been used to store rockets, and we took every precaution.", "Harbor Command"),
    ];
    const [group] = groupStatements(items);
    expect(group!.members).toHaveLength(2);
    expect(group!.wording.get(items[0]!.id)).toBe("We struck a depot that had been used to store rockets, and we took every precaution.");
  });

  test("reported-speech fragments with next to no content are never grouped; short direct quotes are", () => {
    const items = [
      st("harbour-times", "in a statement", "Harbor Command", { direct: false }),
      st("bay-courier", "in a statement on Monday", "Harbor Command", { direct: false }),
      st("harbour-times", "difficult but necessary", "Harbor Command"),
      st("bay-courier", "difficult but necessary", "Harbor Command"),
    ];
    const sizes = groupStatements(items).map((g) => [g.reference.text, g.members.length]);
    expect(sizes).toEqual([
      ["in a statement on Monday", 1],
      ["difficult but necessary", 2],
      ["in a statement", 1],
    ]);
  });

  test("nothing to group", () => {
    expect(groupStatements([])).toEqual([]);
  });
});
