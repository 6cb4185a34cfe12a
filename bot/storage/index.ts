import { join } from 'node:path';
import type pg from 'pg';
import type { Config } from '../config.js';
import { MemoryStorage, type Storage } from '../sdk.js';
import { PostgresStorage, newPool } from './postgres-storage.js';
import { SqliteStorage } from './sqlite-storage.js';

/** A storage and what the service needs besides the Storage contract: a readiness check and a clean shutdown. */
export interface ServiceStorage {
  storage: Storage;
  /** Resolves when the storage can be used; rejects otherwise (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * With PostgreSQL: the pool the state lives in and its connection string, for what other instances must also
   * see (the web chat's push). Null for SQLite and memory, which serve one process.
   */
  postgres: { pool: pg.Pool; connectionString: string; lockPool: pg.Pool } | null;
}

/** The storage chosen by configuration: PostgreSQL with DATABASE_URL, else SQLite in DATA_DIR (default) or memory. */
export function openStorage(config: Config['storage']): ServiceStorage {
  if (config.kind === 'postgres') {
    const pool = newPool(config.databaseUrl, 10);
    // The turns' advisory locks hold a connection while a turn runs: a pool of their own, so a turn's own reads and
    // writes never wait for a connection that a waiting turn holds.
    const lockPool = newPool(config.databaseUrl, 20);
    const postgres = new PostgresStorage(pool);
    const close = async () => {
      await postgres.close();
      await lockPool.end().catch(() => undefined);
    };
    return {
      storage: postgres,
      ping: () => postgres.ping(),
      close,
      postgres: { pool, connectionString: config.databaseUrl, lockPool },
    };
  }
  if (config.kind === 'memory') {
    return { storage: new MemoryStorage(), ping: async () => undefined, close: async () => undefined, postgres: null };
  }
  const sqlite = new SqliteStorage(join(config.dataDir, 'mentorbot.sqlite'));
  return { storage: sqlite, ping: () => sqlite.ping(), close: async () => sqlite.close(), postgres: null };
}
