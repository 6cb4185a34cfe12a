import { expect } from 'chai';
import { TimeoutError } from '../../bot/timeout.js';
import { TurnLock } from '../../bot/turn-lock.js';

describe('turn lock', () => {
  it('lets go of a conversation whose turn never ends, after the timeout, so its next turn runs', async () => {
    const lock = new TurnLock(5, null, 100);
    const stuck = lock.run('webchat/a', () => new Promise<string>(() => undefined));
    const next = lock.run('webchat/a', async () => 'next');
    let error: unknown = null;
    await stuck.catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(TimeoutError);
    expect(await next).to.equal('next');
    expect(lock.size()).to.equal(0);
  });

  it('runs the turns of one conversation one after the other', async () => {
    const lock = new TurnLock(5, null, 1000);
    const order: string[] = [];
    const slow = lock.run('k', async () => {
      await new Promise((r) => setTimeout(r, 30));
      order.push('first');
    });
    const fast = lock.run('k', async () => void order.push('second'));
    await Promise.all([slow, fast]);
    expect(order).to.deep.equal(['first', 'second']);
  });
});
