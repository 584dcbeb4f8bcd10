/**
 * Fact-level blindspots: for each figure and each statement reported about an event, the
 * outlets covering the event that never mention it.
 *
 * A figure is a kind and a bound ("killed 62"): "at least 62", "62" and "about 62" all report
 * it; a range "between 62 and 83" reports both of its ends; a vague quantity ("dozens", 24+)
 * is its own figure. A statement is a speaker and the words quoted, compared after
 * normalising case, spacing and punctuation (quote variants that differ in wording are apart).
 */
import { quoteKey, speakerKey } from "./normalise";

export interface BlindspotOutlet {
  key: string;
  name: string;
}

export interface FigureClaimInput {
  id: number;
  kind: string;
  min: number | null;
  max: number | null;
  qualifier: string;
  isContext: boolean;
  outletKey: string;
}

export interface FigureBlindspot {
  /** "killed:62", "killed:~24" (vague). */
  key: string;
  kind: string;
  value: number;
  vague: boolean;
  /** Outlet keys that report the figure, in the order of `outlets`. */
  reportedBy: string[];
  /** Outlet keys covering the event that do not. */
  omittedBy: string[];
  /** How outlets bounded it (distinct min/max/qualifier), most frequent first. */
  forms: { min: number | null; max: number | null; qualifier: string; count: number }[];
  /** One claim per reporting outlet (its first), in the order of `reportedBy`: the evidence. */
  claimIds: number[];
}

export interface StatementInput {
  id: number;
  speaker: string | null;
  speakerMention: string | null;
  text: string;
  outletKey: string;
}

export interface StatementBlindspot {
  key: string;
  /** The speaker as most often written, or null when no speaker was identified. */
  speaker: string | null;
  /** The quote as first written. */
  text: string;
  reportedBy: string[];
  omittedBy: string[];
  /** One statement per reporting outlet (its first), in the order of `reportedBy`. */
  statementIds: number[];
}

const KIND_ORDER = ["killed", "wounded", "missing", "captured", "displaced"];

/** The figures a claim reports: its bound, or both ends of a range; none for context figures. */
export function figureKeys(c: Pick<FigureClaimInput, "kind" | "min" | "max" | "qualifier" | "isContext">): { key: string; value: number; vague: boolean }[] {
  if (c.isContext) return [];
  if (c.qualifier === "vague") {
    const v = c.min ?? c.max;
    return v === null ? [] : [{ key: `${c.kind}:~${v}`, value: v, vague: true }];
  }
  const values = c.qualifier === "range" && c.min !== null && c.max !== null ? [c.min, c.max] : [c.qualifier === "at_most" ? (c.max ?? c.min) : (c.min ?? c.max)];
  return [...new Set(values.filter((v): v is number => v !== null))].map((v) => ({ key: `${c.kind}:${v}`, value: v, vague: false }));
}

/** Outlets that report (with the first item id of each) and outlets that omit, in `outlets` order. */
function split(reporting: Map<string, number>, outlets: BlindspotOutlet[]) {
  const reportedBy = outlets.filter((o) => reporting.has(o.key)).map((o) => o.key);
  return {
    reportedBy,
    omittedBy: outlets.filter((o) => !reporting.has(o.key)).map((o) => o.key),
    ids: reportedBy.map((k) => reporting.get(k)!),
  };
}

/**
 * Each figure reported about the event and the outlets that omit it.
 *
 * @param outlets the outlets covering the event (in display order)
 * @returns figures ordered by how many outlets report them, then kind and value
 */
export function figureBlindspots(claims: FigureClaimInput[], outlets: BlindspotOutlet[]): FigureBlindspot[] {
  return topFigureBlindspots(claims, outlets, Number.POSITIVE_INFINITY).rows;
}

/**
 * The `limit` most widely reported figures of `figureBlindspots`, and how many there are: only
 * those get their outlet lists and forms (a page shows a few of the hundreds of a large event).
 */
export function topFigureBlindspots(claims: FigureClaimInput[], outlets: BlindspotOutlet[], limit: number): { rows: FigureBlindspot[]; total: number } {
  const figures = new Map<string, { kind: string; value: number; vague: boolean; outlets: Map<string, number>; forms: Map<string, FigureBlindspot["forms"][number]> }>();
  for (const c of claims) {
    for (const f of figureKeys(c)) {
      const fig = figures.get(f.key) ?? { kind: c.kind, value: f.value, vague: f.vague, outlets: new Map<string, number>(), forms: new Map() };
      if (!fig.outlets.has(c.outletKey)) fig.outlets.set(c.outletKey, c.id);
      const formKey = `${c.min}|${c.max}|${c.qualifier}`;
      const form = fig.forms.get(formKey) ?? { min: c.min, max: c.max, qualifier: c.qualifier, count: 0 };
      form.count++;
      fig.forms.set(formKey, form);
      figures.set(f.key, fig);
    }
  }
  const rank = (k: string) => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);
  const covering = new Set(outlets.map((o) => o.key));
  const ranked = [...figures]
    .map(([key, f]) => ({ key, f, reporting: reportingCount(f.outlets, covering) }))
    .sort((a, b) => b.reporting - a.reporting || rank(a.f.kind) - rank(b.f.kind) || a.f.value - b.f.value || Number(a.f.vague) - Number(b.f.vague));
  const rows = ranked.slice(0, limit).map(({ key, f }) => {
    const { reportedBy, omittedBy, ids } = split(f.outlets, outlets);
    const forms = [...f.forms.values()].sort((a, b) => b.count - a.count);
    return { key, kind: f.kind, value: f.value, vague: f.vague, reportedBy, omittedBy, forms, claimIds: ids };
  });
  return { rows, total: ranked.length };
}

/** How many reporting outlets are covering ones (the length of split's `reportedBy`, without listing them). */
function reportingCount(reporting: Map<string, number>, covering: Set<string>): number {
  let n = 0;
  for (const k of reporting.keys()) if (covering.has(k)) n++;
  return n;
}

/** `localeCompare` with the default locale, as one collator (a large event sorts thousands of quotes). */
const compare = new Intl.Collator().compare;

/** A normalised quote (single spaces) of three words or more. */
function atLeastThreeWords(words: string): boolean {
  const first = words.indexOf(" ");
  return first !== -1 && words.indexOf(" ", first + 1) !== -1;
}

/**
 * Each statement (same speaker, same normalised words) and the outlets that omit it.
 * Statements too short to identify (under three words) are left out.
 */
export function statementBlindspots(statements: StatementInput[], outlets: BlindspotOutlet[]): StatementBlindspot[] {
  return topStatementBlindspots(statements, outlets, Number.POSITIVE_INFINITY).rows;
}

/**
 * The `limit` most widely reported statements of `statementBlindspots`, and how many there are.
 * Only those get their outlet lists: a large event has thousands of statements and hundreds of
 * outlets, and listing who omits each one cost more than the rest of its blindspots.
 */
export function topStatementBlindspots(
  statements: StatementInput[],
  outlets: BlindspotOutlet[],
  limit: number,
): { rows: StatementBlindspot[]; total: number } {
  const groups = new Map<string, { speakers: Map<string, number>; text: string; outlets: Map<string, number> }>();
  for (const s of statements) {
    const words = quoteKey(s.text);
    if (!atLeastThreeWords(words)) continue;
    const speaker = s.speaker ?? s.speakerMention;
    const key = `${speakerKey(speaker) ?? "?"}|${words}`;
    const g = groups.get(key) ?? { speakers: new Map<string, number>(), text: s.text.trim(), outlets: new Map<string, number>() };
    if (speaker) g.speakers.set(speaker, (g.speakers.get(speaker) ?? 0) + 1);
    if (!g.outlets.has(s.outletKey)) g.outlets.set(s.outletKey, s.id);
    groups.set(key, g);
  }
  const covering = new Set(outlets.map((o) => o.key));
  const ranked = [...groups]
    .map(([key, g]) => {
      const reporting = reportingCount(g.outlets, covering);
      let speaker: string | null = null;
      let count = 0;
      for (const [name, n] of g.speakers) if (speaker === null || n > count || (n === count && compare(name, speaker) < 0)) [speaker, count] = [name, n];
      return { key, speaker, g, reporting };
    })
    .sort((a, b) => b.reporting - a.reporting || compare(a.speaker ?? "\uffff", b.speaker ?? "\uffff") || compare(a.g.text, b.g.text));
  const rows = ranked.slice(0, limit).map(({ key, speaker, g }) => {
    const { reportedBy, omittedBy, ids } = split(g.outlets, outlets);
    return { key, speaker, text: g.text, reportedBy, omittedBy, statementIds: ids };
  });
  return { rows, total: ranked.length };
}
