/**
 * A minimal zip writer for tests: well-formed archives and deliberately hostile ones (entries
 * named "../x", symbolic links, lying sizes, encrypted flags) that ordinary zip tools refuse to
 * produce. Not for production use.
 */
import { crc32, deflateRawSync } from "node:zlib";

export interface TestZipEntry {
  name: string;
  data: string | Uint8Array;
  /** "deflate" (default) or "store". */
  method?: "deflate" | "store";
  /** Unix mode, e.g. 0o120777 for a symbolic link (default a regular file, 0o100644). */
  mode?: number;
  /** Claim this uncompressed size instead of the real one. */
  declaredSize?: number;
  /** Set the "encrypted" flag (the data itself is not encrypted). */
  encrypted?: boolean;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n & 0xffff);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** Build a zip archive of the given entries. */
export function buildZip(entries: TestZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : Buffer.from(e.data);
    const method = e.method === "store" ? 0 : 8;
    const body = method === 8 ? deflateRawSync(raw) : raw;
    const name = Buffer.from(e.name, "utf8");
    const flags = 0x0800 | (e.encrypted ? 0x0001 : 0); // UTF-8 names
    const crc = crc32(raw);
    const size = e.declaredSize ?? raw.length;
    const local = Buffer.concat([
      u32(0x04034b50), u16(20), u16(flags), u16(method), u16(0), u16(0x21), u32(crc),
      u32(body.length), u32(size), u16(name.length), u16(0), name,
    ]);
    const mode = e.mode ?? 0o100644;
    const central = Buffer.concat([
      u32(0x02014b50), u16((3 << 8) | 20), u16(20), u16(flags), u16(method), u16(0), u16(0x21), u32(crc),
      u32(body.length), u32(size), u16(name.length), u16(0), u16(0), u16(0), u16(0), u32((mode << 16) >>> 0), u32(offset), name,
    ]);
    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(cd.length), u32(offset), u16(0)]);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}
