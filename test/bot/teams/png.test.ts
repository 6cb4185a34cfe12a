import { expect } from 'chai';
import { encodePng } from '../../../bot/teams/png.js';
import { readPng } from './read-files.js';

describe('PNG encoder', () => {
  it('writes an RGBA image that reads back pixel for pixel', () => {
    const rgba = new Uint8Array(3 * 2 * 4).map((_, i) => (i * 37) % 256);
    const png = readPng(encodePng(3, 2, rgba));
    expect(png).to.include({ width: 3, height: 2, colourType: 6 });
    expect([...png.rgba]).to.deep.equal([...rgba]);
  });

  it('writes the same bytes for the same pixels', () => {
    const rgba = new Uint8Array(16 * 16 * 4).fill(200);
    expect(encodePng(16, 16, rgba).equals(encodePng(16, 16, rgba))).to.equal(true);
  });

  const refused: [string, number, number, number, RegExp][] = [
    ['too few bytes for its size', 2, 2, 15, /A 2×2 RGBA image has 16 bytes, got 15/],
    ['a width of zero', 0, 2, 0, /whole positive width and height, got 0×2/],
    ['a fractional height', 2, 1.5, 12, /whole positive width and height/],
  ];
  for (const [name, width, height, bytes, message] of refused) {
    it(`refuses ${name}`, () => {
      expect(() => encodePng(width, height, new Uint8Array(bytes))).to.throw(Error, message);
    });
  }
});
