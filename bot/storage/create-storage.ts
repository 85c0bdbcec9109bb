import type { Storage } from 'botbuilder';
import type { StorageConfig } from '../config';
import { ConfigError } from '../config';
import { MemoryStore } from './memory-storage';
import { SqliteStore } from './sqlite-storage';

/** Every store the bot can run on: botbuilder's Storage plus a way to release it at shutdown. */
export interface ClosableStorage extends Storage {
  close(): Promise<void>;
}

export function createStorage(config: StorageConfig): ClosableStorage {
  switch (config.kind) {
    case 'memory':
      return new MemoryStore();
    case 'sqlite':
      return new SqliteStore(config.path);
    case 'blob':
      throw new ConfigError('STORAGE', 'blob storage is not available in this version yet; use sqlite:<path> or memory');
  }
}
