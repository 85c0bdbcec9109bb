import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../bot/storage/memory-storage';
import { SqliteStore } from '../../bot/storage/sqlite-storage';
import { storageContract } from './storage-contract';
import { tempFolder } from '../support/temp-folders';

storageContract('memory', async () => new MemoryStore());

const dir = tempFolder('tikit-store-');
let n = 0;
storageContract('sqlite', async () => new SqliteStore(join(dir, `contract-${++n}.db`)));

describe('sqlite store', () => {
  it('when reopened on the same file, then everything written is there with the same eTag', async () => {
    const path = join(dir, 'reopen.db');
    const first = new SqliteStore(path);
    await first.write({ a: { v: 1 } });
    const { eTag } = (await first.read(['a'])).a;
    await first.close();
    const second = new SqliteStore(path);
    expect((await second.read(['a'])).a).toEqual({ v: 1, eTag });
    await second.close();
  });

  it('when the database is closed, then a write fails as unavailable instead of crashing', async () => {
    const store = new SqliteStore(join(dir, 'closed.db'));
    await store.close();
    await expect(store.write({ a: { v: 1 } })).rejects.toMatchObject({ reason: 'unavailable' });
  });
});
