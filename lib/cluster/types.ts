import type { CrossProfile } from "./crosslang";

/** What grouping needs to know about an article. */
export interface ClusterDoc {
  id: string;
  title: string;
  text: string;
  /** Publication date, ISO (YYYY-MM-DD or full timestamp), or null when unknown. */
  date: string | null;
  /** Outlet key or web domain. */
  outlet: string | null;
  url: string | null;
  /**
   * ISO 639-1 code of the article's language (declared or detected), or null/absent when unknown.
   * Articles in different known languages are also compared on `signals` (see crosslang.ts).
   */
  language?: string | null;
  /** Language-independent evidence for grouping across languages; absent: none is compared. */
  signals?: CrossLanguageSignals | null;
  /**
   * `crossProfile(doc)`, when the caller computed it already (ingest does, in its extraction
   * workers, so the grouping thread does not): must equal what `crossProfile` returns for this doc.
   */
  profile?: CrossProfile | null;
}

/** A place an article names in its headline or lead (as lib/places finds them). */
export interface PlaceSignal {
  /** Display name ("Deir ez-Zor"): the gazetteer's canonical spelling, whatever the article's language. */
  name: string;
  /** Country name as the gazetteer spells it ("Syria"), or null. */
  country: string | null;
  kind: "city" | "region" | "country";
  /** Evidence weight in the article (higher: dateline, headline). */
  weight: number;
}

/** A casualty figure stated for this event (context figures excluded). */
export interface FigureSignal {
  kind: string;
  min: number | null;
  max: number | null;
}

/** What survives translation: where, when, how many. */
export interface CrossLanguageSignals {
  places: PlaceSignal[];
  /** The day (YYYY-MM-DD) the lead says the event happened, or null. */
  eventDay: string | null;
  figures: FigureSignal[];
}

/** Where an article was placed. */
export interface Assignment {
  id: string;
  eventId: string;
  /** Similarity to the event it joined (1 for the first article of a new event). */
  score: number;
  /** True when this article opened a new event. */
  isNew: boolean;
  /** The earlier article this one republishes (near-duplicate text), if any. */
  duplicateOf: string | null;
  duplicateScore: number | null;
}

/**
 * Knobs of the online grouper. Every default is explained where it is defined
 * (`DEFAULT_GROUPER_OPTIONS` in grouper.ts); change them for another kind of news stream, not to
 * chase a decimal on one evaluation set.
 */
export interface GrouperOptions {
  /** Minimum event score (similarity after the time penalty) to join an event instead of opening one. */
  threshold: number;
  /** For events with several members, the cosine with their centroid (after the time penalty) must reach coherence x threshold. */
  coherence: number;
  /** Only events with a member at most this many days from the article are candidates; older docs leave the index. */
  windowDays: number;
  /** Gap (days) between the article and the nearest member of an event that costs nothing. */
  graceDays: number;
  /** Score subtracted per doubling of the gap beyond `graceDays` (log-time penalty). */
  timePenalty: number;
  /** The penalty's gap is at least this times the days between the article and the event's first member. */
  firstDayFactor: number;
  /** Terms kept per article vector (highest TF-IDF first). */
  maxTerms: number;
  /** The article's heaviest terms whose postings are read to find candidates. */
  probeTerms: number;
  /** Most recent postings read per term when looking for candidates (caps cost on common terms). */
  postingsCap: number;
  /** Earlier articles (best by the probe) whose exact similarity is computed per new article. */
  maxCandidates: number;
  /** Undated articles kept in the index (they never age out by date, so they are capped by count). */
  maxUndated: number;
  /** Articles kept in the index at most; beyond, the oldest dated ones leave before their window ends. */
  maxDocs: number;
  /** Estimated shingle Jaccard from which an earlier article counts as the same text republished. */
  duplicateThreshold: number;
  /** Weight of headline words relative to one body occurrence. */
  titleWeight: number;
  /** Extra weight of a capitalised word inside a sentence (a name: person, place, organisation). */
  capitalBoost: number;
  /** Weight of a multi-word capitalised phrase ("Cerise Avenue") as a feature of its own. */
  phraseWeight: number;
  /** Body terms at full weight (the lead); later terms decay as leadTokens / position. */
  leadTokens: number;
  /** Floor of that decay. */
  tailFloor: number;
  /** Weight of non-prose lines: under 20 words and no sentence-final punctuation, or under 5 words (menus, captions, headline lists). */
  nonProseWeight: number;
  /** Pseudo-documents in the IDF: smooths term weights while few articles have been seen. */
  idfPrior: number;
  /** A short line (< 20 words) seen in this many earlier articles is boilerplate and ignored. */
  lineDfStop: number;
  /** A line (any length) the same outlet printed in this many earlier articles is its template and ignored. */
  outletLineStop: number;
  /** Words per shingle for near-duplicate detection. */
  shingleSize: number;
  /** Seed of every hash (term ids, sketches, MinHash): same seed and input, same output. */
  seed: number;
  /**
   * Evidence (0-1, see crosslang.ts) from which an article joins an event reported in another
   * language: a shared place, the same event day, then event type, figures and names.
   */
  crossLanguageThreshold: number;
  /**
   * Subtracted from an event's score when the article's headline names kinds of event (lang/)
   * that none of the event's members' headlines name (1: never joins). 0 disables the check.
   */
  kindClash: number;
  /** Days from the event within which related kinds (an explosion and its fire) do not clash. */
  relatedKindsDays: number;
  /**
   * Subtracted from an event's score when the article's headline names a place none of the
   * event's members names and the article names none of the places their headlines name. 0 disables it.
   */
  placeClash: number;
  /** Analyst-locked events receive no automatic joins. */
  isLocked?: (eventId: string) => boolean;
}
