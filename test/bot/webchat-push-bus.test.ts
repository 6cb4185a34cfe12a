import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import type pg from 'pg';
import { WebSocket, WebSocketServer } from 'ws';
import { PostgresStorage } from '../../bot/storage/postgres-storage.js';
import { ConversationHistory } from '../../bot/webchat/history.js';
import { PostgresPushBus } from '../../bot/webchat/push-bus.js';
import { StreamHub } from '../../bot/webchat/streams.js';
import { type TestSchema, freshSchema, poolOn } from './postgres.js';

/**
 * One instance of the service as far as the Direct Line streams go: the history in the shared PostgreSQL state, a
 * hub with the bus, and WebSocket streams at /stream/<conversation>?watermark=.
 */
async function instance(schema: TestSchema) {
  const pool = poolOn(schema);
  const history = new ConversationHistory(new PostgresStorage(pool));
  const hub = new StreamHub(history, new PostgresPushBus(pool, schema.url));
  const wss = new WebSocketServer({ noServer: true });
  const server = createServer();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url!, 'http://localhost');
    const conversation = url.pathname.split('/')[2]!;
    wss.handleUpgrade(req, socket, head, (ws) =>
      hub.open(conversation, ws, Number(url.searchParams.get('watermark') ?? 0), async () => true),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    hub,
    url,
    /** What the start of a conversation does first (under the turn lock, on one instance). */
    begin: (conversationId: string) => history.begin(conversationId),
    /** What an adapter does with a new activity: into the history, then out to the streams. */
    publish: async (conversationId: string, text: string) => {
      await history.append(conversationId, [{ type: 'message', text }]);
      await hub.grew(conversationId);
    },
    close: async () => {
      await hub.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

/** An open stream and the texts of the activities it has received so far. */
async function openStream(url: string) {
  const socket = new WebSocket(url);
  const texts: string[] = [];
  const watermarks: string[] = [];
  socket.on('message', (data: Buffer) => {
    const set = JSON.parse(data.toString('utf8')) as { activities: { text: string }[]; watermark: string };
    texts.push(...set.activities.map((a) => a.text));
    watermarks.push(set.watermark);
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return {
    texts,
    watermarks,
    /** Resolves when `count` activities have arrived; fails after a few seconds. */
    async received(count: number): Promise<string[]> {
      for (let waited = 0; texts.length < count; waited += 20) {
        if (waited > 5000) throw new Error(`expected ${count} activities, got ${JSON.stringify(texts)}`);
        await sleep(20);
      }
      return texts;
    },
    close: () => socket.terminate(),
  };
}

describe('Direct Line streams across instances through PostgreSQL', () => {
  let schema: TestSchema;
  let a: Awaited<ReturnType<typeof instance>>;
  let b: Awaited<ReturnType<typeof instance>>;
  let admin: pg.Pool;
  const streams: { close(): void }[] = [];
  const stream = async (on: { url: string }, conversation: string, watermark = 0) => {
    const s = await openStream(`${on.url}/stream/${conversation}?watermark=${watermark}`);
    streams.push(s);
    return s;
  };

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

  it('delivers an activity kept on one instance to the stream held by the other, exactly once', async () => {
    const citizen = await stream(b, 'samtale-1');
    await sleep(100);
    await a.publish('samtale-1', 'Hej, jeg er Mette fra kommunen');
    expect(await citizen.received(1)).to.deep.equal(['Hej, jeg er Mette fra kommunen']);
    await sleep(300);
    expect(citizen.texts).to.have.length(1);
    expect(citizen.watermarks).to.deep.equal(['1']);
    expect(a.hub.openStreams()).to.equal(0);
  });

  it('gives what came while no stream was open to the next stream, on either instance, from its watermark', async () => {
    await a.publish('samtale-2', 'Besked mens siden var lukket');
    await sleep(200);
    const first = await stream(b, 'samtale-2');
    expect(await first.received(1)).to.deep.equal(['Besked mens siden var lukket']);
    first.close();
    // A client that has seen it reconnects with its watermark and is not sent it again.
    const later = await stream(a, 'samtale-2', 1);
    await a.publish('samtale-2', 'Og en til');
    expect(await later.received(1)).to.deep.equal(['Og en til']);
    await sleep(200);
    expect(later.texts).to.have.length(1);
  });

  it('gives each stream of a conversation open on both instances the activity once', async () => {
    const onA = await stream(a, 'samtale-3');
    const onB = await stream(b, 'samtale-3');
    await sleep(100);
    await b.publish('samtale-3', 'Til begge faner');
    expect(await onA.received(1)).to.deep.equal(['Til begge faner']);
    expect(await onB.received(1)).to.deep.equal(['Til begge faner']);
    await sleep(300);
    expect([onA.texts.length, onB.texts.length]).to.deep.equal([1, 1]);
  });

  it('carries an activity far larger than the 8000 bytes a notification may hold', async () => {
    const citizen = await stream(a, 'samtale-4');
    await sleep(100);
    const long = `Lang besked: ${'æøå '.repeat(5000)}`;
    await b.publish('samtale-4', long);
    expect(await citizen.received(1)).to.deep.equal([long]);
  });

  it('delivers several activities in the order they were kept, also when two instances keep them at once', async () => {
    const citizen = await stream(a, 'samtale-5');
    await sleep(100);
    await a.begin('samtale-5');
    await Promise.all([1, 2, 3, 4, 5, 6].map((n) => (n % 2 ? a : b).publish('samtale-5', `besked ${n}`)));
    const texts = await citizen.received(6);
    expect([...texts].sort()).to.deep.equal(['besked 1', 'besked 2', 'besked 3', 'besked 4', 'besked 5', 'besked 6']);
    expect(citizen.watermarks.at(-1)).to.equal('6');
  });

  it('does not deliver an activity to another conversation\u2019s stream', async () => {
    const other = await stream(a, 'samtale-6');
    await sleep(100);
    await b.publish('samtale-7', 'Ikke til dig');
    await sleep(300);
    expect(other.texts).to.deep.equal([]);
    const owner = await stream(b, 'samtale-7');
    expect(await owner.received(1)).to.deep.equal(['Ikke til dig']);
  });
});
