/**
 * Light normalisation of the names provenance compares: authorities ("the Russian Defence
 * Ministry."), outlet names ("The Meridian Post" vs "meridian post"), quotes (curly vs straight
 * marks, spacing). Light on purpose: it folds surface variants of the same string, it never
 * guesses that two different names are the same body ("the Observatory" stays apart from "the
 * Syrian Observatory for Human Rights").
 */

/** Curly and typographic quotation marks and apostrophes, folded to nothing for comparison. */
const QUOTE_MARKS = /["'«»“”„‟‘’‚‛‹›`´]/g;
/** Punctuation dropped when comparing quotes (letters, digits and spaces are kept). */
const PUNCTUATION = /[^\p{L}\p{N}\s]/gu;

function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Distinct strings remembered per normaliser before its memo starts over. */
const MEMO_SIZE = 10_000;

/**
 * `fn` remembering its results. An event page normalises the same speakers, authorities, outlet
 * names and quotes thousands of times (copies repeat their original's words): 2,800 statements of
 * a large event hold ~600 distinct quotes and ~130 speakers. Bounded: the memo is emptied when full.
 */
function memo<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    if (cache.has(s)) return cache.get(s) as T;
    const v = fn(s);
    if (cache.size >= MEMO_SIZE) cache.clear();
    cache.set(s, v);
    return v;
  };
}

/** The key of claims that name no authority (the outlet's own figure). */
export const UNATTRIBUTED = "unattributed";

/**
 * The grouping key of an authority, under which "the Russian Defence Ministry.", "Russian
 * defence ministry" and "THE RUSSIAN DEFENCE MINISTRY" meet: case folded, quotation marks dropped, a leading "the"
 * and trailing punctuation removed, spaces collapsed. `null`, empty or punctuation-only → "unattributed".
 */
export function authorityKey(authority: string | null | undefined): string {
  return authority ? authorityKeyOf(authority) : UNATTRIBUTED;
}

const authorityKeyOf = memo((authority: string): string => {
  const key = collapse(
    authority
      .normalize("NFKC")
      .replace(QUOTE_MARKS, "")
      .toLowerCase()
      .replace(/^\s*the\s+/, "")
      .replace(/[\s.,;:!?)\]-]+$/u, "")
      .replace(/^[\s(\[-]+/u, ""),
  );
  return key || UNATTRIBUTED;
});

/** How an authority is shown: as written, without a leading "the", its first letter upper-cased. */
export const authorityLabel = memo((authority: string): string => {
  const s = collapse(authority.replace(/^\s*the\s+/i, "").replace(/[\s.,;:!?]+$/u, ""));
  return s ? s[0]!.toUpperCase() + s.slice(1) : authority;
});

/** Outlet names compared loosely: "The Meridian Post", "meridian post" and "Meridian Post." meet. */
export function outletNameKey(name: string | null | undefined): string {
  return name ? outletNameKeyOf(name) : "";
}

const outletNameKeyOf = memo((name: string): string =>
  collapse(
    name
      .normalize("NFKC")
      .toLowerCase()
      .replace(/^\s*(the|le|la|les|l')\s*/u, "")
      .replace(PUNCTUATION, " "),
  ),
);

/** The host of a URL without "www.", lower-cased; null for anything that is not a URL. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "").toLowerCase() || null;
  } catch {
    return null;
  }
}

/**
 * A quote reduced for exact comparison across outlets: case folded, quotation marks and
 * punctuation removed, whitespace collapsed. "“The strike,” he said" and "the strike" differ;
 * "The strike opened the way…" and "the strike opened the way" are the same.
 */
export const quoteKey = memo((text: string): string =>
  collapse(text.normalize("NFKC").toLowerCase().replace(QUOTE_MARKS, "").replace(PUNCTUATION, " ")),
);

/** A speaker's key: the resolved name or the mention, case folded, without a leading "the". */
export function speakerKey(speaker: string | null | undefined): string | null {
  return speaker ? speakerKeyOf(speaker) : null;
}

const speakerKeyOf = memo((speaker: string): string | null => {
  const k = collapse(speaker.normalize("NFKC").toLowerCase().replace(/^\s*the\s+/, "").replace(/[\s.,;:]+$/, ""));
  return k || null;
});
