import { expect } from 'chai';
import { writeZip } from '../../../bot/teams/zip.js';
import { readZip } from './read-files.js';

const modified = new Date('2026-11-23T09:30:10Z');

describe('ZIP writer', () => {
  it('writes files that read back through the central directory, names in UTF-8', () => {
    const entries = [
      { name: 'manifest.json', data: Buffer.from('{"navn":"Mentorbot – sagsbehandlere"}') },
      { name: 'mappe/æøå.txt', data: Buffer.from('Blåbærgrød '.repeat(500)) },
      { name: 'tom.txt', data: Buffer.alloc(0) },
    ];
    const files = readZip(writeZip(entries, modified));
    expect([...files.keys()]).to.deep.equal(['manifest.json', 'mappe/æøå.txt', 'tom.txt']);
    for (const e of entries) expect(files.get(e.name)!.equals(e.data), e.name).to.equal(true);
  });

  it('keeps the time in MS-DOS form and writes the same bytes for the same input', () => {
    const zip = writeZip([{ name: 'a.txt', data: Buffer.from('a') }], modified);
    expect(zip.readUInt16LE(10), 'time').to.equal((9 << 11) | (30 << 5) | 5);
    expect(zip.readUInt16LE(12), 'date').to.equal(((2026 - 1980) << 9) | (11 << 5) | 23);
    expect(zip.equals(writeZip([{ name: 'a.txt', data: Buffer.from('a') }], modified))).to.equal(true);
  });

  it('writes an empty archive as just the end record', () => {
    expect(writeZip([], modified)).to.have.length(22);
    expect(readZip(writeZip([], modified)).size).to.equal(0);
  });

  const refused: [string, string[], RegExp][] = [
    ['an empty name', [''], /"" cannot be a file name/],
    ['an absolute path', ['/etc/passwd'], /"\/etc\/passwd" cannot be a file name/],
    ['a backslash', ['a\\b.txt'], /cannot be a file name in a ZIP archive; use a relative path with forward slashes/],
    ['a path that climbs out', ['a/../../b.txt'], /cannot be a file name/],
    ['the same name twice', ['a.txt', 'a.txt'], /"a.txt" is in the ZIP archive twice/],
  ];
  for (const [name, names, message] of refused) {
    it(`refuses ${name}`, () => {
      expect(() => writeZip(names.map((n) => ({ name: n, data: Buffer.from('x') })), modified)).to.throw(Error, message);
    });
  }
});
