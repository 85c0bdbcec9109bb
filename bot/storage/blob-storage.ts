import { BlobServiceClient, type BlobRequestConditions, type ContainerClient } from '@azure/storage-blob';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { blobNameOf } from './blob-names';
import { checkETag, ETAG_NEW_ITEM, serialiseItem } from './etag-rules';
import { StorageError } from './storage-errors';

/**
 * A turn must not hang on an outage: a few quick retries, then `unavailable` (the SDK's defaults
 * wait up to minutes). Conflicts (409/412) are never retried by the SDK.
 */
const RETRY = { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 2_000, tryTimeoutInMs: 5_000 };

interface PreparedItem {
  key: string;
  json: string;
  wanted: string | undefined;
}

/**
 * Azure Blob Storage (STORAGE=blob): one JSON blob per key in one container, shared by every
 * instance. Same eTag rules as the memory and sqlite stores (etag-rules.ts), enforced by Azure:
 * no eTag or '*' → unconditional; ETAG_NEW_ITEM → If-None-Match: *; any other → If-Match. The
 * eTag handed out is the blob's own ETag.
 *
 * Batches: Azure has no transaction over several blobs. A batch of one item (every write of a record
 * that matters: tenant records) is exactly as atomic as elsewhere. A larger batch first checks every
 * conditional item's current ETag and writes nothing if one is stale, then writes conditional items
 * first, one by one, stopping at the first conflict; only a writer that changes one of them between
 * that check and the write can leave the batch partly written.
 */
export class BlobStore implements Storage {
  private closed = false;

  private constructor(private readonly container: ContainerClient) {}

  /** Connects and creates the container if it is missing; the store is ready once this resolves. */
  static async open(connectionString: string, containerName: string): Promise<BlobStore> {
    let container: ContainerClient;
    try {
      container = BlobServiceClient.fromConnectionString(connectionString, { retryOptions: RETRY }).getContainerClient(containerName);
    } catch (cause) {
      throw new StorageError('unavailable', containerName, 'BLOB_CONNECTION_STRING is not a usable Azure Storage connection string', { cause });
    }
    try {
      await container.createIfNotExists();
    } catch (cause) {
      throw new StorageError('unavailable', containerName, `the blob container "${containerName}" could not be reached or created`, { cause });
    }
    return new BlobStore(container);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const read = await Promise.all(keys.map(async (key) => [key, await this.readOne(key)] as const));
    const found: StoreItems = {};
    for (const [key, item] of read) if (item) found[key] = item;
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    const items = Object.entries(changes).map(([key, item]) => ({ key, ...serialiseItem(item) }));
    if (items.length > 1) await this.checkCurrentETags(items);
    // Conditional items first: if one conflicts, the unconditional ones have not been written yet.
    const ordered = [...items.filter((i) => isConditional(i.wanted)), ...items.filter((i) => !isConditional(i.wanted))];
    for (const item of ordered) await this.writeOne(item);
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.call(key, false, () => this.container.getBlockBlobClient(blobNameOf(key)).deleteIfExists())));
  }

  async close(): Promise<void> {
    // The SDK holds no connection that must be closed; later calls are refused like a closed database.
    this.closed = true;
  }

  private async readOne(key: string): Promise<StoreItem | undefined> {
    const response = await this.call(key, false, async () => {
      try {
        const downloaded = await this.container.getBlockBlobClient(blobNameOf(key)).download();
        return { etag: downloaded.etag, text: await readText(downloaded.readableStreamBody) };
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    });
    if (!response) return undefined;
    try {
      return { ...(JSON.parse(response.text) as object), eTag: response.etag };
    } catch (cause) {
      throw new StorageError('corrupt', key, `"${key}" holds unreadable data`, { cause });
    }
  }

  private async writeOne({ key, json, wanted }: PreparedItem): Promise<void> {
    const blob = this.container.getBlockBlobClient(blobNameOf(key));
    await this.call(key, isConditional(wanted), () =>
      blob.upload(json, Buffer.byteLength(json), { conditions: conditionsFor(wanted), blobHTTPHeaders: { blobContentType: 'application/json' } }),
    );
  }

  /** The same check the other stores make before a batch, against each blob's current ETag. */
  private async checkCurrentETags(items: PreparedItem[]): Promise<void> {
    const conditional = items.filter((i) => isConditional(i.wanted));
    const current = await Promise.all(conditional.map((item) => this.currentETag(item.key)));
    conditional.forEach((item, index) => checkETag(item.key, item.wanted, current[index]));
  }

  private currentETag(key: string): Promise<string | undefined> {
    return this.call(key, false, async () => {
      try {
        return (await this.container.getBlockBlobClient(blobNameOf(key)).getProperties()).etag;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    });
  }

  /** Runs one Azure call and turns its failures into StorageError. */
  private async call<T>(key: string, conditional: boolean, action: () => Promise<T>): Promise<T> {
    if (this.closed) throw new StorageError('unavailable', key, 'the store is closed');
    try {
      return await action();
    } catch (error) {
      throw storageErrorOf(error, key, conditional);
    }
  }
}

function isConditional(wanted: string | undefined): wanted is string {
  return wanted !== undefined && wanted !== '*';
}

function conditionsFor(wanted: string | undefined): BlobRequestConditions {
  if (!isConditional(wanted)) return {};
  return wanted === ETAG_NEW_ITEM ? { ifNoneMatch: '*' } : { ifMatch: wanted };
}

/**
 * On a conditional write, 412 (ConditionNotMet: changed, or gone), 409 (BlobAlreadyExists, for
 * If-None-Match) and 404 (gone) all mean another writer got there first. Anything else, including
 * a refused connection or a wrong account key, means the store cannot be used right now.
 */
function storageErrorOf(error: unknown, key: string, conditional: boolean): StorageError {
  if (error instanceof StorageError) return error;
  const status = statusOf(error);
  if (conditional && (status === 412 || status === 409 || status === 404)) {
    return new StorageError('conflict', key, `"${key}" was changed by another writer`, { cause: error });
  }
  return new StorageError('unavailable', key, `Azure Blob Storage could not be used${status ? ` (HTTP ${status})` : ''}`, { cause: error });
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

async function readText(body: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!body) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
