import { CLUSTER_LANGUAGES } from "../cluster/lang";
import { STOPWORDS } from "../cluster/stopwords";
import { rankLanguages } from "./trigram-ranking";

/**
 * ISO 639-3 (and the 639-2/B variants people still write, "fre", "ger") to ISO 639-1.
 * Covers every language franc-min can answer plus the usual bibliographic codes; franc-min
 * languages without a 639-1 code (Cebuano, Ilocano, Maithili ...) are deliberately absent,
 * so they come out as null rather than as a made-up code.
 */
const ISO3_TO_ISO1: Readonly<Record<string, string>> = {
  amh: "am", arb: "ar", ara: "ar", azj: "az", aze: "az", bel: "be", ben: "bn", bos: "bs",
  bul: "bg", ces: "cs", cze: "cs", ckb: "ku", cmn: "zh", zho: "zh", chi: "zh", deu: "de",
  ger: "de", ell: "el", gre: "el", eng: "en", fra: "fr", fre: "fr", fuv: "ff", guj: "gu",
  hau: "ha", hin: "hi", hrv: "hr", hun: "hu", ibo: "ig", ind: "id", ita: "it", jav: "jv",
  jpn: "ja", kan: "kn", kaz: "kk", kin: "rw", koi: "kv", kor: "ko", lin: "ln", mal: "ml",
  mar: "mr", mya: "my", bur: "my", nld: "nl", dut: "nl", npi: "ne", nep: "ne", nya: "ny",
  pan: "pa", pbu: "ps", pus: "ps", pes: "fa", fas: "fa", per: "fa", plt: "mg", pol: "pl",
  por: "pt", qug: "qu", ron: "ro", rum: "ro", run: "rn", rus: "ru", sin: "si", som: "so",
  spa: "es", srp: "sr", sun: "su", swe: "sv", swh: "sw", swa: "sw", tam: "ta", tel: "te",
  tgl: "tl", tha: "th", tur: "tr", ukr: "uk", urd: "ur", uzn: "uz", uzb: "uz", vie: "vi",
  yor: "yo", zlm: "ms", msa: "ms", may: "ms", zul: "zu", zyb: "za", heb: "he", cat: "ca",
  dan: "da", fin: "fi", nor: "no", nob: "nb", slk: "sk", slo: "sk", slv: "sl", est: "et",
  lav: "lv", lit: "lt", kat: "ka", geo: "ka", hye: "hy", arm: "hy",
};

/** Below this many letters franc's trigram profile is mostly noise: null rather than a guess. */
const MIN_LETTERS = 40;
/** franc itself scores only the first 2048 characters; language does not change mid-article. */
const MAX_SAMPLE = 2048;
/**
 * franc scores the best language 1 and the others relative to it; how close a runner-up may be
 * shrinks with the sample's length, so the tie margin is MARGIN_CHARS / sample length.
 * Measured on 100-character windows of English news (GVDB dev): without the margin 9% come out
 * as another language (a sentence about Syrian troops reads as German); with it 1.7% are wrong
 * and 17% null. At 200 characters: 0.2% wrong, 2% null; from 300 on: none wrong, none null.
 */
const MARGIN_CHARS = 6;

const LETTER = /\p{L}/gu;

/** Does `s` have at least `n` letters (code points in \p{L})? Stops counting at `n`. */
function hasLetters(s: string, n: number): boolean {
  LETTER.lastIndex = 0;
  let count = 0;
  while (count < n && LETTER.exec(s)) count++;
  return count >= n;
}

/**
 * Below this many characters franc's trigrams can rank a sentence of English as French or
 * Romanian ("At least 12 people were killed on Monday, police said." came out French, and its
 * figure was lost to the French patterns): the function words of the languages Parallax reads
 * then decide between the close candidates.
 */
const SHORT_SAMPLE = 300;
/** How close to the best a candidate must score to be reconsidered (franc's relative scores). */
const SHORT_BAND = 0.25;
/** Function words by ISO 639-1 code, for the languages grouping and extraction know. */
const FUNCTION_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.values(CLUSTER_LANGUAGES).map((l) => [l.code, l.code === "en" ? STOPWORDS : new Set(l.stopwords)]),
);

/**
 * For a short sample that franc gives to one of the languages with function words: another of
 * them within `SHORT_BAND` of it whose function words the sample uses clearly more (two or more,
 * and two more than the best's), or null to keep franc's answer.
 */
function byFunctionWords(sample: string, ranked: ReadonlyArray<readonly [string, number]>): string | null {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits = (code: string | undefined) => {
    const set = code ? FUNCTION_WORDS.get(code) : undefined;
    return set ? words.reduce((n, w) => n + (set.has(w) ? 1 : 0), 0) : 0;
  };
  // Only between the languages with function words: Italian and Portuguese share Spanish's.
  const best = ISO3_TO_ISO1[ranked[0]![0]];
  if (!best || !FUNCTION_WORDS.has(best)) return null;
  const bestHits = hits(best);
  let winner: string | null = null;
  let winnerHits = Math.max(1, bestHits + 1);
  for (const [code3, score] of ranked) {
    if (score < 1 - SHORT_BAND) break;
    const code = ISO3_TO_ISO1[code3];
    if (!code || code === best || !FUNCTION_WORDS.has(code)) continue;
    const h = hits(code);
    if (h > winnerHits) {
      winner = code;
      winnerHits = h;
    }
  }
  return winner;
}

/**
 * Detects the language of a text as an ISO 639-1 code with franc-min.
 * Returns null when the text has fewer than 40 letters, when franc cannot decide, when the two
 * best guesses are too close for the sample's length, or when the language has no 639-1 code.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, MAX_SAMPLE);
  if (!hasLetters(sample, MIN_LETTERS)) return null;
  // franc-min's francAll, same answer at a fraction of the cost (see trigram-ranking.ts).
  const ranked = rankLanguages(sample, MIN_LETTERS);
  const best = ranked[0];
  if (!best || best[0] === "und") return null;
  if (sample.length < SHORT_SAMPLE) {
    const other = byFunctionWords(sample, ranked);
    if (other) return other;
  }
  const second = ranked[1];
  if (second && second[1] >= 1 - MARGIN_CHARS / sample.length) return null;
  return ISO3_TO_ISO1[best[0]] ?? null;
}

export function normalizeLanguageCode(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  if (/^[a-z]{2}$/.test(primary)) return primary;
  if (/^[a-z]{3}$/.test(primary)) return ISO3_TO_ISO1[primary] ?? null;
  return null;
}

/**
 * The language of an article: the declared tag when it is a valid code ("fr", "fr-CA", "fra"),
 * else the one detected from its text; null when neither says.
 */
export function resolveLanguage(declared: string | null | undefined, text: string): string | null {
  return normalizeLanguageCode(declared) ?? detectLanguage(text);
}
