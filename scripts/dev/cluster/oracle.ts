/**
 * Development harness: replays the dev set with the GOLD event of every earlier article
 * (EventGrouper.add) and dumps, per article, every candidate event with its features and whether
 * it is the right one. Shows how separable the decision is without cascading errors.
 *   npx tsx scripts/dev/cluster/oracle.ts [--opts '{...}'] > /tmp/oracle.jsonl
 */
import { EventGrouper, parseDay, type GrouperOptions } from "../../../lib/cluster";
import { loadRows } from "./eval-dev";

const args = process.argv.slice(2);
const oi = args.indexOf("--opts");
const opts = (oi >= 0 ? JSON.parse(args[oi + 1] ?? "{}") : {}) as Partial<GrouperOptions>;
const rows = loadRows("/work/shared/eval/clustering-dev.jsonl")
  .map((r, i) => ({ r, i, day: parseDay(r.date) ?? 0 }))
  .sort((a, b) => a.day - b.day || a.i - b.i)
  .map((x) => x.r);
const g = new EventGrouper(opts);
const seen = new Set<string>();
for (const r of rows) {
  const cands = g.explain(r).map((c) => ({ ...c, ok: c.eventId === r.cluster }));
  const good = cands.filter((c) => c.ok);
  const bad = cands.filter((c) => !c.ok);
  const bestGood = good[0] ?? null;
  const bestBad = bad[0] ?? null;
  process.stdout.write(
    JSON.stringify({
      id: r.id,
      cluster: r.cluster,
      hasMate: seen.has(r.cluster),
      good: bestGood && { s: bestGood.score, sim: bestGood.similarity, gap: bestGood.gapDays },
      bad: bestBad && { s: bestBad.score, sim: bestBad.similarity, gap: bestBad.gapDays, doc: bestBad.bestDocId },
      cands,
    }) + "\n",
  );
  seen.add(r.cluster);
  g.add(r, r.cluster);
}
