import type { Storage } from 'botbuilder';
import { emptyTenantRecord, type TenantRecord, type TenantRecords } from '../dialogs/tenant-record';
import { ETAG_NEW_ITEM } from './storage/etag-rules';
import { isConflict, StorageError } from './storage/storage-errors';

const MAX_ATTEMPTS = 8;

/** The storage key of a tenant's record. Tenant ids are GUIDs from Teams; anything else is refused. */
export function tenantKey(tenantId: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(tenantId)) {
    throw new StorageError('invalid-key', 'tenant', 'a tenant id must be a GUID');
  }
  return `tenant/${tenantId.toLowerCase()}`;
}

/** Tenant records on botbuilder Storage, written with the eTag they were read with (optimistic concurrency). */
export class TenantRecordStore implements TenantRecords {
  constructor(private readonly storage: Storage) {}

  async read(tenantId: string): Promise<TenantRecord> {
    return (await this.readWithETag(tenantId)).record;
  }

  async update<T>(tenantId: string, change: (record: TenantRecord) => T): Promise<T> {
    const key = tenantKey(tenantId);
    for (let attempt = 1; ; attempt++) {
      const { record, eTag } = await this.readWithETag(tenantId);
      const result = change(record);
      try {
        await this.storage.write({ [key]: { ...record, eTag } });
        return result;
      } catch (error) {
        // Someone else wrote the record since we read it: apply the change again to their version.
        if (!isConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
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
