import { z } from "zod";
import { groupDocuments, type ClusterDoc } from "../../lib/cluster";
import { normalizeLanguageCode } from "../../lib/ingest/language";
import { analyseArticle } from "../../lib/pipeline/analyse";
import { crossLanguageSignals } from "../../lib/pipeline/grouper";
import { articleLineSchema } from "../../lib/schemas/record";
import { readJsonl, writeJsonl } from "./jsonl";

/** The stdin record, plus an optional `language` (ISO 639-1 or a tag such as "fr-CA"). */
const clusterLineSchema = articleLineSchema.extend({
  language: z.string().nullish().transform((v) => v ?? null),
});

/**
 * `parallax cluster --format jsonl`: stdin articles -> stdout `{id, event}` in input order.
 * Articles are grouped online, in publication order, exactly as ingestion groups them: each is
 * analysed first (language, declared or detected; places and event day; casualty figures) so
 * that reports in different languages can be grouped on what survives translation.
 */
export async function runCluster(): Promise<number> {
  const docs: ClusterDoc[] = [];
  const seen = new Set<string>();
  for await (const line of readJsonl(process.stdin, clusterLineSchema, (e) =>
    process.stderr.write(`line ${e.line}: ${e.reason}\n`),
  )) {
    // The grouper names a new event after its first article's id: a repeated id could open a
    // second event under the first one's name. Each id is grouped once; repeats are reported.
    if (seen.has(line.id)) {
      process.stderr.write(`${line.id}: duplicate id, skipped (ids must be unique in the input)\n`);
      continue;
    }
    seen.add(line.id);
    const doc: ClusterDoc = { id: line.id, title: line.title, text: line.text, date: line.date, outlet: line.outlet, url: line.url };
    try {
      const a = analyseArticle({ text: line.text, title: line.title, language: normalizeLanguageCode(line.language), publishedAt: line.date });
      doc.language = a.language;
      doc.signals = crossLanguageSignals(a.location.places, a.location.eventDay, a.extraction.claims);
    } catch (err) {
      // Grouped on its words alone, as before cross-language grouping existed.
      process.stderr.write(`${line.id}: analysis failed, grouped on its words only: ${(err as Error).message}\n`);
    }
    docs.push(doc);
  }
  const assignments = groupDocuments(docs);
  for (const doc of docs) {
    const a = assignments.get(doc.id);
    await writeJsonl(process.stdout, {
      id: doc.id,
      event: a?.eventId ?? null,
      ...(a?.duplicateOf ? { duplicateOf: a.duplicateOf } : {}),
    });
  }
  return 0;
}
