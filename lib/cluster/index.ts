/**
 * Event grouping for Parallax: which articles report the same event.
 * Pure TypeScript: no I/O, no clock, no randomness (every hash is seeded).
 */
export { EventGrouper, groupDocuments, parseDay, DEFAULT_GROUPER_OPTIONS } from "./grouper";
export type { CandidateScore } from "./grouper";
export { eventTitle, cleanTitle } from "./title";
export type { Assignment, ClusterDoc, GrouperOptions } from "./types";
