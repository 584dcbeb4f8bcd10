import { describe, expect, test } from "vitest";
import { csvCell, jsonCell } from "./columns";
import { neutralizeFormula } from "./index";

describe("neutralizeFormula", () => {
  test.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ["+1", "'+1"],
    ["-2+3", "'-2+3"],
    ["-5", "'-5"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["plain", "plain"],
    ["a=b", "a=b"],
    [" =1", " =1"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });
});

describe("cell conversion", () => {
  test.each([
    [-5, true, "-5"],
    ["-5", true, "'-5"],
    ["-5", false, "-5"],
    [0, true, "0"],
    [Number.NaN, true, ""],
    [Number.POSITIVE_INFINITY, true, ""],
    [true, true, "true"],
    [false, true, "false"],
    [null, true, ""],
    [new Date(Date.UTC(2016, 8, 20, 12)), true, "2016-09-20T12:00:00.000Z"],
    [new Date("not a date"), true, ""],
  ])("csvCell(%j, neutralize=%s) → %j", (value, neutralize, expected) => {
    expect(csvCell(value, neutralize)).toBe(expected);
  });

  test.each([
    [-5, -5],
    ["=1+1", "=1+1"],
    [Number.NaN, null],
    [new Date(Date.UTC(2016, 8, 20)), "2016-09-20T00:00:00.000Z"],
    [null, null],
    [undefined, null],
  ])("jsonCell(%j) → %j", (value, expected) => {
    expect(jsonCell(value)).toBe(expected);
  });
});
