/** Development aid: run groupDocuments on the dev set and print the largest / most impure system clusters. */
import { groupDocuments, type GrouperOptions } from "../../../lib/cluster";
import { loadRows } from "./eval-dev";

const args = process.argv.slice(2);
const oi = args.indexOf("--opts");
const opts = (oi >= 0 ? JSON.parse(args[oi + 1] ?? "{}") : {}) as Partial<GrouperOptions>;
const rows = loadRows("/work/shared/eval/clustering-dev.jsonl");
const out = groupDocuments(rows, opts);
const byEv = new Map<string, typeof rows>();
for (const r of rows) {
  const e = out.get(r.id)?.eventId ?? r.id;
  byEv.set(e, [...(byEv.get(e) ?? []), r]);
}
const impure = [...byEv.entries()]
  .map(([e, rs]) => ({ e, rs, golds: new Set(rs.map((r) => r.cluster)).size }))
  .filter((x) => x.golds > 1)
  .sort((a, b) => b.rs.length - a.rs.length);
for (const x of impure.slice(0, Number(process.env.TOP ?? 8))) {
  console.log(`== ${x.e} size ${x.rs.length} gold clusters ${x.golds}`);
  for (const r of x.rs.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""))) {
    const a = out.get(r.id);
    console.log(`  ${r.date} ${r.cluster.slice(13)} ${a?.score.toFixed(3)} ${r.outlet?.slice(0, 22).padEnd(22)} ${r.title.slice(0, 80)}`);
  }
}
