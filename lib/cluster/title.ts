/**
 * Headline cleaning: outlet suffixes/prefixes ("... - Los Angeles Times", "WGN | ...") and
 * update markers ("UPDATE:", "BREAKING:") are removed so that titles compare on their content and
 * so that an event can be labelled with a headline a person would write.
 */

// Separators sites put between the headline and the site name. Only spaced forms: a bare hyphen
// is part of words ("20-year-old"), a bare colon is part of headlines ("Police: 2 shot").
const SEPARATOR = /\s+(?:[-–—|:•·»«]|::|\|\|)\s+|\s+\|\s*$|^\s*\|\s+/;
const SEPARATORS = new RegExp(SEPARATOR.source, "g");

// Words that mark a segment as a publication/site name rather than headline text.
const OUTLET_WORDS = new Set(
  (
    "news newschannel newscenter channel tv television radio weather sports times post herald " +
    "tribune journal gazette chronicle press daily today online media network report reports star " +
    "observer inquirer sun courier record register dispatch bulletin review examiner leader " +
    "telegraph independent patch globe democrat republican sentinel statesman enquirer argus ledger " +
    "messenger mercury constitution advocate monitor blog blogs homepage headlines abc nbc cbs fox " +
    "cnn npr pbs ap reuters wire newsroom magazine video videos live online breaking local"
  ).split(" "),
);

// Leading update markers: they describe the news cycle, not the event. Wire services number them
// ("UPDATE 2-", "WRAPUP 1-") and mark corrections ("REFILE-", "CORRECTED-").
const MARKER =
  /^\s*(?:(?:update[ds]?|wrapup|wrap-up|refile|corrected|correction|rpt|repeat)(?:\s*\d+)?|updated|breaking(?: news)?|latest|video|watch|photos?|developing|(?:ap |reuters )?exclusive|live|new|analysis|factbox)\s*[:\-–—|]\s*/i;
// Trailing media markers: "... (VIDEO)", "... [PHOTOS]".
const TRAILING_MARKER = /\s*[([](?:video|photos?|watch|live|updated?|graphic)[)\]]\s*$/i;

function nameKey(s: string): string {
  return s.toLowerCase().replace(/^the\s+/, "").replace(/[^a-z0-9]+/g, "");
}

/** True when a title segment reads like a site name: the article's own outlet, a domain, a call sign, or outlet words. */
function isOutletSegment(segment: string, outlet?: string): boolean {
  const s = segment.trim();
  if (s === "") return true;
  // The outlet the article came from, as the page names it ("Al Jazeera", "The Meridian Post").
  if (outlet) {
    const k = nameKey(s);
    const o = nameKey(outlet);
    if (o.length >= 3 && k.length >= 3 && (k === o || (k.length <= o.length + 12 && k.includes(o)) || o.includes(k))) return true;
  }
  // Domains: "KSHB.com", "News9.com", "wave3.com-Louisville".
  if (/\b[\w-]+\.(?:com|net|org|tv|us|co|info|biz)\b/i.test(s)) return true;
  const words = s.split(/[\s,/&()-]+/).filter((w) => w !== "");
  // US broadcast call signs (KSLA, WGN, WBRC): 3-4 capitals starting with K or W, optionally
  // with a channel number ("WJTV", "KCTV5", "NBC12").
  if (words.some((w) => /^[KW][A-Z]{2,3}(?:-?TV)?\d*$/.test(w) || /^(?:ABC|NBC|CBS|FOX|CW)\d+$/i.test(w))) {
    return true;
  }
  // Long segments are headline text even if they contain "news" or "report".
  if (words.length > 12) return false;
  // "44News", "NewsOn6", "Live5News": brand names built on "news".
  return words.some((w) => OUTLET_WORDS.has(w.toLowerCase()) || /\dnews|news\d|newson/i.test(w));
}

/** "Man killed at gas station": several lower-case words, i.e. not Title Case. */
function isSentenceCase(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w));
  const lower = words.filter((w) => /^[a-z]/.test(w) && w.length > 3).length;
  return lower >= 2;
}

/** "Riverton Ledger", "The Homicide Report": 1-4 capitalised words (a name, not a headline). */
function isShortProperName(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => w !== "");
  if (words.length === 0 || words.length > 4) return false;
  return words.every((w) => /^(?:[A-Z0-9]|the$|of$|and$|&$)/.test(w));
}

/**
 * Remove outlet names and update markers from one headline.
 * Keeps the longest run of headline segments; falls back to the input (trimmed) if everything
 * would be removed.
 */
export function cleanTitle(title: string, outlet?: string): string {
  // The analysis of one article cleans its headline more than once (lib/places: the places and
  // the event day): the last answer is kept.
  if (lastClean && lastClean.title === title && lastClean.outlet === outlet) return lastClean.clean;
  const clean = cleanTitleOnce(title, outlet);
  lastClean = { title, outlet, clean };
  return clean;
}

let lastClean: { title: string; outlet: string | undefined; clean: string } | null = null;

function cleanTitleOnce(title: string, outlet?: string): string {
  let t = title.replace(/\s+/g, " ").trim();
  const original = t;
  t = t.replace(TRAILING_MARKER, "");
  // Strip markers repeatedly ("UPDATE: VIDEO: ...").
  for (let i = 0; i < 3; i++) {
    const next = t.replace(MARKER, "");
    if (next === t) break;
    t = next;
  }
  // Segments between separators, with where they sit in `t`: the kept ones are returned as
  // written, with their own separators ("Deir ez-Zor : au moins 62 ...", "Killed – Male Teen").
  const segments: { text: string; start: number; end: number }[] = [];
  let from = 0;
  for (const m of t.matchAll(SEPARATORS)) {
    segments.push({ text: t.slice(from, m.index), start: from, end: m.index });
    from = m.index + m[0].length;
  }
  segments.push({ text: t.slice(from), start: from, end: t.length });
  let parts = segments.map((p) => p.text.trim());
  let offset = 0;
  // Sites append "Site - Place - Slogan" chains: cut at the first segment after the headline that
  // reads like a site name, and everything after it. Inner segments before that are headline
  // text ("Mass Shooting – Killed – Male Teen").
  const headlineIsSentenceCase = isSentenceCase(parts[0] ?? "");
  for (let k = 1; k < parts.length; k++) {
    const seg = parts[k] ?? "";
    const last = k === parts.length - 1;
    if (isOutletSegment(seg, outlet) || (last && headlineIsSentenceCase && isShortProperName(seg))) {
      parts = parts.slice(0, k);
      break;
    }
  }
  while (parts.length > 1 && isOutletSegment(parts[0] ?? "", outlet)) {
    parts.shift();
    offset++;
  }
  const kept = segments.slice(offset, offset + parts.length).filter((p) => p.text.trim() !== "");
  const joined = kept.length ? t.slice(kept[0]!.start, kept[kept.length - 1]!.end).replace(/[\s|:–—-]+$/, "").trim() : "";
  return joined === "" ? original : joined;
}

function titleWords(t: string): Set<string> {
  const out = new Set<string>();
  for (const w of t.toLowerCase().split(/[^a-z0-9]+/)) if (w.length > 2 || /\d/.test(w)) out.add(w);
  return out;
}

/** Cleaned titles by outlet and title: events are re-titled each time a member joins. */
const cleaned = new Map<string, string>();
const CLEANED_MAX = 50_000;

function cleanTitleCached(title: string, outlet: string | undefined): string {
  const key = `${outlet ?? ""}\u0000${title}`;
  let t = cleaned.get(key);
  if (t === undefined) {
    t = cleanTitle(title, outlet);
    if (cleaned.size >= CLEANED_MAX) cleaned.clear();
    cleaned.set(key, t);
  }
  return t;
}

/**
 * A headline a person would write for an event: the most central of the members' titles (highest
 * mean word overlap with the others), cleaned of outlet suffixes and update markers.
 * Ties go to the earlier title, so the result is deterministic for a given input order.
 *
 * Identical cleaned titles (wire copies, syndicated reprints) are compared once and weighted by
 * how often they occur: the same scores as comparing every pair, at a fraction of the cost for
 * large events.
 *
 * @param titles member titles, in any order (empty strings are ignored), each optionally with the
 *   name of its outlet, which is then removed wherever the page put it ("... - Orient Daily")
 * @returns the cleaned headline, or "" when no title is given
 */
export function eventTitle(titles: ReadonlyArray<string | { title: string; outlet?: string | null }>): string {
  const counts = new Map<string, number>();
  let n = 0;
  for (const t of titles) {
    const c = typeof t === "string" ? cleanTitleCached(t, undefined) : cleanTitleCached(t.title, t.outlet ?? undefined);
    if (c === "") continue;
    n++;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  // In order of first occurrence, so ties still go to the earlier title.
  const unique = [...counts.keys()];
  if (unique.length === 0) return "";
  if (n === 1 || unique.length === 1) return unique[0]!;
  const sets = unique.map(titleWords);
  const weights = unique.map((u) => counts.get(u)!);
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < unique.length; i++) {
    const a = sets[i]!;
    let sum = 0;
    for (let j = 0; j < unique.length; j++) {
      const b = sets[j]!;
      let inter = 0;
      for (const w of a) if (b.has(w)) inter++;
      const union = a.size + b.size - inter;
      // Every other occurrence counts: itself (j = i) only through its other copies.
      const others = i === j ? weights[j]! - 1 : weights[j]!;
      sum += union === 0 || others === 0 ? 0 : (others * inter) / union;
    }
    // Headlines cut off by the site ("... says he did not ow") are worse labels: small penalty.
    const truncated = /\b\w{1,3}$/.test(unique[i]!) && unique[i]!.length >= 55 ? 0.05 : 0;
    const score = sum / (n - 1) - truncated;
    if (score > bestScore + 1e-12) {
      bestScore = score;
      best = i;
    }
  }
  return unique[best]!;
}
