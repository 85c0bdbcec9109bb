import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';
import { checkETag, newETag, serialiseItem } from './etag-rules';
import { StorageError } from './storage-errors';

/**
 * Embedded store (STORAGE=sqlite:<path>): one table of JSON items with an eTag each.
 * WAL keeps readers from blocking the writer; each write batch is one transaction, so a failed
 * eTag check or a crash leaves no partial change.
 */
export class SqliteStore implements Storage {
  private readonly db: Database.Database;
  private readonly selectOne: Database.Statement<[string], { value: string; etag: string }>;
  private readonly upsert: Database.Statement<[string, string, string]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly writeBatch: (rows: Array<{ key: string; json: string; wanted: string | undefined }>) => void;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // 64 MB of page cache instead of sqlite's 2 MB: a turn's reads and its write's eTag check then
    // find their pages in memory once the file outgrows 2 MB (a few thousand tenants).
    this.db.pragma('cache_size = -65536');
    this.db.exec('CREATE TABLE IF NOT EXISTS items (key TEXT PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL)');
    this.selectOne = this.db.prepare('SELECT value, etag FROM items WHERE key = ?');
    this.upsert = this.db.prepare(
      'INSERT INTO items (key, value, etag) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag',
    );
    this.remove = this.db.prepare('DELETE FROM items WHERE key = ?');
    this.writeBatch = this.db.transaction((rows) => {
      for (const { key, json, wanted } of rows) {
        checkETag(key, wanted, this.selectOne.get(key)?.etag);
        this.upsert.run(key, json, newETag());
      }
    });
  }

  async read(keys: string[]): Promise<StoreItems> {
    const found: StoreItems = {};
    for (const key of keys) {
      const row = this.guard(key, () => this.selectOne.get(key));
      if (!row) continue;
      try {
        found[key] = { ...JSON.parse(row.value), eTag: row.etag };
      } catch (cause) {
        throw new StorageError('corrupt', key, `"${key}" holds unreadable data`, { cause });
      }
    }
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    const rows = Object.entries(changes).map(([key, item]) => ({ key, ...serialiseItem(item) }));
    if (rows.length > 0) this.guard(rows[0]!.key, () => this.writeBatch(rows));
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.guard(key, () => this.remove.run(key));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Turns driver failures (disk full, locked, closed) into StorageError; eTag conflicts pass through. */
  private guard<T>(key: string, action: () => T): T {
    try {
      return action();
    } catch (error) {
      if (error instanceof StorageError) throw error;
      throw new StorageError('unavailable', key, 'the database could not be used', { cause: error });
    }
  }
}
