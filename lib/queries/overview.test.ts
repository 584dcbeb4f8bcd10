import { describe, expect, test } from "vitest";
import { splitByMonth } from "./overview";

describe("splitByMonth", () => {
  test("a long range: whole months, and the partial months at each end as days", () => {
    expect(splitByMonth("2015-01-15", "2016-07-02")).toEqual({
      months: { from: "2015-02", to: "2016-06" },
      days: [
        { from: "2015-01-15", to: "2015-01-31" },
        { from: "2016-07-01", to: "2016-07-02" },
      ],
    });
  });

  test("ends on month boundaries need no days", () => {
    expect(splitByMonth("2015-01-01", "2015-03-31")).toEqual({ months: { from: "2015-01", to: "2015-03" }, days: [] });
    // February of a leap year ends on the 29th.
    expect(splitByMonth("2016-02-01", "2016-02-29")).toEqual({ months: { from: "2016-02", to: "2016-02" }, days: [] });
    expect(splitByMonth("2016-02-01", "2016-02-28").months).toBeNull();
  });

  test("a range inside one month, or across one boundary without a whole month, is days only", () => {
    expect(splitByMonth("2016-07-01", "2016-07-02")).toEqual({ months: null, days: [{ from: "2016-07-01", to: "2016-07-02" }] });
    expect(splitByMonth("2015-12-20", "2016-01-10")).toEqual({ months: null, days: [{ from: "2015-12-20", to: "2016-01-10" }] });
  });

  test("an open end stays open; December rolls over to January", () => {
    expect(splitByMonth("2015-12-02", undefined)).toEqual({ months: { from: "2016-01", to: undefined }, days: [{ from: "2015-12-02", to: "2015-12-31" }] });
    expect(splitByMonth(undefined, "2016-01-30")).toEqual({ months: { from: undefined, to: "2015-12" }, days: [{ from: "2016-01-01", to: "2016-01-30" }] });
  });

  test("anything that is not a day is left to the day counts", () => {
    expect(splitByMonth("2015-1-1", "2016-07-02")).toEqual({ months: null, days: [{ from: "2015-1-1", to: "2016-07-02" }] });
  });
});
