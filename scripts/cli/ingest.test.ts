import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { collectFiles } from "./ingest";

describe("collectFiles", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-collect-"));
    fs.mkdirSync(path.join(dir, "a", "b"), { recursive: true });
    fs.writeFileSync(path.join(dir, "a", "one.ndjson"), "");
    fs.writeFileSync(path.join(dir, "a", "b", "two.html"), "");
    fs.writeFileSync(path.join(dir, "a", "notes.pdf"), "");
    fs.writeFileSync(path.join(dir, "a", ".hidden.json"), "");
  });
  afterEach(() => {
    fs.chmodSync(path.join(dir, "a"), 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("walks directories for the supported files, skipping hidden ones; a file named explicitly is kept whatever its type", async () => {
    const { files, errors } = await collectFiles([dir, path.join(dir, "a", "notes.pdf")]);
    expect(files).toEqual([path.join(dir, "a", "b", "two.html"), path.join(dir, "a", "one.ndjson"), path.join(dir, "a", "notes.pdf")]);
    expect(errors).toEqual([]);
  });

  test("a link back up the tree is reported once and not followed round (it was walked until the path was too long)", async () => {
    fs.symlinkSync(dir, path.join(dir, "a", "b", "up"));
    fs.symlinkSync(path.join(dir, "a", "b"), path.join(dir, "again"));
    const { files, errors } = await collectFiles([dir]);
    expect(files).toEqual([path.join(dir, "a", "b", "two.html"), path.join(dir, "a", "one.ndjson")]);
    expect(errors).toEqual([
      { item: path.join(dir, "a", "b", "up"), reason: `skipped: the same directory as ${dir} (a link), already read` },
      { item: path.join(dir, "again"), reason: `skipped: the same directory as ${path.join(dir, "a", "b")} (a link), already read` },
    ]);
  });

  test("a missing path and an unreadable directory are item errors, the rest is still collected", async () => {
    const root = process.getuid?.() === 0;
    fs.chmodSync(path.join(dir, "a"), 0o000);
    const { files, errors } = await collectFiles([path.join(dir, "missing.json"), dir]);
    expect(errors[0]).toEqual({ item: path.join(dir, "missing.json"), reason: "no such file or directory" });
    // root reads any directory whatever its mode.
    if (root) expect(files).toHaveLength(2);
    else {
      expect(files).toEqual([]);
      expect(errors[1]).toMatchObject({ item: path.join(dir, "a"), reason: expect.stringMatching(/^could not read the directory: EACCES/) });
    }
  });
});
