/** Development aid: evaluate many option sets in one process, on both halves of the gold clusters and on all.
 *   npx tsx scripts/dev/cluster/grid.ts '[{"threshold":0.15},{...}]'   (or a JSON object of arrays: cartesian product)
 */
import { groupDocuments, type GrouperOptions } from "../../../lib/cluster";
import { hashString } from "../../../lib/cluster/hash";
import { loadRows, scoreClustering } from "./eval-dev";

const spec = JSON.parse(process.argv[2] ?? "[{}]") as unknown;
let configs: Record<string, unknown>[] = [];
if (Array.isArray(spec)) configs = spec as Record<string, unknown>[];
else {
  configs = [{}];
  for (const [k, vs] of Object.entries(spec as Record<string, unknown[]>)) {
    configs = configs.flatMap((c) => vs.map((v) => ({ ...c, [k]: v })));
  }
}
const all = loadRows(process.env.DEV ?? "/work/shared/eval/clustering-dev.jsonl");
const halves = [0, 1].map((h) => all.filter((r) => (hashString(r.cluster, 7) & 1) === h));
const run = (rows: typeof all, o: Partial<GrouperOptions>) => {
  const out = groupDocuments(rows, o);
  return scoreClustering(new Map(rows.map((r) => [r.id, r.cluster])), new Map([...out].map(([id, a]) => [id, a.eventId])));
};
for (const c of configs) {
  const o = c as Partial<GrouperOptions>;
  const f = run(all, o);
  const h = halves.map((rows) => run(rows, o));
  const fmt = (m: ReturnType<typeof scoreClustering>) => `${m.pp.toFixed(3)}/${m.pr.toFixed(3)}/${m.pf.toFixed(3)} b3 ${m.bf.toFixed(3)}`;
  console.log(`${JSON.stringify(c).padEnd(70)} ALL ${fmt(f)} | H0 ${fmt(h[0]!)} | H1 ${fmt(h[1]!)}`);
}
