import { expect } from 'chai';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIN_FREE_BYTES, SqliteStorage } from '../../../bot/storage/sqlite-storage.js';
import { atomicWriteContract } from './atomic-write-contract.js';
import type { OpenStorage } from './storage-contract-helpers.js';
import { storageContract } from './storage-contract.js';
import { transcriptContract } from './transcript-contract.js';

/** A fresh temporary folder per test, removed again by the returned function. */
function tempFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'mentorbot-sqlite-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const openOnTempFile: OpenStorage = async () => {
  const { dir, remove } = tempFolder();
  const storage = new SqliteStorage(join(dir, 'state.db'));
  return {
    storage,
    close: async () => {
      await storage.close();
      remove();
    },
  };
};

storageContract('SqliteStorage (file)', openOnTempFile);
atomicWriteContract('SqliteStorage (file)', openOnTempFile);
storageContract('SqliteStorage (:memory:)', async () => {
  const storage = new SqliteStorage(':memory:');
  return { storage, close: () => storage.close() };
});

transcriptContract('SqliteStorage', async () => {
  const { dir, remove } = tempFolder();
  const file = join(dir, 'state.db');
  const store = new SqliteStorage(file);
  const db = new Database(file);
  const ago = (days: number) => Date.now() - days * 86_400_000;
  return {
    store,
    age: async (kind, key, days) => {
      if (kind === 'state') db.prepare('UPDATE items SET updated_at = ? WHERE key = ?').run(ago(days), key);
      else db.prepare('UPDATE transcripts SET written_at = ? WHERE conversation = ?').run(ago(days), key);
    },
    rows: async (conversation) =>
      (db.prepare('SELECT count(*) AS n FROM transcripts WHERE conversation = ?').get(conversation) as { n: number }).n,
    close: async () => {
      db.close();
      await store.close();
      remove();
    },
  };
});

describe('SqliteStorage on a file', () => {
  let dir: string;
  let remove: () => void;
  const opened: SqliteStorage[] = [];
  const open = (file: string) => {
    const storage = new SqliteStorage(file);
    opened.push(storage);
    return storage;
  };

  beforeEach(() => ({ dir, remove } = tempFolder()));
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    remove();
  });

  it('keeps items and their eTags when the file is closed and opened again, as after a restart', async () => {
    const file = join(dir, 'state.db');
    const first = open(file);
    await first.write({ 'samtale/1': { trin: 'alder', svar: ['ja', 'nej'], note: 'Søren 😀' } });
    const written = await first.read(['samtale/1']);
    await first.close();

    const second = open(file);
    expect(await second.read(['samtale/1'])).to.deep.equal(written);
  });

  it('never reuses an eTag from before a restart, so a client holding one still gets a conflict', async () => {
    const file = join(dir, 'state.db');
    const first = open(file);
    await first.write({ a: { v: 1 } });
    const beforeRestart = (await first.read(['a'])).a.eTag as string;
    await first.write({ a: { v: 2 } });
    await first.close();

    const second = open(file);
    await second.write({ a: { v: 3 } });
    expect((await second.read(['a'])).a.eTag).to.not.equal(beforeRestart);
    await second.write({ a: { v: 4, eTag: beforeRestart } }).then(
      () => expect.fail('the stale eTag should conflict'),
      (error: Error) => expect(error.message).to.equal('Storage: error writing "a" due to eTag conflict.'),
    );
  });

  it('lets two instances on the same file see each other’s writes and detects conflicts between them', async () => {
    const file = join(dir, 'state.db');
    const one = open(file);
    const two = open(file);
    await one.write({ a: { v: 1 } });
    const seenByTwo = await two.read(['a']);
    expect(seenByTwo.a).to.include({ v: 1 });

    await one.write({ a: { v: 2, eTag: seenByTwo.a.eTag } });
    await two.write({ a: { v: 3, eTag: seenByTwo.a.eTag } }).then(
      () => expect.fail('the second writer should conflict'),
      (error: Error) => expect(error.message).to.match(/eTag conflict/),
    );
    expect((await two.read(['a'])).a).to.include({ v: 2 });
  });

  it('creates the missing parent folders of the file', async () => {
    const file = join(dir, 'data', 'nested', 'state.db');
    const storage = open(file);
    await storage.write({ a: { v: 1 } });
    expect(existsSync(file)).to.equal(true);
  });

  it('answers ping while open and rejects ping, read and write after close', async () => {
    const storage = open(join(dir, 'state.db'));
    await storage.ping();
    await storage.close();
    await storage.close();
    for (const call of [() => storage.ping(), () => storage.read(['a']), () => storage.write({ a: {} })]) {
      await call().then(
        () => expect.fail('a closed storage should reject'),
        (error: unknown) => expect(error).to.be.instanceOf(Error),
      );
    }
  });

  it("waits for another connection's write lock without blocking the event loop, then writes", async () => {
    const file = join(dir, 'state.db');
    const storage = open(file);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    try {
      const writing = storage.write({ 'samtale/1': { svar: 'ja' } });
      await new Promise((r) => setTimeout(r, 300));
      // Timers ran while the write waited: the event loop was free (a blocking wait would have given none).
      expect(ticks).to.be.greaterThan(5);
      other.exec('COMMIT');
      await writing;
      expect(await storage.read(['samtale/1'])).to.have.nested.property('samtale/1.svar', 'ja');
    } finally {
      clearInterval(timer);
      other.close();
    }
  });

  it('says it is not ready when a write failed because the disk is full, and ready again after a good write', async () => {
    const storage = open(join(dir, 'state.db'));
    await storage.ping();
    // A full disk, as SQLite sees it: the file may not grow by another page.
    const db = (storage as unknown as { db: Database.Database }).db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    let failed: unknown = null;
    await storage.write({ big: { text: 'x'.repeat(200_000) } }).catch((e: unknown) => (failed = e));
    expect((failed as { code?: string } | null)?.code).to.equal('SQLITE_FULL');
    await storage.ping().then(
      () => expect.fail('ping must reject after a disk-full write'),
      (e: unknown) => expect(String(e)).to.include('SQLITE_FULL'),
    );
    db.pragma('max_page_count = 1073741823');
    await storage.write({ small: { text: 'ok' } });
    await storage.ping();
  });

  it('says it is not ready when its folder has almost no free space', async () => {
    let free = MIN_FREE_BYTES * 10;
    const storage = new SqliteStorage(join(dir, 'state.db'), () => free);
    opened.push(storage);
    await storage.ping();
    free = MIN_FREE_BYTES - 1;
    await storage.ping().then(
      () => expect.fail('ping must reject when the disk is nearly full'),
      (e: unknown) => expect(String(e)).to.include('MB free'),
    );
  });
});
