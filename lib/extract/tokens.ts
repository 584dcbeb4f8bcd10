import { tagSegments, tagSpan, type Segment, type Token } from "./nlp";
import type { Sentence } from "./segment";

/** Most words capitalised, as in many headlines ("Man Found Shot Dead In Westwood"). */
export function isTitleCase(s: string): boolean {
  let words = 0;
  let caps = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const letter = upper || (c >= 97 && c <= 122) || c === 39 || c === 0x2019;
    if (letter && !inWord) {
      words++;
      if (upper) caps++;
    }
    inWord = letter;
  }
  return words >= 4 && caps / words >= 0.7;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff || c === 0x1680 || c === 0x202f || c === 0x205f || (c >= 0x2000 && c <= 0x200a) || c === 11 || c === 12;
}

/** Characters tagged on each side of an attribution window (subject NPs and cues fit in it). */
const WINDOW_MARGIN = 12;

/**
 * Lazily POS-tags an article sentence by sentence, so the casualty and statement extractors share
 * one tagging pass and only sentences that some extractor asks for are ever tagged.
 */
export class SentenceTokens {
  private readonly cache = new Map<number, Token[]>();

  constructor(
    private readonly text: string,
    readonly sentences: Sentence[],
  ) {}

  /** Tokens of sentence `i` (title-case headlines are tagged lower-cased, see `tagSpan`). */
  sentence(i: number): Token[] {
    let t = this.cache.get(i);
    if (!t) {
      const s = this.sentences[i]!;
      t = tagSpan(this.text, s.start, s.end, this.isTitle(i));
      this.cache.set(i, t);
    }
    return t;
  }

  /** Index of the sentence containing offset `pos` (or the last one starting before it). */
  indexAt(pos: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.sentences[mid]!.start <= pos) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  private masks: ReadonlyArray<{ start: number; end: number }> = [];
  private titleCase = new Map<number, boolean>();

  /**
   * Quoted spans to blank out when a sentence is tagged only for attribution: the words around a
   * quotation carry the speaker and cue, the quoted words never do, and skipping them roughly halves
   * the text the tagger reads in quote-heavy articles.
   */
  setMasks(spans: ReadonlyArray<{ start: number; end: number }>): void {
    // Kept in text order (quotations do not overlap), for the binary search in `masked`.
    this.masks = [...spans].sort((x, y) => x.start - y.start);
  }

  private isTitle(i: number): boolean {
    let v = this.titleCase.get(i);
    if (v === undefined) {
      const s = this.sentences[i]!;
      v = isTitleCase(this.text.slice(s.start, s.end));
      this.titleCase.set(i, v);
    }
    return v;
  }

  /** text[a, b) with quoted spans blanked (same length, same offsets). */
  private masked(a: number, b: number): string {
    let src = this.text.slice(a, b);
    // Masks are in text order: start at the first that can reach `a`.
    let lo = 0;
    let hi = this.masks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.masks[mid]!.end <= a) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.masks.length; k++) {
      const m = this.masks[k]!;
      if (m.start >= b) break;
      if (m.end <= a) continue;
      const x = Math.max(m.start, a) - a;
      const y = Math.min(m.end, b) - a;
      if (y - x > 2) src = src.slice(0, x) + " ".repeat(y - x) + src.slice(y);
    }
    return src;
  }

  /** Tag text[a, b) of sentence `i` with quoted spans blanked (same length, same offsets). */
  private tagMasked(i: number, a: number, b: number): Token[] {
    return tagSegments([{ text: this.masked(a, b), offset: a, lowerCase: this.isTitle(i) }])[0]!;
  }

  private readonly windows = new Map<number, Array<{ start: number; end: number; toks: Token[] }>>();

  /**
   * Tokens of sentence `i` covering [a, b) for attribution: from the full tagging when there is
   * one, else from a tagged window around the range (widened by a margin so that neighbouring
   * requests -- the cue before a quote, the cue of the reported speech -- reuse it).
   */
  private attributionTokens(i: number, a: number, b: number): Token[] {
    const full = this.cache.get(i);
    if (full) return full;
    const list = this.windows.get(i) ?? [];
    const w = this.windowFor(i, a, b, list);
    if ("toks" in w) return w.toks;
    const toks = this.tagMasked(i, w.start, w.end);
    const kept = list.filter((x) => x.end < w.start || x.start > w.end);
    kept.push({ start: w.start, end: w.end, toks });
    this.windows.set(i, kept);
    return toks;
  }

  /**
   * The tagged window of `list` covering [a, b) in sentence `i`, or the range to tag: [a, b)
   * widened by a margin so that neighbouring requests -- the cue before a quote, the cue of the
   * reported speech -- reuse it, to word boundaries, and over the overlapping windows of `list`
   * (so a sentence is read at most about once).
   */
  private windowFor(i: number, a: number, b: number, list: ReadonlyArray<{ start: number; end: number; toks?: Token[] }>): { start: number; end: number; toks: Token[] } | { start: number; end: number } {
    const s = this.sentences[i]!;
    const lo = Math.max(a, s.start);
    const hi = Math.min(b, s.end);
    for (const w of list) if (w.toks && w.start <= lo && w.end >= hi) return w as { start: number; end: number; toks: Token[] };
    let wa = Math.max(s.start, lo - WINDOW_MARGIN);
    let wb = Math.min(s.end, hi + WINDOW_MARGIN);
    while (wa > s.start && !isSpaceCode(this.text.charCodeAt(wa - 1))) wa--;
    while (wb < s.end && !isSpaceCode(this.text.charCodeAt(wb))) wb++;
    for (const w of list) {
      if (w.end >= wa && w.start <= wb) {
        wa = Math.min(wa, w.start);
        wb = Math.max(wb, w.end);
      }
    }
    return { start: wa, end: wb };
  }

  /**
   * Tag, in one wink call, the sentences (`full`) and attribution ranges (`ranges`) the extractors
   * will ask for, so later `sentence`/`between` calls find them tagged. Requests not foreseen here
   * are still tagged lazily. See `tagSegments` for why one call beats many.
   */
  prefetch(full: Iterable<number>, ranges: Iterable<{ start: number; end: number }>): void {
    const fullSet = new Set<number>();
    for (const i of full) if (!this.cache.has(i)) fullSet.add(i);
    const pending = new Map<number, Array<{ start: number; end: number }>>();
    for (const r of ranges) {
      if (r.end <= r.start) continue;
      for (let i = Math.max(0, this.indexAt(r.start)); i < this.sentences.length && this.sentences[i]!.start < r.end; i++) {
        if (this.sentences[i]!.end <= r.start || fullSet.has(i) || this.cache.has(i)) continue;
        const list = pending.get(i) ?? [];
        const tagged = this.windows.get(i);
        const w = this.windowFor(i, r.start, r.end, tagged?.length ? [...tagged, ...list] : list);
        if ("toks" in w) continue;
        const kept = list.filter((x) => x.end < w.start || x.start > w.end);
        kept.push({ start: w.start, end: w.end });
        pending.set(i, kept);
      }
    }
    const segments: Segment[] = [];
    const targets: Array<{ i: number; full: boolean; start: number; end: number }> = [];
    for (const i of fullSet) {
      const s = this.sentences[i]!;
      segments.push({ text: this.text.slice(s.start, s.end), offset: s.start, lowerCase: this.isTitle(i) });
      targets.push({ i, full: true, start: s.start, end: s.end });
    }
    for (const [i, list] of pending) {
      for (const w of list) {
        segments.push({ text: this.masked(w.start, w.end), offset: w.start, lowerCase: this.isTitle(i) });
        targets.push({ i, full: false, start: w.start, end: w.end });
      }
    }
    if (!segments.length) return;
    const tagged = tagSegments(segments);
    targets.forEach((t, k) => {
      if (t.full) this.cache.set(t.i, tagged[k]!);
      else {
        // Earlier windows the new one covers are replaced by it.
        const list = (this.windows.get(t.i) ?? []).filter((x) => x.end < t.start || x.start > t.end);
        list.push({ start: t.start, end: t.end, toks: tagged[k]! });
        this.windows.set(t.i, list);
      }
    });
  }

  /** Tokens of sentence `i` for attribution, window [a, b) at least. */
  sentenceWindow(i: number, a: number, b: number): Token[] {
    return this.attributionTokens(i, a, b);
  }

  /** Tokens lying wholly inside [a, b), from attribution windows of the sentences overlapping it. */
  between(a: number, b: number): Token[] {
    const out: Token[] = [];
    if (b <= a) return out;
    for (let i = Math.max(0, this.indexAt(a)); i < this.sentences.length && this.sentences[i]!.start < b; i++) {
      const s = this.sentences[i]!;
      if (s.end <= a) continue;
      for (const t of this.attributionTokens(i, a, b)) if (t.start >= a && t.end <= b) out.push(t);
    }
    return out;
  }
}
