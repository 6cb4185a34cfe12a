import { expect } from 'chai';
import type { StoreItems } from 'botbuilder';
import { type OpenStorage, conflict, rejectionOf, withStorage } from './storage-contract-helpers.js';
export type { OpenStorage } from './storage-contract-helpers.js';

/**
 * The behaviour every Storage implementation in Mentorbot must share: that of botbuilder's MemoryStorage.
 * `open` must give an empty storage each time.
 */
export function storageContract(name: string, open: OpenStorage): void {
  describe(`${name} storage contract`, () => {
    const current = withStorage(open);

    async function eTagOf(key: string): Promise<string> {
      const items = await current().read([key]);
      expect(items, key).to.have.property(key);
      return items[key].eTag as string;
    }

    describe('reading', () => {
      it('returns an empty object for keys that were never written', async () => {
        expect(await current().read(['missing', 'also-missing'])).to.deep.equal({});
      });

      it('returns only the keys that exist, each with a non-empty string eTag', async () => {
        await current().write({ a: { n: 1 }, b: { n: 2 } });
        const items = await current().read(['a', 'missing', 'b']);
        expect(Object.keys(items).sort()).to.deep.equal(['a', 'b']);
        for (const key of ['a', 'b']) {
          expect(items[key].eTag).to.be.a('string').and.not.equal('');
        }
        expect(items.a).to.include({ n: 1 });
        expect(items.b).to.include({ n: 2 });
      });

      it('returns an empty object when asked for no keys', async () => {
        await current().write({ a: { n: 1 } });
        expect(await current().read([])).to.deep.equal({});
      });

      it('gives out copies, so changing a read item changes neither the store nor the next read', async () => {
        await current().write({ a: { list: [1], nested: { x: 1 } } });
        const first = await current().read(['a']);
        first.a.list.push(2);
        first.a.nested.x = 99;
        const second = await current().read(['a']);
        expect(second.a).to.deep.include({ list: [1], nested: { x: 1 } });
        expect(second.a).to.not.equal(first.a);
      });
    });

    describe('values', () => {
      it('round-trips nested objects, arrays, numbers, booleans, null and unicode text with æøå and emoji', async () => {
        const value = {
          text: 'Må jeg få en mentor? Æble, øl og å 😀👍🏽',
          numbers: [0, -1.5, 1e21, 42],
          flags: { yes: true, no: false, none: null },
          nested: { deeper: { list: [{ a: 'ÆØÅ' }, [1, [2, [3]]]], empty: {} } },
          emptyList: [],
        };
        await current().write({ 'bruger/søren': value });
        const items = await current().read(['bruger/søren']);
        const { eTag, ...stored } = items['bruger/søren'];
        expect(eTag).to.be.a('string');
        expect(stored).to.deep.equal(value);
      });

      it('stores values as JSON: a Date comes back as its ISO string and undefined properties are dropped', async () => {
        const when = new Date('2026-11-22T10:00:00.000Z');
        await current().write({ a: { when, gone: undefined, kept: 1 } });
        const { eTag, ...stored } = (await current().read(['a'])).a;
        expect(eTag).to.be.a('string');
        expect(stored).to.deep.equal({ when: '2026-11-22T10:00:00.000Z', kept: 1 });
      });

      it('copies the value at write time, so later changes to the written object are not stored', async () => {
        const state = { count: 1, list: ['a'] };
        await current().write({ a: state });
        state.count = 2;
        state.list.push('b');
        expect((await current().read(['a'])).a).to.deep.include({ count: 1, list: ['a'] });
      });

      it('leaves the written object as it was, including its eTag', async () => {
        const withoutETag: { n: number; eTag?: string } = { n: 1 };
        const withStar = { n: 1, eTag: '*' };
        await current().write({ a: withoutETag, b: withStar });
        expect(withoutETag).to.deep.equal({ n: 1 });
        expect(withoutETag).to.not.have.property('eTag');
        expect(withStar).to.deep.equal({ n: 1, eTag: '*' });

        const read = await current().read(['a']);
        const copy = { ...read.a };
        await current().write({ a: read.a });
        expect(read.a).to.deep.equal(copy);
      });
    });

    describe('writing', () => {
      it('overwrites an existing item when the write has no eTag', async () => {
        await current().write({ a: { v: 1 } });
        await current().write({ a: { v: 2 } });
        expect((await current().read(['a'])).a).to.include({ v: 2 });
      });

      it("overwrites an existing item when the write's eTag is '*'", async () => {
        await current().write({ a: { v: 1 } });
        await current().write({ a: { v: 2, eTag: '*' } });
        expect((await current().read(['a'])).a).to.include({ v: 2 });
      });

      it('overwrites an existing item when the eTag is an empty string, which counts as no eTag', async () => {
        await current().write({ a: { v: 1 } });
        await current().write({ a: { v: 2, eTag: '' } });
        expect((await current().read(['a'])).a).to.include({ v: 2 });
      });

      it('accepts a write whose eTag equals the stored one and gives the item a new eTag', async () => {
        await current().write({ a: { v: 1 } });
        const before = await eTagOf('a');
        await current().write({ a: { v: 2, eTag: before } });
        const items = await current().read(['a']);
        expect(items.a).to.include({ v: 2 });
        expect(items.a.eTag).to.not.equal(before);
      });

      it('rejects a write with a stale eTag with the conflict error and keeps the stored item', async () => {
        await current().write({ a: { v: 1 } });
        const stale = await eTagOf('a');
        await current().write({ a: { v: 2 } });
        const stored = (await current().read(['a'])).a;

        const error = await rejectionOf(() => current().write({ a: { v: 3, eTag: stale } }));
        expect(error).to.be.instanceOf(Error);
        expect((error as Error).message).to.equal(conflict('a'));
        expect((await current().read(['a'])).a).to.deep.equal(stored);
      });

      it('creates the item when the write carries an eTag for a key that does not exist', async () => {
        await current().write({ a: { v: 1, eTag: 'never-issued' } });
        const items = await current().read(['a']);
        expect(items.a).to.include({ v: 1 });
        expect(items.a.eTag).to.not.equal('never-issued');
      });

      it('creates the item again after a delete, even with the eTag the deleted item had', async () => {
        await current().write({ a: { v: 1 } });
        const old = await eTagOf('a');
        await current().delete(['a']);
        await current().write({ a: { v: 2, eTag: old } });
        expect((await current().read(['a'])).a).to.include({ v: 2 });
      });

      it('assigns a new eTag on every write, even when the value is the same', async () => {
        const seen = new Set<string>();
        for (let i = 0; i < 5; i++) {
          await current().write({ a: { v: 'same' } });
          seen.add(await eTagOf('a'));
        }
        expect(seen.size).to.equal(5);
      });

      it('writes several items in one call, each with its own eTag', async () => {
        await current().write({ a: { v: 'a' }, b: { v: 'b' }, c: { v: 'c' } });
        const items = await current().read(['a', 'b', 'c']);
        expect(Object.keys(items).sort()).to.deep.equal(['a', 'b', 'c']);
        expect(new Set(['a', 'b', 'c'].map((k) => items[k].eTag)).size).to.equal(3);
      });

      it('treats an empty set of changes as a no-op', async () => {
        await current().write({ a: { v: 1 } });
        const before = await current().read(['a']);
        await current().write({});
        expect(await current().read(['a'])).to.deep.equal(before);
      });

      it('rejects a batch with a conflicting item and keeps that item unchanged', async () => {
        await current().write({ a: { v: 1 }, b: { v: 1 } });
        const storedB = (await current().read(['b'])).b;
        const error = await rejectionOf(() => current().write({ a: { v: 2 }, b: { v: 2, eTag: 'stale' } }));
        expect((error as Error).message).to.equal(conflict('b'));
        expect((await current().read(['b'])).b).to.deep.equal(storedB);
      });

      it('lets exactly one of two concurrent writers with the same eTag win, and stores the winner', async () => {
        await current().write({ a: { v: 'start' } });
        const seen = await eTagOf('a');
        const results = await Promise.allSettled([
          current().write({ a: { v: 'first', eTag: seen } }),
          current().write({ a: { v: 'second', eTag: seen } }),
        ]);
        const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
        expect(won).to.have.length(1);
        const lost = results[1 - won[0]!] as PromiseRejectedResult;
        expect((lost.reason as Error).message).to.equal(conflict('a'));
        expect((await current().read(['a'])).a).to.include({ v: won[0] === 0 ? 'first' : 'second' });
      });
    });

    describe('keys', () => {
      it('keeps keys with NUL, other control characters, æøå and the encoding marker apart and gives them back as written', async () => {
        const keys = ['a\u0000b', 'a\u0000c', 'a\u0001b', 'ærø/ø', '~b64~YQ', 'YQ', '~b64~', 'webchat/x\u0000'];
        await current().write(Object.fromEntries(keys.map((k, i) => [k, { i }])));
        const read = await current().read(keys);
        expect(Object.keys(read).sort()).to.deep.equal([...keys].sort());
        keys.forEach((k, i) => expect(read[k]).to.include({ i }));
        await current().delete(['a\u0000b']);
        expect(Object.keys(await current().read(keys))).to.not.include('a\u0000b');
      });
    });

    describe('deleting', () => {
      it('removes the given items and leaves the others', async () => {
        await current().write({ a: { v: 1 }, b: { v: 2 }, c: { v: 3 } });
        await current().delete(['a', 'c']);
        expect(Object.keys(await current().read(['a', 'b', 'c']))).to.deep.equal(['b']);
      });

      it('accepts keys that do not exist and an empty list of keys', async () => {
        await current().write({ a: { v: 1 } });
        await current().delete(['missing']);
        await current().delete([]);
        expect(await current().read(['a'])).to.have.property('a');
      });
    });

    describe('invalid arguments', () => {
      it('rejects a read without keys with a ReferenceError', async () => {
        for (const keys of [undefined, null]) {
          const error = await rejectionOf(() => current().read(keys as unknown as string[]));
          expect(error, String(keys)).to.be.instanceOf(ReferenceError);
        }
      });

      it('rejects a write without changes with a ReferenceError', async () => {
        for (const changes of [undefined, null]) {
          const error = await rejectionOf(() => current().write(changes as unknown as StoreItems));
          expect(error, String(changes)).to.be.instanceOf(ReferenceError);
        }
      });

      it('rejects a delete without keys with a TypeError', async () => {
        const error = await rejectionOf(() => current().delete(undefined as unknown as string[]));
        expect(error).to.be.instanceOf(TypeError);
      });

      it('rejects a null item for a key that exists with a TypeError and keeps the stored item', async () => {
        await current().write({ a: { v: 1 } });
        const stored = (await current().read(['a'])).a;
        const error = await rejectionOf(() => current().write({ a: null }));
        expect(error).to.be.instanceOf(TypeError);
        expect((await current().read(['a'])).a).to.deep.equal(stored);
      });

      it('rejects a value that JSON cannot represent with a TypeError', async () => {
        const circular: Record<string, unknown> = {};
        circular.self = circular;
        for (const value of [{ big: 1n }, circular]) {
          expect(await rejectionOf(() => current().write({ a: value }))).to.be.instanceOf(TypeError);
        }
      });
    });
  });
}
