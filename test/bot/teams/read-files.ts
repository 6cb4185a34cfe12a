import { expect } from 'chai';
import { crc32, inflateRawSync, inflateSync } from 'node:zlib';

/**
 * Reads a ZIP archive the way an unzip tool does: finds the end record, walks the central directory, and inflates
 * each entry from its local header. Checks the signatures, sizes and CRC-32 of every entry on the way.
 */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end, 'end of central directory record').to.be.at.least(0);
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  let at = zip.readUInt32LE(end + 16);
  expect(at + directorySize, 'central directory ends where the end record starts').to.equal(end);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at), 'central directory header signature').to.equal(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local), `local header signature of ${name}`).to.equal(0x04034b50);
    expect(zip.subarray(local + 30, local + 30 + zip.readUInt16LE(local + 26)).toString('utf8'), 'local name').to.equal(name);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const stored = zip.subarray(start, start + compressedSize);
    const data = method === 8 ? inflateRawSync(stored) : stored;
    expect([0, 8], `method of ${name}`).to.include(method);
    expect(data.length, `size of ${name}`).to.equal(size);
    expect(crc32(data), `CRC-32 of ${name}`).to.equal(crc);
    files.set(name, Buffer.from(data));
    at += 46 + skip;
  }
  return files;
}

/** Reads an 8-bit RGBA PNG with unfiltered rows (what encodePng writes), checking the signature and every chunk's CRC. */
export function readPng(png: Buffer): { width: number; height: number; colourType: number; rgba: Buffer } {
  expect(png.subarray(0, 8).toString('hex'), 'PNG signature').to.equal('89504e470d0a1a0a');
  let at = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  for (;;) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    expect(crc32(png.subarray(at + 4, at + 8 + length)), `CRC of ${type}`).to.equal(png.readUInt32BE(at + 8 + length));
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
    if (type === 'IEND') break;
  }
  expect(header, 'IHDR').not.to.equal(undefined);
  const width = header!.readUInt32BE(0);
  const height = header!.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(data));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)], 'filter type').to.equal(0);
    raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, colourType: header![9]!, rgba };
}
