/**
 * Plain, serialisable shapes that lib/queries returns and pages, tables, charts and the JSON
 * API consume. Dates are ISO strings so they cross the server/client boundary unchanged.
 */
import type { CasualtyClaim, CasualtyKind, Qualifier, Statement } from "../extract/types";

export interface Range {
  min: number | null;
  max: number | null;
}

export interface Paged<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export interface OutletRef {
  key: string;
  name: string;
  /** wire | state | public | independent | unknown */
  kind: string;
}

export interface OverviewStats {
  articles: number;
  events: number;
  outlets: number;
  claims: number;
  statements: number;
  /** Articles that are not detected copies of another article. */
  independentArticles: number;
  /** Articles detected as copies (syndication, republication). */
  copies: number;
  firstDay: string | null;
  lastDay: string | null;
}

/** Coverage over time: one row per day, one numeric column per series key. */
export interface CoverageSeries {
  series: { key: string; name: string }[];
  rows: Array<{ day: string } & Record<string, number | string>>;
  /** Articles per series over the whole range, for a table beside the chart. */
  totals: Record<string, number>;
}

export interface EventListItem {
  id: string;
  title: string;
  place: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  articleCount: number;
  sourceCount: number;
  outletCount: number;
  killed: Range | null;
  wounded: Range | null;
  divergence: number | null;
  /** Automatic grouping keeps this event's articles and adds none. */
  locked: boolean;
  /** The title was set by an analyst (kept by refreshes and re-grouping). */
  titleManual: boolean;
}

/** A stored claim: the extracted fields (minus extraction-only detail) with its ids. */
export interface ClaimItem extends Omit<CasualtyClaim, "basis"> {
  id: number;
  articleId: string;
}

/** A stored statement: the extracted fields (minus extraction-only detail) with its ids. */
export interface StatementItem extends Omit<Statement, "parts"> {
  id: number;
  articleId: string;
}

export interface ArticleListItem {
  id: string;
  title: string;
  url: string | null;
  outlet: OutletRef;
  publishedAt: string | null;
  author: string | null;
  language: string | null;
  originalSourceName: string | null;
  /** The corpus article this one republishes, when detected. */
  syndicatedFrom: { id: string; title: string; outletName: string } | null;
  eventId: string | null;
  eventTitle: string | null;
  claimCount: number;
  statementCount: number;
}

/** One row of the comparison matrix: what one outlet reported about the event. */
export interface OutletComparison {
  outlet: OutletRef;
  articles: ArticleListItem[];
  /** True when every article of this outlet is a detected copy of another outlet's article. */
  copiesOnly: boolean;
  /** Outlets whose articles this outlet republished (by detection or declared original source). */
  copiedFrom: string[];
  killed: ClaimItem[];
  wounded: ClaimItem[];
  /** missing, captured, displaced, and context figures. */
  other: ClaimItem[];
  statements: StatementItem[];
}

/** One reported figure at one time, for the count-evolution chart. */
export interface CountPoint {
  at: string;
  articleId: string;
  outletKey: string;
  outletName: string;
  kind: CasualtyKind;
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
}

export interface SpeakerGroup {
  speaker: string;
  /** Statements by outlet key. */
  byOutlet: Record<string, StatementItem[]>;
}

export interface EventDetail {
  event: EventListItem;
  comparison: OutletComparison[];
  speakers: SpeakerGroup[];
  coverage: CoverageSeries;
  counts: CountPoint[];
  /** Facets for the filter toolbar, over the event's unfiltered articles. */
  facets: { outlets: OutletRef[]; languages: string[] };
  /**
   * Articles matching the filters, and how many of them the comparison shows. Very large events
   * show their independent articles first, then the earliest copies, up to a limit; `counts` and
   * `coverage` always cover every matching article.
   */
  articles: { total: number; shown: number };
}

export interface ArticleDetail extends ArticleListItem {
  text: string;
  claims: ClaimItem[];
  statements: StatementItem[];
  copies: { id: string; title: string; outletName: string }[];
}

export interface FacetOption {
  value: string;
  label: string;
  count?: number;
}

export interface IngestRunItem {
  id: number;
  source: string;
  trigger: string;
  status: string;
  total: number;
  added: number;
  duplicates: number;
  failed: number;
  errors: { item: string; reason: string }[];
  startedAt: string;
  finishedAt: string | null;
}
