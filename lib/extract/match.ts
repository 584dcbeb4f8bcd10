import type { Token } from "./nlp";
import type { Pattern } from "./lexicon";

// Patterns are compiled once into arrays of Sets so matching is a Set look-up per token. The
// compiled form (and a table's index, below) is kept on the array itself under a symbol: matching
// runs for every token of every candidate sentence, and a property read is cheaper than a WeakMap
// look-up there.
type Compiled = Array<Set<string> | null>; // null = any token
const COMPILED = Symbol("compiled");
const INDEX = Symbol("index");

function compile(p: Pattern): Compiled {
  const holder = p as Pattern & { [COMPILED]?: Compiled };
  let c = holder[COMPILED];
  if (!c) {
    c = p.map((alt) => (alt === "*" ? null : new Set(alt.split("|"))));
    Object.defineProperty(holder, COMPILED, { value: c, enumerable: false });
  }
  return c;
}

/** If `p` matches the tokens starting at `i`, the index after the match; else -1. */
export function matchAt(toks: Token[], i: number, p: Pattern): number {
  const c = compile(p);
  for (let k = 0; k < c.length; k++) {
    const t = toks[i + k];
    if (!t) return -1;
    const alts = c[k];
    if (alts && !alts.has(t.lower)) return -1;
  }
  return i + c.length;
}

/** If `p` matches the tokens ending just before `end`, the index of its first token; else -1. */
export function matchBefore(toks: Token[], end: number, p: Pattern): number {
  const s = end - p.length;
  if (s < 0) return -1;
  return matchAt(toks, s, p) === end ? s : -1;
}

// Tables indexed by their first word, so a look-up only tries the few patterns that can start at a
// given token. Each list also holds the patterns starting with "*", in table order (longest
// patterns first); words no pattern starts with map to the "*" patterns alone (key "").
function indexOf<L>(table: Array<[Pattern, L]>): Map<string, Array<[Pattern, L]>> {
  const holder = table as Array<[Pattern, L]> & { [INDEX]?: Map<string, Array<[Pattern, L]>> };
  let idx = holder[INDEX];
  if (!idx) {
    idx = new Map();
    const wild = table.filter((row) => (row[0][0] ?? "*") === "*");
    idx.set("", wild);
    for (const row of table) {
      const first = row[0][0] ?? "*";
      if (first === "*") continue;
      for (const w of first.split("|")) if (!idx.has(w)) idx.set(w, table.filter((r) => (r[0][0] ?? "*") === "*" || (r[0][0] ?? "").split("|").includes(w)));
    }
    Object.defineProperty(holder, INDEX, { value: idx, enumerable: false });
  }
  return idx;
}

/** The first of `table`'s patterns that matches at `i`, with its label and end. */
export function firstMatch<L>(toks: Token[], i: number, table: Array<[Pattern, L]>): { label: L; next: number } | null {
  const t = toks[i];
  if (!t) return null;
  const idx = indexOf(table);
  const cands = idx.get(t.lower) ?? idx.get("")!;
  for (const [p, label] of cands) {
    const next = matchAt(toks, i, p);
    if (next >= 0) return { label, next };
  }
  return null;
}

/** The first of `table`'s patterns that ends just before `end`, with its label and start. */
export function firstMatchBefore<L>(toks: Token[], end: number, table: Array<[Pattern, L]>): { label: L; start: number } | null {
  for (const [p, label] of table) {
    const start = matchBefore(toks, end, p);
    if (start >= 0) return { label, start };
  }
  return null;
}

/**
 * An alternation of words as a prefix trie ("s(?:a(?:id|ys?)|...)"): V8 then rejects most text
 * positions on the first letter instead of trying every word.
 */
export function trieRegex(words: string[]): string {
  const byFirst = new Map<string, string[]>();
  let empty = false;
  for (const w of words) {
    if (!w) {
      empty = true;
      continue;
    }
    const list = byFirst.get(w[0]!) ?? [];
    list.push(w.slice(1));
    byFirst.set(w[0]!, list);
  }
  const alts = [...byFirst.entries()].map(([c, rest]) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + (rest.length === 1 && rest[0] === "" ? "" : rest.every((r) => r === "") ? "" : `(?:${trieRegex(rest)})${rest.includes("") ? "?" : ""}`));
  const body = alts.join("|");
  return empty && !body ? "" : body;
}
