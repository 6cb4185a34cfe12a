import Database from 'better-sqlite3';
import type { Storage, StoreItem, StoreItems } from '../sdk.js';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

interface ItemRow {
  etag: string;
  value: string;
}

/**
 * Bot Framework storage in one SQLite file, so conversation state survives a restart.
 *
 * It keeps the contract of botbuilder's MemoryStorage: read returns only the keys that exist, each with its eTag;
 * a write without an eTag or with '*' overwrites; a write with the stored eTag, or with any eTag for a key that
 * does not exist, succeeds; any other eTag rejects with `Storage: error writing "<key>" due to eTag conflict.`;
 * every write gives the item a new eTag; values are stored as JSON; the caller's objects are never changed.
 *
 * Deliberate differences from MemoryStorage, both stricter:
 * - A write of several items is one transaction: when one item conflicts, none is written (MemoryStorage writes
 *   the others). A batch comes from one turn, so half of it would be a state no turn ever produced.
 * - A null or undefined item rejects with a TypeError and writes nothing (MemoryStorage stores `{}` when the key
 *   is new and throws the TypeError only when it exists).
 *
 * eTags are random UUIDs, not a counter, so an eTag read before a restart can never match a later write.
 * better-sqlite3 is synchronous; the methods are async only because the Storage interface is.
 */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly selectItem: Database.Statement<[string], ItemRow>;
  private readonly selectEtag: Database.Statement<[string], { etag: string }>;
  private readonly upsertItem: Database.Statement<[string, string, string, number]>;
  private readonly deleteItem: Database.Statement<[string]>;
  private readonly probe: Database.Statement<[], unknown>;
  private readonly readAll: Database.Transaction<(keys: string[]) => StoreItems>;
  private readonly writeAll: Database.Transaction<(changes: StoreItems) => void>;
  private readonly deleteAll: Database.Transaction<(keys: string[]) => void>;

  /** Opens (and creates, with its folder) the database at `file`; ':memory:' gives a private in-memory one. */
  constructor(file: string) {
    if (file !== ':memory:' && file !== '') mkdirSync(dirname(resolve(file)), { recursive: true });
    this.db = new Database(file);
    // WAL lets readers go on while one writer commits; NORMAL sync is safe from corruption in WAL mode and may
    // only lose the last commits on power loss, which for conversation state is the right trade for speed.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS items (
      key TEXT PRIMARY KEY,
      etag TEXT NOT NULL,
      value TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT`);

    this.selectItem = this.db.prepare('SELECT etag, value FROM items WHERE key = ?');
    this.selectEtag = this.db.prepare('SELECT etag FROM items WHERE key = ?');
    this.upsertItem = this.db.prepare(`INSERT INTO items (key, etag, value, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at`);
    this.deleteItem = this.db.prepare('DELETE FROM items WHERE key = ?');
    this.probe = this.db.prepare('SELECT 1 FROM items LIMIT 1');

    // One transaction per call: a read sees one snapshot, a write is all or nothing.
    this.readAll = this.db.transaction((keys: string[]) => {
      const items: StoreItems = {};
      for (const key of keys) {
        const row = this.selectItem.get(key);
        if (row) items[key] = { ...(JSON.parse(row.value) as StoreItem), eTag: row.etag };
      }
      return items;
    });
    this.writeAll = this.db.transaction((changes: StoreItems) => {
      const now = Date.now();
      for (const key of Object.keys(changes)) {
        const item: unknown = changes[key];
        if (item === null || item === undefined) {
          throw new TypeError(`Storage: cannot write "${key}": the item is ${String(item)}.`);
        }
        this.checkEtag(key, (item as StoreItem).eTag);
        // A shallow copy without the eTag, as MemoryStorage clones it; the eTag lives in its own column.
        const value: StoreItem = Object.assign({}, item);
        delete value.eTag;
        this.upsertItem.run(key, randomUUID(), JSON.stringify(value), now);
      }
    });
    this.deleteAll = this.db.transaction((keys: string[]) => {
      for (const key of keys) this.deleteItem.run(key);
    });
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (!Array.isArray(keys)) throw new TypeError('Keys must be an array when reading.');
    // One key is one statement, atomic by itself: no transaction needed (BotState reads one key at a time).
    if (keys.length === 1) return this.readOne(keys[0]!);
    return this.readAll(keys);
  }

  private readOne(key: string): StoreItems {
    const row = this.selectItem.get(key);
    return row ? { [key]: { ...(JSON.parse(row.value) as StoreItem), eTag: row.etag } } : {};
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    // IMMEDIATE takes the write lock before the eTag check, so another process cannot commit in between.
    this.writeAll.immediate(changes);
  }

  /** Deletes the keys; keys that do not exist are fine. A missing array is a TypeError, as in MemoryStorage. */
  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when deleting.');
    this.deleteAll(keys);
  }

  /**
   * Deletes every item not written since `cutoff` (retention: conversation state, transcripts and handoff cases
   * alike) and returns how many went.
   */
  async deleteOlderThan(cutoff: Date): Promise<number> {
    return this.db.prepare('DELETE FROM items WHERE updated_at < ?').run(cutoff.getTime()).changes;
  }

  /** Resolves when the items table can be queried; rejects otherwise (closed, file gone bad). For /readyz. */
  async ping(): Promise<void> {
    this.probe.get();
  }

  /** Closes the database. Safe to call twice; every later call on this instance rejects. */
  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Throws the MemoryStorage conflict error when `requested` is a real eTag that differs from the stored one. */
  private checkEtag(key: string, requested: unknown): void {
    if (!requested || requested === '*') return;
    const stored = this.selectEtag.get(key);
    if (stored && stored.etag !== requested) {
      throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
    }
  }
}
