import { describe, expect, it } from "vitest";
import { generatedEventOf, GroupingCounter } from "./grouping";

describe("generatedEventOf", () => {
  it.each([
    ["https://outlet3.example/2016/10/10/yordastead-flood-9340-4", "9340"],
    ["https://outlet7.example/wire/12620-0", "12620"],
    ["https://example.com/about", null],
    [null, null],
  ])("%s -> %s", (url, event) => expect(generatedEventOf(url)).toBe(event));
});

describe("GroupingCounter", () => {
  it("counts pairs: one wrong merge lowers precision, one split lowers recall", () => {
    const c = new GroupingCounter();
    // Generated events A (3 articles), B (2), C (1). The grouper merged C into A's event and split B.
    for (const [event, generated] of [["e1", "A"], ["e1", "A"], ["e1", "A"], ["e1", "C"], ["e2", "B"], ["e3", "B"]] as const) c.add(event, generated);
    const r = c.result();
    // Grouped pairs: e1 has 4 articles -> 6 pairs, of which A's 3 are right. Written pairs: A 3 + B 1 = 4, of which 3 found.
    expect(r).toEqual({ articles: 6, events: 3, generatedEvents: 3, largestEvent: 4, pairwisePrecision: 0.5, pairwiseRecall: 0.75 });
  });

  it("is 1 / 1 when the grouping is the generator's", () => {
    const c = new GroupingCounter();
    for (const g of ["A", "A", "B"]) c.add(`ev-${g}`, g);
    expect(c.result()).toMatchObject({ pairwisePrecision: 1, pairwiseRecall: 1, largestEvent: 2 });
  });
});
