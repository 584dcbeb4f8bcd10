import { describe, expect, test } from "vitest";
import { DEFAULT_DATABASE_URL } from "./db/url";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  test("unset variables take their defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
    expect(env.PORT).toBe(3000);
    expect(env.PARALLAX_DEMO).toBe(true);
  });

  test("a variable set to the empty string counts as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "", PARALLAX_DEMO: "", PARALLAX_ADMIN_TOKEN: "" });
    expect(env.DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
    expect(env.PORT).toBe(3000);
    expect(env.PARALLAX_DEMO).toBe(true);
    expect(env.PARALLAX_ADMIN_TOKEN).toBeUndefined();
  });

  test("set values are parsed", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u@h:5432/d", PORT: "8080", PARALLAX_DEMO: "0" });
    expect(env).toMatchObject({ DATABASE_URL: "postgresql://u@h:5432/d", PORT: 8080, PARALLAX_DEMO: false });
  });

  test("a bad value is reported with the variable's name", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/Invalid environment:\n {2}PORT: /);
    expect(() => parseEnv({ PARALLAX_ADMIN_TOKEN: "short" })).toThrow(/PARALLAX_ADMIN_TOKEN: use at least 16 characters/);
  });
});
