/**
 * Development harness (NOT part of the library; reads files): how often an event's chosen main
 * place is named in the articles of its gold incident, on the clustering dev set.
 *
 *   npx tsx scripts/dev/places/eval-dev.ts [path.jsonl] [--show N]
 *
 * Events are the system's own (groupDocuments, as `parallax cluster`); each is scored against the
 * gold incident most of its articles belong to. A place "appears" when its name (accents and
 * case folded, whole words) occurs in the title or text of at least one article of that incident.
 * Also printed: the same for places chosen from the gold incidents directly, and the time per
 * article of the place and day extraction.
 */
import { groupDocuments } from "../../../lib/cluster";
import { choosePlace, findEventDay, findPlaces, getGazetteer, placeKey, type PlaceCandidate } from "../../../lib/places";
import { readFileSync } from "node:fs";

function loadRows(file: string) {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as { id: string; title: string; text: string; date: string | null; outlet: string | null; url: string | null; cluster: string })
    .map((r) => ({ ...r, title: r.title ?? "", text: r.text ?? "", outlet: r.outlet ?? (r as { source?: string }).source ?? null }));
}

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a)) ?? "../shared/eval/clustering-dev.jsonl";
const showAt = args.indexOf("--show");
const show = showAt >= 0 ? Number(args[showAt + 1] ?? 20) : 0;
const rows = loadRows(path);

getGazetteer();
let t0 = performance.now();
const places = new Map<string, PlaceCandidate[]>();
for (const r of rows) places.set(r.id, findPlaces({ title: r.title, text: r.text }));
const placeMs = performance.now() - t0;
t0 = performance.now();
for (const r of rows) findEventDay({ title: r.title, text: r.text, publishedAt: r.date, language: "en" });
const dayMs = performance.now() - t0;

const folded = new Map(rows.map((r) => [r.id, ` ${placeKey(`${r.title} ${r.text}`)} `]));
const goldMembers = new Map<string, string[]>();
for (const r of rows) goldMembers.set(r.cluster, [...(goldMembers.get(r.cluster) ?? []), r.id]);
const goldOf = new Map(rows.map((r) => [r.id, r.cluster]));
const titleOf = new Map(rows.map((r) => [r.id, r.title]));

function score(groups: Map<string, string[]>, label: string) {
  let withPlace = 0;
  let hit = 0;
  let share = 0;
  let majority = 0;
  const misses: string[] = [];
  for (const ids of groups.values()) {
    const chosen = choosePlace(ids.map((id) => places.get(id) ?? []));
    if (!chosen) continue;
    withPlace++;
    const votes = new Map<string, number>();
    for (const id of ids) votes.set(goldOf.get(id)!, (votes.get(goldOf.get(id)!) ?? 0) + 1);
    const gold = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const needle = ` ${placeKey(chosen.name)} `;
    const members = goldMembers.get(gold)!;
    const named = members.filter((id) => folded.get(id)!.includes(needle)).length;
    if (named > 0) hit++;
    else misses.push(`${chosen.label}  <-  ${titleOf.get(ids[0]!)}`);
    share += named / members.length;
    if (named * 2 > members.length) majority++;
  }
  const n = groups.size;
  console.log(
    `${label}: ${n} events, ${withPlace} with a place (${((100 * withPlace) / n).toFixed(1)}%); ` +
      `named in the gold incident's articles: ${hit}/${withPlace} = ${(hit / withPlace).toFixed(3)}; ` +
      `in most of them: ${(majority / withPlace).toFixed(3)}; mean share of the incident's articles naming it: ${(share / withPlace).toFixed(3)}`,
  );
  for (const m of misses.slice(0, show)) console.log(`  miss: ${m}`);
}

const assignments = groupDocuments(rows);
const system = new Map<string, string[]>();
for (const [id, a] of assignments) system.set(a.eventId, [...(system.get(a.eventId) ?? []), id]);
score(system, "system events");
score(goldMembers, "gold incidents");
console.log(`findPlaces ${(placeMs / rows.length).toFixed(3)} ms/article, findEventDay ${(dayMs / rows.length).toFixed(3)} ms/article (${rows.length} articles)`);
