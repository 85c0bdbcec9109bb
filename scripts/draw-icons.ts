import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng, type RgbaImage } from './png';

/**
 * Draws the Teams app icons (a shield with a check mark: "permissions, verified") from shapes, with
 * analytic anti-aliasing, so they can be redrawn exactly: `npx tsx scripts/draw-icons.ts`.
 * color.png: 192×192, white shield on the manifest's accent colour. outline.png: 32×32, white on
 * transparent only, as Teams requires of outline icons.
 */

type Point = readonly [number, number];

const APP_PACKAGE = path.resolve(__dirname, '..', 'appPackage');

/** The shield in a 100×100 design box: pointed top, straight sides, curved to a point at the bottom. */
function shieldOutline(): Point[] {
  const curve = (from: Point, control: Point, to: Point): Point[] =>
    Array.from({ length: 16 }, (_, i) => {
      const t = (i + 1) / 16;
      const [a, b, c] = [(1 - t) ** 2, 2 * (1 - t) * t, t ** 2];
      return [a * from[0] + b * control[0] + c * to[0], a * from[1] + b * control[1] + c * to[1]] as const;
    });
  return [[50, 10], [80, 20], [80, 48], ...curve([80, 48], [80, 76], [50, 90]), ...curve([50, 90], [20, 76], [20, 48]), [20, 20]];
}

const CHECK: Point[] = [
  [36, 50],
  [46, 61],
  [65, 40],
];

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function distanceToPath(p: Point, points: readonly Point[], closed: boolean): number {
  let best = Infinity;
  const segments = closed ? points.length : points.length - 1;
  for (let i = 0; i < segments; i++) best = Math.min(best, distanceToSegment(p, points[i]!, points[(i + 1) % points.length]!));
  return best;
}

function isInside(p: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [a, b] = [polygon[i]!, polygon[j]!];
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/** Pixel coverage from a signed distance in pixels (negative inside): a one-pixel ramp. */
function coverage(signedDistance: number): number {
  return Math.max(0, Math.min(1, 0.5 - signedDistance));
}

interface Glyph {
  /** Design units to pixels. */
  scale: number;
  size: number;
  /** Shield stroke width in pixels; 0 fills the shield. */
  shieldStroke: number;
  checkStroke: number;
}

/** Coverage of the shield and of the check mark at the centre of pixel (x, y). */
function sample(glyph: Glyph, x: number, y: number): { shield: number; check: number } {
  const p: Point = [50 + (x + 0.5 - glyph.size / 2) / glyph.scale, 50 + (y + 0.5 - glyph.size / 2) / glyph.scale];
  const shield = shieldOutline();
  const edge = distanceToPath(p, shield, true) * glyph.scale;
  const signed = isInside(p, shield) ? -edge : edge;
  const shieldCoverage = glyph.shieldStroke === 0 ? coverage(signed) : coverage(edge - glyph.shieldStroke / 2);
  const checkCoverage = coverage(distanceToPath(p, CHECK, false) * glyph.scale - glyph.checkStroke / 2);
  return { shield: shieldCoverage, check: checkCoverage };
}

function hexToRgb(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

/** 192×192, opaque: the accent colour, a white shield, the check mark in the accent colour. */
export function drawColorIcon(accentColor: string): RgbaImage {
  const size = 192;
  const accent = hexToRgb(accentColor);
  const glyph: Glyph = { scale: 1.35, size, shieldStroke: 0, checkStroke: 11 };
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const { shield, check } = sample(glyph, x, y);
      const white = shield * (1 - check);
      pixels.set([...accent.map((c) => Math.round(c + (255 - c) * white)), 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

/** 32×32: white only, the shape in the alpha channel; the shield drawn as an outline. */
export function drawOutlineIcon(): RgbaImage {
  const size = 32;
  const glyph: Glyph = { scale: 0.3, size, shieldStroke: 2.1, checkStroke: 2.5 };
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const { shield, check } = sample(glyph, x, y);
      const alpha = Math.round(255 * Math.max(shield, check));
      pixels.set(alpha === 0 ? [0, 0, 0, 0] : [255, 255, 255, alpha], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

function main(): void {
  const template = JSON.parse(readFileSync(path.join(APP_PACKAGE, 'manifest.template.json'), 'utf8')) as { accentColor: string };
  writeFileSync(path.join(APP_PACKAGE, 'color.png'), encodePng(drawColorIcon(template.accentColor)));
  writeFileSync(path.join(APP_PACKAGE, 'outline.png'), encodePng(drawOutlineIcon()));
  process.stdout.write(`wrote ${path.join(APP_PACKAGE, 'color.png')} and outline.png\n`);
}

if (require.main === module) main();
