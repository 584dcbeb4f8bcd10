import readline from "node:readline";
import { Readable } from "node:stream";
import { z } from "zod";
import { byteOrderMark } from "../../lib/ingest/decode";

export interface LineError {
  line: number;
  reason: string;
}

/**
 * The text of a byte stream: UTF-8, or UTF-16 when it starts with that byte-order mark (files
 * saved as "Unicode" on Windows); a byte-order mark is dropped.
 */
async function* decodeText(input: Readable): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let head = Buffer.alloc(0);
  for await (const chunk of input) {
    const bytes: Buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    if (!decoder) {
      // A UTF-16 mark is two bytes: wait for them (TextDecoder drops the mark it decodes).
      head = Buffer.concat([head, bytes]);
      if (head.length < 2) continue;
      decoder = new TextDecoder(byteOrderMark(head)?.encoding ?? "utf-8");
      yield decoder.decode(head, { stream: true });
      continue;
    }
    yield decoder.decode(bytes, { stream: true });
  }
  if (!decoder) {
    // Less than two bytes in all.
    if (head.length) yield new TextDecoder("utf-8").decode(head);
    return;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Reads JSON Lines, validating each with `schema`; bad lines are reported, never fatal. */
export async function* readJsonl<T extends z.ZodType>(
  input: Readable,
  schema: T,
  onError: (e: LineError) => void,
): AsyncGenerator<z.infer<T>> {
  const rl = readline.createInterface({ input: Readable.from(decodeText(input)), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of rl) {
    n++;
    const line = raw.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      onError({ line: n, reason: `invalid JSON: ${(err as Error).message}` });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      onError({ line: n, reason: `${issue?.path.join(".") || "record"}: ${issue?.message ?? "invalid"}` });
      continue;
    }
    yield parsed.data;
  }
}

/** Writes one JSON object per line, respecting back-pressure. */
export async function writeJsonl(out: NodeJS.WritableStream, value: unknown): Promise<void> {
  if (!out.write(JSON.stringify(value) + "\n")) {
    await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
}
