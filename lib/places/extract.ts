/**
 * Places an article names in its headline and lead, with how strongly the text ties each one to
 * the story: a dateline ("NORFOLK, Va. —") is the strongest evidence, then a place qualified by
 * its state or country ("Hawthorne, California"), then a locative cue ("in", "near", "the town
 * of", "près de"), then a place-type word after it ("Idlib province", "Chicago police"); a bare
 * mention counts only when the gazetteer entry is large or the article's own context (the
 * countries and states it names) agrees. Names the gazetteer does not know are taken only with
 * a cue ("in Port Casmir") or a place-type word ("the Kellan Valley", "Wayne County").
 *
 * Pure: no I/O, no clock. Cost: one pass over the headline and the first ~900 characters.
 */
import { cleanTitle } from "../cluster/title";
import { getGazetteer, type Gazetteer, type GazetteerEntry, type PlaceKind } from "./gazetteer";
import { placeKey } from "./normalize";

/** One place an article names, as stored on the article (`Article.places`, JSON). */
export interface PlaceCandidate {
  /** Display name: "Deir ez-Zor", "Kellan Valley", "Syria". */
  n: string;
  /** Country name ("Syria"), or null when unknown. */
  c: string | null;
  /** US state name for a US place ("California"), else null. */
  a: string | null;
  t: PlaceKind;
  /** Evidence weight in this article (dateline 3, qualified 2.5, cue 2, type word 1.5, bare 1; headline x1.5), capped at 4. */
  w: number;
  /** Set when the country/state was guessed (several places share the name and nothing said which): it counts less. */
  g?: 1;
}

export interface PlaceInput {
  title: string;
  text: string;
}

/** Characters of the body read after the headline: the lead, where news says where it happened. */
const LEAD_CHARS = 900;
const MAX_CANDIDATES = 6;
const HEADLINE_FACTOR = 1.5;
/** A bare mention of a city this large needs no cue ("Aleppo", "Chicago"). */
const BARE_POPULATION = 100_000;

// Words before a place that say the story happened there.
const CUES = new Set(["in", "near", "outside", "inside", "around", "across", "throughout", "through", "à", "dans", "en"]);
// "<noun> of X": "the town of Urum al-Kubra", "north of Aleppo".
const OF_NOUNS = new Set([
  "town", "city", "village", "suburb", "suburbs", "outskirts", "neighborhood", "neighbourhood", "district", "province",
  "county", "region", "state", "port", "capital", "north", "south", "east", "west", "northeast", "northwest",
  "southeast", "southwest", "heart", "center", "centre", "streets", "residents", "mayor", "ville", "région",
]);
// Words that may stand between a cue and the place: "in the eastern Syria" forms, "in downtown Chicago".
const MODIFIERS = new Set([
  "the", "eastern", "western", "northern", "southern", "central", "north", "south", "east", "west", "northeast",
  "northwest", "southeast", "southwest", "downtown", "rural", "suburban", "nearby", "neighbouring", "neighboring",
  "war-torn", "besieged", "rebel-held", "government-held", "la", "le", "les", "l", "l'", "l’", "de", "du", "the",
]);
// Words after a place name that make it a region ("Wayne County") or tie the story to it.
const REGION_HEADS = new Set(["county", "parish", "province", "governorate", "valley", "district", "region", "oblast", "prefecture"]);
const PLACE_HEADS = new Set([
  "police", "sheriff", "sheriff's", "fire", "airport", "city", "township", "borough", "mountains", "mountain",
  "neighborhood", "neighbourhood", "suburb", "area", "residents", "officials", "authorities", "hospital", "mayor",
]);
const SPEECH = new Set(["said", "says", "told", "added", "wrote", "testified", "tweeted", "argued", "asked", "announced"]);
// Capitalised words that never start a place name: calendar words and sentence openers.
const NOT_NAMES = new Set(
  (
    "the a an in on at and or but of for from with by to this that these those it he she they we i you his her " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august " +
    "september october november december police update breaking video photo watch more read"
  ).split(" "),
);
// Small words that may sit inside a multi-word name without capital ("Deir ez-Zor", "Urum al-Kubra").
const NAME_PARTICLES = new Set(["al", "el", "ez", "es", "as", "ad", "an", "ar", "at", "az", "de", "del", "la", "le", "du", "des", "of", "on", "upon", "sur", "bin", "ibn"]);

interface Token {
  text: string;
  /** Text without a possessive ('s) and trailing period, for look-ups. */
  bare: string;
  key: string;
  lower: string;
  cap: boolean;
  start: number;
  end: number;
  /** First token of a sentence (capitalisation says nothing there). */
  sentenceStart: boolean;
  /** Only whitespace between the previous token and this one. */
  joined: boolean;
  /** The characters between the previous token and this one. */
  gap: string;
}

const TOKEN = /[\p{L}\p{N}]+(?:[.'’\-][\p{L}\p{N}]+)*\.?/gu;
const SENTENCE_GAP = /[!?:;\n"“]|\.\s|^\s*[-–—]\s/;
const ABBREVIATION = /^[A-Z][a-z]{0,3}\.$|^(?:[A-Za-z]\.)+$/;
const ELISION = /^(d|l|dell|all|nell|sull|dall|qu|jusqu)['’](?=\p{Lu})/iu;

/** Ends with 's or ’s (either case of s): /['’]s$/i without the regex. */
function endsPossessive(w: string): boolean {
  const n = w.length;
  if (n < 2) return false;
  const s = w.charCodeAt(n - 1);
  const q = w.charCodeAt(n - 2);
  return (s === 115 || s === 83) && (q === 39 || q === 0x2019);
}

/** `w.split(/[-']/)[0]`: the part before the first hyphen or apostrophe. */
function beforeHyphen(w: string): string {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 45 || c === 39) return w.slice(0, i);
  }
  return w;
}

/** `key.split(" ").length`: the words of a look-up key. */
function wordCount(key: string): number {
  let n = 1;
  for (let i = key.indexOf(" "); i >= 0; i = key.indexOf(" ", i + 1)) n++;
  return n;
}

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of s.matchAll(TOKEN)) {
    let text = m[0];
    let start = m.index;
    // French and Italian elision before a name: "près d'Izmir", "l'Irak", "dell'Aquila" read as
    // the article ("de", "l'") and the name, so the name is looked up and the cue seen.
    // ELISION needs an apostrophe: most tokens have none and skip the regex.
    const elided = text.includes("'") || text.includes("’") ? ELISION.exec(text) : null;
    let afterElision = false;
    if (elided) {
      afterElision = true;
      const prefix = elided[1]!;
      const prev = out[out.length - 1];
      const gap = s.slice(last, start);
      const lower = prefix.toLowerCase();
      out.push({
        text: prefix + "'",
        bare: prefix,
        key: lower,
        lower: lower === "d" ? "de" : lower,
        cap: false,
        start,
        end: start + prefix.length + 1,
        sentenceStart: prev ? prev.text.charCodeAt(prev.text.length - 1) === 46 && !ABBREVIATION.test(prev.text) : true,
        joined: prev !== undefined && (gap === " " || /^[ \t\u00a0]+$/.test(gap)),
        gap,
      });
      last = start + prefix.length + 1;
      start = last;
      text = text.slice(prefix.length + 1);
    }
    const gap = s.slice(last, start);
    const prev = out[out.length - 1];
    // A sentence ends at . ! ? : or a line break; a period after a short capitalised word is an
    // abbreviation ("St.", "Va.", "Lt.") unless a line break follows.
    const prevEnds = prev ? prev.text.charCodeAt(prev.text.length - 1) === 46 && !ABBREVIATION.test(prev.text) : true;
    const sentenceStart = prevEnds || (gap !== " " && SENTENCE_GAP.test(gap));
    const endsDot = text.charCodeAt(text.length - 1) === 46;
    let bare = endsDot ? text.slice(0, -1) : text;
    if (endsPossessive(bare)) bare = bare.slice(0, -2);
    const first = text.charCodeAt(0);
    const cap = first >= 65 && first <= 90 ? true : first >= 97 && first <= 122 ? false : /^\p{Lu}/u.test(text);
    const lower = bare.toLowerCase();
    out.push({
      text,
      bare,
      // Keys are for capitalised words and the particles inside names; others are never looked up.
      key: cap || lower.length <= 3 || lower.includes("-") ? placeKey(bare) : lower,
      lower,
      cap,
      start,
      end: start + text.length,
      sentenceStart,
      joined: prev !== undefined && (afterElision || gap === " " || /^[ \t\u00a0]+$/.test(gap)),
      gap,
    });
    last = start + text.length;
  }
  return out;
}

/** Most words capitalised: "Man Shot In Critical Condition" says nothing by its capitals. */
function isTitleCase(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.text.length > 3 && /^\p{L}/u.test(t.text));
  return words.length >= 3 && words.filter((t) => t.cap).length >= words.length * 0.8;
}

interface Match {
  from: number;
  to: number; // exclusive
  entries: GazetteerEntry[];
}

function countryCodeToken(tokens: Token[], i: number): string | null {
  const t = tokens[i]!;
  if (t.text === "US" || t.text === "U.S." || t.text === "USA" || t.text === "U.S.A.") return "US";
  // "UK" is also the University of Kentucky: only "the UK", "in the UK".
  if ((t.text === "UK" || t.text === "U.K.") && i > 0 && tokens[i - 1]!.lower === "the") return "GB";
  return null;
}

/** The longest gazetteer name starting at token `i` (words joined by spaces only). */
function matchAt(tokens: Token[], i: number, gaz: Gazetteer): Match | null {
  const t = tokens[i]!;
  if (!t.cap) return null;
  const code = countryCodeToken(tokens, i);
  if (code) {
    const name = gaz.countryName.get(code) ?? code;
    return { from: i, to: i + 1, entries: [{ name, kind: "country", country: code, state: null, population: 0, seat: false }] };
  }
  if (!t.cap || NOT_NAMES.has(t.lower)) return null;
  const space = t.key.indexOf(" ");
  const first = space < 0 ? t.key : t.key.slice(0, space);
  const longest = Math.min(gaz.maxWords.get(first) ?? 0, 6);
  if (longest === 0) return null;
  let key = "";
  let best: Match | null = null;
  let words = 0;
  for (let j = i; j < tokens.length; j++) {
    const tok = tokens[j]!;
    if (j > i && !tok.joined) break;
    // Inside a name, only capitalised words and particles ("Deir ez-Zor", "Bay of Plenty").
    if (j > i && !tok.cap && !NAME_PARTICLES.has(beforeHyphen(tok.lower))) break;
    key = key ? `${key} ${tok.key}` : tok.key;
    words += wordCount(tok.key);
    if (words > longest) break;
    const entries = gaz.byKey.get(key);
    if (entries) best = { from: i, to: j + 1, entries };
    // A possessive or a trailing period ends the name.
    if (tok.bare !== tok.text) break;
  }
  return best;
}

// `matchAt` answers by token list: findPlaces reads each position to gather the article's context,
// then scanSegment reads them again to score. Token lists are not changed once looked up in.
const matchMemo = new WeakMap<Token[], Array<Match | null | undefined>>();

/** `matchAt`, computed once per token list and position. */
function matchAtMemo(tokens: Token[], i: number, gaz: Gazetteer): Match | null {
  let memo = matchMemo.get(tokens);
  if (!memo) {
    memo = [];
    matchMemo.set(tokens, memo);
  }
  let m = memo[i];
  if (m === undefined) {
    m = matchAt(tokens, i, gaz);
    memo[i] = m;
  }
  return m;
}

/** Country counts from the names an article uses: "Syria", "Syrian", "Va.", "California". */
function contextOf(tokens: Token[], matches: Match[], gaz: Gazetteer): { countries: Map<string, number>; states: Set<string> } {
  const countries = new Map<string, number>();
  const states = new Set<string>();
  const bump = (c: string, by: number) => countries.set(c, (countries.get(c) ?? 0) + by);
  for (const m of matches) {
    const kinds = new Set(m.entries.map((e) => e.kind));
    if (kinds.has("country") && m.entries.length === 1) bump(m.entries[0]!.country, 1);
    const usStates = m.entries.filter((e) => e.kind === "region" && e.state);
    // A state name alone ("Georgia" is also a country) is US context only when unambiguous.
    if (usStates.length && m.entries.every((e) => e.country === "US" || e.kind === "city")) {
      for (const s of usStates) states.add(s.state!);
      bump("US", 1);
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cap) {
      const d = gaz.demonyms.get(t.key);
      if (d) bump(d, 0.5);
    }
    // "Norfolk, Va." / "Hawthorne, CA": a state abbreviation after a comma.
    if (i > 0 && /,\s*$/.test(t.gap)) {
      const code = stateAbbreviationOf(t, gaz);
      if (code) {
        states.add(code);
        bump("US", 1);
      }
    }
  }
  return { countries, states };
}

function stateAbbreviationOf(t: Token, gaz: Gazetteer): string | null {
  if (/^[A-Z]{2}$/.test(t.text)) return gaz.stateAbbreviation.get(t.text.toLowerCase()) ?? null;
  if (/\.$/.test(t.text)) return gaz.stateAbbreviation.get(t.text.toLowerCase()) ?? null;
  // "LANCASTER, Pa –": the AP form without its period.
  if (/^[A-Z][a-z]{1,4}$/.test(t.text)) return gaz.stateAbbreviation.get(`${t.text.toLowerCase()}.`) ?? null;
  return null;
}

/** What follows ", " after a place: a state or a country, used to pick the entry and as strong evidence. */
function qualifierAfter(tokens: Token[], m: Match, gaz: Gazetteer): { country: string; state: string | null } | null {
  const next = tokens[m.to];
  if (!next || !/^\s*,\s*$/.test(next.gap)) return null;
  const abbr = stateAbbreviationOf(next, gaz);
  if (abbr) return { country: "US", state: abbr };
  const q = matchAtMemo(tokens, m.to, gaz);
  if (!q) return null;
  const region = q.entries.find((e) => e.kind === "country") ?? q.entries.find((e) => e.kind === "region");
  return region ? { country: region.country, state: region.state } : null;
}

/** A cue before token `i`, looking back over modifiers ("in eastern", "the town of"). */
function cueBefore(tokens: Token[], i: number): boolean {
  let j = i - 1;
  let hops = 0;
  while (j >= 0 && hops < 3) {
    const t = tokens[j]!;
    const next = tokens[j + 1]!;
    if (!next.joined && !/^\s+$/.test(next.gap)) return false;
    if (CUES.has(t.lower)) return true;
    if (t.lower === "of" && j > 0 && OF_NOUNS.has(tokens[j - 1]!.lower)) return true;
    if (t.lower === "de" && j > 0 && ["près", "ville", "village", "région", "province"].includes(tokens[j - 1]!.lower)) return true;
    if (!MODIFIERS.has(t.lower)) return false;
    j--;
    hops++;
  }
  return false;
}

interface Scored {
  entry: GazetteerEntry | null;
  name: string;
  kind: PlaceKind;
  country: string | null;
  state: string | null;
  weight: number;
  /** The country/state was picked by population among places of the same name. */
  guessed?: boolean;
}

function resolve(
  m: Match,
  qualifier: { country: string; state: string | null } | null,
  regionHead: boolean,
  ctx: { countries: Map<string, number>; states: Set<string> },
): GazetteerEntry {
  let best = m.entries[0]!;
  let bestScore = -Infinity;
  for (const e of m.entries) {
    let s = 0;
    if (qualifier) s += (e.country === qualifier.country ? 10 : 0) + (qualifier.state && e.state === qualifier.state ? 10 : 0);
    if (e.state && ctx.states.has(e.state)) s += 3;
    // Country context helps a US town only when the article names a state: "the United States"
    // in a story about Moscow says nothing for Moscow, Idaho.
    if (!e.state || ctx.states.size > 0) s += Math.min(ctx.countries.get(e.country) ?? 0, 3) / 2;
    s += regionHead ? (e.kind === "region" ? 2 : 0) : e.kind === "city" ? 0.5 : e.kind === "country" ? 0.4 : 0.2;
    // Population decides between otherwise equal places (10M: 3.5, 25k: 2.2).
    s += Math.log10(e.population + 1) / 2 + (e.seat ? 0.5 : 0);
    if (s > bestScore) {
      bestScore = s;
      best = e;
    }
  }
  return best;
}

/** The one US state the article names, if exactly one (for a county the gazetteer does not list). */
function onlyState(ctx: { states: Set<string> }, country: string | null): string | null {
  return country === "US" && ctx.states.size === 1 ? [...ctx.states][0]! : null;
}

/** "FRANKLIN COUNTY" -> "Franklin County"; mixed case is kept. */
function displayName(s: string): string {
  return s === s.toUpperCase() && /\p{Lu}{2}/u.test(s) ? titleCase(s) : s;
}

function topCountry(ctx: { countries: Map<string, number> }): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [c, k] of ctx.countries) if (k > n) [best, n] = [c, k];
  return best;
}

function capitalisedRun(tokens: Token[], from: number, max = 4): number {
  let j = from;
  while (j < tokens.length && j - from < max) {
    const t = tokens[j]!;
    if (j > from && !t.joined) break;
    if (!(t.cap || (j > from && NAME_PARTICLES.has(beforeHyphen(t.lower))))) break;
    if (NOT_NAMES.has(t.lower) || SPEECH.has(t.lower)) break;
    j++;
    if (t.bare !== t.text) break;
  }
  return j;
}

/** Places named in one segment (headline or lead). */
function scanSegment(
  tokens: Token[],
  gaz: Gazetteer,
  ctx: { countries: Map<string, number>; states: Set<string> },
  headline: boolean,
  out: Scored[],
): void {
  const titleCase = headline && isTitleCase(tokens);
  const factor = headline ? HEADLINE_FACTOR : 1;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    const m = matchAtMemo(tokens, i, gaz);
    const runEnd = m ? m.to : t.cap && !NOT_NAMES.has(t.lower) ? capitalisedRun(tokens, i) : i;
    if (runEnd === i) {
      i++;
      continue;
    }
    const prev = i > 0 && t.joined ? tokens[i - 1]! : undefined;
    const next = tokens[runEnd] && tokens[runEnd]!.joined ? tokens[runEnd] : undefined;
    const nextLower = next?.lower ?? "";
    const regionHead = REGION_HEADS.has(nextLower);
    const placeHead = PLACE_HEADS.has(nextLower);
    const cue = cueBefore(tokens, i);
    const qualifier = m ? qualifierAfter(tokens, m, gaz) : null;
    // Capitals inside a longer name: "Officer Tyler", "Chicago Tribune", "Michael Jordan".
    const prevName = !titleCase && prev !== undefined && prev.cap && !t.sentenceStart && !CUES.has(prev.lower) && !NOT_NAMES.has(prev.lower) && !MODIFIERS.has(prev.lower);
    // A place name ending with a period ends its sentence, even when short enough to pass for an
    // abbreviation ("à Lyon. Le feu…", "in Graz. Rescuers…"): the next capital starts a sentence.
    const nextName = !titleCase && next !== undefined && next.cap && !tokens[runEnd - 1]!.text.endsWith(".") && !regionHead && !placeHead && !NOT_NAMES.has(next.lower);
    const single = runEnd - i === 1;

    if (regionHead) {
      // "Wayne County", "Idlib province", "the Kellan Valley": a region, named with its type word.
      const known = m?.entries.find((e) => e.kind === "region");
      const head = next!.text.replace(/[.,]$/, "");
      const name = known ? known.name : displayName(`${tokens.slice(i, runEnd).map((x) => x.bare).join(" ")} ${head[0]!.toUpperCase()}${head.slice(1)}`);
      const country = known?.country ?? topCountry(ctx);
      out.push({ entry: known ?? null, name, kind: "region", country, state: known?.state ?? onlyState(ctx, country), weight: (cue ? 2 : 1.5) * factor });
      i = runEnd + 1;
      continue;
    }
    if (!m) {
      // A name the gazetteer does not know: "through Kellan Valley" (its type word inside the
      // name), or only after a cue and outside title-case headlines ("in Port Casmir").
      const name = tokens.slice(i, runEnd).map((x) => x.bare).join(" ");
      const last = tokens[runEnd - 1]!;
      if (runEnd - i > 1 && REGION_HEADS.has(last.lower) && !prevName) {
        const country = topCountry(ctx);
        out.push({ entry: null, name: displayName(name), kind: "region", country, state: onlyState(ctx, country), weight: (cue ? 2 : 1.5) * factor });
      } else if (cue && !titleCase && !prevName && !nextName && !gaz.demonyms.has(t.key)) {
        out.push({ entry: null, name: displayName(name), kind: "city", country: null, state: null, weight: 1 * factor });
      }
      i = runEnd;
      continue;
    }
    i = m.to;
    if (prevName || nextName) continue;
    if (single && SPEECH.has(nextLower) && !cue) continue;
    const entry = resolve(m, qualifier, false, ctx);
    let weight: number;
    if (qualifier) weight = 2.5;
    else if (cue) weight = 2;
    else if (placeHead) weight = 1.5;
    else {
      // A bare mention: the sentence's first word, or a title-case headline word, may be any word.
      if ((t.sentenceStart && single) || (titleCase && single && entry.kind !== "country")) {
        if (!(entry.population >= BARE_POPULATION * 5)) continue;
      }
      const inContext = (ctx.countries.get(entry.country) ?? 0) > 0 || (entry.state !== null && ctx.states.has(entry.state));
      if (entry.kind === "city" && entry.population < BARE_POPULATION && !inContext) continue;
      // A state or province named alone is usually an actor ("Washington and Moscow agreed").
      if (entry.kind === "region") continue;
      weight = 1;
    }
    // A place abroad in a story set elsewhere ("Algiers" in a New Orleans story): keep the name, not the country.
    const home = topCountry(ctx);
    const foreign = entry.kind !== "country" && !qualifier && home !== null && home !== entry.country && (ctx.countries.get(entry.country) ?? 0) === 0;
    // Several places of this name in different states or countries, and nothing in the article said which.
    const guessed =
      !qualifier &&
      entry.kind === "city" &&
      !(entry.state !== null && ctx.states.has(entry.state)) &&
      m.entries.some((e) => e !== entry && e.kind === "city" && (e.country !== entry.country || e.state !== entry.state));
    out.push({
      entry,
      name: entry.name,
      kind: entry.kind,
      country: foreign ? null : entry.country,
      state: foreign ? null : entry.state,
      weight: (foreign ? weight / 2 : weight) * factor,
      guessed,
    });
  }
}

// "LITTLE ROCK, Ark. (KTHV) –", "Kentwood —", "DEIR EZ-ZOR, Syria (Levant Wire) -"
const DATELINE = /(?:^|\n)[ \t]*([A-Z][\p{L}'’.\- ]{1,40}?)(?:,[ \t]*([A-Z][\p{L}.\- ]{0,25}?))?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:—|–|--|-)[ \t]/u;

function datelineOf(lead: string, gaz: Gazetteer, ctx: { countries: Map<string, number>; states: Set<string> }): Scored | null {
  const d = DATELINE.exec(lead.slice(0, 400));
  if (!d) return null;
  const placeText = d[1]!.trim();
  if (placeText.split(/\s+/).length > 5 || NOT_NAMES.has(placeText.toLowerCase())) return null;
  const tokens = tokenize(`${placeText}${d[2] ? `, ${d[2].trim()}` : ""}`);
  // Datelines are often in capitals: match them as written in title case.
  for (const t of tokens) t.cap = true;
  const m = matchAt(tokens, 0, gaz);
  if (m && m.to === tokens.length - (d[2] ? tokenize(d[2]).length : 0)) {
    const q = qualifierAfter(tokens, m, gaz);
    const e = resolve(m, q, false, ctx);
    const guessed = !q && m.entries.some((x) => x !== e && x.kind === "city" && (x.country !== e.country || x.state !== e.state)) && !(e.state && ctx.states.has(e.state));
    return { entry: e, name: e.name, kind: e.kind, country: e.country, state: e.state, weight: 3, guessed };
  }
  // An unknown place in a dateline is trusted only with its state or country after it.
  if (d[2]) {
    const q = tokenize(d[2].trim());
    const abbr = q[0] ? stateAbbreviationOf(q[0], gaz) : null;
    const qm = q.length ? matchAt(q.map((t) => ({ ...t, cap: true })), 0, gaz) : null;
    const country = abbr ? "US" : (qm?.entries.find((e) => e.kind === "country" || e.kind === "region")?.country ?? null);
    if (country) {
      const name = placeText === placeText.toUpperCase() ? titleCase(placeText) : placeText;
      return { entry: null, name, kind: "city", country, state: abbr, weight: 3 };
    }
  }
  return null;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase());
}

/** The lead: the first LEAD_CHARS characters of the body, extended to the end of that sentence. */
function leadOf(text: string): string {
  if (text.length <= LEAD_CHARS) return text;
  const stop = text.slice(LEAD_CHARS, LEAD_CHARS + 300).search(/[.!?]\s/);
  return text.slice(0, stop < 0 ? LEAD_CHARS : LEAD_CHARS + stop + 1);
}

/**
 * The places an article names in its headline and lead, strongest first (at most 6), merged by
 * place. Display names come from the gazetteer; countries and US states as names.
 */
export function findPlaces(input: PlaceInput, gaz: Gazetteer = getGazetteer()): PlaceCandidate[] {
  const headline = tokenize(cleanTitle(input.title ?? ""));
  const lead = leadOf(input.text ?? "");
  const body = tokenize(lead);
  const matches: Match[] = [];
  for (const tokens of [headline, body]) {
    for (let i = 0; i < tokens.length; ) {
      const m = matchAtMemo(tokens, i, gaz);
      if (m) {
        matches.push(m);
        i = m.to;
      } else i++;
    }
  }
  const ctx = contextOf([...headline, ...body], matches, gaz);
  const scored: Scored[] = [];
  const dateline = datelineOf(lead, gaz, ctx);
  if (dateline) scored.push(dateline);
  scanSegment(headline, gaz, ctx, true, scored);
  scanSegment(body, gaz, ctx, false, scored);

  const merged = new Map<string, PlaceCandidate>();
  for (const s of scored) {
    const c = s.country ? (gaz.countryName.get(s.country) ?? s.country) : null;
    const a = s.state ? (gaz.stateName.get(s.state) ?? s.state) : null;
    const key = `${s.kind}|${placeKey(s.name)}|${c ?? ""}|${a ?? ""}`;
    const hit = merged.get(key);
    if (hit) {
      hit.w = Math.min(4, hit.w + s.weight);
      if (!s.guessed) delete hit.g;
    } else merged.set(key, { n: s.name, c, a, t: s.kind, w: Math.min(4, s.weight), ...(s.guessed ? { g: 1 as const } : {}) });
  }
  return [...merged.values()]
    .sort((x, y) => y.w - x.w)
    .slice(0, MAX_CANDIDATES)
    .map((p) => ({ ...p, w: Math.round(p.w * 100) / 100 }));
}
