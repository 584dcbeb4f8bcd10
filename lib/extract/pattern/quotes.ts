import type { PatternPack } from "../lang/types";
import { matchAt } from "../match";
import type { Token } from "../nlp";
import { joinSplitQuotes, type QuoteSpan } from "../quotes";
import type { Sentence } from "../segment";
import type { Statement } from "../types";
import { accordingAt, affiliationOf, channelAt, cleanSpeaker, isName, isSpeechVerb, speakerAfter, speakerBefore, type Span } from "./attribution";
import { isCapitalised, tokenize } from "./tokens";

const OPEN_BEFORE = /[\s([{—–\-/:;,'’]/;

/**
 * Quotations delimited by the pack's marks (French « … » with inner spaces, “ … ”, ‹ … ›; German
 * „ … “ and » … «) and by straight double quotes. Marks of another pair inside a quotation are
 * nested quotes and stay inside it; a quotation still open at a line break ends there.
 */
export function findPackQuoteSpans(text: string, pack: PatternPack): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const openers = new Map(pack.quotes.pairs);
  let open = -1;
  let closer = "";
  let depth = 0;
  const push = (o: number, c: number, endAt: number) => {
    let s = o + 1;
    let e = endAt;
    while (s < e && /\s/.test(text[s] ?? "")) s++;
    while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
    if (e > s) out.push({ start: s, end: e, open: o, close: c });
  };
  const marks = new Set<string>(['"', "\n"]);
  for (const [a, b] of pack.quotes.pairs) marks.add(a).add(b);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!marks.has(ch)) continue;
    if (ch === "\n") {
      if (open >= 0) push(open, -1, i);
      open = -1;
      continue;
    }
    const prev = i > 0 ? text[i - 1]! : " ";
    const next = text[i + 1] ?? " ";
    if (open < 0) {
      if (openers.has(ch)) {
        open = i;
        closer = openers.get(ch)!;
        depth = 0;
      } else if (ch === '"' && OPEN_BEFORE.test(prev) && !/\s/.test(next)) {
        open = i;
        closer = '"';
        depth = 0;
      }
      continue;
    }
    if (ch === closer && (closer !== '"' || !/\s/.test(prev) || !(OPEN_BEFORE.test(prev) && !/\s/.test(next)))) {
      if (depth > 0) depth--;
      else {
        push(open, i, i);
        open = -1;
      }
    } else if (ch === text[open] && ch !== closer) depth++;
  }
  if (open >= 0) push(open, -1, text.length);
  return out;
}

interface Attribution {
  /** The speaker phrase as written and its tokens. */
  mention: string;
  at: number;
  cue: string | null;
  channel: string | null;
  affiliation: string | null;
  how: "post" | "pre" | "colon" | "continued" | "incise";
  /** Offset where the attribution ends (post/incise). */
  endAt?: number;
}

/** The attribution right after a quote: "», a déclaré X", "», a-t-il ajouté", "», selon X", "“, sagte er". */
function parsePost(text: string, toks: Token[], pack: PatternPack): Attribution | null {
  let i = 0;
  while (i < toks.length && /^[,—–\-]$/.test(toks[i]!.text)) i++;
  const t = toks[i];
  if (!t) return null;
  const sp = pack.speech;
  // "a-t-il déclaré", "déclare-t-elle", "ajoute-t-il"
  const inv = sp.inversion?.exec(t.lower);
  if (inv && sp.pronouns.has(inv[2]!)) {
    const verb = inv[1]!;
    let cue: string | null = null;
    let end = t.end;
    if (sp.aux.has(verb) && isSpeechVerb(toks, i + 1, pack)) {
      cue = toks[i + 1]!.text;
      end = toks[i + 1]!.end;
    } else if (sp.verbs.has(verb)) cue = t.text.slice(0, verb.length);
    if (cue) {
      const pronounAt = t.start + t.text.toLowerCase().lastIndexOf(inv[2]!);
      return { mention: text.slice(pronounAt, pronounAt + inv[2]!.length), at: pronounAt, cue, channel: channelAt(text, toks, toks.findIndex((x) => x.end === end) + 1, pack), affiliation: null, how: "post", endAt: end };
    }
  }
  // "selon X", "d'après X", German "so X"
  for (const p of [...sp.according, ...(sp.postQuote ?? [])]) {
    const n = matchAt(toks, i, p);
    if (n < 0) continue;
    const np = speakerAfter(toks, n, pack);
    if (!np) return null;
    return withSpeaker(text, toks, np, null, text.slice(toks[i]!.start, toks[n - 1]!.end).toLowerCase(), pack, "post");
  }
  // "a déclaré X", "déclare X", "dijo X", "sagte X"
  let c = i;
  while (c < toks.length && sp.aux.has(toks[c]!.lower) && c - i < 2) c++;
  if (isSpeechVerb(toks, c, pack)) {
    let k = c + 1;
    // "a déclaré samedi le ministre", "sagte am Montag der Sprecher"
    while (k < toks.length && k - c <= 3 && sp.timeWords?.has(toks[k]!.lower)) k++;
    const np = speakerAfter(toks, k, pack);
    if (!np) return null;
    // "a déclaré la directrice de la société, Anne Lefort.": the name in apposition speaks.
    if (toks[np.e]?.text === ",") {
      const ap = speakerAfter(toks, np.e + 1, pack);
      if (ap && isName(toks, ap.s, ap.e, pack) && !isName(toks, np.s, np.e, pack) && (!toks[ap.e] || /^[.,;]$/.test(toks[ap.e]!.text))) {
        return withSpeaker(text, toks, ap, np, toks[c]!.text, pack, "post");
      }
    }
    return withSpeaker(text, toks, np, null, toks[c]!.text, pack, "post");
  }
  // "X a déclaré", "le ministre a ajouté" after the quote
  for (let v = i + 1; v < toks.length && v - i < 14; v++) {
    if (/^[.!?;:«»“”„]$/.test(toks[v]!.text)) break;
    if (!isSpeechVerb(toks, v, pack)) continue;
    let a = v;
    while (a > i && sp.aux.has(toks[a - 1]!.lower)) a--;
    const subj = speakerBefore(toks, a, pack, i);
    if (subj && subj.span.s === i) return withSpeaker(text, toks, subj.span, subj.role, toks[v]!.text, pack, "post", toks[v]!.end);
    break;
  }
  return null;
}

function withSpeaker(text: string, toks: Token[], np: Span, role: Span | null, cue: string | null, pack: PatternPack, how: Attribution["how"], endAt?: number): Attribution {
  const mention = text.slice(toks[np.s]!.start, toks[np.e - 1]!.end);
  const affiliation = (role ? affiliationOf(text, toks, role, pack) ?? cleanSpeaker(text, toks, role, pack) : null) ?? affiliationOf(text, toks, np, pack);
  return { mention, at: toks[np.s]!.start, cue, channel: channelAt(text, toks, np.e, pack), affiliation, how, endAt: endAt ?? toks[np.e - 1]!.end };
}

/** The attribution before a quote: "X a déclaré : «", "selon X, «", "X : «", "X a affirmé que «". */
function parsePre(text: string, toks: Token[], pack: PatternPack): Attribution | null {
  const sp = pack.speech;
  for (let i = 0; i < toks.length; i++) {
    const n = accordingAt(toks, i, pack);
    if (n < 0) continue;
    const np = speakerAfter(toks, n, pack);
    if (np && (toks[np.e]?.text === "," || np.e >= toks.length - 1)) return withSpeaker(text, toks, np, null, text.slice(toks[i]!.start, toks[n - 1]!.end).toLowerCase(), pack, "pre");
  }
  for (let c = toks.length - 1; c >= 0; c--) {
    if (!isSpeechVerb(toks, c, pack)) continue;
    let a = c;
    while (a > 0 && (sp.aux.has(toks[a - 1]!.lower) || pack.aux.skip.has(toks[a - 1]!.lower))) a--;
    const subj = speakerBefore(toks, a, pack);
    if (subj) return withSpeaker(text, toks, subj.span, subj.role, toks[c]!.text, pack, "pre");
    // "a-t-il déclaré :" before the quote
    const inv = sp.inversion?.exec(toks[c - 1]?.lower ?? "");
    if (inv && sp.pronouns.has(inv[2]!)) {
      const t = toks[c - 1]!;
      const at = t.start + t.text.toLowerCase().lastIndexOf(inv[2]!);
      return { mention: text.slice(at, at + inv[2]!.length), at, cue: toks[c]!.text, channel: null, affiliation: null, how: "pre" };
    }
    return null;
  }
  // "Le ministre : « … »" -- a short speaker before a colon.
  const last = toks[toks.length - 1];
  if (last?.text === ":" && toks.length >= 2 && toks.length <= 8) {
    const subj = speakerBefore(toks, toks.length - 1, pack);
    if (subj && subj.span.s === 0) return withSpeaker(text, toks, subj.span, subj.role, null, pack, "colon");
  }
  return null;
}

/**
 * A French incise inside the quotation marks: « Nous ne savions pas, a déclaré le général, qu'il
 * s'agissait de soldats syriens. » Returns the attribution and the two quoted pieces.
 */
function parseIncise(text: string, q: QuoteSpan, pack: PatternPack): { attr: Attribution; parts: Array<{ start: number; end: number }> } | null {
  const content = text.slice(q.start, q.end);
  if (!content.includes(",")) return null;
  const toks = tokenize(text, q.start, q.end, pack);
  for (let k = 1; k < toks.length - 2; k++) {
    if (toks[k]!.text !== ",") continue;
    const attr = parsePost(text, toks.slice(k + 1, Math.min(toks.length, k + 16)), pack);
    if (!attr?.endAt) continue;
    // The incise closes with a comma and the quotation goes on.
    const rest = toks.findIndex((t) => t.start >= attr.endAt!);
    if (rest < 0 || toks[rest]!.text !== "," || rest >= toks.length - 1) continue;
    const a = { start: q.start, end: trimEnd(text, q.start, toks[k]!.start) };
    const b = { start: toks[rest + 1]!.start, end: q.end };
    if (a.end <= a.start || b.end <= b.start) continue;
    return { attr: { ...attr, how: "incise" }, parts: [a, b] };
  }
  return null;
}

function trimEnd(text: string, s: number, e: number): number {
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The sentence containing offset `pos` (binary search), or null. */
function sentenceAt(sentences: ReadonlyArray<Sentence>, pos: number): Sentence | null {
  let lo = 0;
  let hi = sentences.length - 1;
  let best: Sentence | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (s.start <= pos) {
      best = s;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Speaker resolution: a pronoun is the last named speaker; a surname the earlier full name; "le ministère" the earlier "ministère russe de la Défense". */
class Resolver {
  last: { speaker: string; affiliation: string | null } | null = null;
  constructor(
    private text: string,
    private pack: PatternPack,
  ) {}

  resolve(mention: string, at: number): { speaker: string | null; affiliation: string | null } {
    const sp = this.pack.speech;
    const words = mention.split(/\s+/);
    if (words.length === 1 && sp.pronouns.has(mention.toLowerCase())) return this.last ? { ...this.last } : { speaker: null, affiliation: null };
    const toks = tokenize(mention, 0, mention.length, this.pack);
    let s = 0;
    while (s < toks.length - 1 && sp.determiners.has(toks[s]!.lower)) s++;
    // "colonel Samir Nasser" → "Samir Nasser": titles before a name are not part of it.
    let t = s;
    while (t < toks.length - 1 && sp.roleNouns.has(toks[t]!.lower) && isCapitalised(toks[t + 1]) && isName(toks, t + 1, toks.length, this.pack)) t++;
    if (t > s && isName(toks, t, toks.length, this.pack)) s = t;
    let speaker = mention.slice(toks[s]?.start ?? 0).replace(/\s+/g, " ");
    // "Lavrov" after "Sergueï Lavrov".
    if (toks.length === 1 && isCapitalised(toks[0])) {
      const esc = speaker.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const re = new RegExp(`((?:\\p{Lu}[\\p{L}'’-]+\\s+){1,3})${esc}(?![\\p{L}])`, "gu");
      let full: string | null = null;
      for (const m of this.text.slice(0, at).matchAll(re)) full = m[0];
      if (full) speaker = full.replace(/\s+/g, " ");
    } else if (s > 0 && this.last && toks.length - s === 1 && this.last.speaker.toLowerCase().includes(toks[s]!.lower)) {
      // "le ministère" after "le ministère russe de la Défense"
      speaker = this.last.speaker;
    }
    return { speaker, affiliation: null };
  }
}

interface Found {
  st: Statement;
  q: QuoteSpan;
  para: number;
  attr: Attribution;
}

/**
 * Statements in a pattern-engine language: each quotation with its speaker (after-quote cue with
 * inversion "a-t-il déclaré", before-quote cue, "selon X", a colon, an incise inside the marks,
 * or the previous speaker for a continued quotation), then reported speech ("X a affirmé que ...",
 * "selon X, ...", "..., a indiqué X", "..., précisant que ...") as `direct: false`.
 */
export function extractPatternStatements(text: string, sentences: ReadonlyArray<Sentence>, quotes: QuoteSpan[], pack: PatternPack): Statement[] {
  const resolver = new Resolver(text, pack);
  const found: Found[] = [];
  let prev: Found | null = null;
  const paraOf = (pos: number) => sentenceAt(sentences, pos)?.para ?? 0;
  for (const q of quotes) {
    const para = paraOf(q.open);
    const closeAt = q.close >= 0 ? q.close + 1 : q.end;
    const sClose = sentenceAt(sentences, Math.max(0, closeAt - 1));
    const next = quotes.find((o) => o.open >= closeAt);
    let postEnd = sClose ? Math.max(sClose.end, closeAt) : closeAt;
    if (next && next.open < postEnd) postEnd = next.open;
    const nl = text.indexOf("\n", closeAt);
    if (nl >= 0 && nl < postEnd) postEnd = nl;
    const sOpen = sentenceAt(sentences, q.open);
    let preStart = sOpen ? Math.min(sOpen.start, q.open) : q.open;
    const prevQ = found[found.length - 1]?.q;
    if (prevQ && prevQ.close >= preStart && prevQ.close < q.open) preStart = prevQ.close + 1;

    let parts: Array<{ start: number; end: number }> | undefined;
    let attr: Attribution | null = null;
    if (q.close >= 0 && postEnd > closeAt) attr = parsePost(text, tokenize(text, closeAt, postEnd, pack), pack);
    const preText = text.slice(preStart, q.open);
    if (!attr && /[\p{L}]/u.test(preText)) attr = parsePre(text, tokenize(text, preStart, q.open, pack), pack);
    if (!attr) {
      const inc = parseIncise(text, q, pack);
      if (inc) {
        attr = inc.attr;
        parts = inc.parts;
      }
    }
    const samePara = !!prev && prev.para === para;
    const startsSentence = !/[\p{L}\p{N}]/u.test(preText);
    const prevClose = prev ? (prev.q.close >= 0 ? prev.q.close : prev.q.end) : -1;
    const words = wordCount(text.slice(q.start, q.end));
    if (!attr && prev && (samePara || (startsSentence && q.open - prevClose < 300))) attr = { ...prev.attr, how: "continued" };
    if (!attr && words >= 8 && prev && q.open - prevClose < 1500) attr = { ...prev.attr, how: "continued" };
    // Unattributed short quotations are scare quotes, titles and names.
    if (!attr || words === 0) continue;

    let st: Statement;
    if (attr.how === "continued" && prev) {
      const { parts: _p, ...rest } = prev.st;
      st = { ...rest, text: text.slice(q.start, q.end), start: q.start, end: q.end };
    } else {
      const r = resolver.resolve(attr.mention, attr.at);
      st = {
        speaker: r.speaker,
        speakerMention: cleanMention(attr.mention, pack),
        affiliation: attr.affiliation ?? r.affiliation,
        cue: attr.cue,
        channel: attr.channel,
        text: text.slice(q.start, q.end),
        start: q.start,
        end: q.end,
        direct: true,
      };
      if (st.speaker && !pack.speech.pronouns.has(attr.mention.toLowerCase())) resolver.last = { speaker: st.speaker, affiliation: st.affiliation };
    }
    if (parts) {
      st.parts = parts;
    }
    const f: Found = { st, q, para, attr };
    found.push(f);
    prev = f;
  }

  // A quotation split by its attribution: « A », a-t-il dit. « B. » joins the first.
  const direct = joinSplitQuotes(text, found, (a, b) => {
    if (b.attr.how !== "continued") return false;
    const between = a.attr.endAt !== undefined ? tokenize(text, a.attr.endAt, b.q.open, pack) : [];
    return !between.some((t, k) => isSpeechVerb(between, k, pack) || t.lower === "mais");
  });

  const indirect = reportedSpeech(text, sentences, quotes, pack, resolver, direct);
  return [...direct, ...indirect].sort((x, y) => x.start - y.start || Number(y.direct) - Number(x.direct));
}

function cleanMention(mention: string, pack: PatternPack): string | null {
  const toks = mention.split(/\s+/);
  let s = 0;
  while (s < toks.length - 1 && pack.speech.determiners.has(toks[s]!.toLowerCase().replace(/’/g, "'"))) s++;
  // "l'ONG" is one written word: drop the elided article.
  const m = toks.slice(s).join(" ").replace(/^(?:l|d)['’](?=\p{L})/iu, "");
  return m || null;
}

function isCloser(mark: string | undefined, pack: PatternPack): boolean {
  return !!mark && (mark === '"' || pack.quotes.pairs.some(([, c]) => c === mark));
}

function inQuote(quotes: ReadonlyArray<QuoteSpan>, pos: number): boolean {
  for (const q of quotes) if (pos >= q.open && pos <= (q.close >= 0 ? q.close : q.end)) return true;
  return false;
}

/**
 * Reported speech, one per sentence: "selon X, CONTENT" / "CONTENT, selon X", "X a affirmé que
 * CONTENT", "CONTENT, a indiqué X", and "..., précisant que CONTENT" (the speaker of the clause
 * before). Content that is one whole quotation is already a direct statement.
 */
function reportedSpeech(text: string, sentences: ReadonlyArray<Sentence>, quotes: ReadonlyArray<QuoteSpan>, pack: PatternPack, resolver: Resolver, direct: Statement[]): Statement[] {
  const out: Statement[] = [];
  const sp = pack.speech;
  const isWholeQuote = (s: number, e: number) => quotes.some((q) => q.open <= s + 1 && (q.close >= 0 ? q.close + 1 : q.end) >= e - 1);
  const make = (mention: string, at: number, cue: string, s: number, e: number, channel: string | null, affiliation: string | null): Statement | null => {
    while (e > s && /[\s.,;:!?]/.test(text[e - 1] ?? "")) e--;
    while (s < e && /[\s,]/.test(text[s] ?? "")) s++;
    if (e - s < 12 || isWholeQuote(s, e)) return null;
    const r = resolver.resolve(mention, at);
    return { speaker: r.speaker, speakerMention: cleanMention(mention, pack), affiliation: affiliation ?? r.affiliation, cue, channel, text: text.slice(s, e), start: s, end: e, direct: false };
  };
  for (const sent of sentences) {
    if (sent.isTitle) continue;
    const toks = tokenize(text, sent.start, sent.end, pack);
    const st = reportedIn(sent, toks);
    if (st) out.push(st);
  }
  return out;

  function reportedIn(sent: Sentence, toks: Token[]): Statement | null {
    const n = toks.length;
    for (let i = 0; i < n; i++) {
      const t = toks[i]!;
      if (inQuote(quotes, t.start)) continue;
      // selon X, CONTENT  /  CONTENT, selon X.
      const a = accordingAt(toks, i, pack);
      if (a >= 0) {
        const np = speakerAfter(toks, a, pack);
        if (!np) continue;
        const cue = text.slice(t.start, toks[a - 1]!.end).toLowerCase();
        const mention = text.slice(toks[np.s]!.start, toks[np.e - 1]!.end);
        if (toks[np.e]?.text === "," && i === 0) return make(mention, toks[np.s]!.start, cue, toks[np.e]!.end, sent.end, null, affiliationOf(text, toks, np, pack));
        if (i > 0 && toks[i - 1]!.text === "," && sent.end - toks[np.e - 1]!.end <= 2) return make(mention, toks[np.s]!.start, cue, sent.start, toks[i - 1]!.start, null, affiliationOf(text, toks, np, pack));
        continue;
      }
      // "..., précisant que CONTENT": the speaker of this sentence's statement.
      if (sp.participles.has(t.lower) && toks[i - 1]?.text === "," && sp.complementizers.has(toks[i + 1]?.lower ?? "")) {
        const owner = direct.find((d) => d.start < t.start && d.end > sent.start - 1 && d.speakerMention);
        if (owner) {
          const st = make(owner.speakerMention!, owner.start, t.text, toks[i + 2]?.start ?? sent.end, sent.end, null, owner.affiliation);
          if (st) return { ...st, speaker: owner.speaker };
        }
        continue;
      }
      if (!isSpeechVerb(toks, i, pack)) continue;
      // X a affirmé (à l'AFP) que CONTENT
      let k = i + 1;
      const channel = channelAt(text, toks, k, pack);
      for (let m = k; m < n && m - k < 6; m++) {
        if (sp.complementizers.has(toks[m]!.lower)) {
          k = m;
          break;
        }
      }
      let a0 = i;
      while (a0 > 0 && (sp.aux.has(toks[a0 - 1]!.lower) || pack.aux.skip.has(toks[a0 - 1]!.lower))) a0--;
      if (sp.complementizers.has(toks[k]?.lower ?? "")) {
        const subj = speakerBefore(toks, a0, pack);
        if (subj) {
          const aff = subj.role ? affiliationOf(text, toks, subj.role, pack) ?? cleanSpeaker(text, toks, subj.role, pack) : affiliationOf(text, toks, subj.span, pack);
          return make(text.slice(toks[subj.span.s]!.start, toks[subj.span.e - 1]!.end), toks[subj.span.s]!.start, t.text, toks[k + 1]?.start ?? sent.end, sent.end, channel, aff);
        }
        continue;
      }
      // CONTENT, a indiqué X.
      // (not right after a quotation: "« … », a déclaré X" is the quotation's attribution)
      if (a0 > 0 && toks[a0 - 1]!.text === "," && !isCloser(toks[a0 - 2]?.text, pack)) {
        const np = speakerAfter(toks, i + 1, pack);
        if (np && sent.end - toks[np.e - 1]!.end < 40 && !/[«»“”„"]/.test(text.slice(toks[i]!.end, sent.end))) {
          return make(text.slice(toks[np.s]!.start, toks[np.e - 1]!.end), toks[np.s]!.start, t.text, sent.start, toks[a0 - 1]!.start, channelAt(text, toks, np.e, pack), affiliationOf(text, toks, np, pack));
        }
      }
    }
    return null;
  }
}
