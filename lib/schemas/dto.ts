/**
 * Plain, serialisable shapes that lib/queries returns and pages, tables, charts and the JSON
 * API consume. Dates are ISO strings so they cross the server/client boundary unchanged.
 */
import type { CasualtyClaim, CasualtyKind, Qualifier, Statement } from "../extract/types";
import type { AttributionLink, CopyVia, FigureBlindspot, StatementBlindspot } from "../provenance";
import type { ArticleRevisionItem } from "../revisions/types";

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
  /** True when counting stopped at `total` (a broad text query): there are at least that many. */
  totalCapped?: boolean;
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
  /** Main place, as displayed ("Deir ez-Zor, Syria"); null when no article names one. */
  place: string | null;
  /** The day (YYYY-MM-DD) the articles say the event happened, else the first publication day. */
  day: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  articleCount: number;
  sourceCount: number;
  outletCount: number;
  killed: Range | null;
  wounded: Range | null;
  /** Median of the independent sources' lower bounds (halves when their number is even). */
  killedMedian: number | null;
  woundedMedian: number | null;
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

/**
 * A claim as the event page gets it: without its evidence sentence (the page loads that when a
 * figure is opened, from `GET /api/events/:id/evidence?claim=`; the offsets stay), with its
 * attribution chain (outlet → original or cited outlet/agency → authority).
 */
export interface EventClaim extends Omit<ClaimItem, "sentence"> {
  chain: AttributionLink[];
}

/** A statement with its attribution chain (outlet → original → channel → speaker). */
export interface EventStatement extends StatementItem {
  chain: AttributionLink[];
}

/** A claim's evidence: the sentence and its offsets in the article text. */
export type ClaimEvidence = Pick<ClaimItem, "id" | "articleId" | "sentence" | "sentenceStart" | "sentenceEnd" | "start" | "end" | "phrase">;

/**
 * One row of the comparison matrix: what one outlet reported about the event, as its own
 * reporting, as copies of another row's articles (nested under it), or as copies of an
 * original outside the corpus that the articles declare.
 */
export interface OutletComparison {
  /** Stable row key: the outlet key, plus the origin for rows of copies. */
  key: string;
  outlet: OutletRef;
  articles: ArticleListItem[];
  /** own: the outlet's reporting; copy: republished from `copyOf`; declared: stands for the declared original. */
  kind: "own" | "copy" | "declared";
  /** The row this one is nested under (it copies that row's articles); null for a top-level row. */
  parentKey: string | null;
  /** For copies: the original outlet, how the copy was recognised, and whether the original is in this selection. */
  copyOf: { outletKey: string; outletName: string; via: CopyVia[]; inSelection: boolean } | null;
  /** For copies of an original that is not among the event's outlets: the declared source. */
  declared: { name: string; url: string | null } | null;
  /** Outlets whose rows are nested under this one. */
  republishedBy: string[];
  /** True when every article of the row is a copy (detected, or declaring another source). */
  copiesOnly: boolean;
  /** Outlets whose articles this row republishes (by detection or declared original source). */
  copiedFrom: string[];
  killed: EventClaim[];
  wounded: EventClaim[];
  /** missing, captured, displaced, and context figures. */
  other: EventClaim[];
  /** The row's statements with their chains; empty when the detail was read without its sections (the page's query). */
  statements: EventStatement[];
  /** How many statements the row's articles carry, quoted directly and reported. */
  statementCount: { direct: number; reported: number };
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
  byOutlet: Record<string, EventStatement[]>;
  /** Statements per outlet key where `byOutlet` was cut to what the page shows (lib/queries/event-sections.ts). */
  sizes?: Record<string, number>;
}

/** Min / median / max of independent sources' headline figures for one kind (`summariseFigures`). */
export interface FigureSpread {
  min: number | null;
  median: number | null;
  max: number | null;
  divergence: number | null;
  /** Independent sources that gave a figure of this kind. */
  sources: number;
}

/** The claims pivoted by authority: one row per (normalised) authority, figures by kind. */
export interface AuthorityComparisonRow {
  key: string;
  label: string;
  outletCount: number;
  claimCount: number;
  /** Per kind, each exact figure with the claims giving it (ids into the comparison's claims) and the outlets relaying it. */
  byKind: Record<string, { key: string; claimIds: number[]; outlets: { key: string; name: string; copy: boolean }[] }[]>;
}

/** What outlets covering the event leave out: each figure and statement, who reports it and who omits it. */
export interface EventBlindspots {
  /** The outlets covering the event in this selection (keys in the lists below refer to them). */
  outlets: OutletRef[];
  /** The most widely reported figures and statements first, up to a limit; `totals` counts them all. */
  figures: FigureBlindspot[];
  statements: StatementBlindspot[];
  totals: { figures: number; statements: number };
}

export interface EventDetail {
  event: EventListItem;
  /** Rows in display order: each top-level row followed by the rows of its copies (`parentKey`). */
  comparison: OutletComparison[];
  /** Articles in the comparison and the independent reports behind them (copies count once, for their original). */
  sources: { articles: number; independent: number };
  /** Spread of independent sources' headline figures in the comparison. */
  figures: { killed: FigureSpread; wounded: FigureSpread };
  byAuthority: AuthorityComparisonRow[];
  blindspots: EventBlindspots;
  speakers: SpeakerGroup[];
  coverage: CoverageSeries;
  counts: CountPoint[];
  /** Facets for the filter toolbar, over the event's unfiltered articles. */
  facets: { outlets: (OutletRef & { articles: number })[]; languages: string[] };
  /**
   * Articles matching the filters, and how many of them the comparison shows. Very large events
   * show their independent articles first, then the earliest copies, up to a limit; `counts` and
   * `coverage` always cover every matching article.
   */
  articles: { total: number; shown: number };
  /**
   * Earlier versions of the comparison's articles that changed after they were first fetched
   * (newest first, as on the article page), by article id; articles never revised are absent.
   */
  revisions: Record<string, ArticleRevisionItem[]>;
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

/** A filter's first page of options, the selected ones wherever they rank, and whether there are others. */
export interface FacetPage {
  options: FacetOption[];
  selected: FacetOption[];
  more: boolean;
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

// The event page's lazily loaded sections (lib/queries/event-sections.ts, /api/events/:id/sections).

/** How much of each section is shown: the components' own limits (components/event/section-limits.ts). */
export interface SectionLimits {
  /** Figure rows and statement rows of the blindspots. */
  blindspotRows: number;
  /** Outlets named per blindspot cell before "and N more". */
  blindspotNames: number;
  /** Speakers shown before "Show N more speakers"; every speaker with `allSpeakers`. */
  speakers: number;
  /** Outlets side by side for the first speakers, and their quotes before "N more from …" (all of them are sent: the disclosure lists them). */
  speakerOutlets: number;
  /** Outlets side by side, and quotes per outlet, for the speakers beyond the first. */
  minorOutlets: number;
  minorPerOutlet: number;
  /** Outlets named by a link beyond those side by side. */
  namedOutlets: number;
}

/** Some outlet keys of a longer list, and how long it is. */
export interface ListedOutlets {
  keys: string[];
  total: number;
}

export interface FigureBlindspotRow extends Omit<FigureBlindspot, "reportedBy" | "omittedBy" | "claimIds"> {
  reportedBy: ListedOutlets;
  omittedBy: ListedOutlets;
  /** The claim the row opens as evidence: one stating the figure in its most common form. */
  claim: EventClaim | null;
}

export interface StatementBlindspotRow extends Omit<StatementBlindspot, "reportedBy" | "omittedBy" | "statementIds"> {
  reportedBy: ListedOutlets;
  omittedBy: ListedOutlets;
  /** The first statement of the row, linked as "in context". */
  first: { id: number; articleId: string } | null;
}

/** Title, outlet, date and language of an article a figure or quote cites on the event page. */
export interface ArticleInfo {
  id: string;
  title: string;
  outletName: string;
  publishedAt: string | null;
  /** ISO 639-1 code of the article (its evidence sentences are in it), null when unknown. */
  language?: string | null;
}

export interface EventSections {
  blindspots: {
    /** Outlets covering the event in this selection: how many, and those the rows name. */
    outletCount: number;
    outlets: OutletRef[];
    figures: FigureBlindspotRow[];
    statements: StatementBlindspotRow[];
    totals: { figures: number; statements: number };
  };
  speakers: {
    /** The first speakers (every one with `allSpeakers`), most widely quoted first; `sizes` counts what was cut. */
    groups: SpeakerGroup[];
    total: number;
  };
  /** The outlets the speaker blocks name. */
  outlets: OutletRef[];
  /** The articles the figures and quotes cite. */
  articles: Record<string, ArticleInfo>;
  /** The comparison's articles are in more than one language (quotes then show theirs). */
  mixedLanguages: boolean;
}
