import type { Storage } from 'botbuilder';
import type { StorageConfig } from '../config';
import { BlobStore } from './blob-storage';
import { MemoryStore } from './memory-storage';
import { SqliteStore } from './sqlite-storage';

/** Every store the bot can run on: botbuilder's Storage plus a way to release it at shutdown. */
export interface ClosableStorage extends Storage {
  close(): Promise<void>;
}

/** Async because blob storage makes sure its container exists before the bot serves anything. */
export async function createStorage(config: StorageConfig): Promise<ClosableStorage> {
  switch (config.kind) {
    case 'memory':
      return new MemoryStore();
    case 'sqlite':
      return new SqliteStore(config.path);
    case 'blob':
      return BlobStore.open(config.connectionString, config.container);
  }
}
