import Database from 'better-sqlite3';
import type { Storage, StoreItem, StoreItems } from '../sdk.js';
import { randomUUID } from 'node:crypto';
import { mkdirSync, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { etagConflict } from './etag.js';
import { MAX_ENTRIES, type TranscriptEntry, type TranscriptStore } from '../transcript.js';
import type { JsonStorage, StoredJson } from './json-state.js';

/** How long a write waits, in all, for another connection's write lock; it waits asynchronously, in steps. */
const BUSY_WAIT_MS = 5_000;
/** Below this much free space in the database's folder the storage says it is not ready (/readyz 503). */
export const MIN_FREE_BYTES = 20 * 1024 * 1024;
/** SQLite's answers that mean the disk, not the request, is the problem. */
const DISK_ERRORS = new Set(['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']);

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
 * better-sqlite3 is synchronous. So that a lock held by another connection (another process on the same file) never
 * blocks the event loop, SQLite is told not to wait (busy timeout 0) and a busy write is retried here, asynchronously,
 * for up to BUSY_WAIT_MS. A write that fails because the disk is full or broken makes `ping` fail until a later
 * write succeeds; `ping` also fails when the folder has less than MIN_FREE_BYTES free.
 *
 * Besides the Storage contract: items read and written as the JSON text they are stored as (JsonStorage, so the bot's
 * state is serialised once per save), and transcripts as lines of their own in the `transcripts` table
 * (TranscriptStore), one row per line, each line's JSON in `line`.
 */
export class SqliteStorage implements Storage, JsonStorage, TranscriptStore {
  private readonly db: Database.Database;
  private readonly selectItem: Database.Statement<[string], ItemRow>;
  private readonly selectEtag: Database.Statement<[string], { etag: string }>;
  private readonly upsertItem: Database.Statement<[string, string, string, number]>;
  private readonly deleteItem: Database.Statement<[string]>;
  private readonly probe: Database.Statement<[], unknown>;
  private readonly insertLine: Database.Statement<[string, string, number]>;
  private readonly pruneLines: Database.Statement<[string, string, number]>;
  private readonly selectLines: Database.Statement<[string], { line: string }>;
  private readonly deleteLines: Database.Statement<[string]>;
  private readonly appendLines: Database.Transaction<(conversation: string, lines: readonly TranscriptEntry[]) => void>;
  private readonly readAll: Database.Transaction<(keys: string[]) => StoreItems>;
  private readonly writeAll: Database.Transaction<(changes: StoreItems) => void>;
  private readonly deleteAll: Database.Transaction<(keys: string[]) => void>;

  private readonly folder: string | null;
  /** The disk error of the last write, until a write succeeds again. */
  private diskError: string | null = null;

  /** Opens (and creates, with its folder) the database at `file`; ':memory:' gives a private in-memory one. */
  constructor(
    file: string,
    private readonly freeBytes: (folder: string) => number = (folder) => {
      const s = statfsSync(folder);
      return s.bavail * s.bsize;
    },
  ) {
    this.folder = file !== ':memory:' && file !== '' ? dirname(resolve(file)) : null;
    if (this.folder) mkdirSync(this.folder, { recursive: true });
    this.db = new Database(file, { timeout: 0 });
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
    this.db.exec(`CREATE TABLE IF NOT EXISTS transcripts (
      id INTEGER PRIMARY KEY,
      conversation TEXT NOT NULL,
      line TEXT NOT NULL,
      written_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX IF NOT EXISTS transcripts_conversation ON transcripts (conversation, id)`);

    this.selectItem = this.db.prepare('SELECT etag, value FROM items WHERE key = ?');
    this.selectEtag = this.db.prepare('SELECT etag FROM items WHERE key = ?');
    this.upsertItem = this.db.prepare(`INSERT INTO items (key, etag, value, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at`);
    this.deleteItem = this.db.prepare('DELETE FROM items WHERE key = ?');
    this.probe = this.db.prepare('SELECT 1 FROM items LIMIT 1');
    this.insertLine = this.db.prepare('INSERT INTO transcripts (conversation, line, written_at) VALUES (?, ?, ?)');
    // Everything but the conversation's newest MAX_ENTRIES lines.
    this.pruneLines = this.db.prepare(`DELETE FROM transcripts WHERE conversation = ? AND id <=
      (SELECT id FROM transcripts WHERE conversation = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`);
    this.selectLines = this.db.prepare('SELECT line FROM transcripts WHERE conversation = ? ORDER BY id');
    this.deleteLines = this.db.prepare('DELETE FROM transcripts WHERE conversation = ?');
    this.appendLines = this.db.transaction((conversation: string, lines: readonly TranscriptEntry[]) => {
      const now = Date.now();
      for (const line of lines) this.insertLine.run(conversation, JSON.stringify(line), now);
      this.pruneLines.run(conversation, conversation, MAX_ENTRIES);
    });

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

  async readJson(key: string): Promise<StoredJson | undefined> {
    const row = this.selectItem.get(key);
    return row ? { value: { ...(JSON.parse(row.value) as StoreItem), eTag: row.etag }, json: row.value } : undefined;
  }

  async writeJson(key: string, json: string): Promise<void> {
    await this.whenFree(() => this.upsertItem.run(key, randomUUID(), json, Date.now()));
  }

  async appendTranscript(conversation: string, lines: readonly TranscriptEntry[]): Promise<void> {
    if (lines.length === 0) return;
    await this.whenFree(() => this.appendLines.immediate(conversation, lines.slice(-MAX_ENTRIES)));
  }

  async readTranscript(conversation: string): Promise<TranscriptEntry[]> {
    return this.selectLines.all(conversation).map((r) => JSON.parse(r.line) as TranscriptEntry);
  }

  async deleteTranscript(conversation: string): Promise<void> {
    await this.whenFree(() => this.deleteLines.run(conversation));
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    // IMMEDIATE takes the write lock before the eTag check, so another process cannot commit in between.
    await this.whenFree(() => this.writeAll.immediate(changes));
  }

  /** Deletes the keys; keys that do not exist are fine. A missing array is a TypeError, as in MemoryStorage. */
  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when deleting.');
    await this.whenFree(() => this.deleteAll.immediate(keys));
  }

  /**
   * Runs a write; while another connection holds the write lock (SQLITE_BUSY), tries again after a pause that grows
   * from 5 to 200 ms, for up to BUSY_WAIT_MS in all, without blocking the event loop. Remembers disk errors for ping.
   */
  private async whenFree<T>(work: () => T): Promise<T> {
    const started = Date.now();
    for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
      try {
        const result = work();
        this.diskError = null;
        return result;
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        if (code.startsWith('SQLITE_BUSY') && Date.now() - started < BUSY_WAIT_MS) {
          await sleep(pause);
          continue;
        }
        if ([...DISK_ERRORS].some((d) => code.startsWith(d))) this.diskError = code;
        throw e;
      }
    }
  }

  /**
   * Deletes every item not written since `cutoff` (retention: conversation state and handoff cases alike) and returns
   * how many went. A conversation's state and transcript go together, once neither was written since `cutoff`.
   */
  async deleteOlderThan(cutoff: Date): Promise<number> {
    const removeItems = this.db.prepare(`DELETE FROM items WHERE updated_at < @cutoff AND NOT EXISTS
      (SELECT 1 FROM transcripts t WHERE t.conversation = items.key AND t.written_at >= @cutoff)`);
    const removeLines = this.db.prepare(`DELETE FROM transcripts WHERE conversation IN
      (SELECT conversation FROM transcripts GROUP BY conversation HAVING max(written_at) < @cutoff)
      AND NOT EXISTS (SELECT 1 FROM items i WHERE i.key = transcripts.conversation AND i.updated_at >= @cutoff)`);
    const both = this.db.transaction((at: number) => {
      const items = removeItems.run({ cutoff: at }).changes;
      removeLines.run({ cutoff: at });
      return items;
    });
    return this.whenFree(() => both.immediate(cutoff.getTime()));
  }

  /**
   * Resolves when the storage can take writes; rejects otherwise, for /readyz: the items table cannot be queried
   * (closed, file gone bad), the last write failed on the disk, or the folder has less than MIN_FREE_BYTES free.
   */
  async ping(): Promise<void> {
    this.probe.get();
    if (this.diskError) throw new Error(`the last write failed: ${this.diskError}`);
    if (this.folder && this.freeBytes(this.folder) < MIN_FREE_BYTES)
      throw new Error(`less than ${MIN_FREE_BYTES / 1024 / 1024} MB free in ${this.folder}`);
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
      throw etagConflict(key);
    }
  }
}
