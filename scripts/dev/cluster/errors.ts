/**
 * Development aid: the decisions of a real run, judged against gold. Lists wrong joins (joined an
 * event whose first article is from another gold cluster... precisely: joined an event holding
 * no article of its gold cluster) and misses (opened a new event although an earlier article of
 * its gold cluster was already grouped), each with the candidate scores.
 *   npx tsx scripts/dev/cluster/errors.ts [--opts '{...}']
 */
import { EventGrouper, parseDay, type GrouperOptions } from "../../../lib/cluster";
import { loadRows } from "./eval-dev";

const args = process.argv.slice(2);
const oi = args.indexOf("--opts");
const opts = (oi >= 0 ? JSON.parse(args[oi + 1] ?? "{}") : {}) as Partial<GrouperOptions>;
const rows = loadRows("/work/shared/eval/clustering-dev.jsonl");
const order = rows.map((r, i) => ({ r, i, d: parseDay(r.date) ?? 0 })).sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.r);
const g = new EventGrouper(opts);
g.observe(order);
const evGold = new Map<string, Map<string, number>>();
const goldEv = new Map<string, Set<string>>();
const title = new Map(rows.map((r) => [r.id, `${r.date} ${(r.outlet ?? "").slice(0, 20)} ${r.title.slice(0, 70)}`]));
let wrong = 0, miss = 0;
for (const r of order) {
  const cands = g.explain(r);
  const a = g.assign(r);
  const golds = evGold.get(a.eventId) ?? new Map<string, number>();
  const mates = goldEv.get(r.cluster);
  if (!a.isNew && !golds.has(r.cluster)) {
    wrong++;
    const best = cands[0];
    console.log(`WRONG ${a.score.toFixed(3)} sim ${best?.similarity.toFixed(3)} cen ${best?.centroidSimilarity.toFixed(3)} gap ${best?.gapDays} | ${title.get(r.id)}\n      -> ${title.get(best?.bestDocId ?? "")}`);
  }
  if (a.isNew && mates && mates.size > 0) {
    miss++;
    const good = cands.find((c) => mates.has(c.eventId));
    console.log(`MISS  good ${good ? `${good.score.toFixed(3)} sim ${good.similarity.toFixed(3)} cen ${good.centroidSimilarity.toFixed(3)} gap ${good.gapDays}` : "none"} | ${title.get(r.id)}\n      ~  ${good ? title.get(good.bestDocId) : ""}`);
  }
  golds.set(r.cluster, (golds.get(r.cluster) ?? 0) + 1);
  evGold.set(a.eventId, golds);
  goldEv.set(r.cluster, (goldEv.get(r.cluster) ?? new Set()).add(a.eventId));
}
console.log(`wrong joins ${wrong}, misses ${miss}`);
