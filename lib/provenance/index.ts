/**
 * Provenance of what an event's articles report: copies nested under their originals,
 * attribution chains, claims grouped by authority, and fact-level blindspots. Pure functions
 * over plain data (no framework, no database), used by lib/queries/event-detail.ts.
 */
export { UNATTRIBUTED, authorityKey, authorityLabel, hostOf, outletNameKey, quoteKey, speakerKey } from "./normalise";
export {
  countIndependentSources,
  isIndependent,
  nestCopies,
  resolveOrigins,
  sourceKey,
  toProvenanceArticle,
  type CopyVia,
  type Origin,
  type OutletName,
  type ProvenanceArticle,
  type ProvenanceRow,
  type StoredProvenanceArticle,
} from "./copies";
export { figuresBySource, type SourceFigureArticle } from "./figures";
export { chainAuthority, claimChain, formatChain, isAgency, statementChain, type AttributionLink, type ChainContext, type LinkRole } from "./chain";
export { UNATTRIBUTED_LABEL, groupByAuthority, type AuthorityClaimInput, type AuthorityFigure, type AuthorityRow } from "./authority";
export {
  figureBlindspots,
  figureKeys,
  statementBlindspots,
  topFigureBlindspots,
  topStatementBlindspots,
  type BlindspotOutlet,
  type FigureBlindspot,
  type FigureClaimInput,
  type StatementBlindspot,
  type StatementInput,
} from "./blindspots";
