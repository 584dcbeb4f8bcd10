/**
 * Look-up keys for place names: case, accents, apostrophes and punctuation folded, and the
 * abbreviations news copy uses for name parts spelled out ("St." = "Saint"), so "Deir ez-Zor",
 * "DEIR EZ-ZOR" and "Deir Ez Zor" meet, and "St. Louis" finds GeoNames' "St. Louis".
 */
const EXPANSIONS: Record<string, string> = { st: "saint", ste: "sainte", ft: "fort", mt: "mount" };

const PLAIN_WORD = /^[A-Za-z]+$/;

export function placeKey(name: string): string {
  // Fast path: one plain ASCII word, most of what the extractor looks up.
  if (PLAIN_WORD.test(name)) {
    const lower = name.toLowerCase();
    return lower;
  }
  const words = name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’`ʻ]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
  return words.map((w, i) => (i < words.length - 1 ? (EXPANSIONS[w] ?? w) : w)).join(" ");
}
