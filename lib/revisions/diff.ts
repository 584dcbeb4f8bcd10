/**
 * What changed between two versions of an article: title, paragraphs, headline casualty figures.
 * Pure. Paragraph-level on purpose: news corrections add or rewrite sentences and paragraphs, and
 * an analyst wants to read those, not a character diff.
 */
import { contentHash } from "../ingest/keys";
import type { FigureChange, RevisionChanges, RevisionFigure } from "./types";

export interface VersionClaim {
  kind: string;
  min: number | null;
  max: number | null;
  qualifier: string;
  phrase: string;
  isHeadline: boolean;
  isContext: boolean;
}

export interface ArticleVersion {
  title: string;
  text: string;
  claims: VersionClaim[];
}

/** Paragraphs kept in a summary, and characters per paragraph. */
const SHOWN_PARAGRAPHS = 5;
const SHOWN_CHARS = 300;
/** The kinds a summary reports, in this order. */
const KINDS = ["killed", "wounded", "missing", "captured", "displaced"];

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

function words(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

function cut(p: string): string {
  return p.length > SHOWN_CHARS ? `${p.slice(0, SHOWN_CHARS - 1)}…` : p;
}

/** The figure an article leads with for each kind (its headline claim, not context). */
function headlineFigures(claims: VersionClaim[]): Map<string, RevisionFigure> {
  const out = new Map<string, RevisionFigure>();
  for (const c of claims) {
    if (!c.isHeadline || c.isContext || out.has(c.kind)) continue;
    out.set(c.kind, { min: c.min, max: c.max, qualifier: c.qualifier, phrase: c.phrase });
  }
  return out;
}

/** "at least 12", "12–15", "about 40", "12", or the phrase for vague figures. */
export function formatFigure(f: RevisionFigure | null): string {
  if (!f) return "none";
  const n = (v: number | null) => (v === null ? "?" : v.toLocaleString("en-GB"));
  switch (f.qualifier) {
    case "exact":
      return n(f.min ?? f.max);
    case "at_least":
      return `at least ${n(f.min)}`;
    case "at_most":
      return `at most ${n(f.max)}`;
    case "about":
      return `about ${n(f.min ?? f.max)}`;
    case "range":
      return `${n(f.min)}–${n(f.max)}`;
    default:
      return f.phrase ? `"${f.phrase}"` : n(f.min);
  }
}

function sameFigure(a: RevisionFigure | undefined, b: RevisionFigure | undefined): boolean {
  if (!a || !b) return a === b;
  return a.min === b.min && a.max === b.max && a.qualifier === b.qualifier;
}

/** True when the versions differ in title or text (the text compared as contentHash does). */
export function hasChanged(before: { title: string; text: string }, after: { title: string; text: string }): boolean {
  return before.title.trim() !== after.title.trim() || contentHash(before.text) !== contentHash(after.text);
}

/** Summarise what `after` changed relative to `before`. */
export function summariseChanges(before: ArticleVersion, after: ArticleVersion): RevisionChanges {
  const title = before.title.trim() !== after.title.trim() ? { from: before.title, to: after.title } : null;

  let text: RevisionChanges["text"] = null;
  if (contentHash(before.text) !== contentHash(after.text)) {
    const norm = (p: string) => p.toLowerCase();
    const oldParas = paragraphs(before.text);
    const newParas = paragraphs(after.text);
    const oldSet = new Set(oldParas.map(norm));
    const newSet = new Set(newParas.map(norm));
    const added = newParas.filter((p) => !oldSet.has(norm(p)));
    const removed = oldParas.filter((p) => !newSet.has(norm(p)));
    text = {
      wordsBefore: words(before.text),
      wordsAfter: words(after.text),
      addedCount: added.length,
      removedCount: removed.length,
      added: added.slice(0, SHOWN_PARAGRAPHS).map(cut),
      removed: removed.slice(0, SHOWN_PARAGRAPHS).map(cut),
    };
  }

  const oldFigures = headlineFigures(before.claims);
  const newFigures = headlineFigures(after.claims);
  const kinds = [...new Set([...oldFigures.keys(), ...newFigures.keys()])].sort(
    (a, b) => (KINDS.indexOf(a) + 1 || 99) - (KINDS.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  const figures: FigureChange[] = kinds
    .filter((k) => !sameFigure(oldFigures.get(k), newFigures.get(k)))
    .map((k) => ({ kind: k, from: oldFigures.get(k) ?? null, to: newFigures.get(k) ?? null }));

  const parts: string[] = [];
  if (title) parts.push("title changed");
  if (text) {
    // A rewritten paragraph shows up as one removed and one added: call those "changed".
    const changed = Math.min(text.addedCount, text.removedCount);
    const pieces = [
      text.addedCount > changed ? `${text.addedCount - changed} added` : null,
      changed > 0 ? `${changed} changed` : null,
      text.removedCount > changed ? `${text.removedCount - changed} removed` : null,
    ].filter((x): x is string => x !== null);
    parts.push(pieces.length ? `paragraphs: ${pieces.join(", ")}` : "text reworded");
  }
  for (const f of figures) parts.push(`${f.kind}: ${formatFigure(f.from)} → ${formatFigure(f.to)}`);
  return { title, text, figures, summary: parts.join("; ") || "no visible change" };
}

/** Quote wording as compared across versions: case, spacing and quote marks ignored. */
function quoteKey(text: string): string {
  return text.toLowerCase().replace(/["'“”‘’«»]/g, "").replace(/\s+/g, " ").trim();
}

/**
 * The direct quotes `after` added and `before` had that `after` dropped (a reworded quote is one
 * of each), in text order; null when the quotes are the same.
 */
export function diffQuotes(before: string[], after: string[]): { added: string[]; removed: string[] } | null {
  const oldKeys = new Set(before.map(quoteKey));
  const newKeys = new Set(after.map(quoteKey));
  const added = [...new Set(after.filter((q) => !oldKeys.has(quoteKey(q))))];
  const removed = [...new Set(before.filter((q) => !newKeys.has(quoteKey(q))))];
  return added.length || removed.length ? { added, removed } : null;
}
