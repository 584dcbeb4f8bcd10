import { z } from "zod";
import { extractArticle, packFor } from "../../lib/extract";
import { resolveLanguage } from "../../lib/ingest/language";
import { articleLineSchema } from "../../lib/schemas/record";
import { readJsonl, writeJsonl } from "./jsonl";

/** The stdin record, plus an optional `language` (ISO 639-1 or a tag such as "fr-CA"). */
const extractLineSchema = articleLineSchema.extend({
  language: z.string().nullish().transform((v) => v ?? null),
});

/**
 * `parallax extract --format jsonl`: stdin articles -> stdout extractions, one line each, same order.
 * No database. A record's `language` chooses the language pack; without one it is detected from
 * the text (franc-min), as ingestion does, and an undetectable language falls back to English.
 * Each output line carries the `language` whose patterns were applied (null: unsupported, nothing
 * extracted). A bad input line is reported on stderr and skipped; the run goes on.
 */
export async function runExtract(): Promise<number> {
  let bad = 0;
  const lines = readJsonl(process.stdin, extractLineSchema, (e) => {
    bad++;
    process.stderr.write(`line ${e.line}: ${e.reason}\n`);
  });
  for await (const doc of lines) {
    let out: unknown;
    try {
      const language = resolveLanguage(doc.language, doc.text);
      if (doc.language && !packFor(doc.language)) process.stderr.write(`${doc.id}: no extraction for language ${JSON.stringify(doc.language)}\n`);
      const x = extractArticle({ text: doc.text, title: doc.title, publishedAt: doc.date, language });
      out = { id: doc.id, language: x.language ?? null, summary: x.summary, casualties: x.claims, statements: x.statements };
    } catch (err) {
      bad++;
      process.stderr.write(`${doc.id}: extraction failed: ${(err as Error).message}\n`);
      out = { id: doc.id, summary: { killed: null, wounded: null }, casualties: [], statements: [], error: (err as Error).message };
    }
    await writeJsonl(process.stdout, out);
  }
  if (bad) process.stderr.write(`${bad} line(s) had problems (see above)\n`);
  return 0;
}
