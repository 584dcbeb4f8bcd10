/**
 * Event grouping for Parallax: which articles report the same event.
 * Pure TypeScript: no I/O, no clock, no randomness (every hash is seeded).
 */
export { EventGrouper, groupDocuments, parseDay, DEFAULT_GROUPER_OPTIONS } from "./grouper";
export type { CandidateScore } from "./grouper";
export { eventTitle, cleanTitle } from "./title";
export { crossEvidence, crossProfile, invariantTokens, type CrossEvidence, type CrossProfile } from "./crosslang";
export { CLUSTER_LANGUAGES, eventConcepts, type ClusterLanguage, type EventConcept } from "./lang";
export type { Assignment, ClusterDoc, CrossLanguageSignals, FigureSignal, GrouperOptions, PlaceSignal } from "./types";
