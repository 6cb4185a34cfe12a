import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pgModule from 'pg';
import type pg from 'pg';
import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { createApp } from '../../bot/app.js';
import { ConfigError, readConfig } from '../../bot/config.js';
import { RATE_LIMIT_MESSAGE, RATE_LIMIT_TABLE, RateLimiter, rateLimits } from '../../bot/rate-limit.js';
import { createBotRuntime } from '../../bot/runtime.js';
import { createWebChat } from '../../bot/webchat/index.js';
import { freePort, knowledgeBase, listen } from '../helpers.js';
import { type TestSchema, freshSchema, poolOn } from './postgres.js';

describe('RateLimiter (rate-limiter-flexible), in memory', () => {
  it('allows exactly perMinute requests and refuses the next with the seconds until the minute is over', async () => {
    const limiter = RateLimiter.inMemory(30, `t-${randomUUID()}`);
    for (let i = 0; i < 30; i++) expect((await limiter.take('a')).ok, `request ${i + 1}`).to.equal(true);
    const over = await limiter.take('a');
    expect(over.ok).to.equal(false);
    expect(over.ok ? 0 : over.retryAfterSeconds).to.be.within(59, 60);
  });

  it('lets a key in again when its window is over', async () => {
    const limiter = RateLimiter.inMemory(2, `t-${randomUUID()}`, 1);
    await limiter.take('a');
    await limiter.take('a');
    expect((await limiter.take('a')).ok).to.equal(false);
    await sleep(1100);
    expect((await limiter.take('a')).ok).to.equal(true);
  });

  it('keeps different keys apart', async () => {
    const limiter = RateLimiter.inMemory(2, `t-${randomUUID()}`);
    await limiter.take('a');
    await limiter.take('a');
    expect((await limiter.take('a')).ok).to.equal(false);
    expect((await limiter.take('b')).ok).to.equal(true);
  });

  it('peeks without spending', async () => {
    const limiter = RateLimiter.inMemory(2, `t-${randomUUID()}`);
    for (let i = 0; i < 5; i++) expect((await limiter.peek('a')).ok).to.equal(true);
    await limiter.take('a');
    await limiter.take('a');
    expect((await limiter.peek('a')).ok).to.equal(false);
  });

  it('refuses a limit that is not a whole number of at least 1', () => {
    expect(() => RateLimiter.inMemory(0, 'x')).to.throw(Error, /at least 1 a minute/);
    expect(() => RateLimiter.inMemory(1.5, 'x')).to.throw(Error, /whole number/);
  });
});

describe('RateLimiter (rate-limiter-flexible), on PostgreSQL', () => {
  let schema: TestSchema;
  const pools: pg.Pool[] = [];
  const pool = () => {
    const p = poolOn(schema, 2);
    pools.push(p);
    return p;
  };
  before(async () => (schema = await freshSchema()));
  after(async () => {
    for (const p of pools) await p.end();
    await schema?.drop();
  });

  it('shares one budget between two instances, each with its own pool on the same database', async () => {
    const one = RateLimiter.onPostgres(pool(), 6, 'address');
    const two = RateLimiter.onPostgres(pool(), 6, 'address');
    for (let i = 0; i < 3; i++) {
      expect((await one.take('203.0.113.1')).ok, `one, ${i + 1}`).to.equal(true);
      expect((await two.take('203.0.113.1')).ok, `two, ${i + 1}`).to.equal(true);
    }
    expect((await one.take('203.0.113.1')).ok).to.equal(false);
    expect((await two.take('203.0.113.1')).ok).to.equal(false);
    expect((await two.peek('203.0.113.1')).ok).to.equal(false);
    expect((await one.take('203.0.113.2')).ok, 'another address').to.equal(true);
    const { rows } = await pools[0]!.query(`SELECT key, points FROM ${RATE_LIMIT_TABLE} ORDER BY key`);
    expect(rows).to.deep.equal([
      { key: 'address:203.0.113.1', points: 8 },
      { key: 'address:203.0.113.2', points: 1 },
    ]);
  });

  it('answers 429 on one server once an address has used its minute on the other (two apps, one database)', async () => {
    const protection = { rateLimit: { perAddress: 4, perConversation: 0, trustProxy: ['loopback'] }, pool: pool() };
    const one = await listen(createApp(knowledgeBase(), undefined, undefined, protection));
    const two = await listen(createApp(knowledgeBase(), undefined, undefined, { ...protection, pool: pool() }));
    try {
      const get = (server: { url: string }) =>
        fetch(`${server.url}/api/inputs`, { headers: { 'x-forwarded-for': '198.51.100.9' } });
      for (const server of [one, two, one, two]) expect((await get(server)).status).to.equal(200);
      const res = await get(two);
      expect(res.status).to.equal(429);
      expect(await res.json()).to.deep.equal({ error: { field: 'rate', message: RATE_LIMIT_MESSAGE } });
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('keeps the address and conversation limits apart in the one table', async () => {
    const p = pool();
    const limits = rateLimits({ perAddress: 1, perConversation: 1 }, { pool: p });
    expect((await limits.perAddress!.take('same-key')).ok).to.equal(true);
    expect((await limits.perConversation!.take('same-key')).ok).to.equal(true);
    expect((await limits.perAddress!.take('same-key')).ok).to.equal(false);
  });

  it('counts in memory while PostgreSQL cannot be reached, refusing nobody for the outage', async () => {
    const down = new pgModule.Pool({
      connectionString: `postgres://postgres@127.0.0.1:${await freePort()}/none`,
      connectionTimeoutMillis: 500,
    });
    pools.push(down);
    down.on('error', () => undefined);
    const limiter = RateLimiter.onPostgres(down, 2, 'address');
    expect((await limiter.take('a')).ok).to.equal(true);
    expect((await limiter.take('a')).ok).to.equal(true);
    expect((await limiter.take('a')).ok, 'the limit still holds, per instance').to.equal(false);
  });
});

describe('rate limit settings', () => {
  it('defaults to 120 requests per address and 30 per conversation a minute, trusting no proxy', () => {
    expect(readConfig({}).rateLimit).to.deep.equal({ perAddress: 120, perConversation: 30, trustProxy: false });
  });

  it('reads a number of proxies or their addresses for TRUST_PROXY', () => {
    expect(readConfig({ TRUST_PROXY: '1' }).rateLimit.trustProxy).to.equal(1);
    expect(readConfig({ TRUST_PROXY: '10.0.0.0/8, loopback' }).rateLimit.trustProxy).to.deep.equal([
      '10.0.0.0/8',
      'loopback',
    ]);
  });

  it('refuses a bad value with an error naming the setting', () => {
    const bad: [string, string][] = [
      ['RATE_LIMIT_PER_ADDRESS', '-1'],
      ['RATE_LIMIT_PER_ADDRESS', 'many'],
      ['RATE_LIMIT_PER_CONVERSATION', '1.5'],
      ['TRUST_PROXY', 'true'],
      ['TRUST_PROXY', '10.0.0.0/99'],
      ['TRUST_PROXY', 'proxy.example'],
    ];
    for (const [name, value] of bad) {
      expect(() => readConfig({ [name]: value }), `${name}=${value}`).to.throw(ConfigError, name);
    }
  });
});

describe('rate limits on the server', () => {
  let server: { url: string; close: () => Promise<void> };
  let closeWebChat: () => Promise<void>;

  before(async () => {
    const config = readConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory', TRUST_PROXY: 'loopback' });
    const runtime = createBotRuntime(config, knowledgeBase(), {
      storage: new MemoryStorage(),
      today: () => '2026-11-22',
    });
    const webchat = createWebChat(config, runtime.parts);
    closeWebChat = () => webchat.close();
    const protection = { rateLimit: { perAddress: 10, perConversation: 3, trustProxy: ['loopback'] } };
    server = await listen(
      createApp(knowledgeBase(), runtime, { webchat, config: config.webchat }, protection),
      webchat.upgrade,
    );
  });
  after(async () => {
    await closeWebChat();
    await server.close();
  });

  /** A request from the client address `from` (the proxy in front, loopback, is trusted to say it). */
  const get = (path: string, from: string) => fetch(`${server.url}${path}`, { headers: { 'x-forwarded-for': from } });
  const message = (conversation: string, from: string) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({
        type: 'message',
        text: 'hej',
        id: randomUUID(),
        channelId: 'emulator',
        serviceUrl: 'http://127.0.0.1:1/',
        from: { id: 'u' },
        recipient: { id: 'mentorbot' },
        conversation: { id: conversation },
        deliveryMode: 'expectReplies',
      }),
    });

  it('answers a burst above the per-address limit with 429, Retry-After and the Danish message', async () => {
    for (let i = 0; i < 10; i++)
      expect((await get('/api/search?q=mentor', '203.0.113.1')).status, `request ${i + 1}`).to.equal(200);
    const res = await get('/api/search?q=mentor', '203.0.113.1');
    expect(res.status).to.equal(429);
    expect(res.headers.get('retry-after')).to.be.oneOf(['59', '60']);
    expect(await res.json()).to.deep.equal({ error: { field: 'rate', message: RATE_LIMIT_MESSAGE } });
  });

  it("does not let one address use up another address's requests", async () => {
    for (let i = 0; i < 11; i++) await get('/api/law', '203.0.113.3');
    expect((await get('/api/law', '203.0.113.3')).status).to.equal(429);
    expect((await get('/api/law', '203.0.113.4')).status).to.equal(200);
  });

  it('never limits /healthz, /readyz or the page', async () => {
    for (let i = 0; i < 30; i++) {
      for (const path of ['/healthz', '/readyz', '/'])
        expect((await get(path, '203.0.113.5')).status, path).to.equal(200);
    }
  });

  it('limits the messages of one conversation, and not those of another from the same address', async () => {
    const a = randomUUID();
    for (let i = 0; i < 3; i++) expect((await message(a, '203.0.113.6')).status).to.equal(200);
    const over = await message(a, '203.0.113.6');
    expect(over.status).to.equal(429);
    expect(over.headers.get('retry-after')).to.be.oneOf(['59', '60']);
    expect((await message(randomUUID(), '203.0.113.6')).status).to.equal(200);
  });

  it('limits a web chat conversation (Direct Line) by its token, whatever address it comes from', async () => {
    const generated = await fetch(`${server.url}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    const { token, conversationId } = (await generated.json()) as { token: string; conversationId: string };
    const started = await fetch(`${server.url}/v3/directline/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.7' },
    });
    expect(started.status).to.equal(201);
    const send = (from: string) =>
      fetch(`${server.url}/v3/directline/conversations/${conversationId}/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-forwarded-for': from },
        body: JSON.stringify({ type: 'message', text: 'hej' }),
      });
    for (let i = 0; i < 3; i++) expect((await send(`203.0.113.${10 + i}`)).status).to.equal(200);
    const over = await send('203.0.113.20');
    expect(over.status).to.equal(429);
    expect(((await over.json()) as { error: { field: string } }).error.field).to.equal('rate');
  });
});
