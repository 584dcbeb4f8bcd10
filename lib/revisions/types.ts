/** A casualty figure as a revision summary records it. */
export interface RevisionFigure {
  min: number | null;
  max: number | null;
  qualifier: string;
  /** The number phrase as written ("at least 12"). */
  phrase: string;
}

/** A change in an article's headline figure for one kind (killed, wounded ...). */
export interface FigureChange {
  kind: string;
  from: RevisionFigure | null;
  to: RevisionFigure | null;
}

/**
 * What a new version of an article changed relative to the version a revision keeps. Stored as
 * ArticleRevision.changes (JSON).
 */
export interface RevisionChanges {
  title: { from: string; to: string } | null;
  text: {
    wordsBefore: number;
    wordsAfter: number;
    addedCount: number;
    removedCount: number;
    /** The first few added / removed paragraphs, each cut to a few hundred characters. */
    added: string[];
    removed: string[];
  } | null;
  figures: FigureChange[];
  /**
   * Direct quotes the new version added or dropped (normalised wording compared; absent in
   * revisions recorded before quotes were compared).
   */
  quotes?: { added: string[]; removed: string[] } | null;
  /** One line: "title changed; paragraphs: 1 added, 1 changed; killed: at least 12 → at least 15". */
  summary: string;
}

/** One kept version of an article, for the article page and the API. */
export interface ArticleRevisionItem {
  revision: number;
  title: string;
  contentHash: string;
  /** When this version was stored. */
  fetchedAt: string;
  /** When the next version replaced it. */
  replacedAt: string;
  changes: RevisionChanges;
}
