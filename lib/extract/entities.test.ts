import { describe, expect, test } from "vitest";
import { MentionIndex, collectMentions } from "./entities";

function mentions(text: string) {
  return collectMentions(text, []).map((m) => [m.name, m.kind]);
}

describe("collectMentions", () => {
  test.each<[string, Array<[string, string]>]>([
    // Titles and roles are stripped from a person's name; a surname alone takes the full name.
    ["Russian Ambassador to the UN Vitaly Churkin spoke.", [["Vitaly Churkin", "person"]]],
    ["Vitaly Churkin spoke. Later Churkin left.", [["Vitaly Churkin", "person"], ["Vitaly Churkin", "person"]]],
    ["The Syrian Foreign Ministry said so.", [["Syrian Foreign Ministry", "org"]]],
    ["Officers of the Milwaukee Police Department came.", [["Officers of the Milwaukee Police Department", "org"]]],
    ["Smith said it was over.", [["Smith", "person"]]],
    ["Smith and his wife Mary left.", [["Smith and", "other"], ["Mary", "other"]]],
    ["the US\n\nCentral Command (Centcom) said", [["US Central Command (Centcom)", "org"]]],
    ["He met NATO officials.", [["NATO", "org"]]],
  ])("%j", (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  test("mentions inside quotations are left out", () => {
    expect(collectMentions("“John Smith was there,” Mary Jones said.", [{ start: 1, end: 22 }]).map((m) => m.name)).toEqual(["Mary Jones"]);
  });
});

describe("MentionIndex look-ups", () => {
  const text = "Vitaly Churkin met the Syrian Foreign Ministry. Later, Churkin said the ministry agreed.";
  const idx = new MentionIndex(text, []);

  test("a surname expands to the full name named before it", () => {
    expect(idx.expandPerson("Churkin", text.lastIndexOf("Churkin"))).toBe("Vitaly Churkin");
    expect(idx.expandPerson("Churkin", 0)).toBeNull();
  });

  test("an organisation head expands to the organisation named before it", () => {
    expect(idx.expandOrg("ministry", text.indexOf("the ministry"))).toBe("Syrian Foreign Ministry");
    expect(idx.expandOrg("ministry", 5)).toBeNull();
  });
});
