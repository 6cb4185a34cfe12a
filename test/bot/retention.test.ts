import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { canExpire, startRetention } from '../../bot/retention.js';
import { SqliteStorage } from '../../bot/storage/sqlite-storage.js';
import { daysLater } from '../../knowledge/dates.js';

describe('retention', () => {
  let dir: string;
  let storage: SqliteStorage;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'retention-'));
    storage = new SqliteStorage(join(dir, 'state.sqlite'));
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('deletes what has not changed since the cutoff and keeps the rest', async () => {
    await storage.write({ old: { text: 'gammel samtale' } });
    const cutoff = new Date(Date.now() + 1000);
    await new Promise((r) => setTimeout(r, 1100));
    await storage.write({ fresh: { text: 'ny samtale' } });
    expect(await storage.deleteOlderThan(cutoff)).to.equal(1);
    expect(Object.keys(await storage.read(['old', 'fresh']))).to.deep.equal(['fresh']);
  });

  it('runs at start with the configured number of days', async () => {
    await storage.write({ a: { x: 1 } });
    // 30 days on a clock 31 days ahead: everything written now is too old.
    const stop = startRetention(storage, 30, 60_000, () => daysLater(new Date(), 31));
    await new Promise((r) => setTimeout(r, 50));
    stop();
    expect(await storage.read(['a'])).to.deep.equal({});
  });

  it('leaves a storage that cannot expire items alone', () => {
    expect(canExpire(new MemoryStorage())).to.equal(false);
    expect(canExpire(storage)).to.equal(true);
    startRetention(new MemoryStorage(), 30)();
  });
});
