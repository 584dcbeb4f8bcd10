import { extractArticle } from "../../lib/extract";
import { articleLineSchema } from "../../lib/schemas/record";
import { readJsonl, writeJsonl } from "./jsonl";

/**
 * `parallax extract --format jsonl`: stdin articles -> stdout extractions, one line each, same order.
 * No database. A bad input line is reported on stderr and skipped; the run goes on.
 */
export async function runExtract(): Promise<number> {
  let bad = 0;
  const lines = readJsonl(process.stdin, articleLineSchema, (e) => {
    bad++;
    process.stderr.write(`line ${e.line}: ${e.reason}\n`);
  });
  for await (const doc of lines) {
    let out: unknown;
    try {
      const x = extractArticle({ text: doc.text, title: doc.title, publishedAt: doc.date });
      out = { id: doc.id, summary: x.summary, casualties: x.claims, statements: x.statements };
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
