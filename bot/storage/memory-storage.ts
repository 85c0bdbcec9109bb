import type { Storage, StoreItems } from 'botbuilder';
import { checkETag, newETag, serialiseItem } from './etag-rules';

/** In-process store (STORAGE=memory): same eTag rules as the persistent ones, items copied in and out. */
export class MemoryStore implements Storage {
  private readonly items = new Map<string, { json: string; eTag: string }>();

  async read(keys: string[]): Promise<StoreItems> {
    const found: StoreItems = {};
    for (const key of keys) {
      const stored = this.items.get(key);
      if (stored) found[key] = { ...JSON.parse(stored.json), eTag: stored.eTag };
    }
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    const prepared = Object.entries(changes).map(([key, item]) => ({ key, ...serialiseItem(item) }));
    // Check every eTag before changing anything, so a batch is all or nothing.
    for (const { key, wanted } of prepared) checkETag(key, wanted, this.items.get(key)?.eTag);
    for (const { key, json } of prepared) this.items.set(key, { json, eTag: newETag() });
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key);
  }

  async close(): Promise<void> {
    // Nothing to release.
  }
}
