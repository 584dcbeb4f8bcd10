/**
 * Development harness (NOT part of the library; reads files): groups the clustering dev set
 * in-process and prints pairwise and B-cubed scores, optionally on one half of the gold clusters.
 *
 *   npx tsx scripts/dev/cluster/eval-dev.ts [path.jsonl] [--opts '{"threshold":0.25}'] [--half 0|1]
 */
import { readFileSync } from "node:fs";
import { groupDocuments, type ClusterDoc, type GrouperOptions } from "../../../lib/cluster";
import { hashString } from "../../../lib/cluster/hash";

interface Row extends ClusterDoc {
  cluster: string;
}

export function loadRows(path: string): Row[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const r = JSON.parse(l) as Record<string, unknown>;
      return {
        id: String(r.id),
        title: (r.title as string) ?? "",
        text: (r.text as string) ?? "",
        date: (r.date as string | null) ?? null,
        outlet: ((r.outlet ?? r.source) as string | null) ?? null,
        url: (r.url as string | null) ?? null,
        cluster: String(r.cluster),
      };
    });
}

export function scoreClustering(gold: Map<string, string>, sys: Map<string, string>) {
  const c2 = (n: number) => (n * (n - 1)) / 2;
  const g = new Map<string, number>();
  const s = new Map<string, number>();
  const cell = new Map<string, number>();
  for (const [id, gl] of gold) {
    const sl = sys.get(id) ?? `__single__${id}`;
    g.set(gl, (g.get(gl) ?? 0) + 1);
    s.set(sl, (s.get(sl) ?? 0) + 1);
    const k = gl + "\u0000" + sl;
    cell.set(k, (cell.get(k) ?? 0) + 1);
  }
  let tp = 0, tpfp = 0, tpfn = 0;
  for (const n of cell.values()) tp += c2(n);
  for (const n of s.values()) tpfp += c2(n);
  for (const n of g.values()) tpfn += c2(n);
  const pp = tpfp ? tp / tpfp : 0, pr = tpfn ? tp / tpfn : 0;
  let bp = 0, br = 0;
  for (const [id, gl] of gold) {
    const sl = sys.get(id) ?? `__single__${id}`;
    const c = cell.get(gl + "\u0000" + sl) ?? 0;
    bp += c / (s.get(sl) ?? 1);
    br += c / (g.get(gl) ?? 1);
  }
  bp /= gold.size; br /= gold.size;
  const f = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  return { pp, pr, pf: f(pp, pr), bp, br, bf: f(bp, br), sysClusters: s.size, goldClusters: g.size };
}

function main(): void {
  const args = process.argv.slice(2);
  const path = args.find((a, i) => !a.startsWith("--") && !(args[i - 1] ?? "").startsWith("--")) ?? "/work/shared/eval/clustering-dev.jsonl";
  const oi = args.indexOf("--opts");
  const opts = (oi >= 0 ? JSON.parse(args[oi + 1] ?? "{}") : {}) as Partial<GrouperOptions>;
  const hi = args.indexOf("--half");
  let rows = loadRows(path);
  if (hi >= 0) {
    const half = Number(args[hi + 1]);
    rows = rows.filter((r) => (hashString(r.cluster, 7) & 1) === half);
  }
  const t0 = performance.now();
  const out = groupDocuments(rows, opts);
  const ms = performance.now() - t0;
  const gold = new Map(rows.map((r) => [r.id, r.cluster]));
  const sys = new Map([...out].map(([id, a]) => [id, a.eventId]));
  const m = scoreClustering(gold, sys);
  const dups = [...out.values()].filter((a) => a.duplicateOf).length;
  console.log(
    `n=${rows.length} pairwise P/R/F1 ${m.pp.toFixed(3)}/${m.pr.toFixed(3)}/${m.pf.toFixed(3)}  ` +
      `B3 P/R/F1 ${m.bp.toFixed(3)}/${m.br.toFixed(3)}/${m.bf.toFixed(3)}  clusters ${m.sysClusters}/${m.goldClusters}  dups ${dups}  ${ms.toFixed(0)} ms`,
  );
}

if (process.argv[1]?.endsWith("eval-dev.ts")) main();
