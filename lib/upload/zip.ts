/**
 * Reading uploaded zip archives, defensively (yauzl underneath). Nothing is ever written to
 * disk, but every entry that would be dangerous to an unzip tool is still refused and reported:
 *
 * - the archive: more than `maxEntries` entries, more than `maxTotalBytes` once expanded, or an
 *   overall expansion ratio above `maxRatio` is refused whole (nothing of it is ingested);
 * - an entry: a path that is absolute or climbs out (`../`), a symbolic link, an encrypted
 *   entry, a nested archive, a file type Parallax does not read, or an entry whose own ratio is
 *   above `maxRatio` is refused with its reason; the other entries are kept.
 *
 * Declared sizes are trustworthy because yauzl checks every entry's real size against them
 * while inflating (validateEntrySizes), and the bytes are counted again here.
 */
import yauzl, { type Entry } from "yauzl";
import type { ItemError } from "../ingest/types";

export interface ZipLimits {
  /** Entries in the archive, directories included. */
  maxEntries: number;
  /** Bytes of all entries once expanded. */
  maxTotalBytes: number;
  /** Expanded bytes per compressed byte, per entry (above `ratioFloorBytes`) and overall. */
  maxRatio: number;
  /** Entries smaller than this may compress better than `maxRatio` (a file of blank lines). */
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipFileEntry {
  /** The path inside the archive ("2016/report.ndjson"). */
  name: string;
  bytes: Uint8Array;
}

export interface ZipReadResult {
  files: ZipFileEntry[];
  /** Per entry ("archive.zip/../x.txt: …"), or one for the whole archive. */
  errors: ItemError[];
}

/** File types inside an archive that Parallax reads (the same as parseFile's). */
export const ZIP_ACCEPTED_EXTENSIONS = ["txt", "md", "markdown", "text", "html", "htm", "xhtml", "ndjson", "jsonl", "json", "csv", "tsv"];
const ARCHIVE_EXTENSIONS = new Set(["zip", "jar", "7z", "rar", "tar", "gz", "tgz", "bz2", "xz", "zst", "war", "apk"]);

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** True when bytes start like a zip archive (local header, empty archive or spanned marker). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) && (bytes[3] === 4 || bytes[3] === 6 || bytes[3] === 8);
}

function looksLikeArchive(bytes: Uint8Array): boolean {
  if (looksLikeZip(bytes)) return true;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return true; // gzip
  if (bytes.length >= 6 && bytes[0] === 0x37 && bytes[1] === 0x7a && bytes[2] === 0xbc && bytes[3] === 0xaf) return true; // 7z
  if (bytes.length >= 4 && bytes[0] === 0x52 && bytes[1] === 0x61 && bytes[2] === 0x72 && bytes[3] === 0x21) return true; // rar
  return false;
}

function extensionOf(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
}

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Operating-system litter that is not content: skipped without a report. */
function isLitter(name: string): boolean {
  const base = name.split("/").pop() ?? name;
  return name.startsWith("__MACOSX/") || base === ".DS_Store" || base.startsWith("._") || base === "Thumbs.db" || base === "desktop.ini";
}

/** Why an entry is refused before its data is read, or null. */
function refuseEntry(entry: Entry, name: string, limits: ZipLimits): string | null {
  if (name.includes("\0")) return "unsafe path: the name contains a NUL character";
  const invalid = yauzl.validateFileName(name);
  if (invalid !== null) return `unsafe path (${invalid}): entries must stay inside the archive`;
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode === S_IFLNK) return "symbolic links are not accepted";
  if (entry.isEncrypted()) return "encrypted entries are not accepted: zip it again without a password";
  if (!entry.canDecodeFileData()) return `unsupported compression method ${entry.compressionMethod}: use deflate or store`;
  const ext = extensionOf(name);
  if (ARCHIVE_EXTENSIONS.has(ext)) return "nested archives are not accepted: extract it and upload its files, or one archive of them";
  if (!ZIP_ACCEPTED_EXTENSIONS.includes(ext)) {
    return `unsupported file type ${ext ? `.${ext}` : "(no extension)"}: accepted are ${ZIP_ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(" ")}`;
  }
  if (entry.uncompressedSize > limits.ratioFloorBytes && entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio) {
    const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
    return `compression ratio ${ratio}:1 is above ${limits.maxRatio}:1 (a zip bomb?)`;
  }
  return null;
}

async function readEntry(zip: yauzl.ZipFile, entry: Entry, budget: { left: number }): Promise<Uint8Array> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    budget.left -= chunk.length;
    if (budget.left < 0) {
      stream.destroy();
      throw new Error("the archive expands beyond its size limit");
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}

/**
 * The readable files of a zip archive, with a reason for each refused entry. Never throws:
 * a corrupt archive is one error naming it.
 */
export async function readZip(archiveName: string, data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipReadResult> {
  const result: ZipReadResult = { files: [], errors: [] };
  const archiveError = (reason: string): ZipReadResult => ({ files: [], errors: [{ item: archiveName, reason }] });
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
      lazyEntries: true,
      autoClose: false,
      // Names are decoded and validated here, so one bad entry does not fail the whole archive.
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (err) {
    return archiveError(`not a readable zip archive: ${(err as Error).message}`);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      return archiveError(`the archive has ${zip.entryCount} entries; at most ${limits.maxEntries} are accepted. Split it into several archives.`);
    }
    const entries: { entry: Entry; name: string }[] = [];
    try {
      for await (const entry of zip.eachEntry()) {
        const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
        entries.push({ entry, name });
      }
    } catch (err) {
      return archiveError(`not a readable zip archive: ${(err as Error).message}`);
    }
    const declared = entries.reduce((sum, e) => sum + e.entry.uncompressedSize, 0);
    if (declared > limits.maxTotalBytes) {
      return archiveError(`the archive expands to ${mb(declared)}; at most ${mb(limits.maxTotalBytes)} are accepted. Split it into several archives.`);
    }
    if (declared > limits.ratioFloorBytes && declared / Math.max(1, data.byteLength) > limits.maxRatio) {
      return archiveError(`the archive expands ${Math.round(declared / data.byteLength)} times its size (above ${limits.maxRatio}:1): refused as a possible zip bomb`);
    }

    const budget = { left: limits.maxTotalBytes };
    for (const { entry, name } of entries) {
      if (name.endsWith("/") || isLitter(name)) continue;
      const item = `${archiveName}/${name}`;
      const refusal = refuseEntry(entry, name, limits);
      if (refusal) {
        result.errors.push({ item, reason: refusal });
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = await readEntry(zip, entry, budget);
      } catch (err) {
        if (budget.left < 0) return archiveError(`the archive expands beyond ${mb(limits.maxTotalBytes)}: refused`);
        result.errors.push({ item, reason: `could not extract: ${(err as Error).message}` });
        continue;
      }
      if (looksLikeArchive(bytes)) {
        result.errors.push({ item, reason: "nested archives are not accepted: this file is itself an archive" });
        continue;
      }
      result.files.push({ name, bytes });
    }
    return result;
  } finally {
    zip.close();
  }
}
