/**
 * Read access for pages, the JSON API, exports and the CLI. The only code (with
 * lib/mutations and lib/pipeline) that talks to Prisma; everything returned is a plain DTO.
 */
export { getArticle, listArticles } from "./articles";
export { EVENT_ARTICLE_LIMIT, getClaimEvidence, getEvent } from "./event-detail";
export { listEvents } from "./events";
export { exportExceeds, exportRows, type ExportSource } from "./exports";
export { getEventHistory, HISTORY_LIMIT } from "./history";
export { getCoverage, getOverview, listIngestRuns, listLanguages, listOutletFacets, searchOutlets, type OutletOptionRow } from "./overview";
