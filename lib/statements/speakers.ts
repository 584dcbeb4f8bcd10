/**
 * Who said it: speaker names normalised and compared, so "Centcom", "US Central Command" and
 * "U.S. Central Command (Centcom)" are one speaker, "the ministry" fits "the Russian Defence
 * Ministry", and "the Pentagon" versus "Centcom" is a conflict an analyst should see.
 */
import type { SpeakerRelation } from "./similarity";

/** Pronouns and bare determiners: a mention that names nobody (the extractor resolves what it can). */
const PRONOUNS = new Set(["he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "one", "this", "that", "who"]);

/**
 * Words that say which role of an organisation spoke, not which organisation: "a coalition
 * spokesperson" speaks for the coalition, "an anonymous Centcom official" for Centcom. They are
 * dropped when comparing who is behind a statement.
 */
const ROLE_WORDS = new Set(
  (
    "a an the anonymous unnamed senior top high-ranking high ranking spokesperson spokesman spokeswoman spokespeople " +
    "spokesmen spokeswomen official officials source sources representative representatives officer officers " +
    "statement statements office press account communique communiqué release said says told of for from to at in on " +
    "and by with his her its their our"
  ).split(" "),
);

/** Spelling variants folded before comparing ("defence"/"defense", "U.S."/"US"). */
const SPELLINGS: ReadonlyMap<string, string> = new Map([
  ["defence", "defense"],
  ["organisation", "organization"],
  ["programme", "program"],
  ["centre", "center"],
  ["u.s", "us"],
  ["u.s.", "us"],
  ["u.n", "un"],
  ["u.n.", "un"],
  ["u.k", "uk"],
  ["u.k.", "uk"],
]);

/**
 * Organisations known under a name that neither contains the other nor abbreviates it. Kept
 * short on purpose: a wrong alias would hide a real misattribution. Each entry lists equivalent
 * normalised names; the first is the canonical one.
 */
const ALIASES: readonly (readonly string[])[] = [
  ["pentagon", "us department of defense", "us defense department", "department of defense", "defense department", "dod"],
  ["united nations", "un"],
  ["united states", "us", "usa"],
  ["united kingdom", "uk", "britain"],
  ["european union", "eu"],
  ["kremlin", "russian presidency"],
  ["white house", "us presidency"],
];

const ALIAS_OF: ReadonlyMap<string, string> = new Map(ALIASES.flatMap((names) => names.map((n) => [n, names[0]!] as const)));

/** Lower-case, apostrophes folded, possessives and leading articles dropped, spellings folded. */
export function normalizeSpeakerName(name: string): string {
  const words = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/'s\b/g, "")
    .replace(/[^\p{L}\p{N}.'\s-]+/gu, " ")
    .split(/\s+/)
    .map((w) => w.replace(/^[.'-]+|[.'-]+$/g, ""))
    .filter(Boolean)
    .map((w) => SPELLINGS.get(w) ?? SPELLINGS.get(`${w}.`) ?? w.replace(/\./g, ""));
  while (words.length > 1 && (words[0] === "the" || words[0] === "a" || words[0] === "an")) words.shift();
  return words.join(" ");
}

/** The statement fields that say who spoke. */
export interface SpeakerFields {
  speaker: string | null;
  speakerMention: string | null;
  affiliation?: string | null;
}

/**
 * The speaker as a reader would name it: the resolved speaker (a pronoun already resolved by the
 * extractor), else the mention unless it is a bare pronoun, else null.
 */
export function speakerLabel(s: SpeakerFields): string | null {
  const speaker = s.speaker?.trim();
  if (speaker && !PRONOUNS.has(normalizeSpeakerName(speaker))) return speaker;
  const mention = s.speakerMention?.trim();
  if (mention && !PRONOUNS.has(normalizeSpeakerName(mention))) return mention;
  return null;
}

export interface SpeakerProfile {
  /** How the outlet named the speaker. */
  label: string;
  /** Equivalent normalised names: the name, a parenthesised alias ("(Centcom)"), alias-table names. */
  names: ReadonlySet<string>;
  /** Who is behind it: content words of the name and affiliation, role words dropped, aliases expanded. */
  core: ReadonlySet<string>;
}

function addAliases(names: Set<string>): void {
  for (const n of [...names]) {
    const canonical = ALIAS_OF.get(n);
    if (canonical) for (const group of ALIASES) if (group[0] === canonical) for (const a of group) names.add(a);
  }
}

/** A comparable profile of a statement's speaker, or null when it names nobody. */
export function speakerProfile(s: SpeakerFields): SpeakerProfile | null {
  const label = speakerLabel(s);
  if (!label) return null;
  const names = new Set<string>();
  const outer = label.replace(/\(([^)]*)\)/g, " ").trim();
  if (normalizeSpeakerName(outer)) names.add(normalizeSpeakerName(outer));
  for (const m of label.matchAll(/\(([^)]*)\)/g)) if (m[1] && normalizeSpeakerName(m[1])) names.add(normalizeSpeakerName(m[1]));
  addAliases(names);
  const core = new Set<string>();
  const parts = [...names, s.affiliation ? normalizeSpeakerName(s.affiliation) : ""];
  for (const n of parts) for (const w of n.split(/[\s-]+/)) if (w && !ROLE_WORDS.has(w)) core.add(w);
  // Alias-table names of the core's own words ("the Pentagon official" is the Pentagon).
  for (const w of [...core]) {
    const canonical = ALIAS_OF.get(w);
    if (canonical) for (const group of ALIASES) if (group[0] === canonical) for (const a of group) for (const x of a.split(" ")) core.add(x);
  }
  return { label, names, core };
}

/**
 * Whether `short` (one word, no spaces) abbreviates `long` by taking a non-empty prefix of each
 * of its words in order: "centcom" = CENTral COMmand, "icrc" = International Committee (of the)
 * Red Cross, "sohr". Function words may be skipped anywhere, and one leading qualifier ("US" in
 * "US Central Command"); every other word must contribute. Abbreviations shorter than three
 * letters are too ambiguous ("un" would fit "US Navy") and are left to the alias table.
 */
export function abbreviates(short: string, long: string): boolean {
  if (short.length < 3 || /\s/.test(short)) return false;
  const words = long.split(/[\s-]+/).filter(Boolean);
  if (words.length < 2) return false;
  const skippable = (w: string) => ["of", "the", "for", "and", "on", "in", "de", "du", "la", "le", "des"].includes(w);
  const go = (si: number, wi: number, used: number): boolean => {
    if (si === short.length) return wi === words.length ? used >= 2 : words.slice(wi).every(skippable) && used >= 2;
    if (wi >= words.length) return false;
    const w = words[wi]!;
    if ((skippable(w) || (wi === 0 && words.length > 2)) && go(si, wi + 1, used)) return true;
    for (let k = 1; k <= w.length && si + k <= short.length; k++) {
      if (short[si + k - 1] !== w[k - 1]) break;
      if (go(si + k, wi + 1, used + 1)) return true;
    }
    return false;
  };
  return go(0, 0, 0);
}

function isSubset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

const NAME_FUNCTION_WORDS = new Set(["of", "the", "for", "and", "de", "du", "la", "le", "des"]);
/** A name's words in sorted order without function words: "ministry of defense" = "defense ministry". */
const wordSet = (n: string) => n.split(/[\s-]+/).filter((w) => w && !NAME_FUNCTION_WORDS.has(w)).sort().join(" ");

/** Same speaker by name: a shared normalised name, the same words in any order, or an abbreviation. */
function sameName(a: SpeakerProfile, b: SpeakerProfile): boolean {
  for (const n of a.names) {
    if (b.names.has(n)) return true;
    const sortedA = wordSet(n);
    for (const m of b.names) {
      if (sortedA && wordSet(m) === sortedA) return true;
      if (abbreviates(n, m) || abbreviates(m, n)) return true;
    }
  }
  return false;
}

/**
 * How two statements' speakers relate:
 * - `same`: the same name, the same words in another order, an abbreviation ("Centcom" and "US
 *   Central Command") or a known alias ("the Pentagon" and "the US Department of Defense");
 * - `compatible`: one is a generic or partial form of the other ("the ministry" and "the Russian
 *   Defence Ministry", "a spokesperson" and "a coalition spokesperson", "Churkin" and "Vitaly
 *   Churkin");
 * - `unknown`: one names nobody (no speaker, or an unresolved pronoun);
 * - `conflict`: two different, specific speakers.
 */
export function compareSpeakers(a: SpeakerProfile | null, b: SpeakerProfile | null): SpeakerRelation {
  if (!a || !b) return "unknown";
  if (sameName(a, b)) return "same";
  if (a.core.size === 0 || b.core.size === 0) return "compatible";
  if (isSubset(a.core, b.core) || isSubset(b.core, a.core)) return "compatible";
  return "conflict";
}

/** One way a group's statement was attributed, and who attributed it that way. */
export interface Attribution<M> {
  /** The speaker as most of these outlets named it; null for "no speaker named". */
  speaker: string | null;
  members: M[];
}

export interface AttributionSummary<M> {
  attributions: Attribution<M>[];
  /** True when at least two outlets name different, specific speakers. */
  conflict: boolean;
}

/**
 * The distinct attributions of a group's members. Members whose speakers are the same are one
 * attribution; a generic or partial speaker joins the specific one it fits when it fits exactly
 * one ("the ministry" joins "the Russian Defence Ministry"), and otherwise stays on its own
 * without creating a conflict. `conflict` is set when two remaining attributions name speakers
 * that conflict. Deterministic: attributions come out ordered by size, then name.
 */
export function summariseAttributions<M>(members: readonly M[], fields: (m: M) => SpeakerFields): AttributionSummary<M> {
  /** `profiles` are distinct; `labels` has one entry per member (for the most frequent name). */
  type Cluster = { profiles: SpeakerProfile[]; labels: string[]; members: M[] };
  const unnamed: M[] = [];
  // Members naming the speaker identically share one profile (wire copies repeat it many times).
  const named: { p: SpeakerProfile; members: M[] }[] = [];
  const byKey = new Map<string, { p: SpeakerProfile; members: M[] }>();
  for (const m of members) {
    const f = fields(m);
    const label = speakerLabel(f);
    if (!label) {
      unnamed.push(m);
      continue;
    }
    const key = `${label}\u0001${f.affiliation ?? ""}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { p: speakerProfile(f)!, members: [] };
      byKey.set(key, entry);
      named.push(entry);
    }
    entry.members.push(m);
  }
  // Union-find over "same" (or the same organisation behind it: "a Harbor Command spokesperson"
  // and "Harbor Command"); the closure does not depend on the members' order.
  const parent = named.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const sameCore = (a: SpeakerProfile, b: SpeakerProfile) => a.core.size > 0 && a.core.size === b.core.size && isSubset(a.core, b.core);
  for (let i = 0; i < named.length; i++)
    for (let j = i + 1; j < named.length; j++) {
      const [a, b] = [named[i]!.p, named[j]!.p];
      if (compareSpeakers(a, b) === "same" || sameCore(a, b)) parent[find(j)] = find(i);
    }
  const byRoot = new Map<number, Cluster>();
  named.forEach(({ p, members: ms }, i) => {
    const c = byRoot.get(find(i)) ?? { profiles: [], labels: [], members: [] };
    c.profiles.push(p);
    for (const m of ms) {
      c.labels.push(p.label);
      c.members.push(m);
    }
    byRoot.set(find(i), c);
  });

  const relation = (a: Cluster, b: Cluster): SpeakerRelation => {
    let best: SpeakerRelation = "conflict";
    for (const p of a.profiles)
      for (const q of b.profiles) {
        const r = compareSpeakers(p, q);
        if (r === "same") return r;
        if (r === "compatible") best = r;
      }
    return best;
  };
  const coreSize = (c: Cluster) => Math.max(...c.profiles.map((p) => p.core.size));
  // From the most generic up, a cluster joins the one more specific cluster it fits, if only one.
  let live = [...byRoot.values()].sort((a, b) => coreSize(a) - coreSize(b) || displayName(a.labels).localeCompare(displayName(b.labels)));
  for (const c of [...live]) {
    const hosts = live.filter((o) => o !== c && coreSize(o) > coreSize(c) && relation(c, o) === "compatible");
    if (hosts.length !== 1) continue;
    hosts[0]!.profiles.push(...c.profiles);
    hosts[0]!.labels.push(...c.labels);
    hosts[0]!.members.push(...c.members);
    live = live.filter((o) => o !== c);
  }
  let conflict = false;
  for (let i = 0; i < live.length && !conflict; i++)
    for (let j = i + 1; j < live.length && !conflict; j++) if (relation(live[i]!, live[j]!) === "conflict") conflict = true;

  const order = new Map(members.map((m, i) => [m, i]));
  const inOrder = (list: M[]) => [...list].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const attributions: Attribution<M>[] = live.map((c) => ({ speaker: displayName(c.labels), members: inOrder(c.members) }));
  attributions.sort((a, b) => b.members.length - a.members.length || (a.speaker ?? "").localeCompare(b.speaker ?? ""));
  if (unnamed.length) attributions.push({ speaker: null, members: unnamed });
  return { attributions, conflict };
}

/** The most frequent label, then the most specific (longest), then alphabetical. */
function displayName(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0]![0];
}

/**
 * "Attributed to US Central Command by Mondialisation.ca; to the Pentagon by Harbour Times, The
 * Meridian Post": one clause per attribution, outlets named once each, in the order given.
 */
export function describeAttributions<M>(attributions: readonly Attribution<M>[], outletName: (m: M) => string): string {
  const clauses = attributions.map((a) => {
    const outlets = [...new Set(a.members.map(outletName))].join(", ");
    return a.speaker === null ? `no speaker named by ${outlets}` : `to ${a.speaker} by ${outlets}`;
  });
  const text = clauses.join("; ");
  return `Attributed ${text}`.replace(/^Attributed no speaker/, "No speaker");
}
