import { decodeBytes } from "./decode";
import { parseHtml } from "./html";
import { parseRecords } from "./records";
import { parseSeedText } from "./seed";
import type { ParseResult } from "./types";

export type FileFormat = "seed" | "html" | "ndjson" | "json" | "csv";

export interface ParseFileOptions {
  /** Skip detection and read the content as this format. */
  format?: FileFormat;
  /** The page's address, for HTML and seed files (canonical link, outlet domain). */
  url?: string | null;
}

const BY_EXTENSION: Readonly<Record<string, FileFormat>> = {
  txt: "seed", md: "seed", markdown: "seed", text: "seed",
  html: "html", htm: "html", xhtml: "html",
  ndjson: "ndjson", jsonl: "ndjson",
  json: "json",
  csv: "csv", tsv: "csv",
};

/** Column names that make a first line a CSV header of article records. */
const RECORD_HEADER = /^\uFEFF?"?(?:id|url|title|text|html|date|published_?at|outlet|source|publisher|domain|author|language)"?\s*[,;\t]/i;

/**
 * Parses an uploaded or dropped file of any supported kind, never throwing: every failure is an
 * ItemError naming the file. Bytes are decoded with decodeBytes (BOM, BOM-less UTF-16, UTF-8,
 * declared HTML charset, windows-1252). The format comes from `opts.format`, else the extension
 * (.txt/.md seed, .html/.htm, .ndjson/.jsonl, .json, .csv/.tsv) corrected by sniffing the content
 * (a .txt that is an HTML document, a .json that is NDJSON); unknown extensions are sniffed.
 */
export function parseFile(name: string, content: string | Uint8Array, opts: ParseFileOptions = {}): ParseResult {
  try {
    const text = typeof content === "string" ? content.replace(/^\uFEFF/, "") : decodeBytes(content).text;
    const format = opts.format ?? detectFormat(name, text);
    switch (format) {
      case "seed":
        return parseSeedText(text, { source: name, url: opts.url ?? null });
      case "html":
        return parseHtml(text, { url: opts.url ?? null, source: name });
      default:
        return parseRecords(text, { format, source: name });
    }
  } catch (err) {
    return { articles: [], errors: [{ item: name, reason: `could not read the file: ${(err as Error).message}` }] };
  }
}

/** The format of a file from its name and first characters. */
export function detectFormat(name: string, text: string): FileFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  const head = text.slice(0, 2048).trimStart();
  const looksHtml = /^(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>])/i.test(head);
  const byExt = BY_EXTENSION[ext];
  if (byExt === "seed") return looksHtml ? "html" : "seed";
  if (byExt === "json") return looksLikeNdjson(text) ? "ndjson" : "json";
  if (byExt) return byExt;
  if (looksHtml) return "html";
  if (head.startsWith("[")) return "json";
  if (head.startsWith("{")) return looksLikeNdjson(text) ? "ndjson" : "json";
  if (RECORD_HEADER.test(head)) return "csv";
  return "seed";
}

/** Two or more lines, the first of which is a whole JSON object on its own. */
function looksLikeNdjson(text: string): boolean {
  const lines = text.trim().split("\n");
  if (lines.length < 2) return false;
  try {
    const first: unknown = JSON.parse(lines[0] ?? "");
    return first !== null && typeof first === "object" && !Array.isArray(first);
  } catch {
    return false;
  }
}
