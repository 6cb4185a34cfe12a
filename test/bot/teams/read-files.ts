import { expect } from 'chai';
import { unzipSync } from 'fflate';

/** The files of a ZIP archive, read by fflate (not by the code that wrote it), by name. */
export function readZip(zip: Uint8Array): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(zip)).map(([name, data]) => [name, Buffer.from(data)]));
}

/** Width, height and colour type of a PNG, from its header (colour type 6 is RGBA, which Teams' outline icon needs). */
export function pngHeader(png: Buffer): { width: number; height: number; colourType: number } {
  expect(png.subarray(0, 8).toString('hex'), 'PNG signature').to.equal('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('latin1'), 'first chunk').to.equal('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25]! };
}
