/**
 * Development aid: why do two dev articles score what they score? Replays the dev set (gold
 * events) up to the later article, then prints the shared terms and their contributions.
 *   npx tsx scripts/dev/cluster/pair.ts ID_A ID_B [--opts '{...}']
 */
import { EventGrouper, parseDay, type ClusterDoc, type GrouperOptions } from "../../../lib/cluster";
import { loadRows } from "./eval-dev";

interface Prepared {
  vector: { terms: Uint32Array; weights: Float64Array };
}
type Internals = { features: { debugNames?: Map<number, string> }; prepare(d: ClusterDoc, advance: boolean): Prepared };

const args = process.argv.slice(2);
const oi = args.indexOf("--opts");
const opts = (oi >= 0 ? JSON.parse(args[oi + 1] ?? "{}") : {}) as Partial<GrouperOptions>;
const [ida, idb] = args.filter((a) => a.startsWith("gva-"));
const rows = loadRows("/work/shared/eval/clustering-dev.jsonl")
  .map((r, i) => ({ r, i, day: parseDay(r.date) ?? 0 }))
  .sort((a, b) => a.day - b.day || a.i - b.i)
  .map((x) => x.r);
const g = new EventGrouper(opts);
const internals = g as unknown as Internals;
const names = new Map<number, string>();
internals.features.debugNames = names;
const a = rows.find((r) => r.id === ida);
const b = rows.find((r) => r.id === idb);
if (!a || !b) throw new Error("ids not found");
let pa: Prepared | null = null;
let pb: Prepared | null = null;
for (const r of rows) {
  // Prepare each article as the stream saw it: before it was added.
  if (r.id === ida) pa = internals.prepare(r, false);
  if (r.id === idb) pb = internals.prepare(r, false);
  if (pa && pb) break;
  g.add(r, r.cluster);
}
if (!pa || !pb) throw new Error("not prepared");
const wa = new Map<number, number>();
pa.vector.terms.forEach((t, i) => wa.set(t, pa.vector.weights[i] ?? 0));
const shared: [string, number, number, number][] = [];
let dot = 0;
pb.vector.terms.forEach((t, i) => {
  const x = wa.get(t);
  if (x !== undefined) {
    const c = x * (pb.vector.weights[i] ?? 0);
    dot += c;
    shared.push([names.get(t) ?? String(t), x, pb.vector.weights[i] ?? 0, c]);
  }
});
shared.sort((p, q) => q[3] - p[3]);
console.log(`${a.id} [${a.cluster}] ${a.title}\n${b.id} [${b.cluster}] ${b.title}\ncos=${dot.toFixed(3)}`);
for (const [n, x, y, c] of shared) console.log(`  ${n.padEnd(28)} ${x.toFixed(3)} ${y.toFixed(3)} ${c.toFixed(4)}`);
const top = (p: Prepared) =>
  [...p.vector.terms]
    .map((t, i) => [t, p.vector.weights[i] ?? 0] as const)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 25)
    .map(([t, w]) => `${names.get(t)}:${w.toFixed(2)}`)
    .join(" ");
console.log("A top:", top(pa));
console.log("B top:", top(pb));
