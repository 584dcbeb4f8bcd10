import type { Pattern } from "../lexicon";

/** Helpers for writing language packs compactly. */

/** A set of words from a space-separated list. */
export function words(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** Singular words plus their regular plural (+"s", or +"x" for "-al"/"-eau" when given as "bureau:x"). */
export function withPlurals(list: string): Set<string> {
  const out = new Set<string>();
  for (const raw of list.split(/\s+/).filter(Boolean)) {
    const [w, suffix] = raw.split(":") as [string, string | undefined];
    out.add(w);
    if (suffix === "-") continue; // invariable
    out.add(suffix ? w + suffix : /[sxz]$/.test(w) ? w : w + "s");
  }
  return out;
}

/** A token pattern from a space-separated string: "au moins" → ["au", "moins"]; "a|ont tué" → ["a|ont", "tué"]. */
export function pat(s: string): Pattern {
  return s.split(" ").filter(Boolean);
}

/** Rows of [pattern, label] from [string, label] pairs. */
export function table<L>(rows: Array<[string, L]>): Array<[Pattern, L]> {
  return rows.map(([s, l]) => [pat(s), l]);
}

/** The forms of a French/Spanish past participle: "tué" → "tué|tués|tuée|tuées". */
export function participle(stem: string, suffixes = ["", "s", "e", "es"]): string {
  return suffixes.map((x) => stem + x).join("|");
}

/** Letters-only word boundaries for `\p{L}` text (JavaScript's `\b` is ASCII-only). */
export const B = "(?<![\\p{L}\\p{N}])";
export const E = "(?![\\p{L}\\p{N}])";
