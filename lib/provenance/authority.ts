/**
 * The comparison pivoted by original authority: one row per authority ("Russian Defence
 * Ministry", "Syrian Observatory for Human Rights", "Unattributed"), one column per kind, and
 * in each cell the figures that authority gave with the outlets that relayed them.
 */
import { authorityKey, authorityLabel, UNATTRIBUTED } from "./normalise";

export interface AuthorityClaimInput {
  id: number;
  kind: string;
  min: number | null;
  max: number | null;
  qualifier: string;
  authority: string | null;
  isContext: boolean;
  outletKey: string;
  outletName: string;
  /** The article is a copy of another (not independent confirmation). */
  copy: boolean;
  /** ISO publication time of the article, for ordering. */
  publishedAt: string | null;
}

export interface AuthorityFigure<C extends AuthorityClaimInput> {
  /** kind|min|max|qualifier: the figure exactly as bounded. */
  key: string;
  /** Every claim of this figure under this authority, earliest first (independent before copies at equal time). */
  claims: C[];
  /** The outlets that relayed it, in order of first report; `copy` when every one of its claims is a copy. */
  outlets: { key: string; name: string; copy: boolean }[];
}

export interface AuthorityRow<C extends AuthorityClaimInput> {
  key: string;
  /** The most frequent way the authority was written, without a leading "the"; "Unattributed" for none. */
  label: string;
  /** Figures by kind, most relayed first. */
  byKind: Record<string, AuthorityFigure<C>[]>;
  /** Distinct outlets relaying this authority's figures. */
  outletCount: number;
  claimCount: number;
}

export const UNATTRIBUTED_LABEL = "Unattributed";

function time(iso: string | null): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? Infinity : t;
}

/**
 * Group claims by their normalised authority, then by kind and exact figure. Context figures
 * (other incidents, war totals) are left out. Rows are ordered by how many outlets relay the
 * authority; "Unattributed" comes last.
 */
export function groupByAuthority<C extends AuthorityClaimInput>(claims: C[]): AuthorityRow<C>[] {
  const rows = new Map<string, { spellings: Map<string, number>; claims: C[] }>();
  for (const c of claims) {
    if (c.isContext) continue;
    const key = authorityKey(c.authority);
    const row = rows.get(key) ?? { spellings: new Map<string, number>(), claims: [] };
    if (c.authority && key !== UNATTRIBUTED) {
      const label = authorityLabel(c.authority);
      row.spellings.set(label, (row.spellings.get(label) ?? 0) + 1);
    }
    row.claims.push(c);
    rows.set(key, row);
  }

  const out: AuthorityRow<C>[] = [];
  for (const [key, { spellings, claims: list }] of rows) {
    const label =
      key === UNATTRIBUTED
        ? UNATTRIBUTED_LABEL
        : [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? key;
    const figures = new Map<string, C[]>();
    for (const c of list) {
      const fk = `${c.kind}|${c.min ?? ""}|${c.max ?? ""}|${c.qualifier}`;
      figures.set(fk, [...(figures.get(fk) ?? []), c]);
    }
    const byKind: Record<string, AuthorityFigure<C>[]> = {};
    for (const [fk, cs] of figures) {
      cs.sort((a, b) => time(a.publishedAt) - time(b.publishedAt) || Number(a.copy) - Number(b.copy) || a.id - b.id);
      const outlets: AuthorityFigure<C>["outlets"] = [];
      for (const c of cs) {
        const seen = outlets.find((o) => o.key === c.outletKey);
        if (!seen) outlets.push({ key: c.outletKey, name: c.outletName, copy: c.copy });
        else if (!c.copy) seen.copy = false;
      }
      (byKind[cs[0]!.kind] ??= []).push({ key: fk, claims: cs, outlets });
    }
    for (const figs of Object.values(byKind)) {
      figs.sort(
        (a, b) =>
          b.outlets.length - a.outlets.length ||
          (a.claims[0]!.min ?? a.claims[0]!.max ?? 0) - (b.claims[0]!.min ?? b.claims[0]!.max ?? 0) ||
          a.key.localeCompare(b.key),
      );
    }
    out.push({ key, label, byKind, outletCount: new Set(list.map((c) => c.outletKey)).size, claimCount: list.length });
  }
  return out.sort(
    (a, b) =>
      Number(a.key === UNATTRIBUTED) - Number(b.key === UNATTRIBUTED) ||
      b.outletCount - a.outletCount ||
      b.claimCount - a.claimCount ||
      a.label.localeCompare(b.label),
  );
}
