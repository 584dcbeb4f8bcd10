/**
 * Importers: turn seed pages, HTML pages and record files into NormalizedArticle values.
 * Pure: callers pass strings or bytes in; nothing here reads files, the network or the clock.
 */
export type { ItemError, NormalizedArticle, ParseResult } from "./types";
export { parseSeedText, type ParseSeedOptions } from "./seed";
export { parseHtml, type ParseHtmlOptions } from "./html";
export { parseRecords, type ParseRecordsOptions, type RecordFormat } from "./records";
export { parseFile, detectFormat, type FileFormat, type ParseFileOptions } from "./file";
export { parseDate, findDate, type FoundDate, type ParseDateOptions } from "./dates";
export { detectLanguage, normalizeLanguageCode } from "./language";
export { contentHash, normalizeUrl, outletKey, domainOf } from "./keys";
export { storableArticle, withoutNul, MAX_TITLE_CHARS, MAX_URL_CHARS } from "./storable";
export { profileOutlet, type OutletKind, type OutletProfile } from "./outlets";
export { decodeBytes, type DecodedText } from "./decode";
