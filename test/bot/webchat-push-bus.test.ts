import { expect } from 'chai';
import express from 'express';
import type pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { PushHub } from '../../bot/webchat/hub.js';
import { PostgresPushBus } from '../../bot/webchat/push-bus.js';
import { listen } from '../helpers.js';
import { type TestSchema, freshSchema, poolOn } from './postgres.js';

/** One instance of the service as far as the push goes: a hub on the shared database, serving streams over HTTP. */
async function instance(schema: TestSchema) {
  const pool = poolOn(schema);
  const hub = new PushHub(undefined, new PostgresPushBus(pool, schema.url));
  const app = express();
  app.get('/stream/:conversation', (req, res) => hub.open(req.params.conversation, res));
  const server = await listen(app);
  return {
    hub,
    url: server.url,
    close: async () => {
      await hub.close();
      await server.close();
      await pool.end();
    },
  };
}

/** An open event stream and the texts of the activities it has received so far. */
async function openStream(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  const texts: string[] = [];
  let buffer = '';
  void (async () => {
    try {
      const reader = res.body!.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        buffer += Buffer.from(chunk.value).toString('utf8');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(event);
          if (event.startsWith('event: activity') && data) texts.push((JSON.parse(data[1]!) as { text: string }).text);
        }
      }
    } catch {
      // Aborted at the end of the test.
    }
  })();
  return {
    texts,
    /** Resolves when `count` activities have arrived; fails after a few seconds. */
    async received(count: number): Promise<string[]> {
      for (let waited = 0; texts.length < count; waited += 20) {
        if (waited > 5000) throw new Error(`expected ${count} activities, got ${JSON.stringify(texts)}`);
        await sleep(20);
      }
      return texts;
    },
    close: () => controller.abort(),
  };
}

describe('web chat push across instances through PostgreSQL', () => {
  let schema: TestSchema;
  let a: Awaited<ReturnType<typeof instance>>;
  let b: Awaited<ReturnType<typeof instance>>;
  let admin: pg.Pool;
  const streams: { close(): void }[] = [];
  const stream = async (on: { url: string }, conversation: string) => {
    const s = await openStream(`${on.url}/stream/${conversation}`);
    streams.push(s);
    return s;
  };
  const message = (text: string) => ({ type: 'message' as const, text });

  before(async () => {
    schema = await freshSchema();
    admin = poolOn(schema, 1);
  });
  beforeEach(async () => {
    a = await instance(schema);
    b = await instance(schema);
    await sleep(200); // both are listening
  });
  afterEach(async () => {
    for (const s of streams.splice(0)) s.close();
    await a.close();
    await b.close();
  });
  after(async () => {
    await admin?.end();
    await schema?.drop();
  });

  it('delivers a message published on one instance to the stream held by the other, exactly once', async () => {
    const citizen = await stream(b, 'samtale-1');
    await sleep(100);
    await a.hub.publish('samtale-1', message('Hej, jeg er Mette fra kommunen'));
    expect(await citizen.received(1)).to.deep.equal(['Hej, jeg er Mette fra kommunen']);
    await sleep(300);
    expect(citizen.texts).to.have.length(1);
    expect(a.hub.openStreams()).to.equal(0);
  });

  it('keeps a message nobody holds and gives it to the next stream opened, on either instance, only once', async () => {
    await a.hub.publish('samtale-2', message('Besked mens siden var lukket'));
    await sleep(200);
    const first = await stream(b, 'samtale-2');
    expect(await first.received(1)).to.deep.equal(['Besked mens siden var lukket']);
    first.close();
    const later = await stream(a, 'samtale-2');
    await sleep(300);
    expect(later.texts).to.deep.equal([]);
  });

  it('gives each stream of a conversation open on both instances the message once', async () => {
    const onA = await stream(a, 'samtale-3');
    const onB = await stream(b, 'samtale-3');
    await sleep(100);
    await b.hub.publish('samtale-3', message('Til begge faner'));
    expect(await onA.received(1)).to.deep.equal(['Til begge faner']);
    expect(await onB.received(1)).to.deep.equal(['Til begge faner']);
    await sleep(300);
    expect([onA.texts.length, onB.texts.length]).to.deep.equal([1, 1]);
  });

  it('carries an activity far larger than the 8000 bytes a notification may hold', async () => {
    const citizen = await stream(a, 'samtale-4');
    await sleep(100);
    const long = `Lang besked: ${'æøå '.repeat(5000)}`;
    await b.hub.publish('samtale-4', message(long));
    expect(await citizen.received(1)).to.deep.equal([long]);
  });

  it('delivers several messages in the order they were published', async () => {
    const citizen = await stream(a, 'samtale-5');
    await sleep(100);
    for (const n of [1, 2, 3, 4, 5]) await b.hub.publish('samtale-5', message(`besked ${n}`));
    expect(await citizen.received(5)).to.deep.equal(['besked 1', 'besked 2', 'besked 3', 'besked 4', 'besked 5']);
  });

  it('does not deliver a message to another conversation’s stream', async () => {
    const other = await stream(a, 'samtale-6');
    await sleep(100);
    await b.hub.publish('samtale-7', message('Ikke til dig'));
    await sleep(300);
    expect(other.texts).to.deep.equal([]);
    const owner = await stream(b, 'samtale-7');
    expect(await owner.received(1)).to.deep.equal(['Ikke til dig']);
  });

  it('deletes messages older than the keeping time when it sweeps', async () => {
    await a.hub.publish('samtale-8', message('For gammel'));
    await admin.query("UPDATE mentorbot_push SET created_at = now() - interval '11 minutes' WHERE conversation_id = 'samtale-8'");
    await new PostgresPushBus(admin, schema.url).sweep();
    const { rows } = await admin.query("SELECT count(*)::int AS n FROM mentorbot_push WHERE conversation_id = 'samtale-8'");
    expect(rows[0].n).to.equal(0);
  });
});
