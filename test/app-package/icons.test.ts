import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_PACKAGE_DIR, type AppManifestJson, readManifestTemplate } from '../../scripts/app-manifest';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/draw-icons';
import { decodePng, encodePng, type RgbaImage } from '../../scripts/png';

const template = readManifestTemplate() as AppManifestJson & { accentColor: string };

function icon(file: string): RgbaImage {
  return decodePng(readFileSync(path.join(APP_PACKAGE_DIR, file)));
}

function pixelsOf(image: RgbaImage): Array<[number, number, number, number]> {
  return Array.from({ length: image.width * image.height }, (_, i) => [...image.pixels.subarray(i * 4, i * 4 + 4)] as [number, number, number, number]);
}

describe('the Teams app icons in appPackage/', () => {
  it('when read, then the colour icon is exactly 192×192 and the outline icon exactly 32×32', () => {
    expect(template.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect([icon('color.png').width, icon('color.png').height]).toEqual([192, 192]);
    expect([icon('outline.png').width, icon('outline.png').height]).toEqual([32, 32]);
  });

  it('when read, then the outline icon is white on transparent only, and draws something', () => {
    const pixels = pixelsOf(icon('outline.png'));
    const visible = pixels.filter(([, , , alpha]) => alpha > 0);
    expect(visible.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    expect(pixels[0]![3]).toBe(0); // a transparent background
    expect(visible.filter(([, , , alpha]) => alpha === 255).length).toBeGreaterThan(50);
  });

  it('when read, then the colour icon is opaque, on the manifest accent colour, with a white glyph', () => {
    const pixels = pixelsOf(icon('color.png'));
    const accent = [1, 3, 5].map((at) => parseInt(template.accentColor.slice(at, at + 2), 16));
    expect(pixels.every(([, , , alpha]) => alpha === 255)).toBe(true);
    expect(pixels[0]!.slice(0, 3)).toEqual(accent);
    expect(pixels.filter(([r, g, b]) => r === 255 && g === 255 && b === 255).length).toBeGreaterThan(1000);
  });

  it('when drawn again by scripts/draw-icons.ts, then the committed icons are what it draws', () => {
    expect(decodePng(encodePng(drawColorIcon(template.accentColor))).pixels).toEqual(icon('color.png').pixels);
    expect(drawOutlineIcon().pixels).toEqual(icon('outline.png').pixels);
  });
});
