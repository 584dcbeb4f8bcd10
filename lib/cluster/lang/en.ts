import type { ClusterLanguage } from "./types";

/** English for grouping (see `types.ts`). */
export const en: ClusterLanguage = {
  code: "en",
  // English function words are in ../stopwords.ts (they apply to every language).
  stopwords: [],
  terms: {
    airstrike: [
      /\bair ?strikes?\b/u,
      /\bair raids?\b/u,
      /\b(?:drone|missile|coalition|aerial|bombing) (?:strikes?|raids?)\b/u,
      /\bwarplanes?\b|\bfighter jets?\b|\bjets? (?:hit|struck|bombed|attacked)\b/u,
      /\bbombed from the air\b/u,
    ],
    shelling: [/\bshell(?:ing|ed|s)\b/u, /\bartillery\b/u, /\bmortar (?:fire|rounds?|attacks?)\b/u, /\brocket (?:fire|attacks?)\b/u],
    bombing: [/\b(?:car|truck|suicide|roadside) bomb(?:s|ing|er)?\b/u, /\bbombings?\b/u, /\bexplosions?\b|\bblasts?\b/u],
    shooting: [/\bshootings?\b/u, /\bgunm[ae]n\b/u, /\bopened fire\b/u, /\bshot (?:dead|and killed)\b/u],
    flood: [/\bfloods?\b|\bflooding\b|\bflash floods?\b/u],
    fire: [/(?<!opened |open |returned |under |cease)\bfires?\b|\bblazes?\b|\bwildfires?\b|\binferno\b/u],
    earthquake: [/\bearthquakes?\b|\bquakes?\b|\btremors?\b/u],
    storm: [/\bstorms?\b|\bhurricanes?\b|\btyphoons?\b|\bcyclones?\b|\btornado(?:es)?\b/u],
    crash: [/\b(?:plane|train|bus|helicopter|air) crash(?:es)?\b/u, /\bcrashed\b/u, /\bderail(?:ed|ment)\b/u],
    collapse: [/\bcollaps(?:e|ed|es)\b/u],
    landslide: [/\b(?:land|mud|rock)slides?\b/u],
    shipwreck: [/\bshipwrecks?\b|\bcapsiz(?:e|ed|es|ing)\b/u, /\b(?:ferry|boat|ship|vessel) (?:accident|disaster|sinking|sank)\b/u],
  },
};
