import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import type { EventConcept, ClusterLanguage } from "./types";

export type { EventConcept, ClusterLanguage } from "./types";

/**
 * Grouping's languages, by ISO 639-1 code: function words and event-type terms. Adding a
 * language is writing `lang/xx.ts` (the same codes as `lib/extract/lang`) and listing it here.
 */
export const CLUSTER_LANGUAGES: Readonly<Record<string, ClusterLanguage>> = { en, fr, es, de };

/**
 * The event concepts a headline and lead name in `language` (empty when the language has no
 * module: such articles are compared on places, days, figures and names only).
 */
export function eventConcepts(text: string, language: string): Set<EventConcept> {
  const out = new Set<EventConcept>();
  const pack = CLUSTER_LANGUAGES[language];
  if (!pack) return out;
  const lower = text.toLowerCase();
  for (const [concept, patterns] of Object.entries(pack.terms) as [EventConcept, readonly RegExp[]][]) {
    if (patterns.some((p) => p.test(lower))) out.add(concept);
  }
  return out;
}
