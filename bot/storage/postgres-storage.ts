import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { log } from '../log.js';
import type { Storage, StoreItem, StoreItems } from '../sdk.js';
import { etagConflict } from './etag.js';
import type { JsonStorage, StoredJson } from './json-state.js';
import { MAX_ENTRIES, type TranscriptEntry, type TranscriptStore } from '../transcript.js';

/** The name of the state table, in the connection's current schema (search_path). */
export const STATE_TABLE = 'mentorbot_state';
/** The transcripts' table: one row per line, keyed by the conversation state's key. */
export const TRANSCRIPT_TABLE = 'mentorbot_transcripts';

/** Runs `work` in one transaction on one checked-out connection: committed if it resolves, rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection that breaks while checked out emits 'error' on the client: not a reason to stop the process. The
  // listener goes when the connection goes back to the pool, or every checkout would add one more to it.
  const ignore = () => undefined;
  client.on('error', ignore);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.off('error', ignore);
    client.release();
  }
}

/**
 * Runs `ddl` once per pool under a database-wide advisory lock, so several instances starting at the same time do not
 * trip over each other's CREATE TABLE IF NOT EXISTS (which is not safe against a concurrent create by itself).
 * A failure (database not up yet) is not remembered: the next call tries again.
 */
export function schemaOnce(pool: pg.Pool, ddl: string): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => {
    done ??= inTransaction(pool, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('mentorbot schema'))");
      await client.query(ddl);
    }).catch((e: unknown) => {
      done = null;
      throw e;
    });
    return done;
  };
}

interface ItemRow {
  key: string;
  etag: string;
  value: StoreItem;
}

/** One item of a write, checked and serialised before the database is touched. */
interface Change {
  key: string;
  expected: string | null;
  json: string;
}

/**
 * Bot Framework storage in PostgreSQL, so several instances of the bot share conversation state.
 *
 * Same contract as SqliteStorage (read its comment): MemoryStorage's eTag rules, a new random eTag per write, values
 * stored as JSON and copied both ways, and the two stricter points: a batch is one transaction (one conflict writes
 * nothing) and a null or undefined item rejects with a TypeError. When a batch has several conflicting items, the
 * error names the first in key order (keys are written in that order, so two batches never deadlock).
 *
 * Values are kept in a `json` column, not `jsonb`: json keeps the text exactly as JSON.stringify wrote it, and jsonb
 * rejects a `\u0000` in a string, which a person can type; nothing queries inside the values.
 * A one-key write is one conditional upsert (one round trip); a read is one query for all its keys.
 *
 * Besides the Storage contract: items read and written as their JSON text (JsonStorage: one round trip each), and
 * transcripts as lines of their own (TranscriptStore): an append is one statement (insert the lines, delete all but
 * the newest MAX_ENTRIES). The lines' ids come from one sequence, which takes no lock a transaction holds.
 */
export class PostgresStorage implements Storage, JsonStorage, TranscriptStore {
  private readonly ensureTable: () => Promise<void>;
  private closed = false;

  /** Uses `pool` (and ends it on close). The table is created in the pool's current schema on first use. */
  constructor(private readonly pool: pg.Pool) {
    this.ensureTable = schemaOnce(
      pool,
      `
      CREATE TABLE IF NOT EXISTS ${STATE_TABLE} (
        key text PRIMARY KEY,
        etag text NOT NULL,
        value json NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS ${STATE_TABLE}_updated_at ON ${STATE_TABLE} (updated_at);
      CREATE TABLE IF NOT EXISTS ${TRANSCRIPT_TABLE} (
        id bigserial PRIMARY KEY,
        conversation text NOT NULL,
        line json NOT NULL,
        written_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS ${TRANSCRIPT_TABLE}_conversation ON ${TRANSCRIPT_TABLE} (conversation, id);`,
    );
  }

  /** A storage on a new pool for the connection string (postgres://...). */
  static connect(connectionString: string, options: { max?: number } = {}): PostgresStorage {
    return new PostgresStorage(newPool(connectionString, options.max ?? 10));
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (!Array.isArray(keys)) throw new TypeError('Keys must be an array when reading.');
    if (keys.length === 0) return {};
    await this.ensureTable();
    const { rows } = await this.pool.query<ItemRow>(
      `SELECT key, etag, value FROM ${STATE_TABLE} WHERE key = ANY($1::text[])`,
      [keys.map(storedKey)],
    );
    const items: StoreItems = {};
    // pg parses each value anew, so the caller gets its own copy.
    for (const row of rows) items[givenKey(row.key)] = { ...row.value, eTag: row.etag };
    return items;
  }

  async readJson(key: string): Promise<StoredJson | undefined> {
    await this.ensureTable();
    const { rows } = await this.pool.query<{ etag: string; json: string }>(
      `SELECT etag, value::text AS json FROM ${STATE_TABLE} WHERE key = $1`,
      [storedKey(key)],
    );
    const row = rows[0];
    return row ? { value: { ...(JSON.parse(row.json) as StoreItem), eTag: row.etag }, json: row.json } : undefined;
  }

  async writeJson(key: string, json: string): Promise<void> {
    await this.ensureTable();
    await upsert(this.pool, { key, expected: null, json });
  }

  async appendTranscript(conversation: string, lines: readonly TranscriptEntry[]): Promise<void> {
    if (lines.length === 0) return;
    await this.ensureTable();
    const added = lines.slice(-MAX_ENTRIES);
    // The DELETE sees the table as it was before the INSERT: it keeps the newest lines that still fit beside the new.
    await this.pool.query(
      `WITH added AS (
         INSERT INTO ${TRANSCRIPT_TABLE} (conversation, line)
         SELECT $1, l FROM unnest($2::json[]) WITH ORDINALITY AS x(l, n) ORDER BY n
       )
       DELETE FROM ${TRANSCRIPT_TABLE} WHERE conversation = $1 AND id <=
         (SELECT id FROM ${TRANSCRIPT_TABLE} WHERE conversation = $1 ORDER BY id DESC OFFSET $3 LIMIT 1)`,
      [storedKey(conversation), added.map((l) => JSON.stringify(l)), MAX_ENTRIES - added.length],
    );
  }

  async readTranscript(conversation: string): Promise<TranscriptEntry[]> {
    await this.ensureTable();
    const { rows } = await this.pool.query<{ line: TranscriptEntry }>(
      `SELECT line FROM ${TRANSCRIPT_TABLE} WHERE conversation = $1 ORDER BY id`,
      [storedKey(conversation)],
    );
    return rows.map((r) => r.line);
  }

  async deleteTranscript(conversation: string): Promise<void> {
    await this.ensureTable();
    await this.pool.query(`DELETE FROM ${TRANSCRIPT_TABLE} WHERE conversation = $1`, [storedKey(conversation)]);
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const batch = Object.keys(changes)
      .sort()
      .map((key) => toChange(key, changes[key]));
    if (batch.length === 0) return;
    await this.ensureTable();
    if (batch.length === 1) {
      // One statement is atomic by itself: no transaction needed (BotState writes one key at a time).
      if (!(await upsert(this.pool, batch[0]!))) throw etagConflict(batch[0]!.key);
      return;
    }
    await inTransaction(this.pool, async (client) => {
      for (const change of batch) {
        if (!(await upsert(client, change))) throw etagConflict(change.key);
      }
    });
  }

  /** Deletes the keys; keys that do not exist are fine. A missing array is a TypeError, as in MemoryStorage. */
  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when deleting.');
    if (keys.length === 0) return;
    await this.ensureTable();
    await this.pool.query(`DELETE FROM ${STATE_TABLE} WHERE key = ANY($1::text[])`, [keys.map(storedKey)]);
  }

  /**
   * Deletes every item not written since `cutoff` (retention: conversation state and handoff cases alike) and returns
   * how many went. A conversation's state and transcript go together, once neither was written since `cutoff`.
   */
  async deleteOlderThan(cutoff: Date): Promise<number> {
    await this.ensureTable();
    const { rows } = await this.pool.query<{ items: string }>(
      `WITH items AS (
         DELETE FROM ${STATE_TABLE} s WHERE updated_at < $1 AND NOT EXISTS
           (SELECT 1 FROM ${TRANSCRIPT_TABLE} t WHERE t.conversation = s.key AND t.written_at >= $1)
         RETURNING 1
       ), lines AS (
         DELETE FROM ${TRANSCRIPT_TABLE} t WHERE conversation IN
           (SELECT conversation FROM ${TRANSCRIPT_TABLE} GROUP BY conversation HAVING max(written_at) < $1)
           AND NOT EXISTS (SELECT 1 FROM ${STATE_TABLE} s WHERE s.key = t.conversation AND s.updated_at >= $1)
       )
       SELECT count(*) AS items FROM items`,
      [cutoff],
    );
    return Number(rows[0]?.items ?? 0);
  }

  /** Resolves when the state table can be queried; rejects otherwise (server down, closed). For /readyz. */
  async ping(): Promise<void> {
    await this.ensureTable();
    await this.pool.query(`SELECT 1 FROM ${STATE_TABLE} LIMIT 1`);
  }

  /** Ends the pool. Safe to call twice; every later call on this instance rejects. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** A pool whose idle connections may fail (server restart) without bringing the process down. */
export function newPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000 });
  pool.on('error', (error) => log.warn('postgres: an idle connection failed', { error }));
  return pool;
}

const ENCODED = '~b64~';

/**
 * The key as it is kept in the table. PostgreSQL's text cannot hold NUL, which a key may (MemoryStorage takes it):
 * such a key, and any key that starts with the marker, is kept as the marker and its UTF-8 in base64url. The mapping
 * is one-to-one, and every other key is kept as it is.
 */
export function storedKey(key: string): string {
  return key.includes('\u0000') || key.startsWith(ENCODED)
    ? ENCODED + Buffer.from(key, 'utf8').toString('base64url')
    : key;
}

function givenKey(stored: string): string {
  return stored.startsWith(ENCODED) ? Buffer.from(stored.slice(ENCODED.length), 'base64url').toString('utf8') : stored;
}

function toChange(key: string, item: unknown): Change {
  if (item === null || item === undefined)
    throw new TypeError(`Storage: cannot write "${key}": the item is ${String(item)}.`);
  const { eTag, ...value } = item as StoreItem;
  const expected = typeof eTag === 'string' && eTag !== '' && eTag !== '*' ? eTag : null;
  // JSON.stringify throws the TypeError for a BigInt or a cycle, before anything is written.
  return { key, expected, json: JSON.stringify(value) };
}

/**
 * Writes one item unless its expected eTag differs from the stored one; false on that conflict. A key that does not
 * exist is created whatever the eTag. Under concurrency the row lock makes a second writer re-check the eTag of the
 * row the first one committed, so exactly one of two writers with the same eTag wins.
 */
async function upsert(db: pg.Pool | pg.PoolClient, change: Change): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO ${STATE_TABLE} AS s (key, etag, value, updated_at) VALUES ($1, $2, $3::json, now())
     ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at
     WHERE $4::text IS NULL OR s.etag = $4::text`,
    [storedKey(change.key), randomUUID(), change.json, change.expected],
  );
  return result.rowCount === 1;
}
