import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from './config';

/**
 * The key that signs consent `state`. Taken from STATE_SECRET when set; otherwise generated once and
 * kept beside the data (owner-only), so links sent before a restart still verify after it.
 */
export function resolveStateSecret(config: Config): string {
  if (config.stateSecret) return config.stateSecret;
  const folder = config.storage.kind === 'sqlite' ? dirname(config.storage.path) : './data';
  const file = join(folder, 'state-secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  }
  mkdirSync(folder, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
