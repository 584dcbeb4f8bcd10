/**
 * Where and when an event happened, from what its articles say: per-article place candidates
 * (`findPlaces`, gazetteer-backed) and event day (`findEventDay`), computed once at ingest, and
 * the event's choice among them (`choosePlace`, `chooseDay`), computed on every refresh.
 * Pure TypeScript: no I/O of its own, no clock.
 */
export { findPlaces, type PlaceCandidate, type PlaceInput } from "./extract";
export { findEventDay, type DayInput } from "./day";
export { choosePlace, chooseDay, placeLabel, type ChosenPlace } from "./choose";
export { getGazetteer, type Gazetteer, type GazetteerEntry, type PlaceKind } from "./gazetteer";
export { placeKey } from "./normalize";
export { parsePlaceCandidates, serializePlaceCandidates } from "./serialize";
export { locateArticle, type ArticleLocation } from "./article";
