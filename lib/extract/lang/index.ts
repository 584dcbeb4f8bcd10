import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import type { LanguagePack } from "./types";

export type * from "./types";
export { de, en, es, fr };

/** Every language Parallax extracts from, by ISO 639-1 code. Adding one: write `lang/xx.ts`, list it here. */
export const LANGUAGE_PACKS: Readonly<Record<string, LanguagePack>> = { en, fr, es, de };

/** ISO 639-1 codes of the supported languages. */
export const SUPPORTED_LANGUAGES: readonly string[] = Object.keys(LANGUAGE_PACKS);

/**
 * The pack for a language tag ("fr", "fr-CA", "FR"), English when the language is unknown (null,
 * empty), and null for a language with no pack: those articles get no extraction rather than
 * English patterns applied to another language.
 */
export function packFor(language: string | null | undefined): LanguagePack | null {
  if (!language) return en;
  const code = language.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  if (!code) return en;
  return LANGUAGE_PACKS[code] ?? null;
}
