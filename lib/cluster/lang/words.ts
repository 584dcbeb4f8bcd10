// `\b` does not know accented letters: word edges are written as "no letter before / after".
const START = "(?<![\\p{L}])";
const END = "(?![\\p{L}])";

/** A pattern matching `body` (alternatives allowed) as whole words. */
export function word(body: string): RegExp {
  return new RegExp(`${START}(?:${body})${END}`, "u");
}

/** A pattern matching `body` at the end of a word (compounds: "Koalitionsluftangriff"), with an inflection ending. */
export function wordEnd(body: string, endings = "e|en|es|s|n"): RegExp {
  return new RegExp(`(?:${body})(?:${endings})?${END}`, "u");
}
