import { describe, expect, test } from "vitest";
import type { EventStatement, SectionLimits, SpeakerGroup } from "../schemas/dto";
import { trimSpeakerGroup } from "./event-sections";

const limits: SectionLimits = { blindspotRows: 25, blindspotNames: 10, speakers: 5, speakerOutlets: 2, minorOutlets: 1, minorPerOutlet: 1, namedOutlets: 1 };

function statements(outlet: string, n: number): EventStatement[] {
  return Array.from({ length: n }, (_, i) => ({ id: outlet.length * 100 + i, articleId: `a_${outlet}_${i}` }) as EventStatement);
}

describe("trimSpeakerGroup", () => {
  const group: SpeakerGroup = { speaker: "Amal Haddad", byOutlet: { a: statements("a", 5), bb: statements("bb", 3), ccc: statements("ccc", 4), dddd: statements("dddd", 2) } };

  test("a first speaker: every quote of the outlets side by side, the first of the next named one, none of the rest; sizes kept", () => {
    const t = trimSpeakerGroup(group, false, limits);
    expect(Object.keys(t.byOutlet)).toEqual(["a", "bb", "ccc", "dddd"]);
    expect(t.byOutlet.a).toHaveLength(5);
    expect(t.byOutlet.bb).toHaveLength(3);
    expect(t.byOutlet.ccc).toEqual(group.byOutlet.ccc!.slice(0, 1));
    expect(t.byOutlet.dddd).toEqual([]);
    expect(t.sizes).toEqual({ a: 5, bb: 3, ccc: 4, dddd: 2 });
  });

  test("a minor speaker: the quotes shown plus the one its 'N more' link opens", () => {
    const t = trimSpeakerGroup(group, true, limits);
    expect(t.byOutlet.a).toEqual(group.byOutlet.a!.slice(0, 2));
    expect(t.byOutlet.bb).toEqual(group.byOutlet.bb!.slice(0, 1));
    expect(t.byOutlet.ccc).toEqual([]);
    expect(t.sizes!.a).toBe(5);
  });
});
