import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SeedRow } from './seed-rows';

/** The product's source document, beside the repository as in CI (../shared). */
export const SEED_PATH = path.resolve(__dirname, '..', '..', '..', 'shared', 'seed', 'tikit-consent-management.txt');

export function readSeed(): string {
  if (!existsSync(SEED_PATH)) throw new Error(`the seed document is not at ${SEED_PATH}`);
  return readFileSync(SEED_PATH, 'utf8');
}

/** Encoding debris the seed carries: a stray "Â" and no-break spaces. */
export function withoutDebris(text: string): string {
  return text
    .replace(/\u00C2/g, '')
    .replace(/\u00A0/g, ' ')
    .trim();
}

/**
 * The detailed table: rows of five lines after its "Consent Area" header, except the sign-in row
 * whose Permission line is missing (it starts straight with its Type).
 */
export function parseDetailedTable(seed: string): SeedRow[] {
  const lines = seed.split(/\r?\n/);
  const rows: SeedRow[] = [];
  for (let i = lines.indexOf('Consent Area') + 1; i > 0 && i < lines.length;) {
    const unnamed = lines[i] === 'Delegated' || lines[i] === 'Application';
    const name = unnamed ? '' : lines[i]!;
    const at = unnamed ? i : i + 1;
    const [type, summary, reason, area] = lines.slice(at, at + 4);
    if (area === undefined) throw new Error(`the seed table ends mid-row at line ${i + 1}`);
    rows.push([name, type!, summary!, reason!, area]);
    i = at + 4;
  }
  return rows;
}

/**
 * The summary table at the top: after its Feature/Permission/Description header, a feature name
 * line followed by (title, description) pairs, until "Detailed Consent Permissions".
 */
export function parseSummaryTable(seed: string, featureNames: readonly string[]): Array<{ feature: string; title: string }> {
  const lines = seed.split(/\r?\n/);
  const start = lines.findIndex((line, i) => line === 'Feature' && lines[i + 1] === 'Permission') + 3;
  const end = lines.indexOf('Detailed Consent Permissions');
  const entries: Array<{ feature: string; title: string }> = [];
  let feature = '';
  for (let i = start; i < end;) {
    if (featureNames.includes(lines[i]!)) {
      feature = lines[i]!;
      i += 1;
      continue;
    }
    entries.push({ feature, title: lines[i]! });
    i += 2;
  }
  return entries;
}
