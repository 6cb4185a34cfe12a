import { expect } from 'chai';
import type pg from 'pg';
import pgModule from 'pg';
import { PostgresStorage, STATE_TABLE, TRANSCRIPT_TABLE, storedKey } from '../../../bot/storage/postgres-storage.js';
import { daysLater } from '../../../knowledge/dates.js';
import { type TestSchema, freshSchema, poolOn } from '../postgres.js';
import { atomicWriteContract } from './atomic-write-contract.js';
import type { OpenStorage } from './storage-contract-helpers.js';
import { storageContract } from './storage-contract.js';
import { transcriptContract } from './transcript-contract.js';

describe('PostgresStorage', () => {
  let schema: TestSchema;
  let admin: pg.Pool;
  const opened: PostgresStorage[] = [];
  const open = (url = schema.url) => {
    const storage = PostgresStorage.connect(url, { max: 4 });
    opened.push(storage);
    return storage;
  };

  before(async () => {
    schema = await freshSchema();
    admin = poolOn(schema, 2);
  });
  after(async () => {
    await admin?.end();
    await schema?.drop();
  });
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
  });

  // Each contract test gets its own pool on an emptied table, so it also runs the create-if-missing path.
  const openEmpty: OpenStorage = async () => {
    const storage = PostgresStorage.connect(schema.url, { max: 4 });
    await storage.ping();
    await admin.query(`TRUNCATE ${STATE_TABLE}`);
    return { storage, close: () => storage.close() };
  };
  storageContract('PostgresStorage', openEmpty);
  transcriptContract('PostgresStorage', async () => {
    const store = PostgresStorage.connect(schema.url, { max: 4 });
    await store.ping();
    await admin.query(`TRUNCATE ${STATE_TABLE}, ${TRANSCRIPT_TABLE}`);
    const interval = (days: number) => `${days} days`;
    return {
      store,
      age: async (kind, key, days) => {
        if (kind === 'state')
          await admin.query(`UPDATE ${STATE_TABLE} SET updated_at = now() - $1::interval WHERE key = $2`, [
            interval(days),
            storedKey(key),
          ]);
        else
          await admin.query(
            `UPDATE ${TRANSCRIPT_TABLE} SET written_at = now() - $1::interval WHERE conversation = $2`,
            [interval(days), storedKey(key)],
          );
      },
      rows: async (conversation) =>
        Number(
          (
            await admin.query<{ n: string }>(`SELECT count(*) AS n FROM ${TRANSCRIPT_TABLE} WHERE conversation = $1`, [
              storedKey(conversation),
            ])
          ).rows[0]!.n,
        ),
      close: () => store.close(),
    };
  });
  atomicWriteContract('PostgresStorage', openEmpty);

  describe('on a shared database', () => {
    beforeEach(async () => {
      await open().ping();
      await admin.query(`TRUNCATE ${STATE_TABLE}`);
    });

    it('leaves no listener behind on a connection after a write of several keys (15 two-key writes on one connection)', async () => {
      const pool = new pgModule.Pool({ connectionString: schema.url, max: 1 });
      const storage = new PostgresStorage(pool);
      opened.push(storage);
      await storage.ping();
      const warnings: Error[] = [];
      const onWarning = (w: Error) => warnings.push(w);
      process.on('warning', onWarning);
      try {
        const client = await pool.connect();
        const before = client.listenerCount('error');
        client.release();
        for (let i = 0; i < 15; i++) await storage.write({ [`case-${i}`]: { v: i }, [`pointer-${i}`]: { v: i } });
        const again = await pool.connect();
        const after = again.listenerCount('error');
        again.release();
        expect(again, 'the pool has one connection').to.equal(client);
        expect(after).to.equal(before);
      } finally {
        process.off('warning', onWarning);
      }
      expect(warnings.map((w) => w.name)).to.not.include('MaxListenersExceededWarning');
    });

    it('deletes what has not changed since the cutoff (retention) and keeps the rest', async () => {
      const storage = open();
      await storage.write({ old: { v: 1 } });
      await admin.query(`UPDATE ${STATE_TABLE} SET updated_at = now() - interval '40 days' WHERE key = 'old'`);
      await storage.write({ fresh: { v: 2 } });
      expect(await storage.deleteOlderThan(daysLater(new Date(), -30))).to.equal(1);
      expect(Object.keys(await storage.read(['old', 'fresh']))).to.deep.equal(['fresh']);
      await storage.close();
    });

    it('lets two instances see each other’s writes and detects conflicts between them', async () => {
      const one = open();
      const two = open();
      await one.write({ a: { v: 1 } });
      const seenByTwo = await two.read(['a']);
      expect(seenByTwo.a).to.include({ v: 1 });

      await one.write({ a: { v: 2, eTag: seenByTwo.a.eTag } });
      await two.write({ a: { v: 3, eTag: seenByTwo.a.eTag } }).then(
        () => expect.fail('the second writer should conflict'),
        (error: Error) => expect(error.message).to.equal('Storage: error writing "a" due to eTag conflict.'),
      );
      expect((await one.read(['a'])).a).to.include({ v: 2 });
    });

    it('lets exactly one of ten writers on four instances win with the same eTag', async () => {
      const instances = [open(), open(), open(), open()];
      await instances[0]!.write({ a: { v: 'start' } });
      const eTag = (await instances[0]!.read(['a'])).a.eTag as string;
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => instances[i % 4]!.write({ a: { v: i, eTag } })),
      );
      const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      expect(winners).to.have.length(1);
      expect((await instances[1]!.read(['a'])).a).to.include({ v: winners[0] });
    });

    it('writes batches that share keys in opposite orders without a deadlock', async () => {
      const one = open();
      const two = open();
      const writes = [];
      for (let i = 0; i < 20; i++) {
        writes.push(one.write({ a: { i }, b: { i } }), two.write({ b: { i }, a: { i } }));
      }
      await Promise.all(writes);
      expect(Object.keys(await one.read(['a', 'b'])).sort()).to.deep.equal(['a', 'b']);
    });

    it('keeps items and their eTags when the pool is closed and opened again, as after a restart', async () => {
      const first = open();
      await first.write({ 'samtale/1': { trin: 'alder', note: 'Søren 😀' } });
      const written = await first.read(['samtale/1']);
      await first.close();
      expect(await open().read(['samtale/1'])).to.deep.equal(written);
    });

    it('round-trips text that jsonb would refuse: a NUL character and a lone surrogate', async () => {
      const storage = open();
      const value = { text: 'før\u0000efter', half: 'a\uD800b' };
      await storage.write({ a: value });
      const { eTag: _eTag, ...stored } = (await storage.read(['a'])).a;
      expect(stored).to.deep.equal(value);
    });

    it('reads many keys in one query and returns only those that exist', async () => {
      const storage = open();
      const keys = Array.from({ length: 300 }, (_, i) => `k${i}`);
      await storage.write(Object.fromEntries(keys.slice(0, 150).map((k) => [k, { k }])));
      const items = await storage.read(keys);
      expect(Object.keys(items)).to.have.length(150);
      expect(items.k149).to.include({ k: 'k149' });
    });
  });

  it('creates its table once when several instances start at the same time on an empty schema', async () => {
    const empty = await freshSchema();
    try {
      const instances = Array.from({ length: 4 }, () => open(empty.url));
      await Promise.all(instances.map((s, i) => s.write({ [`k${i}`]: { i } })));
      expect(Object.keys(await instances[0]!.read(['k0', 'k1', 'k2', 'k3']))).to.have.length(4);
    } finally {
      for (const storage of opened.splice(0)) await storage.close();
      await empty.drop();
    }
  });

  it('answers ping while open and rejects ping, read and write after close', async () => {
    const storage = open();
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

  it('rejects ping, rather than hanging, when the server cannot be reached', async () => {
    const storage = open('postgres://postgres@127.0.0.1:1/test');
    await storage.ping().then(
      () => expect.fail('ping should reject'),
      (error: Error) => expect(error.message).to.match(/ECONNREFUSED|connect/),
    );
  });
});
