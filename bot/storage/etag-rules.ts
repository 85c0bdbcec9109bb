import { randomBytes } from 'node:crypto';
import { StorageError } from './storage-errors';

/**
 * The eTag contract every store here follows, so memory, sqlite and blob behave alike:
 * - no eTag, or `*`: write whatever is there (what botbuilder's BotState does);
 * - ETAG_NEW_ITEM: create only if the key is absent (two writers creating one record: one wins);
 * - any other eTag: write only if it is the stored item's current eTag.
 */
export const ETAG_NEW_ITEM = '~new~';

export function checkETag(key: string, wanted: string | undefined, current: string | undefined): void {
  if (wanted === undefined || wanted === '*') return;
  if (wanted === ETAG_NEW_ITEM) {
    if (current !== undefined) throw new StorageError('conflict', key, `"${key}" already exists`);
    return;
  }
  if (wanted !== current) throw new StorageError('conflict', key, `"${key}" was changed by another writer`);
}

export function newETag(): string {
  return randomBytes(9).toString('base64url');
}

/** Splits a store item into the JSON to keep and the eTag the caller asked for. */
export function serialiseItem(item: unknown): { json: string; wanted: string | undefined } {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw new TypeError('a store item must be an object');
  }
  const { eTag, ...rest } = item as { eTag?: unknown };
  return { json: JSON.stringify(rest), wanted: typeof eTag === 'string' ? eTag : undefined };
}
