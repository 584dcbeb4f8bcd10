import { tagSpan, type Token } from "./nlp";
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
    this.masks = spans;
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

  /** Tag text[a, b) of sentence `i` with quoted spans blanked (same length, same offsets). */
  private tagMasked(i: number, a: number, b: number): Token[] {
    let src = this.text.slice(a, b);
    for (const m of this.masks) {
      if (m.end <= a || m.start >= b) continue;
      const x = Math.max(m.start, a) - a;
      const y = Math.min(m.end, b) - a;
      if (y - x > 2) src = src.slice(0, x) + " ".repeat(y - x) + src.slice(y);
    }
    const t = tagSpan(src, 0, src.length, this.isTitle(i));
    for (const tok of t) {
      tok.start += a;
      tok.end += a;
    }
    return t;
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
    const s = this.sentences[i]!;
    const lo = Math.max(a, s.start);
    const hi = Math.min(b, s.end);
    const list = this.windows.get(i) ?? [];
    for (const w of list) if (w.start <= lo && w.end >= hi) return w.toks;
    let wa = Math.max(s.start, lo - WINDOW_MARGIN);
    let wb = Math.min(s.end, hi + WINDOW_MARGIN);
    while (wa > s.start && /\S/.test(this.text[wa - 1] ?? "")) wa--;
    while (wb < s.end && /\S/.test(this.text[wb] ?? "")) wb++;
    // Overlapping earlier windows are merged into this one so the sentence is read at most ~once.
    for (const w of list) {
      if (w.end >= wa && w.start <= wb) {
        wa = Math.min(wa, w.start);
        wb = Math.max(wb, w.end);
      }
    }
    const toks = this.tagMasked(i, wa, wb);
    const kept = list.filter((w) => w.end < wa || w.start > wb);
    kept.push({ start: wa, end: wb, toks });
    this.windows.set(i, kept);
    return toks;
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
