/**
 * Throughput of the grouper on synthetic streams built from the dev set (NOT part of the library;
 * reads files). Each copy k of the dev set gets new ids, copy-specific names and numbers (every
 * capitalised word and number gets a suffix, so copies are different incidents, not duplicates)
 * and shifted dates.
 *   npx tsx scripts/dev/cluster/bench.ts [copies=20] [mode=dense|spread]
 * dense:  all copies inside the dev period (dates shifted by k days): density grows with size.
 * spread: copy k shifted by k x 5 years: constant density, the stream grows in time.
 * Prints cost per article for each block of 1,000 articles, then the total.
 * batch:  groupDocuments (the CLI path, with its IDF warm-up) on the first 1k, 5k, 10k, all
 *         articles of the dense stream.
 */
import { EventGrouper, groupDocuments, parseDay, type ClusterDoc } from "../../../lib/cluster";
import { hashString } from "../../../lib/cluster/hash";
import { loadRows } from "./eval-dev";

const copies = Number(process.argv[2] ?? 20);
const mode = process.argv[3] ?? "dense";
const base = loadRows(process.env.DEV ?? "/work/shared/eval/clustering-dev.jsonl");
const suffix = (k: number) => (k === 0 ? "" : String.fromCharCode(97 + (k % 26)) + (k >= 26 ? String(Math.floor(k / 26)) : ""));
// Names, numbers and about half of the other words (chosen by a hash of the word) get a
// copy-specific suffix: copies read like different incidents told in similar words.
const mutate = (s: string, k: number) =>
  k === 0
    ? s
    : s.replace(/\b([A-Z][a-z]+|\d+|[a-z]{4,})\b/g, (m) => (/^[a-z]/.test(m) && (hashString(m, k) & 1) === 0 ? m : m + suffix(k)));
const shift = (date: string | null, days: number) => {
  const d = parseDay(date);
  return d === null ? null : new Date((d + days) * 86_400_000).toISOString().slice(0, 10);
};
const docs: ClusterDoc[] = [];
for (let k = 0; k < copies; k++) {
  for (const r of base) {
    docs.push({
      id: `${r.id}-${k}`,
      title: mutate(r.title, k),
      text: mutate(r.text, k),
      date: shift(r.date, mode === "spread" ? k * 5 * 365 : k),
      outlet: r.outlet,
      url: r.url,
    });
  }
}
docs.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
const chars = docs.reduce((n, d) => n + d.text.length + d.title.length, 0);
if (mode === "batch") {
  groupDocuments(docs.slice(0, 2000)); // JIT warm-up
  const reps = Number(process.env.REPS ?? 3);
  for (const n of [1000, 5000, 10000, docs.length]) {
    const part = docs.slice(0, n);
    const times: number[] = [];
    for (let r = 0; r < reps; r++) {
      const t = performance.now();
      groupDocuments(part);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const best = times[0] ?? 0;
    const median = times[Math.floor(times.length / 2)] ?? 0;
    console.log(
      `groupDocuments ${String(n).padStart(6)} docs: best of ${reps} ${best.toFixed(0)} ms = ${(n / (best / 1000)).toFixed(0)} docs/s ` +
        `(median ${(n / (median / 1000)).toFixed(0)} docs/s)`,
    );
  }
  process.exit(0);
}
if (process.env.WARM) groupDocuments(docs.slice(0, 2000)); // JIT warm-up
const g = new EventGrouper();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let tBlock = t0;
for (let i = 0; i < docs.length; i++) {
  g.assign(docs[i]!);
  if ((i + 1) % 1000 === 0 || i === docs.length - 1) {
    const now = performance.now();
    const n = (i % 1000) + 1;
    console.log(`docs ${String(i + 1).padStart(6)}  ${((now - tBlock) / n * 1000).toFixed(0).padStart(5)} us/doc  indexed ${g.indexedDocs}`);
    tBlock = now;
  }
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(
  `${mode}: ${docs.length} docs (${(chars / 1e6).toFixed(1)} MB): wall ${ms.toFixed(0)} ms = ${(docs.length / (ms / 1000)).toFixed(0)} docs/s; ` +
    `CPU ${cpuMs.toFixed(0)} ms = ${(docs.length / (cpuMs / 1000)).toFixed(0)} docs/s (assign only)`,
);
