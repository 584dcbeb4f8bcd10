/** Fetching text documents (feeds, sitemaps, article pages) with the safe fetcher, decoded to strings. */
import { decodeBytes } from "../ingest/decode";
import { safeFetch, type FetchPolicy, type SafeFetchResponse } from "../fetch";

export const HTML_TYPES = ["text/html", "application/xhtml+xml"] as const;
/** Feeds and sitemaps come as any XML type; some servers label them text/plain. */
export const XML_TYPES = ["application/xml", "text/xml", "*/*+xml", "text/plain", "application/octet-stream"] as const;

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`). */
function xmlDeclaredEncoding(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 200).toString("latin1");
  return /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? null;
}

/** The body as text: BOM, then the Content-Type charset, then the XML declaration, then sniffing. */
export function responseText(res: SafeFetchResponse): string {
  return decodeBytes(res.body, { declaredCharset: res.charset ?? xmlDeclaredEncoding(res.body) }).text;
}

/** Fetch an article page (HTML only). */
export async function fetchPage(url: string, policy: FetchPolicy, signal?: AbortSignal): Promise<{ url: string; html: string }> {
  const res = await safeFetch(url, { policy, accept: HTML_TYPES, signal });
  return { url: res.url, html: responseText(res) };
}

/** Run `fn` over `items` with at most `limit` at once; results in input order. */
export async function mapPool<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return out;
}
