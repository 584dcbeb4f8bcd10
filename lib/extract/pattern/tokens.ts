import type { Token } from "../nlp";
import type { PatternPack } from "../lang/types";

// Words: letters with inner hyphens ("porte-parole", "a-t-il", "soixante-deux") and inner
// apostrophes ("aujourd'hui"); digits with thousands groups ("300 000", "1.200") and decimals
// ("2,5"); anything else is one punctuation token. The apostrophe of an elision ("l'armée",
// "jusqu'à") stays on the elided word, which becomes its own token.
const TOKEN = /[\p{L}\p{M}]+(?:['’\-‐][\p{L}\p{M}]+)*|\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)*|\S/gu;
const ELISION = /^([\p{L}]+)['’]/u;

/**
 * Split `text.slice(start, end)` into tokens with offsets into `text`. `lower` is lower-cased with
 * the typographic apostrophe folded to "'". No part of speech (`pos` is "NUM" for digits, "X"
 * otherwise): the pattern engine reads words, not tags.
 */
export function tokenize(text: string, start: number, end: number, pack: PatternPack): Token[] {
  const out: Token[] = [];
  const s = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(s); m; m = TOKEN.exec(s)) {
    let w = m[0];
    let at = start + m.index;
    // Split leading elisions: "l'armée" → "l'" + "armée", "qu'il" → "qu'" + "il".
    for (let e = ELISION.exec(w); e && e[0].length < w.length && pack.elisions.has(e[1]!.toLowerCase()); e = ELISION.exec(w)) {
      push(out, e[0], at);
      at += e[0].length;
      w = w.slice(e[0].length);
    }
    // A trailing elision before a non-letter ("l'" then a quote mark) stays as written.
    push(out, w, at);
  }
  // An elided word at the very end of a token ("d'" before digits: "d'83"): the regex left the
  // apostrophe as punctuation; join it back.
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if ((b.text === "'" || b.text === "’") && a.end === b.start && pack.elisions.has(a.lower)) {
      out.splice(i, 2, { text: a.text + b.text, lower: a.lower + "'", pos: "X", start: a.start, end: b.end });
    }
  }
  return out;
}

function push(out: Token[], w: string, at: number): void {
  const c = w.charCodeAt(0);
  const lower = w.toLowerCase().replace(/’/g, "'");
  out.push({ text: w, lower, pos: c >= 48 && c <= 57 ? "NUM" : "X", start: at, end: at + w.length });
}

/** Is the token a capitalised word ("Moscou", "État")? */
export function isCapitalised(t: Token | undefined): boolean {
  if (!t) return false;
  const c = t.text[0] ?? "";
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Does the token contain a letter? */
export function isWord(t: Token | undefined): boolean {
  return !!t && /\p{L}/u.test(t.text);
}
