/**
 * Quote variants: the same statement as several outlets reported it, aligned into statement
 * groups, with speakers compared and each wording diffed word by word against the longest.
 * Pure TypeScript: no framework, no database, no I/O.
 */
export { quotedWords, normalizeQuote, quoteTokens, fingerprint, foldWord, type QuoteFingerprint } from "./normalize";
export { quoteSimilarity, matchScore, MATCH_THRESHOLDS, type QuoteSimilarity, type SpeakerRelation, type MatchThreshold } from "./similarity";
export {
  abbreviates,
  compareSpeakers,
  describeAttributions,
  normalizeSpeakerName,
  speakerLabel,
  speakerProfile,
  summariseAttributions,
  type Attribution,
  type AttributionSummary,
  type SpeakerFields,
  type SpeakerProfile,
} from "./speakers";
export { wordDiff, wordTokens, describeDiff, type DiffOp, type DiffSummary, type WordDiff } from "./diff";
export { groupStatements, type GroupableStatement, type StatementGroup } from "./group";
export type { StatementGroupAttribution, StatementGroupFilters, StatementGroupItem, StatementGroupMember, StatementGroups } from "./types";
