/**
 * The Teams app icons, drawn in code: a speech bubble with an "M". `node dist/bot/teams/icons.js` writes
 * bot/teams/color.png (192×192, white bubble on the accent colour) and bot/teams/outline.png (32×32, white outline
 * on transparent), which the packager puts into the app package.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../knowledge/paths.js';
import { encodePng } from './png.js';

/** The app's accent colour: the colour icon's background and the manifest's accentColor. */
export const ACCENT_COLOR = '#1F5C99';

type Point = [number, number];

/** The bubble's outline in unit coordinates (0..1, y downwards): a rounded rectangle with a tail at the bottom left. */
function bubblePolygon(): Point[] {
  const [left, top, right, bottom, r] = [0.16, 0.2, 0.84, 0.66, 0.1];
  const arc = (cx: number, cy: number, from: number): Point[] =>
    Array.from({ length: 9 }, (_, i) => {
      const a = ((from + (i * 90) / 8) * Math.PI) / 180;
      return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
    });
  return [
    ...arc(left + r, top + r, 180),
    ...arc(right - r, top + r, 270),
    ...arc(right - r, bottom - r, 0),
    [0.46, bottom], [0.27, 0.84], [0.33, bottom],
    ...arc(left + r, bottom - r, 90),
  ];
}

/** The letter M as a polyline, drawn as a stroke. */
const LETTER_M: Point[] = [[0.36, 0.55], [0.36, 0.33], [0.5, 0.47], [0.64, 0.33], [0.64, 0.55]];

function segmentDistance(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function polylineDistance(p: Point, points: Point[], closed: boolean): number {
  let best = Infinity;
  const n = closed ? points.length : points.length - 1;
  for (let i = 0; i < n; i++) best = Math.min(best, segmentDistance(p, points[i]!, points[(i + 1) % points.length]!));
  return best;
}

function insidePolygon(p: Point, points: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [a, b] = [points[i]!, points[j]!];
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/** Renders size × size pixels; `paint` gives the colour at a unit point. Each pixel averages 4 × 4 samples. */
function render(size: number, paint: (p: Point) => [number, number, number, number]): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = paint([(x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size]);
          // Colours are summed weighted by alpha, so transparent samples do not darken the edge.
          for (let k = 0; k < 3; k++) sum[k]! += c[k]! * c[3];
          sum[3]! += c[3];
        }
      }
      const alpha = sum[3]! / (n * n);
      const i = (y * size + x) * 4;
      for (let k = 0; k < 3; k++) rgba[i + k] = alpha === 0 ? 0 : Math.round(sum[k]! / sum[3]!);
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

function hexColour(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** The 192×192 colour icon: a white speech bubble with an "M" in the accent colour, on the accent colour. */
export function colorIcon(): Buffer {
  const bubble = bubblePolygon();
  const accent = hexColour(ACCENT_COLOR);
  const white: [number, number, number] = [255, 255, 255];
  const rgba = render(192, (p) => {
    const onBubble = insidePolygon(p, bubble) && polylineDistance(p, LETTER_M, false) > 0.045;
    return [...(onBubble ? white : accent), 1];
  });
  return encodePng(192, 192, rgba);
}

/** The 32×32 outline icon: the same bubble and "M" as white lines on transparent, as Teams asks. */
export function outlineIcon(): Buffer {
  const bubble = bubblePolygon();
  const rgba = render(32, (p) => {
    const onLine = (insidePolygon(p, bubble) && polylineDistance(p, bubble, true) < 2 / 32) || polylineDistance(p, LETTER_M, false) < 1 / 32;
    return [255, 255, 255, onLine ? 1 : 0];
  });
  return encodePng(32, 32, rgba);
}

/** Where the packager finds the icons: bot/teams/ in the project. */
export function iconPaths(root: string = projectRoot()): { color: string; outline: string } {
  return { color: join(root, 'bot', 'teams', 'color.png'), outline: join(root, 'bot', 'teams', 'outline.png') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const paths = iconPaths();
  writeFileSync(paths.color, colorIcon());
  writeFileSync(paths.outline, outlineIcon());
  console.log(`Wrote ${paths.color} and ${paths.outline}`);
}
