import { createHash } from 'node:crypto';
import { StorageError } from './storage-errors';

/** Azure allows 1,024 characters; the hashed form below stays well under it. */
const MAX_PLAIN_NAME = 960;
const KEPT_PREFIX = 890;

/**
 * The blob name of a store key. Keys carry '/', ':', '@', ';' (Teams conversation ids), which Azure
 * would treat as folders or reject at the end of a name, so everything but letters, digits, '_' and
 * '-' is percent-encoded: distinct keys always get distinct names. A key too long for that keeps a
 * readable prefix and ends in '~' plus its SHA-256 ('~' never occurs in an encoded name, so a hashed
 * name cannot equal a plain one).
 */
export function blobNameOf(key: string): string {
  if (key === '') throw new StorageError('invalid-key', key, 'a store key must not be empty');
  let encoded: string;
  try {
    encoded = encodeURIComponent(key).replace(/[.!~*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch (cause) {
    // encodeURIComponent refuses lone UTF-16 surrogates: such a key has no stable UTF-8 form.
    throw new StorageError('invalid-key', key, 'a store key must be valid Unicode text', { cause });
  }
  if (encoded.length <= MAX_PLAIN_NAME) return encoded;
  const digest = createHash('sha256').update(key, 'utf8').digest('hex');
  return `${encoded.slice(0, KEPT_PREFIX).replace(/%[0-9A-F]?$/, '')}~${digest}`;
}
