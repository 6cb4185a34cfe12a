import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { createApp } from '../../bot/app.js';
import { readConfig } from '../../bot/config.js';
import { type Handoff, createHandoff } from '../../bot/handoff/index.js';
import { createBotRuntime } from '../../bot/runtime.js';
import { ConversationBusy, TurnLock } from '../../bot/turn-lock.js';
import { createWebChat } from '../../bot/webchat/index.js';
import { knowledgeBase, listen, sayTo } from '../helpers.js';
import { fakeConnector } from './handoff/fake-connector.js';

/** A storage that can be slow (so turns overlap) or down (every call fails), like a database on a bad day. */
class TroubledStorage implements Storage {
  down = false;
  delayMs = 0;
  constructor(private readonly inner: Storage = new MemoryStorage()) {}
  private async gate(): Promise<void> {
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
  }
  async read(keys: string[]): Promise<StoreItems> {
    await this.gate();
    return this.inner.read(keys);
  }
  async write(changes: StoreItems): Promise<void> {
    await this.gate();
    return this.inner.write(changes);
  }
  async delete(keys: string[]): Promise<void> {
    await this.gate();
    return this.inner.delete(keys);
  }
}

async function bot(storage: Storage) {
  const runtime = createBotRuntime(readConfig({ LOG_LEVEL: 'silent' }), knowledgeBase(), {
    storage,
    today: () => '2026-11-22',
    ping: async () => {
      await storage.read(['ping']);
    },
  });
  const server = await listen(createApp(knowledgeBase(), runtime));
  const conversation = randomUUID();
  const say = (text: string) => sayTo(server.url, conversation, text);
  return { server, say, runtime };
}

describe('faults', function () {
  this.timeout(30000);

  it('loses no answer when two messages of one conversation arrive at the same moment', async () => {
    const storage = new TroubledStorage();
    const { server, say } = await bot(storage);
    try {
      await say('Jeg er borger');
      storage.delayMs = 30; // slow enough that two unserialised turns would read the same state
      const [first, second] = await Promise.all([say('Jeg er ledig'), say('kontanthjælp')]);
      expect(first.text).to.include('Hvilken ydelse');
      expect(second.text).to.include('udskrevet fra en psykiatrisk indlæggelse');
      storage.delayMs = 0;
      // Both answers are in the state: the intake goes on with the discharge question, then the age.
      expect((await say('nej')).text).to.include('Hvor gammel er du?');
      expect((await say('40')).text).to.include('Har du allerede en mentor?');
    } finally {
      await server.close();
    }
  });

  it('answers with a clear apology while the database is unreachable, and goes on by itself when it is back', async () => {
    const storage = new TroubledStorage();
    const { server, say } = await bot(storage);
    try {
      await say('Jeg er borger');
      storage.down = true;
      const during = await say('Jeg er ledig');
      expect(during.status).to.equal(200);
      expect(during.text).to.include('Beklager, der gik noget galt');
      expect((await fetch(`${server.url}/readyz`)).status).to.equal(503);
      storage.down = false;
      expect((await fetch(`${server.url}/readyz`)).status).to.equal(200);
      // The answer given during the outage was not stored; the question is still open and is answered now.
      expect((await say('Jeg er ledig')).text).to.include('Hvilken ydelse');
    } finally {
      await server.close();
    }
  });

  it("keeps a conversation's queue short: more waiting messages than the bound get a clear 429", async () => {
    const lock = new TurnLock(2);
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const first = lock.run('c', () => blocked);
    const second = lock.run('c', async () => 'second');
    await Promise.resolve();
    let busy: unknown;
    try {
      await lock.run('c', async () => 'third');
    } catch (e) {
      busy = e;
    }
    expect(busy).to.be.instanceOf(ConversationBusy);
    expect(await lock.run('other', async () => 'runs beside')).to.equal('runs beside');
    release();
    await first;
    expect(await second).to.equal('second');
    expect(lock.size()).to.equal(0);
  });

  it("does not let a Teams that does not answer hold the citizen's turns; what they write is kept", async () => {
    const connector = await fakeConnector();
    const config = readConfig({
      LOG_LEVEL: 'silent',
      STORAGE: 'memory',
      HANDOFF_TEAMS_CHANNEL_ID: '19:cw@thread.tacv2',
      HANDOFF_TEAMS_TENANT_ID: 't',
      HANDOFF_TEAMS_SERVICE_URL: connector.url,
      HANDOFF_OPENING_HOURS: 'man-søn 00:00-23:59',
      HANDOFF_ALLOW_UNAUTHENTICATED: 'test',
    });
    const storage = new MemoryStorage();
    const runtime = createBotRuntime(config, knowledgeBase(), { storage, today: () => '2026-11-22' });
    const webchat = createWebChat(config, runtime.parts);
    const handoff = createHandoff(config, runtime, webchat, { teamsTimeoutMs: 300 }) as Handoff;
    const server = await listen(createApp(knowledgeBase(), runtime, { webchat, config: config.webchat }));
    const conversation = randomUUID();
    const say = async (text: string) => {
      const started = Date.now();
      const { text: replies } = await sayTo(server.url, conversation, text, connector.url);
      return { ms: Date.now() - started, text: replies };
    };
    try {
      connector.state.hang = true;
      await say('Tal med en medarbejder');
      await say('Ja, del samtalen');
      const queued = await say('Hvor mange timer kan jeg få?');
      expect(queued.text).to.include('Din henvendelse er gemt');
      expect(queued.ms).to.be.lessThan(5000);
      const waiting = await say('Er der nogen?');
      expect(waiting.text).to.include('Du venter stadig');
      const [id] = await handoff.service.caseStore.openCaseIds();
      expect((await handoff.service.caseStore.get(id!))!.pendingRelay).to.deep.equal(['Er der nogen?']);
    } finally {
      connector.state.hang = false;
      handoff.stop();
      await webchat.close();
      await server.close();
      await connector.close();
    }
  });
});
