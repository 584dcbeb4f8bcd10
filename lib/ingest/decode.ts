/** Which decoding `decodeBytes` used, so a caller can report a file that was not UTF-8. */
export type DecodedEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | (string & {});

export interface DecodedText {
  text: string;
  encoding: DecodedEncoding;
}

/** The encoding a byte-order mark at the start of `bytes` declares, and the mark's length; null without one. */
export function byteOrderMark(bytes: Uint8Array): { encoding: "utf-8" | "utf-16le" | "utf-16be"; length: number } | null {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: "utf-8", length: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/**
 * Decodes file bytes to a string, never throwing:
 * 1. a byte-order mark decides (UTF-8, UTF-16 LE, UTF-16 BE) and is removed;
 * 2. BOM-less UTF-16 is recognised by its NUL bytes (ASCII-heavy text has a NUL every other byte);
 * 3. valid UTF-8 is UTF-8 (checked with a fatal decoder, not guessed);
 * 4. otherwise the charset an HTML page declares, when TextDecoder knows it;
 * 5. otherwise windows-1252, which maps every byte: old Western European pages and Excel CSVs.
 * Never throws.
 */
export function decodeBytes(bytes: Uint8Array, opts: { declaredCharset?: string | null } = {}): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom) return { text: decode(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding };

  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decode(utf16, bytes), encoding: utf16 };

  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not UTF-8: fall through to the declared charset or windows-1252.
  }
  const declared = opts.declaredCharset ?? sniffHtmlCharset(bytes);
  if (declared) {
    try {
      const decoder = new TextDecoder(declared);
      // A page that declares UTF-8 but is not valid UTF-8 is the common lie; windows-1252 reads it
      // better. Latin-1 labels are windows-1252 in WHATWG, and go to our decoder (see below).
      if (decoder.encoding !== "utf-8" && decoder.encoding !== "windows-1252") {
        return { text: decoder.decode(bytes), encoding: decoder.encoding };
      }
    } catch {
      // Unknown label: ignore it.
    }
  }
  return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
}

/**
 * windows-1252 bytes 0x80-0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ); undefined
 * positions keep the C1 code point, as WHATWG specifies.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * Our own windows-1252 decoder: Node 20's TextDecoder("windows-1252") decodes as ISO-8859-1 and
 * turns curly quotes, dashes and € into invisible C1 controls (nodejs/node#56542).
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

function decode(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label).decode(bytes);
}

/** NULs in one byte lane and not the other across the first KiB mean BOM-less UTF-16. */
function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // 30%: tolerant of non-Latin characters, far above what any 8-bit text file contains (none).
  if (oddNul > pairs * 0.3 && evenNul === 0) return "utf-16le";
  if (evenNul > pairs * 0.3 && oddNul === 0) return "utf-16be";
  return null;
}

/** `<meta charset="...">` or `content="text/html; charset=..."` in the first 2 KiB, read as ASCII. */
function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = decodeWindows1252(bytes.subarray(0, 2048));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match?.[1] ?? null;
}
