import { describe, expect, test } from "vitest";
import { parseFilters } from "./filters";
import { evidenceQuerySchema } from "./evidence";

describe("evidenceQuerySchema", () => {
  test.each([
    ["claim=12", [12]],
    ["claim=12&claim=13", [12, 13]],
    ["claim=12,13", [12, 13]],
  ])("%s", (qs, ids) => {
    expect(parseFilters(evidenceQuerySchema, new URLSearchParams(qs))).toEqual({ ok: true, data: { claim: ids } });
  });

  test.each([
    ["", "name at least one claim"],
    ["claim=abc", "positive whole numbers"],
    ["claim=-1", "positive whole numbers"],
    [`claim=${Array.from({ length: 101 }, (_, i) => i + 1).join(",")}`, "at most 100"],
  ])("%j is refused, naming the field", (qs, message) => {
    const r = parseFilters(evidenceQuerySchema, new URLSearchParams(qs));
    expect(r).toMatchObject({ ok: false, field: "claim" });
    expect(r.ok ? "" : r.error).toContain(message);
  });
});
