/**
 * Change detection for follows, pure: what a followed event looks like (a snapshot), what changed
 * between two snapshots, and which changes an article revision or a new article makes. The
 * database side (lib/pipeline/follow-changes.ts) loads states, calls these and stores the result.
 *
 * Every change has a `key` unique within its follow and derived only from the data, so running
 * detection twice over the same data records each change once.
 */
import { createHash } from "node:crypto";
import type { ChangeKind } from "../schemas/follows";

/** One independent figure of an event as detection compares it: kind, bounds, authority. */
export interface StateFigure {
  kind: string;
  min: number | null;
  max: number | null;
  qualifier: string;
  authority: string | null;
  phrase: string;
  articleId: string;
  outletKey: string;
}

/** A followed event as it is now (loaded by lib/queries/follows.ts). */
export interface EventState {
  eventId: string;
  title: string;
  divergence: number | null;
  /** Member articles in publication order (then id). */
  articles: { id: string; title: string; outletKey: string; outletName: string }[];
  /** Figures about this event (context figures excluded). */
  figures: StateFigure[];
}

/** What detection remembers of a followed event (Follow.snapshot). */
export interface EventSnapshot {
  v: 1;
  exists: boolean;
  outlets: string[];
  figures: string[];
  articles: string[];
  divergence: number | null;
}

/** A change ready to store. */
export interface ChangeDraft {
  kind: ChangeKind;
  key: string;
  summary: string;
  payload: Record<string, unknown>;
  eventId: string | null;
  articleId: string | null;
}

const bound = (v: number | null) => (v === null ? "" : String(v));

/** The identity of a figure: kind, bounds and authority ("killed:62-:health ministry"). */
export function figureSignature(f: Pick<StateFigure, "kind" | "min" | "max" | "authority">): string {
  return `${f.kind}:${bound(f.min)}-${bound(f.max)}:${(f.authority ?? "").trim().toLowerCase()}`;
}

/** A figure as a person reads it: "at least 62 killed (health ministry)". */
export function describeFigure(f: Pick<StateFigure, "kind" | "min" | "max" | "phrase" | "authority">): string {
  const amount =
    f.min !== null && f.max !== null && f.min !== f.max ? `${f.min}–${f.max}` : f.min !== null && f.max === null ? `at least ${f.min}` : String(f.min ?? f.max ?? f.phrase);
  return `${amount} ${f.kind}${f.authority ? ` (${f.authority})` : ""}`;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** The snapshot of an event state; `null` state = the event no longer exists. */
export function snapshotEvent(state: EventState | null): EventSnapshot {
  if (!state) return { v: 1, exists: false, outlets: [], figures: [], articles: [], divergence: null };
  return {
    v: 1,
    exists: true,
    outlets: sorted(state.articles.map((a) => a.outletKey)),
    figures: sorted(state.figures.map(figureSignature)),
    articles: sorted(state.articles.map((a) => a.id)),
    divergence: state.divergence === null ? null : Math.round(state.divergence * 10_000) / 10_000,
  };
}

/** Read a stored snapshot; anything else (null, an older shape) counts as none. */
export function readSnapshot(value: unknown): EventSnapshot | null {
  if (!value || typeof value !== "object") return null;
  const s = value as Partial<EventSnapshot>;
  if (s.v !== 1 || !Array.isArray(s.outlets) || !Array.isArray(s.figures) || !Array.isArray(s.articles)) return null;
  return { v: 1, exists: s.exists !== false, outlets: s.outlets, figures: s.figures, articles: s.articles, divergence: typeof s.divergence === "number" ? s.divergence : null };
}

function hashOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);
}

const pct = (d: number) => `${Math.round(d * 100)}%`;

/**
 * What changed in a followed event between the snapshot detection last stored and its state now:
 * outlets that began covering it, figures (kind, bounds, authority) not seen before, articles that
 * joined it, and the divergence crossing `threshold` (either way). With no earlier snapshot nothing
 * is reported: the follow starts from the current state.
 */
export function diffEvent(before: EventSnapshot | null, state: EventState | null, threshold: number | null): { changes: ChangeDraft[]; snapshot: EventSnapshot } {
  const after = snapshotEvent(state);
  if (!before || !state) return { changes: [], snapshot: after };
  const changes: ChangeDraft[] = [];
  const eventId = state.eventId;
  const title = state.title;

  const knownArticles = new Set(before.articles);
  for (const a of state.articles) {
    if (knownArticles.has(a.id)) continue;
    changes.push({
      kind: "new_article",
      key: `new_article:${a.id}`,
      summary: `${a.outletName} published "${a.title}" about ${title}`,
      payload: { eventTitle: title, articleTitle: a.title, outlet: a.outletKey, outletName: a.outletName },
      eventId,
      articleId: a.id,
    });
  }

  const knownOutlets = new Set(before.outlets);
  const seenOutlets = new Set<string>();
  for (const a of state.articles) {
    if (knownOutlets.has(a.outletKey) || seenOutlets.has(a.outletKey)) continue;
    seenOutlets.add(a.outletKey);
    changes.push({
      kind: "new_outlet",
      key: `new_outlet:${a.outletKey}`,
      summary: `${a.outletName} now covers ${title}`,
      payload: { eventTitle: title, outlet: a.outletKey, outletName: a.outletName, articleTitle: a.title },
      eventId,
      articleId: a.id,
    });
  }

  const knownFigures = new Set(before.figures);
  const seenFigures = new Set<string>();
  for (const f of state.figures) {
    const sig = figureSignature(f);
    if (knownFigures.has(sig) || seenFigures.has(sig)) continue;
    seenFigures.add(sig);
    const outletName = state.articles.find((a) => a.id === f.articleId)?.outletName ?? f.outletKey;
    changes.push({
      kind: "new_figure",
      key: `new_figure:${sig}`,
      summary: `New figure in ${title}: ${describeFigure(f)}, reported by ${outletName}`,
      payload: { eventTitle: title, kind: f.kind, min: f.min, max: f.max, qualifier: f.qualifier, authority: f.authority, phrase: f.phrase, outlet: f.outletKey },
      eventId,
      articleId: f.articleId,
    });
  }

  if (threshold !== null) {
    const was = before.divergence;
    const now = after.divergence;
    const up = (was === null || was < threshold) && now !== null && now >= threshold;
    const down = was !== null && was >= threshold && now !== null && now < threshold;
    if (up || down) {
      const direction = up ? "up" : "down";
      changes.push({
        kind: "divergence_crossed",
        // The state it crossed into identifies the crossing: a later crossing has another state.
        key: `divergence_crossed:${direction}:${hashOf(after)}`,
        summary: up
          ? `Sources on ${title} now diverge by ${pct(now!)}, above your threshold of ${pct(threshold)}`
          : `Sources on ${title} now diverge by ${pct(now!)}, back below your threshold of ${pct(threshold)}`,
        payload: { eventTitle: title, direction, from: was, to: now, threshold },
        eventId,
        articleId: null,
      });
    }
  }
  return { changes, snapshot: after };
}

/** A revised figure, as lib/revisions records it. */
export interface RevisedFigure {
  kind: string;
  from: { min: number | null; max: number | null; qualifier: string; phrase: string } | null;
  to: { min: number | null; max: number | null; qualifier: string; phrase: string } | null;
}

/** One stored article revision, with what detection needs to say where it happened. */
export interface RevisionInput {
  articleId: string;
  revision: number;
  articleTitle: string;
  outletKey: string;
  outletName: string;
  eventId: string | null;
  figures: RevisedFigure[];
  quotes: { added: string[]; removed: string[] } | null;
}

const phraseOf = (f: RevisedFigure["from"]) => (f ? `"${f.phrase}"` : "none");
const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The changes an article revision makes: one `figure_revised` per figure kind changed, one `quote_revised` when quotes changed. */
export function revisionChanges(r: RevisionInput): ChangeDraft[] {
  const out: ChangeDraft[] = [];
  for (const f of r.figures) {
    out.push({
      kind: "figure_revised",
      key: `figure_revised:${r.articleId}:${r.revision}:${f.kind}`,
      summary: `${r.outletName} revised the ${f.kind} figure in "${r.articleTitle}": ${phraseOf(f.from)} → ${phraseOf(f.to)}`,
      payload: { articleTitle: r.articleTitle, outlet: r.outletKey, outletName: r.outletName, revision: r.revision, kind: f.kind, from: f.from, to: f.to },
      eventId: r.eventId,
      articleId: r.articleId,
    });
  }
  if (r.quotes && (r.quotes.added.length || r.quotes.removed.length)) {
    const parts = [
      ...r.quotes.removed.slice(0, 1).map((q) => `removed "${clip(q)}"`),
      ...r.quotes.added.slice(0, 1).map((q) => `added "${clip(q)}"`),
    ];
    out.push({
      kind: "quote_revised",
      key: `quote_revised:${r.articleId}:${r.revision}`,
      summary: `${r.outletName} revised quotes in "${r.articleTitle}": ${parts.join("; ")}`,
      payload: { articleTitle: r.articleTitle, outlet: r.outletKey, outletName: r.outletName, revision: r.revision, added: r.quotes.added, removed: r.quotes.removed },
      eventId: r.eventId,
      articleId: r.articleId,
    });
  }
  return out;
}

/** A new article matching an outlet or search follow. */
export function newArticleChange(a: { id: string; title: string; outletKey: string; outletName: string; eventId: string | null }, context: string): ChangeDraft {
  return {
    kind: "new_article",
    key: `new_article:${a.id}`,
    summary: `${a.outletName} published "${a.title}"${context ? ` (${context})` : ""}`,
    payload: { articleTitle: a.title, outlet: a.outletKey, outletName: a.outletName },
    eventId: a.eventId,
    articleId: a.id,
  };
}
