import { join } from 'node:path';
import type { Config } from '../config.js';
import { MemoryStorage, type Storage } from '../sdk.js';
import { SqliteStorage } from './sqlite-storage.js';

/** A storage and what the service needs besides the Storage contract: a readiness check and a clean shutdown. */
export interface ServiceStorage {
  storage: Storage;
  /** Resolves when the storage can be used; rejects otherwise (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The storage chosen by configuration: SQLite in DATA_DIR by default, or memory. */
export function openStorage(config: Config['storage']): ServiceStorage {
  if (config.kind === 'memory') {
    return { storage: new MemoryStorage(), ping: async () => undefined, close: async () => undefined };
  }
  const sqlite = new SqliteStorage(join(config.dataDir, 'mentorbot.sqlite'));
  return { storage: sqlite, ping: () => sqlite.ping(), close: async () => sqlite.close() };
}
