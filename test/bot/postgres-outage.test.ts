import { randomUUID } from 'node:crypto';
import { type Server, type Socket, createServer, connect } from 'node:net';
import { expect } from 'chai';
import { createApp } from '../../bot/app.js';
import { readConfig } from '../../bot/config.js';
import { createBotRuntime } from '../../bot/runtime.js';
import { openStorage } from '../../bot/storage/index.js';
import { knowledgeBase, listen, sayTo } from '../helpers.js';
import { type TestSchema, freshSchema } from './postgres.js';

/** A TCP proxy in front of PostgreSQL that can be cut, as a network or a database failing would. */
async function cuttableProxy(
  target: URL,
): Promise<{ port: number; cut(): void; restore(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let down = false;
  const server: Server = createServer((client) => {
    if (down) return void client.destroy();
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    cut() {
      down = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      down = false;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('PostgreSQL unreachable for a while', function () {
  this.timeout(60000);
  let schema: TestSchema;
  before(async () => {
    schema = await freshSchema();
  });
  after(() => schema.drop());

  it('gets a clear apology during the outage, nothing crashes, and the conversation goes on by itself after', async () => {
    const target = new URL(schema.url);
    const proxy = await cuttableProxy(target);
    const url = new URL(schema.url);
    url.host = `127.0.0.1:${proxy.port}`;
    const config = readConfig({
      LOG_LEVEL: 'silent',
      DATABASE_URL: url.toString(),
      WEBCHAT_TOKEN_SECRET: 'x'.repeat(40),
    });
    const storage = openStorage(config.storage);
    const runtime = createBotRuntime(config, knowledgeBase(), { ...storage, today: () => '2026-11-22' });
    const server = await listen(createApp(knowledgeBase(), runtime));
    const conversation = randomUUID();
    const say = (text: string) => sayTo(server.url, conversation, text);
    try {
      expect((await say('Jeg er borger')).text).to.include('Hvad passer bedst');
      proxy.cut();
      const during = await say('Jeg er ledig');
      expect(during.status).to.equal(200);
      expect(during.text).to.include('Beklager, der gik noget galt');
      expect((await fetch(`${server.url}/readyz`)).status).to.equal(503);
      proxy.restore();
      let ready = 503;
      for (let i = 0; i < 50 && ready !== 200; i++) {
        ready = (await fetch(`${server.url}/readyz`)).status;
        if (ready !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready).to.equal(200);
      expect((await say('Jeg er ledig')).text).to.include('Hvilken ydelse');
    } finally {
      await server.close();
      await storage.close();
      await proxy.close();
    }
  });
});
