/**
 * Markdown reduction for scraped pages. Scrapers write links as `[text](url)` (often `(#)` when
 * the href was lost) and emphasis as `*text*`; downstream code wants the words only, because
 * extraction offsets index the plain text. Everything else is left verbatim.
 */

const IMAGE = /!\[[^\]\n]*\]\([^)\n]*\)/g;
// [text](url "title"): the url may contain one level of balanced parentheses (Wikipedia links).
const LINK = /\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"\n]*")?\)/g;
const REFERENCE_LINK = /\[([^\]\n]+)\]\[[^\]\n]*\]/g;
const AUTOLINK = /<((?:https?|mailto):[^>\s]+)>/g;
const CODE = /`([^`\n]+)`/g;
// Emphasis must hug its words (`*Times*`, not `5 * 3 * 2`) and not sit inside a word (snake_case).
const STRONG = /(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1/g;
const EM_STAR = /(?<![\p{L}\p{N}*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*\\])\*(?![\p{L}\p{N}*])/gu;
const EM_UNDERSCORE = /(?<![\p{L}\p{N}_\\])_(?=[^\s_])([^_\n]+?)(?<=[^\s_\\])_(?![\p{L}\p{N}_])/gu;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!>])/g;

/** Reduces inline Markdown to its text: links and emphasis keep their words, images go. */
export function stripInlineMarkdown(s: string): string {
  return s
    .replace(IMAGE, "")
    .replace(LINK, "$1")
    .replace(REFERENCE_LINK, "$1")
    .replace(AUTOLINK, "$1")
    .replace(CODE, "$1")
    .replace(STRONG, "$2")
    .replace(EM_STAR, "$1")
    .replace(EM_UNDERSCORE, "$1")
    .replace(ESCAPE, "$1");
}

/** The first Markdown link in `s`: its text and its href (null for "#", empty or in-page anchors). */
export function firstLink(s: string): { text: string; url: string | null } | null {
  const m = /\[([^\]\n]+)\]\(([^)\s]*)[^)]*\)/.exec(s);
  if (!m) return null;
  const href = (m[2] ?? "").trim();
  return { text: stripInlineMarkdown(m[1] ?? "").trim(), url: /^https?:\/\//i.test(href) ? href : null };
}

/**
 * Reduces one block (paragraph) of Markdown to text: heading hashes, blockquote markers and
 * horizontal rules go, then the inline reduction. Line breaks inside the block are kept.
 */
export function stripBlockMarkdown(block: string): string {
  if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(block)) return "";
  return block
    .split("\n")
    .map((line) => stripInlineMarkdown(line.replace(/^\s{0,3}#{1,6}\s+/, "").replace(/^\s{0,3}>\s?/, "")).trimEnd())
    .join("\n")
    .trim();
}
