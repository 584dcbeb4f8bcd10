import { describe, expect, test } from "vitest";
import { profileOutlet } from "./outlets";

describe("profileOutlet", () => {
  test.each([
    ["reuters.com", "Reuters", "wire"],
    ["uk.reuters.com", "Reuters UK", "wire"],
    ["sana.sy", "SANA", "state"],
    ["bbc.co.uk", "BBC News", "public"],
    ["mondialisation.ca", "Mondialisation.ca", "independent"],
    ["levantwire.example", "Levant Wire", "wire"],
    [null, "Syrian Arab News Agency", "wire"],
    ["meridianpost.example", "The Meridian Post", "unknown"],
    [null, "Wireless Weekly", "unknown"],
  ])("%s %s -> %s", (domain, name, kind) => {
    expect(profileOutlet(domain, name).kind).toBe(kind);
  });
});
