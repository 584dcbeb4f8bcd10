import type { TaggedPack } from "./types";

/**
 * English runs on the tagged engine (`lib/extract/{casualties,quotes,entities}.ts`): wink-nlp
 * part-of-speech tags plus the word lists in `lexicon.ts` (predicates, active verbs, casualty
 * nouns, person nouns, reporting verbs) and `numbers.ts` (number words, vague amounts, qualifiers,
 * ranges). Its rules lean on the tags (active/passive voice, noun phrases, names) and are tuned on
 * the English development sets, which is why English does not use the pattern engine.
 */
export const en: TaggedPack = { engine: "tagged", code: "en", name: "English" };
