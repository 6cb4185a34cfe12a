import { expect } from 'chai';
import { type OpenStorage, conflict, rejectionOf, withStorage } from './storage-contract-helpers.js';

/**
 * Extra contract for storages that write a batch in one transaction (SQLite, PostgreSQL; MemoryStorage does not).
 */
export function atomicWriteContract(name: string, open: OpenStorage): void {
  describe(`${name} storage atomic writes`, () => {
    const current = withStorage(open);

    it('writes none of the items of a batch when one of them conflicts', async () => {
      await current().write({ a: { v: 1 }, b: { v: 1 } });
      const before = await current().read(['a', 'b']);
      const error = await rejectionOf(() => current().write({ a: { v: 2 }, b: { v: 2, eTag: 'stale' }, c: { v: 2 } }));
      expect((error as Error).message).to.equal(conflict('b'));
      expect(await current().read(['a', 'b', 'c'])).to.deep.equal(before);
    });

    it('writes none of the items of a batch when one of them cannot be stored as JSON', async () => {
      await current().write({ a: { v: 1 } });
      const before = await current().read(['a']);
      await rejectionOf(() => current().write({ a: { v: 2 }, b: { big: 1n } }));
      expect(await current().read(['a', 'b'])).to.deep.equal(before);
    });

    it('rejects a null or undefined item with a TypeError and writes nothing, even for a new key', async () => {
      for (const item of [null, undefined]) {
        const error = await rejectionOf(() => current().write({ fresh: { v: 1 }, empty: item }));
        expect(error, String(item)).to.be.instanceOf(TypeError);
        expect(await current().read(['fresh', 'empty'])).to.deep.equal({});
      }
    });
  });
}
