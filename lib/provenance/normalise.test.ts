import { describe, expect, test } from "vitest";
import { authorityKey, authorityLabel, hostOf, outletNameKey, quoteKey, speakerKey, UNATTRIBUTED } from "./normalise";

describe("authorityKey: the same authority is one key", () => {
  test.each([
    ["the Russian Defence Ministry", "russian defence ministry"],
    ["The Russian defence ministry.", "russian defence ministry"],
    ["RUSSIAN DEFENCE MINISTRY", "russian defence ministry"],
    ["  the   Syrian  Observatory for Human Rights; ", "syrian observatory for human rights"],
    ["“the Syrian army”", "syrian army"],
    ["Syrian army)", "syrian army"],
    ["the Observatory", "observatory"],
    ["theatre officials", "theatre officials"],
    [null, UNATTRIBUTED],
    ["", UNATTRIBUTED],
    [" . ", UNATTRIBUTED],
  ])("%j → %j", (input, key) => {
    expect(authorityKey(input)).toBe(key);
  });

  test("different bodies stay apart (light normalisation, no guessing)", () => {
    expect(authorityKey("the Observatory")).not.toBe(authorityKey("the Syrian Observatory for Human Rights"));
  });
});

describe("authorityLabel", () => {
  test.each([
    ["the Russian Defence Ministry", "Russian Defence Ministry"],
    ["syrian state media.", "Syrian state media"],
    ["The US-led coalition", "US-led coalition"],
  ])("%j → %j", (input, label) => {
    expect(authorityLabel(input)).toBe(label);
  });
});

describe("outletNameKey and hostOf", () => {
  test.each([
    ["The Meridian Post", "meridian post"],
    ["meridian post.", "meridian post"],
    ["World Socialist Web Site", "world socialist web site"],
    ["Le Courrier du Levant", "courrier du levant"],
    ["Mondialisation.ca", "mondialisation ca"],
    [null, ""],
  ])("outletNameKey(%j) = %j", (input, key) => {
    expect(outletNameKey(input)).toBe(key);
  });

  test.each([
    ["https://www.wsws.org/en/articles/2016/09/19/syri-s19.html", "wsws.org"],
    ["https://northernledger.example/international/x", "northernledger.example"],
    ["not a url", null],
    [null, null],
  ])("hostOf(%j) = %j", (input, host) => {
    expect(hostOf(input)).toBe(host);
  });
});

describe("quoteKey and speakerKey", () => {
  test.each([
    ["The strike opened the way for Islamic State fighters.", "the strike opened the way for islamic state fighters"],
    ["“The strike  opened the way for Islamic State fighters,”", "the strike opened the way for islamic state fighters"],
    ["the strike opened the way — for Islamic State fighters…", "the strike opened the way for islamic state fighters"],
    ["Nous n’avons « aucune » information", "nous navons aucune information"],
  ])("quoteKey(%j)", (input, key) => {
    expect(quoteKey(input)).toBe(key);
  });

  test.each([
    ["Vitaly Churkin", "vitaly churkin"],
    ["the ministry", "ministry"],
    ["The Ministry.", "ministry"],
    ["", null],
    [null, null],
  ])("speakerKey(%j) = %j", (input, key) => {
    expect(speakerKey(input)).toBe(key);
  });
});
