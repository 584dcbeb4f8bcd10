import { describe, expect, test } from "vitest";
import { backoffMinutes, nextFetchAfterFailure, nextFetchAfterSuccess } from "./schedule";

describe("backoff", () => {
  test.each([
    [30, 1, 60],
    [30, 2, 120],
    [30, 3, 240],
    [30, 5, 960],
    [30, 6, 1440],
    [30, 50, 1440],
    [5, 1, 10],
    [2880, 1, 2880],
  ])("interval %i min, %i failures → %i min", (interval, failures, expected) => {
    expect(backoffMinutes(interval, failures)).toBe(expected);
  });

  test("next fetch times", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(nextFetchAfterSuccess(now, 30).toISOString()).toBe("2026-01-01T00:30:00.000Z");
    expect(nextFetchAfterFailure(now, 30, 2).toISOString()).toBe("2026-01-01T02:00:00.000Z");
  });
});
