import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Recognition } from '../../dialogs/recognizer';

/**
 * The labelled utterances: ours (test/recognizer/utterances.jsonl) and the product's examples
 * (../shared/examples/utterances.jsonl beside the repository, as in CI). Shared by the test and
 * the benchmark so both measure the same thing.
 */
export interface UtteranceCase {
  text: string;
  /** An intent, or 'none-of-enable' (the examples' way to say "anything but a consent"). */
  intent: string;
  features?: string[];
  areas?: string[];
  /** A permission name, or null when Tikit does not request it. */
  permission?: string | null;
  /** For permissions Tikit does not request: names that must be among the suggestions. */
  suggestions?: string[];
  source: string;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const OWN_UTTERANCES = path.join(REPO_ROOT, 'test', 'recognizer', 'utterances.jsonl');
export const EXAMPLE_UTTERANCES = path.resolve(REPO_ROOT, '..', 'shared', 'examples', 'utterances.jsonl');

export function readCases(file: string): UtteranceCase[] {
  if (!existsSync(file)) throw new Error(`utterance file not found: ${file}`);
  const source = path.basename(path.dirname(file));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ ...(JSON.parse(line) as Omit<UtteranceCase, 'source'>), source }));
}

export function allCases(): UtteranceCase[] {
  return [...readCases(OWN_UTTERANCES), ...readCases(EXAMPLE_UTTERANCES)];
}

/** Why a recognition is wrong for a case, or undefined when it is right (intent and entities). */
export function mismatch(expected: UtteranceCase, actual: Recognition): string | undefined {
  if (expected.intent === 'none-of-enable') {
    return actual.intent === 'enable' || actual.intent === 'disable' ? `started a consent: ${show(actual)}` : undefined;
  }
  if (actual.intent !== expected.intent) return `expected ${expected.intent}, got ${show(actual)}`;
  switch (actual.intent) {
    case 'enable':
    case 'disable':
    case 'declined':
    case 'status':
      return sameSet(actual.features, expected.features ?? []) ? undefined : `features ${show(actual)}`;
    case 'feature-permissions':
      return sameSet(actual.areas, expected.areas ?? expected.features ?? []) ? undefined : `areas ${show(actual)}`;
    case 'explain':
    case 'features-using':
      return permissionMismatch(expected, actual.permission);
    default:
      return undefined;
  }
}

function permissionMismatch(expected: UtteranceCase, actual: Extract<Recognition, { intent: 'explain' }>['permission']) {
  if (expected.permission === null) {
    if (actual.kind !== 'unknown') return `expected an unknown permission, got ${actual.name}`;
    const missing = (expected.suggestions ?? []).filter((name) => !actual.suggestions.includes(name));
    return missing.length === 0 ? undefined : `suggestions ${JSON.stringify(actual.suggestions)} lack ${missing.join(', ')}`;
  }
  if (actual.kind !== 'found' || actual.name !== expected.permission) return `permission ${JSON.stringify(actual)}`;
  return undefined;
}

function sameSet(actual: readonly string[], expected: readonly string[]): boolean {
  return actual.length === expected.length && expected.every((item) => actual.includes(item));
}

function show(recognition: Recognition): string {
  return JSON.stringify(recognition);
}
