import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { type AppManifestJson, PackageError } from './app-manifest';
import { pngSize } from './png';

/** The Teams app package: manifest.json and the two icons, all at the zip's root. */

/** Sizes Teams requires (the schema only names the files). */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** A fixed timestamp, so the same inputs give the same zip, byte for byte. */
const ZIP_DATE = new Date('2025-01-01T00:00:00Z');

function readIcon(iconsDir: string, file: string, size: number): Buffer {
  // Teams looks for the icons next to manifest.json: a path would not resolve in the package.
  if (path.basename(file) !== file) throw new PackageError('bad-icon', `icon "${file}" must be a file name at the package root`);
  let png: Buffer;
  try {
    png = readFileSync(path.join(iconsDir, file));
  } catch {
    throw new PackageError('bad-icon', `icon ${file} is missing from ${iconsDir}`);
  }
  const actual = pngSize(png);
  if (actual.width !== size || actual.height !== size) {
    throw new PackageError('bad-icon', `icon ${file} is ${actual.width}×${actual.height}, Teams requires ${size}×${size}`);
  }
  return png;
}

export async function buildAppZip(manifest: AppManifestJson, iconsDir: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: ZIP_DATE });
  zip.file(manifest.icons.color, readIcon(iconsDir, manifest.icons.color, ICON_SIZES.color), { date: ZIP_DATE });
  zip.file(manifest.icons.outline, readIcon(iconsDir, manifest.icons.outline, ICON_SIZES.outline), { date: ZIP_DATE });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
