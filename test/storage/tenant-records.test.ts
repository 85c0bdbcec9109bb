import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../bot/storage/memory-storage';
import { TenantRecordStore, tenantKey } from '../../bot/tenant-record-store';
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

  it('when two instances over one store update one tenant at once, then eTags keep every change', async () => {
    const shared = new MemoryStore();
    const [a, b] = [new TenantRecordStore(shared), new TenantRecordStore(shared)];
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).update(TENANT_A, remember(`c${i}`))));
    expect(Object.keys((await a.read(TENANT_A)).conversations)).toHaveLength(12);
  });

  it('when another writer keeps winning, then the update gives up with a conflict after its attempts', async () => {
    const shared = new MemoryStore();
    const records = new TenantRecordStore(shared, { attempts: 3, delayMs: () => 0 });
    let tries = 0;
    const update = records.update(TENANT_A, (record) => {
      tries += 1;
      // Another instance writes between this read and this write, every time (the memory store
      // applies a write as soon as it is called).
      void shared.write({ [tenantKey(TENANT_A)]: { tenantId: TENANT_A, settingsVersion: 100 + tries } });
      record.settingsVersion += 1;
    });
    await expect(update).rejects.toMatchObject({ reason: 'conflict' });
    expect(tries).toBe(3);
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
