import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { storageContract } from './storage-contract.js';

storageContract('botbuilder MemoryStorage', async () => ({ storage: new MemoryStorage(), close: async () => {} }));

// MemoryStorage is the reference for the contract; these pin the two points where SqliteStorage is stricter,
// so a botbuilder upgrade that changes them is noticed.
describe('botbuilder MemoryStorage, where our storages deliberately differ', () => {
  it('writes the other items of a batch even when one of them conflicts', async () => {
    const storage = new MemoryStorage();
    await storage.write({ a: { v: 1 }, b: { v: 1 } });
    await storage.write({ a: { v: 2, eTag: 'stale' }, b: { v: 2 } }).then(
      () => expect.fail('the conflict should reject'),
      (error: Error) => expect(error.message).to.equal('Storage: error writing "a" due to eTag conflict.'),
    );
    const items = await storage.read(['a', 'b']);
    expect(items.a).to.include({ v: 1 });
    expect(items.b).to.include({ v: 2 });
  });

  it('stores a null item for a new key as an empty object instead of rejecting it', async () => {
    const storage = new MemoryStorage();
    await storage.write({ a: null });
    const items = await storage.read(['a']);
    expect(Object.keys(items.a)).to.deep.equal(['eTag']);
  });
});
