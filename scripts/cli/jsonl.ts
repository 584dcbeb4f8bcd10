import readline from "node:readline";
import type { Readable } from "node:stream";
import { z } from "zod";

export interface LineError {
  line: number;
  reason: string;
}

/** Reads JSON Lines, validating each with `schema`; bad lines are reported, never fatal. */
export async function* readJsonl<T extends z.ZodType>(
  input: Readable,
  schema: T,
  onError: (e: LineError) => void,
): AsyncGenerator<z.infer<T>> {
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
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
