import { crossProfile, type CrossProfile } from "../cluster";
import { extractArticle } from "../extract";
import type { Extraction } from "../extract/types";
import { detectLanguage } from "../ingest";
import { locateArticle, type ArticleLocation } from "../places/article";
import { crossLanguageSignals } from "./signals";

/** What the per-article analysis of ingest reads: plain data, so it can be sent to a worker thread. */
export interface AnalyseInput {
  text: string;
  title: string;
  /** The language the source declared, if any. */
  language: string | null;
  publishedAt: string | null;
}

export interface Analysis {
  /** The declared language, else the detected one (null when undecided). */
  language: string | null;
  extraction: Extraction;
  /** Places the article names and the day it gives for its event (lib/places). */
  location: ArticleLocation;
  /**
   * What cross-language grouping compares (lib/cluster/crosslang.ts), computed here so that the
   * grouping thread does not; absent when the analysis was rebuilt from stored fields.
   */
  crossProfile?: CrossProfile | null;
}

/**
 * The CPU-heavy, pure part of ingesting one article: language detection, extraction and places.
 * It runs in the extraction workers (`extract-worker.ts`) or in the calling thread, with the same
 * result.
 */
export function analyseArticle(input: AnalyseInput): Analysis {
  const language = input.language ?? detectLanguage(input.text);
  const extraction = extractArticle({ text: input.text, title: input.title, language, publishedAt: input.publishedAt });
  const location = locateArticle({ title: input.title, text: input.text, publishedAt: input.publishedAt, language });
  const signals = crossLanguageSignals(location.places, location.eventDay, extraction.claims);
  // The document grouping will see (`toClusterDoc` in ingest.ts), minus what only ingest knows.
  const profile = crossProfile({ id: "", title: input.title, text: input.text, date: input.publishedAt, outlet: null, url: null, language, signals });
  return { language, extraction, location, crossProfile: profile };
}
