import { setTimeout as sleep } from 'node:timers/promises';
import type { Storage } from 'botbuilder';
import { KeyedQueue } from './keyed-queue';
import { emptyTenantRecord, type TenantRecord, type TenantRecords } from '../dialogs/tenant-record';
import { ETAG_NEW_ITEM } from './storage/etag-rules';
import { isConflict, StorageError } from './storage/storage-errors';

/**
 * How `update` retries after another writer changed the record first. With several instances on one
 * store, writers that retry at once collide again, so each waits a random time under a growing cap
 * ("full jitter"); the defaults give up after at most about 3 s of waiting.
 */
export interface ConflictRetry {
  attempts: number;
  /** The wait before attempt `attempt` (2, 3, …). */
  delayMs(attempt: number): number;
}

export const DEFAULT_CONFLICT_RETRY: ConflictRetry = {
  attempts: 12,
  delayMs: (attempt) => Math.random() * Math.min(400, 10 * 2 ** (attempt - 1)),
};

/** The storage key of a tenant's record. Tenant ids are GUIDs from Teams; anything else is refused. */
export function tenantKey(tenantId: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(tenantId)) {
    throw new StorageError('invalid-key', 'tenant', 'a tenant id must be a GUID');
  }
  return `tenant/${tenantId.toLowerCase()}`;
}

/**
 * Tenant records on botbuilder Storage, written with the eTag they were read with (optimistic
 * concurrency between instances); updates of one tenant within this process go one at a time.
 */
export class TenantRecordStore implements TenantRecords {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly storage: Storage,
    private readonly retry: ConflictRetry = DEFAULT_CONFLICT_RETRY,
  ) {}

  async read(tenantId: string): Promise<TenantRecord> {
    return (await this.readWithETag(tenantId)).record;
  }

  async update<T>(tenantId: string, change: (record: TenantRecord) => T): Promise<T> {
    const key = tenantKey(tenantId);
    return this.queue.run(key, () => this.updateNow(key, tenantId, change));
  }

  private async updateNow<T>(key: string, tenantId: string, change: (record: TenantRecord) => T): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) await sleep(this.retry.delayMs(attempt));
      const { record, eTag } = await this.readWithETag(tenantId);
      const result = change(record);
      try {
        await this.storage.write({ [key]: { ...record, eTag } });
        return result;
      } catch (error) {
        // Someone else wrote the record since we read it: apply the change again to their version.
        if (!isConflict(error) || attempt >= this.retry.attempts) throw error;
      }
    }
  }

  private async readWithETag(tenantId: string): Promise<{ record: TenantRecord; eTag: string }> {
    const key = tenantKey(tenantId);
    const stored = (await this.storage.read([key]))[key] as (TenantRecord & { eTag: string }) | undefined;
    if (!stored) return { record: emptyTenantRecord(tenantId.toLowerCase()), eTag: ETAG_NEW_ITEM };
    const { eTag, ...record } = stored;
    return { record: { ...emptyTenantRecord(record.tenantId), ...record }, eTag };
  }
}
