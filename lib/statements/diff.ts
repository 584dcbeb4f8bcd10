import { diffArrays } from "diff";
import { normalizeQuote } from "./normalize";

/**
 * One run of a variant's wording compared with the reference:
 * - `equal`: the same words (`text` as the variant prints them);
 * - `omitted`: reference words the variant leaves out (`text` is the reference's words);
 * - `added`: words only the variant has;
 * - `changed`: the variant's words (`text`) in place of the reference's (`from`).
 */
export type DiffOp =
  | { op: "equal"; text: string }
  | { op: "omitted"; text: string }
  | { op: "added"; text: string }
  | { op: "changed"; text: string; from: string };

/** Word counts of a diff. A changed run of r reference words and a variant words counts min(r, a) changed words and the excess as omitted or added. */
export interface DiffSummary {
  omitted: number;
  changed: number;
  added: number;
  /** True when the wordings have the same words (case, punctuation, ellipses and brackets aside). */
  identical: boolean;
}

export interface WordDiff {
  ops: DiffOp[];
  summary: DiffSummary;
}

interface WordToken {
  /** As printed, with the punctuation around it ("position,"), and any ellipsis after it. */
  surface: string;
  /** What is compared: the normalised word(s). */
  key: string;
}

/**
 * Words as printed, each with the key it is compared on. Ellipses separate words ("it...highlights"
 * is two words); a token that is only punctuation ("…", "—") is glued to the word before it (or,
 * at the start, after it), so it is displayed but never counted as a word.
 */
export function wordTokens(text: string): WordToken[] {
  const raw = text
    .replace(/(…|\.{3,})(?=\S)/g, "$1 ")
    .split(/\s+/)
    .filter(Boolean);
  const out: WordToken[] = [];
  let pending = "";
  for (const surface of raw) {
    const key = normalizeQuote(surface.replace(/[[\]]/g, ""));
    if (!key) {
      if (out.length) out[out.length - 1]!.surface += ` ${surface}`;
      else pending += `${surface} `;
      continue;
    }
    out.push({ surface: pending + surface, key });
    pending = "";
  }
  if (pending && out.length === 0) return [];
  return out;
}

const join = (tokens: readonly WordToken[]) => tokens.map((t) => t.surface).join(" ");

/**
 * Word-level diff of a variant against the reference wording (jsdiff's `diffArrays` over word
 * tokens, compared case-, punctuation- and bracket-insensitively). Adjacent removed and added
 * runs are reported as one `changed` run.
 */
export function wordDiff(reference: string, variant: string): WordDiff {
  const ref = wordTokens(reference);
  const vari = wordTokens(variant);
  const changes = diffArrays(ref, vari, { comparator: (a, b) => a.key === b.key });
  const ops: DiffOp[] = [];
  const summary: DiffSummary = { omitted: 0, changed: 0, added: 0, identical: true };
  let removed: WordToken[] = [];
  let added: WordToken[] = [];
  const flush = () => {
    if (removed.length && added.length) {
      ops.push({ op: "changed", text: join(added), from: join(removed) });
      const n = Math.min(removed.length, added.length);
      summary.changed += n;
      summary.omitted += removed.length - n;
      summary.added += added.length - n;
    } else if (removed.length) {
      ops.push({ op: "omitted", text: join(removed) });
      summary.omitted += removed.length;
    } else if (added.length) {
      ops.push({ op: "added", text: join(added) });
      summary.added += added.length;
    }
    removed = [];
    added = [];
  };
  for (const c of changes) {
    if (c.removed) removed.push(...c.value);
    else if (c.added) added.push(...c.value);
    else {
      flush();
      // With a custom comparator jsdiff hands back the *new* (variant) tokens for common runs.
      ops.push({ op: "equal", text: join(c.value) });
    }
  }
  flush();
  summary.identical = summary.omitted + summary.changed + summary.added === 0;
  return { ops, summary };
}

/** "3 omitted · 1 changed · 2 added", or "identical wording". */
export function describeDiff(s: DiffSummary): string {
  if (s.identical) return "identical wording";
  const parts: string[] = [];
  if (s.omitted) parts.push(`${s.omitted} omitted`);
  if (s.changed) parts.push(`${s.changed} changed`);
  if (s.added) parts.push(`${s.added} added`);
  return parts.join(" · ");
}
