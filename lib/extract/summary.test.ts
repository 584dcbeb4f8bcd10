import { describe, expect, test } from "vitest";
import { extractArticle } from "./index";

function summary(text: string, title?: string) {
  return extractArticle({ text: title ? title + text : text, title }).summary;
}

describe("summary: the headline figure per kind", () => {
  test.each<[string, string | undefined, { killed: unknown; wounded: unknown }]>([
    // The title's figure wins over the body's.
    ["One person was killed and 2 others were injured early Saturday.", "1 dead, 2 hurt in North Portland shooting", { killed: { min: 1, max: 1 }, wounded: { min: 2, max: 2 } }],
    // An explicit number beats an implicit single victim in the lead.
    ["A man was shot. Three people were killed in the attack.", undefined, { killed: { min: 3, max: 3 }, wounded: null }],
    // Context totals never become the headline.
    ["A man was shot and killed on Tuesday. The city has seen 300 homicides so far this year.", undefined, { killed: { min: 1, max: 1 }, wounded: null }],
    // A negation gives 0 only when nothing positive was said.
    ["A man was wounded in the leg. No one else was hurt.", undefined, { killed: null, wounded: { min: 1, max: 1 } }],
    ["Shots were fired at a house. No one was injured.", undefined, { killed: null, wounded: { min: 0, max: 0 } }],
    // "was shot" alone counts as wounded only when nobody died.
    ["A man was shot on Main Street. He is in stable condition.", undefined, { killed: null, wounded: { min: 1, max: 1 } }],
    ["A man was shot on Main Street. He died at the hospital.", undefined, { killed: { min: 1, max: 1 }, wounded: null }],
    // Victims counted one by one: distinct names.
    [
      "One of the officers fatally shot LeGrier, 19. The officer also accidentally shot and killed a neighbor, 55-year-old Bettie Jones.",
      undefined,
      { killed: { min: 2, max: 2 }, wounded: null },
    ],
    // Figures in the lead are preferred to later ones (often other incidents).
    [
      "A 17-year-old boy was killed Thursday. Police arrested two men. They were held. Detectives said more. In 2012, a gunman killed three men at the same complex.",
      undefined,
      { killed: { min: 1, max: 1 }, wounded: null },
    ],
  ])("%s", (text, title, expected) => {
    expect(summary(text, title)).toEqual(expected);
  });

  test("exactly one headline claim per kind, and it carries the summary figure", () => {
    const x = extractArticle({ text: "Two people died and 5 were hurt. Later, a third victim died." });
    const heads = x.claims.filter((c) => c.isHeadline);
    expect(heads.map((c) => c.kind).sort()).toEqual(["killed", "wounded"]);
    expect(heads.find((c) => c.kind === "killed")).toMatchObject({ min: 2, max: 2 });
  });
});
