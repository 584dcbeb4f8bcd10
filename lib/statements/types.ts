/**
 * Serialisable shapes of an event's statement groups, as lib/queries/statement-groups.ts returns
 * them to the event page, the JSON API and the export. Dates are ISO strings.
 */
import type { DiffOp, DiffSummary } from "./diff";

export interface StatementGroupMember {
  statementId: number;
  articleId: string;
  articleTitle: string;
  articleUrl: string | null;
  publishedAt: string | null;
  /** ISO 639-1 code of the article: the wording is in it (null when unknown). */
  language: string | null;
  outlet: { key: string; name: string };
  /** The article is a detected copy of another in the corpus (not an independent report). */
  isCopy: boolean;
  /** Who this outlet says spoke (resolved speaker, else the mention), null when nobody is named. */
  speaker: string | null;
  direct: boolean;
  /** The statement as stored (offsets `start`..`end` in the article text). */
  text: string;
  start: number;
  end: number;
  /** The quoted words compared (a split quote without the attribution inside it). */
  wording: string;
  isReference: boolean;
  /** This wording against the reference, word by word. */
  ops: DiffOp[];
  summary: DiffSummary;
  /** The article page with this statement's evidence highlighted. */
  href: string;
}

export interface StatementGroupAttribution {
  /** null: these outlets name no speaker. */
  speaker: string | null;
  outlets: { key: string; name: string }[];
  statementIds: number[];
}

export interface StatementGroupItem {
  /** Stable for the same data ("sg-<reference statement id>"). */
  id: string;
  referenceStatementId: number;
  /** The longest version, every other wording is compared with it. */
  referenceWording: string;
  attributions: StatementGroupAttribution[];
  /** At least two outlets attribute the statement to different speakers. */
  speakerConflict: boolean;
  /** "Attributed to X by A, B; to Y by C". */
  attributionText: string;
  outletCount: number;
  /** Some wording differs from the reference. */
  differs: boolean;
  /** Reference first, then by outlet name and publication time. */
  members: StatementGroupMember[];
}

/** The event page's filters the groups were formed under (the export repeats them). */
export interface StatementGroupFilters {
  q?: string;
  outlet: string[];
  language: string[];
  from?: string;
  to?: string;
}

export interface StatementGroups {
  eventId: string;
  eventTitle: string;
  filters: StatementGroupFilters;
  /** Statements loaded (all of the event's matching articles' statements, up to the limit). */
  statementCount: number;
  /** More statements matched than the limit; the rest were not grouped. */
  truncated: boolean;
  /**
   * Every group, statements reported once included (as groups of one): conflicts first, then
   * groups whose wordings differ, then by how many outlets carry them.
   */
  groups: StatementGroupItem[];
}
