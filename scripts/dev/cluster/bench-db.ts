/**
 * Development aid (NOT part of the library): group a bench corpus database's articles again, in
 * memory and in publication order (as `parallax regroup` replays them), and score the events
 * against the generator's (each URL names its event; scripts/bench/grouping.ts). Writes nothing.
 *   DATABASE_URL=file:/abs/bench-v2-100000-42.db npx tsx scripts/dev/cluster/bench-db.ts ['{"placeClash":1}' ...]
 * One line per option set: pairwise precision / recall, events, largest event.
 */
import { groupDocuments, type ClusterDoc, type GrouperOptions } from "../../../lib/cluster";
import { openDatabase } from "../../../lib/db";
import { clusterDocSelect, toClusterDocRow } from "../../../lib/pipeline/grouper";
import { generatedEventOf, GroupingCounter } from "../../bench/grouping";

const database = openDatabase(process.env.DATABASE_URL ?? "file:./.bench/bench-v2-100000-42.db");
const docs: ClusterDoc[] = [];
let cursor: string | undefined;
for (;;) {
  const rows = await database.db.article.findMany({
    orderBy: { id: "asc" },
    take: 5000,
    ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    select: clusterDocSelect,
  });
  if (rows.length === 0) break;
  for (const r of rows) docs.push(toClusterDocRow(r));
  cursor = rows[rows.length - 1]!.id;
}
await database.close();
docs.sort((a, b) => (a.date ?? "\uffff").localeCompare(b.date ?? "\uffff") || a.id.localeCompare(b.id));
const urls = new Map(docs.map((d) => [d.id, d.url]));

for (const spec of process.argv.slice(2).length ? process.argv.slice(2) : ["{}"]) {
  const t = performance.now();
  const out = groupDocuments(docs, JSON.parse(spec) as Partial<GrouperOptions>);
  const counter = new GroupingCounter();
  for (const [id, a] of out) {
    const g = generatedEventOf(urls.get(id));
    if (g !== null) counter.add(a.eventId, g);
  }
  const r = counter.result();
  console.log(
    `${spec.padEnd(40)} P ${r.pairwisePrecision.toFixed(4)} R ${r.pairwiseRecall.toFixed(4)} events ${r.events} (generated ${r.generatedEvents}) largest ${r.largestEvent}  ${((performance.now() - t) / 1000).toFixed(0)} s`,
  );
}
