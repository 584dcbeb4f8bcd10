/** Casualty kinds Parallax tracks. */
export type CasualtyKind = "killed" | "wounded" | "missing" | "captured" | "displaced";

/** How a figure was qualified in the text; `min`/`max` carry the bounds it implies. */
export type Qualifier = "exact" | "at_least" | "at_most" | "about" | "range" | "vague";

/** Inclusive bounds of a figure; either bound may be open (null). */
export interface Bounds {
  min: number | null;
  max: number | null;
}

/** A casualty figure stated in an article, with its evidence. Offsets index the input text. */
export interface CasualtyClaim extends Bounds {
  kind: CasualtyKind;
  qualifier: Qualifier;
  /** Who the figure is about: "Syrian troops", "civilians", "children". */
  victimGroup: string | null;
  /** Who the figure is attributed to: "the Syrian Observatory for Human Rights". */
  authority: string | null;
  /** Not this event's figure: historical totals, other incidents. */
  isContext: boolean;
  /** The article's headline figure for this kind (see summary rule in extract/summary.ts). */
  isHeadline: boolean;
  /** The number phrase as written ("At least sixty-two") and its [start, end) offsets. */
  phrase: string;
  start: number;
  end: number;
  /** The evidence sentence and its [start, end) offsets. */
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  /**
   * How the figure was found: an explicit number ("number"), victims counted from nouns, names or
   * pronouns ("implicit": "a man was killed"), an event implying deaths ("event": "a double
   * homicide"), victims only said to be shot or hospitalised ("shot"), or a negation ("negation").
   */
  basis?: "number" | "implicit" | "event" | "shot" | "negation";
}

/** A statement attributed to a speaker. Offsets index the input text; `text` = text.slice(start, end). */
export interface Statement {
  /** Resolved speaker ("Vitaly Churkin" for "he"), or null when unknown. */
  speaker: string | null;
  /** The speaker as written at the cue ("he", "the ministry"). */
  speakerMention: string | null;
  /** Organisation or role of the speaker when the text gives it ("Wilson Center"). */
  affiliation: string | null;
  /** The reporting verb or cue ("said", "declared", "according to"). */
  cue: string | null;
  /** The outlet the article cites as carrying the statement ("New York Times"). */
  channel: string | null;
  text: string;
  start: number;
  end: number;
  /** True for quoted words, false for reported speech. */
  direct: boolean;
  /**
   * For a quote split by its attribution ("“A,” he said. “B.”"): the quoted pieces, each the
   * content inside its marks. `start`/`end` then span from the first piece to the last.
   */
  parts?: Array<{ start: number; end: number }>;
}

export interface ExtractionSummary {
  killed: Bounds | null;
  wounded: Bounds | null;
}

export interface Extraction {
  claims: CasualtyClaim[];
  statements: Statement[];
  summary: ExtractionSummary;
  /**
   * The language whose patterns were applied ("en", "fr", ...): the language of every evidence
   * sentence and quotation above. Null when the article's language has no pack (nothing extracted).
   */
  language?: string | null;
}

/** What extraction needs to know about an article. */
export interface ExtractInput {
  text: string;
  title?: string | null;
  /**
   * ISO 639-1 code (or a tag such as "fr-CA"). Chooses the language pack: English when null or
   * absent, "fr", "es", "de" for the pattern engine; any other language yields no extraction.
   */
  language?: string | null;
  /** Publication date (ISO), used to tell the event's figures from older ones. */
  publishedAt?: string | null;
}
