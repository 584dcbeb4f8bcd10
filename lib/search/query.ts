/**
 * The text query language of the article search, parsed (pure: no database, so the browser can
 * tell an empty query from one that found nothing) and written for each engine: an FTS5 MATCH
 * expression and a PostgreSQL tsquery. What a query matches is described in `lib/db/search.ts`.
 */

/** Terms beyond this are ignored (the filter schema already caps a query at 200 characters). */
const MAX_TERMS = 32;

/** A word, or a phrase of adjacent words; `prefix` applies to the last word. */
export interface SearchPhrase {
  words: string[];
  prefix: boolean;
}

/**
 * One clause of a query: an article must hold one of its phrases (two or more: "a OR b"), or,
 * when `exclude`, none of them ("-word", "NOT word").
 */
export interface SearchTerm {
  any: SearchPhrase[];
  exclude: boolean;
}

// The word characters of SQLite's unicode61 tokenizer (categories L*, N*, Co). PostgreSQL's
// document is built with ASCII punctuation turned into spaces, which splits it the same way.
const WORD = /[\p{L}\p{N}\p{Co}]+/gu;
const ENDS_WITH_WORD_STAR = /[\p{L}\p{N}\p{Co}]\*+$/u;
const STARTS_WITH_WORD = /^[\p{L}\p{N}\p{Co}]/u;

/** A piece of the query as typed: a phrase (excluded by a "-" before it), or an operator. */
type Piece = { phrase: SearchPhrase; minus: boolean } | { op: "OR" | "NOT" | "AND" };

/**
 * The clauses of a user's query (see the module comment for what they match). Never throws:
 * an operator with nothing to apply to is ignored. A query with nothing to look for (no word, or
 * only exclusions) is no clause at all, and matches nothing.
 */
export function parseSearchQuery(input: string): SearchTerm[] {
  const q = input.normalize("NFC");
  const pieces: Piece[] = [];
  let phrases = 0;
  let i = 0;
  while (i < q.length && phrases < MAX_TERMS) {
    const ch = q[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    // "-word", "-\"a phrase\"": excluded. A "-" before anything else is punctuation.
    let minus = false;
    if (ch === "-" && (q[i + 1] === '"' || STARTS_WITH_WORD.test(q[i + 1] ?? ""))) {
      minus = true;
      i++;
    }
    let text: string;
    let prefix = false;
    if (q[i] === '"') {
      const close = q.indexOf('"', i + 1);
      // An unbalanced quote quotes the rest of the query.
      text = q.slice(i + 1, close < 0 ? q.length : close);
      i = close < 0 ? q.length : close + 1;
      if (q[i] === "*") {
        prefix = true;
        while (q[i] === "*") i++;
      }
    } else {
      let j = i;
      while (j < q.length && q[j] !== '"' && !/\s/u.test(q[j]!)) j++;
      text = q.slice(i, j);
      i = j;
      // Operators are upper-case words on their own; "or", "not" and "and" are words.
      if (!minus && (text === "OR" || text === "NOT" || text === "AND")) {
        pieces.push({ op: text });
        continue;
      }
      prefix = ENDS_WITH_WORD_STAR.test(text);
    }
    const words = text.match(WORD);
    if (words) {
      pieces.push({ phrase: { words, prefix }, minus });
      phrases++;
    }
  }
  const terms: SearchTerm[] = [];
  let not = false;
  let or = false;
  for (const piece of pieces) {
    if ("op" in piece) {
      if (piece.op === "NOT") not = true;
      else if (piece.op === "OR") or = terms.length > 0 && !terms[terms.length - 1]!.exclude;
      continue;
    }
    const exclude = piece.minus || not;
    const last = terms[terms.length - 1];
    if (or && !exclude && last) last.any.push(piece.phrase);
    else terms.push({ any: [piece.phrase], exclude });
    not = false;
    or = false;
  }
  return terms.some((t) => !t.exclude) ? terms : [];
}

/** An FTS5 phrase: a quoted string (so nothing in it is an operator), `*` for a prefix. */
const fts5Phrase = (p: SearchPhrase) => `"${p.words.join(" ").replace(/"/g, '""')}"${p.prefix ? " *" : ""}`;
const fts5Any = (phrases: SearchPhrase[]) => (phrases.length > 1 ? `(${phrases.map(fts5Phrase).join(" OR ")})` : fts5Phrase(phrases[0]!));

/** The FTS5 MATCH expression for the clauses: AND between them, OR inside one, NOT for the excluded. */
export function fts5Query(terms: SearchTerm[]): string {
  const wanted = terms.filter((t) => !t.exclude).map((t) => fts5Any(t.any)).join(" AND ");
  const unwanted = terms.filter((t) => t.exclude).flatMap((t) => t.any);
  return unwanted.length ? `(${wanted}) NOT ${fts5Any(unwanted)}` : wanted;
}

/** A tsquery phrase: quoted lexemes joined by <->, :* on a prefix word. */
function tsPhrase(p: SearchPhrase): string {
  const words = p.words.map((w) => `'${w.replace(/'/g, "''").replace(/\\/g, "\\\\")}'`);
  if (p.prefix) words[words.length - 1] += ":*";
  return words.length > 1 ? `(${words.join(" <-> ")})` : words[0]!;
}

/** The to_tsquery text for the clauses: & between them, | inside one, ! before the excluded. */
export function tsQueryText(terms: SearchTerm[]): string {
  return terms
    .map((t) => {
      const any = t.any.length > 1 ? `(${t.any.map(tsPhrase).join(" | ")})` : tsPhrase(t.any[0]!);
      return t.exclude ? `!${any}` : any;
    })
    .join(" & ");
}

