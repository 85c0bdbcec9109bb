import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../bot/storage/memory-storage';
import { TenantRecordStore } from '../../bot/tenant-record-store';
import { TENANT_A, TENANT_B } from '../support/teams-activities';

function remember(id: string) {
  return (record: { conversations: Record<string, unknown> }) => {
    record.conversations[id] = { reference: {}, conversationType: 'personal', firstSeen: '2026-12-01T00:00:00.000Z' };
  };
}

describe('tenant records', () => {
  it('when many updates of one tenant race, then none is lost', async () => {
    const records = new TenantRecordStore(new MemoryStore());
    await Promise.all(Array.from({ length: 6 }, (_, i) => records.update(TENANT_A, remember(`c${i}`))));
    expect(Object.keys((await records.read(TENANT_A)).conversations).sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
  });

  it('when one tenant is changed, then another tenant sees nothing of it', async () => {
    const records = new TenantRecordStore(new MemoryStore());
    await records.update(TENANT_A, remember('a-only'));
    expect((await records.read(TENANT_B)).conversations).toEqual({});
    expect((await records.read(TENANT_B)).tenantId).toBe(TENANT_B);
  });

  it.each(['', 'tenant/../x', '*', 'not-a-guid'])('when the tenant id is %j, then it is refused', async (tenantId) => {
    const records = new TenantRecordStore(new MemoryStore());
    await expect(records.read(tenantId)).rejects.toMatchObject({ reason: 'invalid-key' });
  });
});
