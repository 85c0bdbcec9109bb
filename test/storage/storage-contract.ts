import type { StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import type { ClosableStorage } from '../../bot/storage/create-storage';
import { ETAG_NEW_ITEM } from '../../bot/storage/etag-rules';
import { StorageError } from '../../bot/storage/storage-errors';

/**
 * One contract for every store (memory, sqlite, blob), so they cannot drift apart.
 * `open` returns a store over a fresh, empty place; `reopen` another store over the same place.
 */
export function storageContract(name: string, open: () => Promise<ClosableStorage>) {
  describe(`${name} store contract`, () => {
    async function withStore(test: (store: ClosableStorage) => Promise<void>) {
      const store = await open();
      try {
        await test(store);
      } finally {
        await store.close();
      }
    }

    async function conflictOf(write: Promise<void>) {
      const error = await write.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StorageError);
      return (error as StorageError).reason;
    }

    it('reads back what it wrote, with an eTag, and nothing for unknown keys', () =>
      withStore(async (store) => {
        await store.write({ a: { count: 1, nested: { list: [1, 'two'] } } });
        const read = await store.read(['a', 'missing']);
        expect(Object.keys(read)).toEqual(['a']);
        expect(read.a).toMatchObject({ count: 1, nested: { list: [1, 'two'] } });
        expect(typeof read.a.eTag).toBe('string');
      }));

    it('writes with the current eTag and refuses a stale one', () =>
      withStore(async (store) => {
        await store.write({ a: { v: 1 } });
        const first = (await store.read(['a'])).a;
        await store.write({ a: { v: 2, eTag: first.eTag } });
        expect(await conflictOf(store.write({ a: { v: 3, eTag: first.eTag } }))).toBe('conflict');
        expect((await store.read(['a'])).a.v).toBe(2);
      }));

    it('overwrites on "*" or no eTag (what botbuilder state does)', () =>
      withStore(async (store) => {
        await store.write({ a: { v: 1 } });
        await store.write({ a: { v: 2, eTag: '*' } });
        await store.write({ a: { v: 3 } });
        expect((await store.read(['a'])).a.v).toBe(3);
      }));

    it('creates a new item only once when asked for a new item', () =>
      withStore(async (store) => {
        await store.write({ a: { v: 1, eTag: ETAG_NEW_ITEM } });
        expect(await conflictOf(store.write({ a: { v: 2, eTag: ETAG_NEW_ITEM } }))).toBe('conflict');
        expect((await store.read(['a'])).a.v).toBe(1);
      }));

    it('refuses an eTag for an item deleted since it was read', () =>
      withStore(async (store) => {
        await store.write({ a: { v: 1 } });
        const read = (await store.read(['a'])).a;
        await store.delete(['a']);
        expect(await conflictOf(store.write({ a: { v: 2, eTag: read.eTag } }))).toBe('conflict');
        expect(await store.read(['a'])).toEqual({});
      }));

    it('writes a batch all or nothing', () =>
      withStore(async (store) => {
        await store.write({ a: { v: 1 } });
        const changes: StoreItems = { b: { v: 1 }, a: { v: 2, eTag: 'stale' } };
        expect(await conflictOf(store.write(changes))).toBe('conflict');
        expect(await store.read(['a', 'b'])).toMatchObject({ a: { v: 1 } });
        expect((await store.read(['b'])).b).toBeUndefined();
      }));

    it('of two writers holding the same eTag, exactly one wins', () =>
      withStore(async (store) => {
        await store.write({ a: { v: 0 } });
        const { eTag } = (await store.read(['a'])).a;
        const results = await Promise.allSettled([store.write({ a: { v: 1, eTag } }), store.write({ a: { v: 2, eTag } })]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      }));

    it('does not let a caller change what is stored through the object it read or wrote', () =>
      withStore(async (store) => {
        const item = { list: [1] };
        await store.write({ a: item });
        item.list.push(2);
        const read = (await store.read(['a'])).a;
        read.list.push(3);
        expect((await store.read(['a'])).a.list).toEqual([1]);
      }));

    it('keeps awkward keys apart: Teams ids with "/", ":", "@", ";", dots, percent signs and very long ones', () =>
      withStore(async (store) => {
        const channel = `msteams/conversations/19:${'a'.repeat(40)}@thread.tacv2;messageid=1712345678901`;
        const keys = [channel, `${channel}.`, 'a/b', 'a%2Fb', 'a:b@c', '..', 'ünïcødé ✓', 'x'.repeat(1500), `${'x'.repeat(1500)}y`];
        await store.write(Object.fromEntries(keys.map((key, i) => [key, { i }])));
        const read = await store.read(keys);
        expect(keys.map((key) => read[key]?.i)).toEqual(keys.map((_, i) => i));
      }));

    it('deletes, and deleting a missing key is not an error', () =>
      withStore(async (store) => {
        await store.write({ a: { v: 1 } });
        await store.delete(['a', 'never-there']);
        expect(await store.read(['a'])).toEqual({});
      }));
  });
}
