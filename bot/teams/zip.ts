import { crc32, deflateRawSync } from 'node:zlib';

/** One file in a ZIP archive: its path inside the archive (forward slashes) and its bytes. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const VERSION = 20; // 2.0: deflate
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;

/**
 * Writes a ZIP archive (PKWARE APPNOTE 6.3, no ZIP64): every entry deflated, names in UTF-8, each file's time set to
 * `modified` (its UTC fields, as ZIP keeps no time zone). The same entries and time always give the same bytes.
 * Throws on a name that is empty, absolute, has a backslash or "..", or repeats, and on archives beyond 4 GB.
 */
export function writeZip(entries: readonly ZipEntry[], modified: Date): Buffer {
  const [time, date] = dosDateTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (const entry of entries) {
    checkName(entry.name, seen);
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const sizes = [compressed.length, entry.data.length];
    if (Math.max(offset, ...sizes) > 0xffffffff) throw new Error(`${entry.name} does not fit in a ZIP archive without ZIP64`);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    writeCommon(local, 4, time, date, crc, sizes, name.length);
    locals.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(VERSION, 4); // made by: MS-DOS attributes, version 2.0
    writeCommon(central, 6, time, date, crc, sizes, name.length);
    // extra field, comment, disk number, internal and external attributes stay 0
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + compressed.length;
  }
  if (entries.length > 0xffff) throw new Error(`A ZIP archive without ZIP64 holds at most 65535 files, got ${entries.length}`);
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The fields that local and central headers share, from "version needed" to "extra field length". */
function writeCommon(b: Buffer, at: number, time: number, date: number, crc: number, [compressed, size]: number[], nameLength: number): void {
  b.writeUInt16LE(VERSION, at);
  b.writeUInt16LE(UTF8_NAMES, at + 2);
  b.writeUInt16LE(DEFLATE, at + 4);
  b.writeUInt16LE(time, at + 6);
  b.writeUInt16LE(date, at + 8);
  b.writeUInt32LE(crc, at + 10);
  b.writeUInt32LE(compressed!, at + 14);
  b.writeUInt32LE(size!, at + 18);
  b.writeUInt16LE(nameLength, at + 22);
  b.writeUInt16LE(0, at + 24);
}

function checkName(name: string, seen: Set<string>): void {
  const bad = name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..');
  if (bad) throw new Error(`"${name}" cannot be a file name in a ZIP archive; use a relative path with forward slashes`);
  if (seen.has(name)) throw new Error(`"${name}" is in the ZIP archive twice`);
  seen.add(name);
}

/** MS-DOS time and date (two-second steps, years 1980 to 2107). */
function dosDateTime(at: Date): [number, number] {
  const year = Math.min(2107, Math.max(1980, at.getUTCFullYear()));
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2);
  const date = ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  return [time, date];
}
