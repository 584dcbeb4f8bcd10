/**
 * A linear pre-scan of HTML tag nesting, run before the page reaches a DOM parser.
 *
 * linkedom and Readability walk the tree recursively and re-walk ancestors: a page nested a few
 * hundred levels deep takes seconds, twenty thousand levels overflow the stack after ~45 s. No
 * article needs that depth, so elements opened beyond `maxDepth` are unwrapped (their tags are
 * dropped, their text is kept), the way browsers flatten over-deep trees. One pass, no
 * recursion, no regular expression that can backtrack: O(length × maxDepth) in the worst case.
 *
 * The depth counted is an estimate of the DOM depth the parser builds: void elements, self-closed
 * tags and elements whose end tag is optional (p, li, td ...; the parser closes them itself) are
 * not counted, a stray end tag closes nothing, and raw-text elements (script, style, textarea,
 * title ...) are skipped whole.
 */

/** Default nesting limit; real news pages stay near 20–30 counted levels. */
export const MAX_HTML_DEPTH = 64;

export interface FlattenResult {
  /** The HTML to parse: the input itself when nothing was over the limit. */
  html: string;
  /** The deepest counted nesting in the input, before flattening. */
  maxDepth: number;
  /** Opening tags unwrapped because they were deeper than the limit. */
  dropped: number;
}

const VOID = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
]);
/** End tag optional: the parser closes these implicitly, so they do not stack up. */
const OPTIONAL_END = new Set([
  "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
  "colgroup", "caption", "rb", "rt", "rtc", "rp",
]);
/** Their content is text up to the matching end tag, never markup. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"]);

const GT = 62; // >
const SLASH = 47; // /
const BANG = 33; // !
const QUESTION = 63; // ?
const DQ = 34; // "
const SQ = 39; // '

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNameEnd(c: number): boolean {
  // whitespace, "/", ">" end a tag name
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13 || c === SLASH || c === GT;
}

/**
 * Returns the HTML with every element nested deeper than `maxDepth` unwrapped. Input within the
 * limit is returned unchanged (the same string).
 */
export function flattenDeepHtml(html: string, maxDepth: number = MAX_HTML_DEPTH): FlattenResult {
  const stack: string[] = [];
  /** Per tag name, how many unwrapped opening tags still await their end tag. */
  const pending = new Map<string, number>();
  /** [start, end) ranges of tags to cut. */
  const cuts: number[] = [];
  let deepest = 0;
  let dropped = 0;
  /** Unwrapped elements still open: the depth the input asked for is stack.length + this. */
  let openDropped = 0;
  const n = html.length;
  let i = 0;

  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt < 0 || lt + 1 >= n) break;
    const next = html.charCodeAt(lt + 1);

    if (next === BANG || next === QUESTION) {
      // Comment, doctype, CDATA or processing instruction.
      if (html.startsWith("<!--", lt)) {
        const end = html.indexOf("-->", lt + 4);
        i = end < 0 ? n : end + 3;
      } else {
        const end = html.indexOf(">", lt + 2);
        i = end < 0 ? n : end + 1;
      }
      continue;
    }

    const closing = next === SLASH;
    const nameStart = closing ? lt + 2 : lt + 1;
    if (closing && nameStart < n && !isAsciiLetter(html.charCodeAt(nameStart))) {
      // "</" not followed by a letter: "</>" is dropped, anything else opens a bogus comment up
      // to the next ">" (HTML parsing spec), so a "<div>" inside "</<div>" is no tag.
      const end = html.indexOf(">", nameStart);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (nameStart >= n || !isAsciiLetter(html.charCodeAt(nameStart))) {
      i = lt + 1; // A bare "<" is text.
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < n && !isNameEnd(html.charCodeAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const tagEnd = findTagEnd(html, nameEnd);
    if (tagEnd < 0) break; // An unterminated tag: the parser sees text; nothing deeper follows.
    const selfClosed = html.charCodeAt(tagEnd - 1) === SLASH;
    i = tagEnd + 1;

    if (closing) {
      const waiting = pending.get(name) ?? 0;
      if (waiting > 0) {
        pending.set(name, waiting - 1);
        openDropped--;
        cuts.push(lt, tagEnd + 1);
        continue;
      }
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }

    if (RAW_TEXT.has(name) && !selfClosed) {
      const end = findRawTextEnd(html, i, name);
      i = end;
      continue;
    }
    if (VOID.has(name) || OPTIONAL_END.has(name) || selfClosed) continue;

    if (stack.length >= maxDepth) {
      pending.set(name, (pending.get(name) ?? 0) + 1);
      cuts.push(lt, tagEnd + 1);
      dropped++;
      openDropped++;
      deepest = Math.max(deepest, stack.length + openDropped);
      continue;
    }
    stack.push(name);
    deepest = Math.max(deepest, stack.length);
  }

  if (cuts.length === 0) return { html, maxDepth: deepest, dropped: 0 };
  const parts: string[] = [];
  let from = 0;
  let endsWithLt = false;
  for (let k = 0; k < cuts.length; k += 2) {
    const kept = html.slice(from, cuts[k]);
    parts.push(kept);
    if (kept) endsWithLt = kept.endsWith("<");
    // A "<" of text must not meet what follows the cut ("<" + "?" would open a bogus comment):
    // an empty comment keeps them apart and adds no text.
    if (endsWithLt) {
      parts.push("<!---->");
      endsWithLt = false;
    }
    from = cuts[k + 1]!;
  }
  parts.push(html.slice(from));
  return { html: parts.join(""), maxDepth: deepest, dropped };
}

/** Index of the ">" that ends the tag whose attributes start at `from` (quotes respected), or -1. */
function findTagEnd(html: string, from: number): number {
  let quote = 0;
  for (let j = from; j < html.length; j++) {
    const c = html.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === DQ || c === SQ) {
      // A quote only opens an attribute value right after "=" (possibly with spaces).
      let k = j - 1;
      while (k >= from && (html.charCodeAt(k) === 32 || html.charCodeAt(k) === 9 || html.charCodeAt(k) === 10)) k--;
      if (k >= from && html.charCodeAt(k) === 61) quote = c;
    } else if (c === GT) {
      return j;
    }
  }
  return -1;
}

/** Index just after the end tag of raw-text element `name`, searching from `from` (case-insensitive). */
function findRawTextEnd(html: string, from: number, name: string): number {
  const needle = `</${name}`;
  let j = from;
  for (;;) {
    const at = html.indexOf("</", j);
    if (at < 0) return html.length;
    if (html.slice(at, at + needle.length).toLowerCase() === needle && (at + needle.length >= html.length || isNameEnd(html.charCodeAt(at + needle.length)))) {
      const end = html.indexOf(">", at + needle.length);
      return end < 0 ? html.length : end + 1;
    }
    j = at + 2;
  }
}
