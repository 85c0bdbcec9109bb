import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStore } from '../../bot/storage/blob-storage';
import { type Azurite, startAzurite } from '../support/azurite';
import { storageContract } from './storage-contract';

/** The shared contract against the real emulator: blob storage must behave like memory and sqlite. */
let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => azurite?.stop());

let n = 0;
storageContract('blob', () => BlobStore.open(azurite.connectionString, `contract-${++n}`));

describe('blob store', () => {
  it('when the container is missing, then opening creates it; a second instance shares what the first wrote', async () => {
    const container = `shared-${randomUUID()}`;
    const first = await BlobStore.open(azurite.connectionString, container);
    const second = await BlobStore.open(azurite.connectionString, container);
    await first.write({ 'tenant/x': { v: 1 } });
    const { eTag } = (await second.read(['tenant/x']))['tenant/x'];
    await second.write({ 'tenant/x': { v: 2, eTag } });
    await expect(first.write({ 'tenant/x': { v: 3, eTag } })).rejects.toMatchObject({ reason: 'conflict' });
    expect((await first.read(['tenant/x']))['tenant/x']).toMatchObject({ v: 2 });
  });

  it("when the eTag it hands out is compared with Azure's, then it is the blob's own ETag", async () => {
    const store = await BlobStore.open(azurite.connectionString, 'etags');
    await store.write({ a: { v: 1 } });
    const { eTag } = (await store.read(['a'])).a;
    expect(eTag).toMatch(/^"0x[0-9A-F]+"$/);
  });

  it('when Azure Storage cannot be reached, then opening fails as unavailable', async () => {
    const unreachable = azurite.connectionString.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:9');
    await expect(BlobStore.open(unreachable, 'nowhere')).rejects.toMatchObject({ reason: 'unavailable' });
  });

  it('when a read or write meets an outage, then it fails as unavailable, not as a conflict', async () => {
    const store = await BlobStore.open(azurite.connectionString, 'outage');
    const other = await startAzurite();
    const doomed = await BlobStore.open(other.connectionString, 'outage');
    await other.stop();
    await expect(doomed.read(['a'])).rejects.toMatchObject({ reason: 'unavailable' });
    await expect(doomed.write({ a: { v: 1, eTag: '"0x1"' } })).rejects.toMatchObject({ reason: 'unavailable' });
    await store.close();
    await expect(store.read(['a'])).rejects.toMatchObject({ reason: 'unavailable' });
  });
});
