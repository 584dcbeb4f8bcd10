// Dev tool: how the grouper scores the articles whose title contains TARGET against the others.
// usage: OPTS='{"threshold":0.2}' npx tsx scripts/dev/explain.ts TARGET file...
import fs from "node:fs";
import path from "node:path";
import { EventGrouper } from "../../lib/cluster";
import { parseFile } from "../../lib/ingest";

const [target, ...files] = process.argv.slice(2);
const docs = files.flatMap((f) => parseFile(path.basename(f), fs.readFileSync(f)).articles).map((a, i) => ({
  id: a.url ?? `doc${i}`, title: a.title, text: a.text, date: a.publishedAt, outlet: a.outlet?.domain ?? null, url: a.url,
}));
docs.sort((a, b) => (a.date ?? "9").localeCompare(b.date ?? "9"));
const g = new EventGrouper(JSON.parse(process.env.OPTS ?? "{}"));
g.observe(docs);
for (const d of docs) {
  if (d.title.includes(target!)) console.log(d.title, JSON.stringify(g.explain(d), null, 1).slice(0, 3000));
  g.assign(d);
}
