import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUILT_CONFIG_VARIABLE, builtConfigEnv, envFileVariables, serverEnv } from "./server-memory";

const roots: string[] = [];

function buildRoot(requiredServerFiles?: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-server-env-"));
  roots.push(root);
  if (requiredServerFiles !== undefined) {
    fs.mkdirSync(path.join(root, ".next"));
    fs.writeFileSync(path.join(root, ".next", "required-server-files.json"), requiredServerFiles);
  }
  return root;
}

const built = JSON.stringify({
  version: 1,
  config: { poweredByHeader: false, serverExternalPackages: ["wink-nlp"], experimental: { proxyClientMaxBodySize: 53_477_376, preloadEntriesOnStart: false } },
});

/** An environment of only these variables (NODE_ENV included in the type, absent here). */
const vars = (v: Record<string, string>) => v as NodeJS.ProcessEnv;

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe("builtConfigEnv", () => {
  it("hands the server the built configuration, with the upload limit of the environment it starts in", () => {
    const env = builtConfigEnv(buildRoot(built), { PARALLAX_UPLOAD_MAX_MB: "5" });
    const config = JSON.parse(env[BUILT_CONFIG_VARIABLE]!);
    expect(config.poweredByHeader).toBe(false);
    expect(config.serverExternalPackages).toEqual(["wink-nlp"]);
    expect(config.experimental.preloadEntriesOnStart).toBe(false);
    // 5 MiB of upload plus the 1 MiB of multipart framing next.config.ts allows.
    expect(config.experimental.proxyClientMaxBodySize).toBe(6 * 1024 * 1024);
  });

  it("uses the default upload limit when none is set", () => {
    const config = JSON.parse(builtConfigEnv(buildRoot(built), {})[BUILT_CONFIG_VARIABLE]!);
    expect(config.experimental.proxyClientMaxBodySize).toBe(51 * 1024 * 1024);
  });

  it("reads the upload limit from the env files the server loads, the environment first", () => {
    const root = buildRoot(built);
    fs.writeFileSync(path.join(root, ".env"), "PARALLAX_UPLOAD_MAX_MB=7\nPORT=4000\n");
    fs.writeFileSync(path.join(root, ".env.local"), "# local\nPARALLAX_UPLOAD_MAX_MB=9\n");
    const limit = (env: Record<string, string>) => JSON.parse(builtConfigEnv(root, env)[BUILT_CONFIG_VARIABLE]!).experimental.proxyClientMaxBodySize;
    expect(envFileVariables(root)).toEqual({ PARALLAX_UPLOAD_MAX_MB: "9", PORT: "4000" });
    expect(limit({})).toBe(10 * 1024 * 1024);
    expect(limit({ PARALLAX_UPLOAD_MAX_MB: "3" })).toBe(4 * 1024 * 1024);
  });

  it("leaves the server to load next.config.ts when there is no readable build", () => {
    expect(builtConfigEnv(buildRoot(), {})).toEqual({});
    expect(builtConfigEnv(buildRoot("{ not json"), {})).toEqual({});
    expect(builtConfigEnv(buildRoot(JSON.stringify({ version: 1 })), {})).toEqual({});
  });

  it("refuses an invalid setting by name instead of starting with a wrong limit", () => {
    expect(() => builtConfigEnv(buildRoot(built), { PARALLAX_UPLOAD_MAX_MB: "lots" })).toThrow(/PARALLAX_UPLOAD_MAX_MB/);
  });
});

describe("serverEnv", () => {
  it("keeps the caller's variables over its own", () => {
    const env = serverEnv(buildRoot(built), vars({ MALLOC_ARENA_MAX: "4", [BUILT_CONFIG_VARIABLE]: "{}", DATABASE_URL: "file:./x.db" }));
    expect(env.MALLOC_ARENA_MAX).toBe("4");
    expect(env[BUILT_CONFIG_VARIABLE]).toBe("{}");
    expect(env.DATABASE_URL).toBe("file:./x.db");
  });

  it("adds the malloc arena limit and the built configuration", () => {
    const env = serverEnv(buildRoot(built), vars({}));
    expect(env.MALLOC_ARENA_MAX).toBe("2");
    expect(JSON.parse(env[BUILT_CONFIG_VARIABLE]!).poweredByHeader).toBe(false);
  });
});
