import { expect } from 'chai';
import pg from 'pg';
import { TurnLock } from '../../bot/turn-lock.js';
import { type TestSchema, freshSchema } from './postgres.js';

describe('turn lock across instances (PostgreSQL)', function () {
  this.timeout(30000);
  let schema: TestSchema;
  const pools: pg.Pool[] = [];
  before(async () => {
    schema = await freshSchema();
  });
  after(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await schema.drop();
  });

  const instance = () => {
    const pool = new pg.Pool({ connectionString: schema.url, max: 4 });
    pools.push(pool);
    return new TurnLock(5, pool);
  };

  it('runs the turns of one conversation one at a time even when they arrive at two instances at once', async () => {
    const a = instance();
    const b = instance();
    const spans: [number, number][] = [];
    const turn = async () => {
      const start = performance.now();
      await new Promise((r) => setTimeout(r, 80));
      spans.push([start, performance.now()]);
    };
    await Promise.all([
      a.run('webchat/c1', turn),
      b.run('webchat/c1', turn),
      a.run('webchat/c1', turn),
      b.run('webchat/c1', turn),
    ]);
    spans.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]![0], `turn ${i + 1} started before turn ${i} ended`).to.be.at.least(spans[i - 1]![1] - 1);
  });

  it('lets different conversations run side by side', async () => {
    const a = instance();
    const b = instance();
    // Each turn waits until the other has started: only turns that run side by side can both finish.
    let xStarted!: () => void;
    let yStarted!: () => void;
    const x = new Promise<void>((r) => (xStarted = r));
    const y = new Promise<void>((r) => (yStarted = r));
    const both = Promise.all([
      a.run('webchat/x', async () => {
        xStarted();
        await y;
      }),
      b.run('webchat/y', async () => {
        yStarted();
        await x;
      }),
    ]);
    const stuck = new Promise((_, reject) =>
      setTimeout(() => reject(new Error('the two conversations waited for each other')), 10_000).unref(),
    );
    await Promise.race([both, stuck]);
  });
});
