import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { groupStatements, type GroupableStatement } from "./group";
import { fingerprint, quotedWords } from "./normalize";

/**
 * Wordings built from a few original sentences, cut and varied the way outlets vary quotes, so
 * random draws produce real groups, near misses and unrelated quotes.
 */
const SENTENCES = [
  "We struck a depot that had been used to store rockets, and we took every precaution to avoid harming civilians.",
  "The bridge will reopen on Friday once engineers have checked every pillar.",
  "Our teams are searching house by house and will not stop until everyone is found.",
  "The talks were difficult but necessary, and we expect to meet again next week.",
];
const SPEAKERS = [null, "Harbor Command", "the Pentagon", "Centcom", "US Central Command", "a spokesperson", "the ministry", "Russian Defence Ministry"];

const wording = fc
  .record({
    sentence: fc.integer({ min: 0, max: SENTENCES.length - 1 }),
    cutStart: fc.integer({ min: 0, max: 6 }),
    cutEnd: fc.integer({ min: 0, max: 6 }),
    ellipsisAt: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    bracket: fc.boolean(),
    upper: fc.boolean(),
  })
  .map(({ sentence, cutStart, cutEnd, ellipsisAt, bracket, upper }) => {
    let words = SENTENCES[sentence]!.split(" ");
    words = words.slice(cutStart, Math.max(cutStart + 1, words.length - cutEnd));
    if (ellipsisAt !== undefined && ellipsisAt < words.length - 1) words.splice(ellipsisAt, 2, "…");
    if (bracket) words.unshift("[the command]");
    const text = words.join(" ");
    return upper ? text.toUpperCase() : text;
  });

const statement = fc.record({
  text: wording,
  speaker: fc.constantFrom(...SPEAKERS),
  outlet: fc.integer({ min: 0, max: 5 }),
  article: fc.integer({ min: 0, max: 7 }),
  direct: fc.boolean(),
});

const statements = fc.array(statement, { minLength: 0, maxLength: 24 }).map((list) =>
  list.map(
    (s, i): GroupableStatement => ({
      id: i + 1,
      articleId: `a${s.outlet}-${s.article}`,
      outletKey: `outlet-${s.outlet}`,
      text: s.text,
      speaker: s.speaker,
      speakerMention: s.speaker,
      affiliation: null,
      direct: s.direct,
    }),
  ),
);

/** Groups as sorted lists of member ids, with the reference and flags: comparable across runs. */
function canonical(items: readonly GroupableStatement[]) {
  return groupStatements(items)
    .map((g) => ({
      reference: g.reference.id,
      members: g.members.map((m) => m.id).sort((a, b) => Number(a) - Number(b)),
      conflict: g.speakerConflict,
      attributions: g.attributions.map((a) => [a.speaker, a.members.map((m) => m.id).sort((x, y) => Number(x) - Number(y))]),
    }))
    .sort((a, b) => Number(a.reference) - Number(b.reference));
}

describe("groupStatements properties", () => {
  test("the grouping does not depend on the order of the input", () => {
    fc.assert(
      fc.property(
        statements.chain((items) => fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }))),
        ([items, shuffled]) => {
          expect(canonical(shuffled)).toEqual(canonical(items));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("every statement is in exactly one group, a group holds one statement per article, and its reference is its longest member", () => {
    fc.assert(
      fc.property(statements, (items) => {
        const groups = groupStatements(items);
        const seen = groups.flatMap((g) => g.members.map((m) => m.id));
        expect([...seen].sort()).toEqual(items.map((s) => s.id).sort());
        for (const g of groups) {
          expect(new Set(g.members.map((m) => m.articleId)).size).toBe(g.members.length);
          expect(g.members[0]).toBe(g.reference);
          const words = (s: GroupableStatement) => fingerprint(quotedWords(s.text, s.direct)).wordCount;
          for (const m of g.members) expect(words(m)).toBeLessThanOrEqual(words(g.reference));
          expect(g.outletCount).toBe(new Set(g.members.map((m) => m.outletKey)).size);
          expect(g.attributions.flatMap((a) => a.members).length).toBe(g.members.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
