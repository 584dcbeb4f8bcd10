/** Development aid: how the largest gold clusters are split by the system. */
import { groupDocuments, type GrouperOptions } from "../../../lib/cluster";
import { loadRows } from "./eval-dev";

const args = process.argv.slice(2);
const oi = args.indexOf("--opts");
const opts = (oi >= 0 ? JSON.parse(args[oi + 1] ?? "{}") : {}) as Partial<GrouperOptions>;
const rows = loadRows("/work/shared/eval/clustering-dev.jsonl");
const out = groupDocuments(rows, opts);
const byGold = new Map<string, typeof rows>();
for (const r of rows) byGold.set(r.cluster, [...(byGold.get(r.cluster) ?? []), r]);
const big = [...byGold.entries()].filter(([, rs]) => rs.length >= Number(process.env.MIN ?? 5)).sort((a, b) => b[1].length - a[1].length);
for (const [c, rs] of big) {
  const evs = new Set(rs.map((r) => out.get(r.id)?.eventId));
  console.log(`== ${c} size ${rs.length} -> ${evs.size} system events`);
  for (const r of rs.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""))) {
    const a = out.get(r.id);
    console.log(`  ${r.date} ${a?.eventId} ${a?.score.toFixed(3)} ${(r.outlet ?? "").slice(0, 22).padEnd(22)} ${r.title.slice(0, 80)}`);
  }
}
