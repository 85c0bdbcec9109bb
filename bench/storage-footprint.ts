import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../bot/storage/sqlite-storage';
import { TenantRecordStore } from '../bot/tenant-record-store';

export interface StorageFootprint {
  tenants: number;
  rssMb: number;
  rssBeforeMb: number;
  bytesPerTenant: number;
}

/**
 * Writes a realistic record for each of TENANTS tenants (a conversation, two features on, a consent
 * event) through the bot's own store, then reports this process's RSS and the database's size.
 * Run in its own process (`npx tsx bench/storage-footprint.ts`) so nothing else inflates the RSS.
 */
export async function benchStorageFootprint(tenants = 10_000): Promise<StorageFootprint> {
  const folder = mkdtempSync(join(tmpdir(), 'tikit-footprint-'));
  const store = new SqliteStore(join(folder, 'consent.db'));
  const records = new TenantRecordStore(store);
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  for (let i = 0; i < tenants; i++) {
    await records.update(randomUUID(), (record) => {
      const at = new Date().toISOString();
      record.conversations[`a:1${randomUUID()}`] = {
        reference: {
          channelId: 'msteams',
          serviceUrl: 'https://smba.trafficmanager.net/emea/',
          conversation: { id: `a:1${i}`, isGroup: false, conversationType: 'personal', name: '' },
        },
        conversationType: 'personal',
        firstSeen: at,
      };
      record.features['intune-connector'] = { enabled: true, changedAt: at, changedBy: 'Adele Vance' };
      record.features['my-work'] = { enabled: true, changedAt: at, changedBy: 'Adele Vance' };
      record.history.push({ at, by: 'Adele Vance', action: 'consent-granted', areas: ['intune-connector'], detail: 'verified: 4 granted' });
    });
  }
  await store.close();
  const bytes = readdirSync(folder).reduce((sum, file) => sum + statSync(join(folder, file)).size, 0);
  rmSync(folder, { recursive: true, force: true });
  return { tenants, rssMb: process.memoryUsage().rss / 2 ** 20, rssBeforeMb, bytesPerTenant: Math.round(bytes / tenants) };
}

if (require.main === module) {
  benchStorageFootprint().then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => (console.error(error), process.exit(1)),
  );
}
