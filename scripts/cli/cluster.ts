import { groupDocuments } from "../../lib/cluster";
import { articleLineSchema, type ArticleLine } from "../../lib/schemas/record";
import { readJsonl, writeJsonl } from "./jsonl";

/**
 * `parallax cluster --format jsonl`: stdin articles -> stdout `{id, event}` in input order.
 * Articles are grouped online, in publication order, exactly as ingestion groups them.
 */
export async function runCluster(): Promise<number> {
  const docs: ArticleLine[] = [];
  for await (const doc of readJsonl(process.stdin, articleLineSchema, (e) =>
    process.stderr.write(`line ${e.line}: ${e.reason}\n`),
  )) {
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
