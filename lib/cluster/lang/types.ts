/**
 * Kinds of event that reports in different languages name with different words but mean the
 * same way ("airstrike", "frappe aérienne", "bombardeo aéreo", "Luftangriff"). Grouping across
 * languages compares these concepts, never the words.
 */
export type EventConcept =
  | "airstrike"
  | "shelling"
  | "bombing"
  | "shooting"
  | "flood"
  | "fire"
  | "earthquake"
  | "storm"
  | "crash"
  | "collapse"
  | "landslide"
  | "shipwreck";

/** What grouping needs to know about one language: one module per language in `lang/`. */
export interface ClusterLanguage {
  /** ISO 639-1 code (the same codes as `lib/extract/lang`). */
  code: string;
  /**
   * Function words that say nothing about which event an article reports: lower case, with
   * apostrophes removed. English's are in `stopwords.ts` and apply to every language.
   */
  stopwords: readonly string[];
  /**
   * Event-type terms, for grouping across languages. Each pattern is matched against the
   * lower-cased headline and lead; write word boundaries as `(?<![\p{L}])` / `(?![\p{L}])` (with
   * the `u` flag) since `\b` does not know accented letters.
   */
  terms: Readonly<Partial<Record<EventConcept, readonly RegExp[]>>>;
}
