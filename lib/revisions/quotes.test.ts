import { expect, test } from "vitest";
import { diffQuotes } from "./diff";

test.each([
  ["same quotes", ["We will rebuild."], ["We will rebuild."], null],
  ["case, spacing and quote marks ignored", ["“We will  rebuild.”"], ['"we will rebuild."'], null],
  ["a reworded quote is one removed and one added", ["We will rebuild."], ["We will not rebuild."], { added: ["We will not rebuild."], removed: ["We will rebuild."] }],
  ["an added quote", [], ["Help is coming."], { added: ["Help is coming."], removed: [] }],
  ["a dropped quote", ["A", "B"], ["A"], { added: [], removed: ["B"] }],
])("%s", (_name, before, after, expected) => {
  expect(diffQuotes(before, after)).toEqual(expected);
});
