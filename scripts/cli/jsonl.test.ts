import { spawn } from "node:child_process";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { readJsonl, type LineError } from "./jsonl";

const Row = z.object({ id: z.string() });

async function read(bytes: Buffer[], schema = Row): Promise<{ rows: unknown[]; errors: LineError[] }> {
  const rows: unknown[] = [];
  const errors: LineError[] = [];
  for await (const row of readJsonl(Readable.from(bytes), schema, (e) => errors.push(e))) rows.push(row);
  return { rows, errors };
}

const lines = '{"id":"a"}\r\n{"id":"é"}\n';

describe("readJsonl", () => {
  test.each([
    ["UTF-8", [Buffer.from(lines, "utf8")]],
    ["UTF-8 with a byte-order mark", [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines, "utf8")])]],
    ["UTF-16 LE with its mark (Windows 'Unicode')", [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines, "utf16le")])]],
    ["UTF-16 BE with its mark", [Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(lines, "utf16le").swap16()])]],
  ])("%s", async (_, bytes) => {
    expect(await read(bytes)).toEqual({ rows: [{ id: "a" }, { id: "é" }], errors: [] });
  });

  test("chunks split anywhere, even inside the mark or a character, read the same", async () => {
    const whole = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines, "utf16le")]);
    const oneByOne = [...whole].map((b) => Buffer.from([b]));
    expect(await read(oneByOne)).toEqual({ rows: [{ id: "a" }, { id: "é" }], errors: [] });
  });

  test("input shorter than a mark, and bad lines, are reported by line", async () => {
    expect(await read([Buffer.from("{")])).toEqual({ rows: [], errors: [{ line: 1, reason: expect.stringMatching(/^invalid JSON/) }] });
    expect(await read([Buffer.from('{"id":1}\n\n{"id":"b"}\n')])).toEqual({ rows: [{ id: "b" }], errors: [{ line: 1, reason: expect.stringMatching(/^id: /) }] });
  });
});

describe("parallax extract into a reader that stops early", () => {
  test("ends quietly when its output pipe closes (it crashed with EPIPE)", async () => {
    const root = path.join(import.meta.dirname, "..", "..");
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/parallax.ts", "extract"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // The reader takes one line and goes away.
    child.stdout.once("data", () => child.stdout.destroy());
    const record = JSON.stringify({ id: "x", text: "Three people were killed in the blast on Sunday, police said." });
    child.stdin.on("error", () => undefined);
    child.stdin.end(Array.from({ length: 5000 }, (_, i) => record.replace('"x"', `"${i}"`)).join("\n"));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  }, 60_000);
});
