import { ORG_HEADS, OUTLET_HEADS } from "./lexicon";

/** A capitalised name in the article (outside quotations), classified roughly. */
export interface Mention {
  start: number;
  end: number;
  /** Normalised name: whitespace collapsed, markup and leading titles/articles removed. */
  name: string;
  kind: "person" | "org" | "other";
  /** An organisation that is a news outlet ("the New York Times", "the DEBKA File publication"). */
  outlet: boolean;
}

// Capitalised words that start sentences or headlines without naming anything.
const FUNCTION_WORDS = new Set(
  (
    "the a an in on at but and or however after before when while if as for from with by to of this that these those " +
    "it its he she they we i you his her their our my your there here what who why how where which " +
    "also still yet so then now meanwhile earlier later last next first one two three mr mrs ms " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august " +
    "september october november december read click photo video update watch related advertisement"
  ).split(" "),
);

/** Titles and roles that precede a name: stripped to get the person's name. */
export const TITLE_WORDS = new Set(
  (
    "mr mrs ms miss dr prof rev sen rep gov gen lt col sgt capt cmdr adm maj cpl det insp supt " +
    "president vice secretary minister ambassador chief officer judge justice senator representative governor " +
    "mayor director spokesman spokeswoman spokesperson commissioner chairman chairwoman chair professor pope king " +
    "queen prince princess sheriff deputy attorney general former first lady speaker leader rabbi imam coach " +
    "candidate nominee sergeant lieutenant captain detective trooper agent councilman councilwoman alderman " +
    "congressman congresswoman assemblyman delegate chancellor premier prime executive editor reporter host " +
    "anchor founder ceo manager inspector commander colonel major corporal private admiral marshal " +
    "senate majority minority whip ranking member councilor commissioner superintendent"
  ).split(" "),
);

const CONNECTORS = new Set(["of", "for", "the", "de", "al", "bin", "van", "von", "der", "du", "la", "le", "and", "&"]);

function isCap(w: string): boolean {
  return /^[A-Z]/.test(w) || /^\*[A-Z]/.test(w);
}

function isAcronym(w: string): boolean {
  return /^[A-Z]{2,6}s?$/.test(w) || /^(?:[A-Z]\.){2,}$/.test(w);
}

/** Nationality/demonym adjectives ("Russian", "Syrian", "Israeli") lead names without being part of them. */
function isDemonym(w: string): boolean {
  return /^[A-Z][a-z]+(?:ian|an|ese|ish|i|ic)$/.test(w) && !/(?:ston|son|man|ban)$/.test(w);
}

// Only what name runs are made of: capitalised words, "(Abbrev)" and the connectors allowed inside
// names. Other words are skipped, and show up as letters in the gap between two matches.
const WORD = /(?<![A-Za-z'’])(?:[A-Z][A-Za-z'’.\-]*|\([A-Z][A-Za-z.]*\)|(?:of|for|the|de|al|bin|van|von|der|du|la|le|and|to)(?![A-Za-z]))/g;

/** Strip markdown emphasis and collapse whitespace. */
export function cleanName(s: string): string {
  return s.replace(/[*_]+/g, "").replace(/\s+/g, " ").replace(/^(?:the|a|an)\s+/i, "").replace(/[’']s$/, "").trim();
}

/** Split a name phrase into the person's name (titles, demonyms, acronyms removed) or null. */
export function personName(phrase: string): string | null {
  const words = cleanName(phrase).split(" ").filter(Boolean);
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    const bare = w.replace(/\.$/, "").toLowerCase();
    if (TITLE_WORDS.has(bare) || isDemonym(w) || isAcronym(w.replace(/\.$/, "")) || CONNECTORS.has(w) || !isCap(w)) i++;
    else break;
  }
  const rest = words.slice(i);
  if (!rest.length || rest.length > 4) return null;
  if (rest.some((w) => ORG_HEADS.has(w.toLowerCase()) || !isCap(w) || CONNECTORS.has(w))) return null;
  return rest.join(" ");
}

/**
 * Collect capitalised name runs outside the given quote spans, in text order. A run may cross a
 * paragraph break that ends without punctuation (a scraped paragraph broken mid-sentence, as in
 * "the US\n\nCentral Command"). Runs that look like a person's name are "person"; runs with an
 * organisation head word ("Ministry", "Command", "Times") or acronyms are "org".
 */
export function collectMentions(text: string, quoteSpans: ReadonlyArray<{ start: number; end: number }>): Mention[] {
  const out: Mention[] = [];
  const words: Array<{ w: string; s: number; e: number }> = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) words.push({ w: m[0], s: m.index, e: m.index + m[0].length });
  let qi = 0;
  const sortedQ = [...quoteSpans].sort((a, b) => a.start - b.start);
  const inQuote = (pos: number) => {
    while (qi < sortedQ.length && sortedQ[qi]!.end <= pos) qi++;
    const q = sortedQ[qi];
    return !!q && q.start <= pos && pos < q.end;
  };
  // Each word of a full person name -> that name (latest wins), for surname look-ups.
  const personByWord = new Map<string, string>();
  let i = 0;
  while (i < words.length) {
    const first = words[i]!;
    if (!isCap(first.w) || inQuote(first.s)) {
      i++;
      continue;
    }
    // Sentence-initial function words are not names.
    if (FUNCTION_WORDS.has(first.w.toLowerCase()) && (first.w.length <= 3 || i === 0 || /[.!?:"“”\n]\s*$/.test(text.slice(Math.max(0, first.s - 3), first.s)))) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < words.length) {
      // A word ending in a period ends the run unless it is an initial or a title ("C.", "Sgt.").
      const cur = words[j]!.w;
      if (cur.endsWith(".") && !/^[A-Z]\.$/.test(cur) && !/^(?:[A-Z]\.)+$/.test(cur) && !TITLE_WORDS.has(cur.slice(0, -1).toLowerCase()) && !/^(?:St|Jr|Sr|Mt|Ft)\.$/.test(cur)) break;
      const nx = words[j + 1]!;
      const gap = text.slice(words[j]!.e, nx.s);
      // Same line, or a paragraph break with no sentence end before it.
      if (!/^[\s*_]*$/.test(gap)) break;
      if (/\n/.test(gap) && /[.!?:"”]$/.test(text.slice(words[j]!.e - 1, words[j]!.e))) break;
      if (isCap(nx.w) || /^\(/.test(nx.w)) {
        j++;
        continue;
      }
      // "Ministry of Defence", "Ambassador to the UN": connectors between capitalised words.
      if ((CONNECTORS.has(nx.w) || nx.w === "to") && j + 2 < words.length && (isCap(words[j + 2]!.w) || (words[j + 2]!.w === "the" && j + 3 < words.length && isCap(words[j + 3]!.w)))) {
        j++;
        continue;
      }
      break;
    }
    if (j === i) {
      // Fast path for one-word runs (most of them): no name clean-up needed.
      let w = first.w.replace(/^[*_]+/, "");
      if (w.endsWith(".")) w = w.slice(0, -1);
      if (w.endsWith("’s") || w.endsWith("'s")) w = w.slice(0, -2);
      const lw = w.toLowerCase();
      let kind: Mention["kind"] = "other";
      let name = w;
      const outlet = OUTLET_HEADS.has(lw) && lw.length > 2 && !/^(?:post|news|site|file|paper|daily|network|channel|station|times|today|journal)$/.test(lw);
      if (ORG_HEADS.has(lw) || isAcronym(w) || outlet) kind = "org";
      else if (!TITLE_WORDS.has(lw) && !isDemonym(w) && isCap(w)) {
        const full = personByWord.get(w);
        if (full) {
          kind = "person";
          name = full;
        } else if (/^\s+(?:said|says|told|added|asked|wrote|noted|explained|argued|insisted|recalled)\b/.test(text.slice(first.e, first.e + 14))) kind = "person";
      }
      out.push({ start: first.s, end: first.e, name, kind, outlet: kind === "org" && outlet });
      i = j + 1;
      continue;
    }
    const raw = text.slice(first.s, words[j]!.e).replace(/\.$/, "");
    const after = text.slice(words[j]!.e, words[j]!.e + 16).toLowerCase();
    // (also used below to spot "Smith said")
    const name = cleanName(raw.replace(/\s+\(/, " ("));
    const toks = name.split(" ");
    const lowerToks = toks.map((t) => t.toLowerCase().replace(/[().]/g, ""));
    const orgHead = lowerToks.some((t) => ORG_HEADS.has(t));
    const outletAfter = /^[*_\s]*(?:publication|newspaper|magazine|website|news agency|daily|tabloid|network|channel)\b/.test(after);
    const outlet = outletAfter || lowerToks.some((t) => OUTLET_HEADS.has(t) && t.length > 2 && !/^(?:post|news|site|file|paper|daily|network|channel|station)$/.test(t)) || (lowerToks.length > 1 && lowerToks.some((t) => /^(?:post|news|file|journal|daily)$/.test(t)));
    let kind: Mention["kind"] = "other";
    const isOrg = orgHead || outlet || (toks.length <= 2 && toks.every((t) => isAcronym(t.replace(/[()]/g, ""))));
    const pn = isOrg ? null : personName(name);
    if (isOrg) kind = "org";
    let full: string | null = null;
    if (pn && pn.includes(" ")) {
      kind = "person";
      full = pn;
      for (const w of pn.split(" ")) personByWord.set(w, pn);
    } else if (pn) {
      // A single word: a person if it is the surname or first name of a person named earlier, or
      // the subject of a speech verb ("Smith said").
      full = personByWord.get(pn) ?? null;
      if (full || /^\s+(?:said|says|told|added|asked|wrote|noted|explained|argued|insisted|recalled)\b/.test(after)) kind = "person";
    }
    out.push({ start: first.s, end: words[j]!.e, name: kind === "person" ? (full ?? name) : name, kind, outlet: kind === "org" && outlet });
    i = j + 1;
  }
  return out;
}

/**
 * Resolves speaker mentions against the names seen before a position. The names are collected on
 * first use: most articles without pronoun or surname attributions never pay for it.
 */
export class MentionIndex {
  private list: Mention[] | null = null;

  constructor(
    private readonly text: string,
    private readonly quoteSpans: ReadonlyArray<{ start: number; end: number }>,
  ) {}

  get mentions(): Mention[] {
    this.list ??= collectMentions(this.text, this.quoteSpans);
    return this.list;
  }

  /** Index of the first mention starting at or after `pos`. */
  private upper(pos: number): number {
    const ms = this.mentions;
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The last mention of `kind` that ends before `pos`. */
  last(kind: Mention["kind"], pos: number, pred: (m: Mention) => boolean = () => true): Mention | null {
    const ms = this.mentions;
    for (let i = this.upper(pos) - 1; i >= 0; i--) {
      const m = ms[i]!;
      if (m.end <= pos && m.kind === kind && pred(m)) return m;
    }
    return null;
  }

  /** Full name of a person from a partial one ("Churkin" -> "Vitaly Churkin"), looking before `pos`. */
  expandPerson(partial: string, pos: number): string | null {
    const words = partial.split(" ");
    const lastWord = words[words.length - 1]!;
    const m = this.last("person", pos + 1, (x) => x.name.length >= partial.length && x.name.split(" ").includes(lastWord));
    return m ? m.name : null;
  }

  /** The organisation whose name contains `head` ("ministry" -> "Syrian Foreign Ministry"). */
  expandOrg(head: string, pos: number): string | null {
    const h = head.toLowerCase();
    const m = this.last("org", pos, (x) => x.name.toLowerCase().split(/[\s()]+/).includes(h));
    return m ? m.name : null;
  }
}
