import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { ACCENT_COLOR, colorIcon, iconPaths, outlineIcon } from '../../../bot/teams/icons.js';
import { readPng } from './read-files.js';

const pixel = (png: ReturnType<typeof readPng>, x: number, y: number) => [...png.rgba.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)];
const accent = [1, 3, 5].map((i) => parseInt(ACCENT_COLOR.slice(i, i + 2), 16));

describe('Teams app icons', () => {
  it('draws a 192×192 opaque colour icon on the accent colour with a white bubble', () => {
    const png = readPng(colorIcon());
    expect(png).to.include({ width: 192, height: 192 });
    for (let i = 3; i < png.rgba.length; i += 4) expect(png.rgba[i]).to.equal(255);
    expect(pixel(png, 0, 0), 'corner').to.deep.equal([...accent, 255]);
    expect(pixel(png, 40, 50), 'inside the bubble, beside the M').to.deep.equal([255, 255, 255, 255]);
    expect(pixel(png, 69, 80), 'on the M').to.deep.equal([...accent, 255]);
  });

  it('draws a 32×32 outline icon in white on transparent only', () => {
    const png = readPng(outlineIcon());
    expect(png).to.include({ width: 32, height: 32 });
    let drawn = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      const [r, g, b, a] = png.rgba.subarray(i, i + 4);
      if (a! > 0) {
        drawn++;
        expect([r, g, b], `pixel ${i / 4}`).to.deep.equal([255, 255, 255]);
      }
    }
    expect(pixel(png, 0, 0)[3], 'corner').to.equal(0);
    expect(pixel(png, 8, 12)[3], 'inside the bubble').to.equal(0);
    expect(drawn, 'pixels drawn').to.be.within(100, 600);
  });

  it('keeps the committed icons the same as the generator draws them', () => {
    const paths = iconPaths();
    expect(readFileSync(paths.color).equals(colorIcon()), 'color.png: run node dist/bot/teams/icons.js').to.equal(true);
    expect(readFileSync(paths.outline).equals(outlineIcon()), 'outline.png: run node dist/bot/teams/icons.js').to.equal(true);
  });
});
