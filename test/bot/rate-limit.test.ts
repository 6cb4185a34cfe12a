import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { createApp } from '../../bot/app.js';
import { ConfigError, readConfig } from '../../bot/config.js';
import { RATE_LIMIT_MESSAGE, RateLimiter } from '../../bot/rate-limit.js';
import { createBotRuntime } from '../../bot/runtime.js';
import { createWebChat } from '../../bot/webchat/index.js';
import { knowledgeBase, listen } from '../helpers.js';

describe('RateLimiter', () => {
  it('allows exactly perMinute requests at once and refuses the next with the seconds until one is free', () => {
    let now = 0;
    const limiter = new RateLimiter(30, () => now);
    for (let i = 0; i < 30; i++) expect(limiter.take('a').ok, `request ${i + 1}`).to.equal(true);
    expect(limiter.take('a')).to.deep.equal({ ok: false, retryAfterSeconds: 2 });
    now += 1999;
    expect(limiter.take('a').ok).to.equal(false);
    now += 1;
    expect(limiter.take('a').ok).to.equal(true);
    expect(limiter.take('a').ok).to.equal(false);
  });

  it('refills a bucket at perMinute a minute and never above perMinute', () => {
    let now = 0;
    const limiter = new RateLimiter(6, () => now);
    for (let i = 0; i < 6; i++) limiter.take('a');
    now += 10 * 60_000;
    for (let i = 0; i < 6; i++) expect(limiter.take('a').ok).to.equal(true);
    expect(limiter.take('a').ok).to.equal(false);
  });

  it('keeps different keys apart', () => {
    const limiter = new RateLimiter(2, () => 0);
    limiter.take('a');
    limiter.take('a');
    expect(limiter.take('a').ok).to.equal(false);
    expect(limiter.take('b').ok).to.equal(true);
  });

  it('forgets keys that have been idle for a minute, so its table does not grow without bound', () => {
    let now = 0;
    const limiter = new RateLimiter(10, () => now);
    for (let i = 0; i < 1000; i++) limiter.take(`k${i}`);
    expect(limiter.size()).to.equal(1000);
    now += 60_000;
    limiter.take('new');
    expect(limiter.size()).to.equal(1);
  });

  it('holds at most maxKeys keys, dropping the least recently used', () => {
    const limiter = new RateLimiter(10, () => 0, 3);
    for (const k of ['a', 'b', 'c']) limiter.take(k);
    limiter.take('a');
    limiter.take('d');
    expect(limiter.size()).to.equal(3);
    for (let i = 0; i < 9; i++) limiter.take('a');
    expect(limiter.take('a').ok, 'a was kept').to.equal(false);
  });
});

describe('rate limit settings', () => {
  it('defaults to 120 requests per address and 30 per conversation a minute, trusting no proxy', () => {
    expect(readConfig({}).rateLimit).to.deep.equal({ perAddress: 120, perConversation: 30, trustProxy: false });
  });

  it('reads a number of proxies or their addresses for TRUST_PROXY', () => {
    expect(readConfig({ TRUST_PROXY: '1' }).rateLimit.trustProxy).to.equal(1);
    expect(readConfig({ TRUST_PROXY: '10.0.0.0/8, loopback' }).rateLimit.trustProxy).to.deep.equal(['10.0.0.0/8', 'loopback']);
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
  let now = 0;
  let server: { url: string; close: () => Promise<void> };
  let closeWebChat: () => Promise<void>;

  before(async () => {
    const config = readConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory', TRUST_PROXY: 'loopback' });
    const runtime = createBotRuntime(config, knowledgeBase(), { storage: new MemoryStorage(), today: () => '2026-11-22' });
    const webchat = createWebChat(config, runtime.parts);
    closeWebChat = () => webchat.close();
    const protection = { rateLimit: { perAddress: 10, perConversation: 3, trustProxy: ['loopback'] }, now: () => now };
    server = await listen(createApp(knowledgeBase(), runtime, { webchat, config: config.webchat }, protection), webchat.upgrade);
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
        type: 'message', text: 'hej', id: randomUUID(), channelId: 'emulator', serviceUrl: 'http://127.0.0.1:1/', from: { id: 'u' },
        recipient: { id: 'mentorbot' }, conversation: { id: conversation }, deliveryMode: 'expectReplies',
      }),
    });

  it('answers a burst above the per-address limit with 429, Retry-After and the Danish message', async () => {
    now = 0;
    for (let i = 0; i < 10; i++) expect((await get('/api/search?q=mentor', '203.0.113.1')).status, `request ${i + 1}`).to.equal(200);
    const res = await get('/api/search?q=mentor', '203.0.113.1');
    expect(res.status).to.equal(429);
    expect(res.headers.get('retry-after')).to.equal('6');
    expect(await res.json()).to.deep.equal({ error: { field: 'rate', message: RATE_LIMIT_MESSAGE } });
  });

  it('lets the same address in again when the clock has moved on', async () => {
    now = 0;
    const from = '203.0.113.2';
    for (let i = 0; i < 10; i++) await get('/api/inputs', from);
    expect((await get('/api/inputs', from)).status).to.equal(429);
    now = 6000;
    expect((await get('/api/inputs', from)).status).to.equal(200);
  });

  it('does not let one address use up another address\'s requests', async () => {
    now = 100_000;
    for (let i = 0; i < 11; i++) await get('/api/law', '203.0.113.3');
    expect((await get('/api/law', '203.0.113.3')).status).to.equal(429);
    expect((await get('/api/law', '203.0.113.4')).status).to.equal(200);
  });

  it('never limits /healthz, /readyz or the page', async () => {
    now = 200_000;
    for (let i = 0; i < 30; i++) {
      for (const path of ['/healthz', '/readyz', '/']) expect((await get(path, '203.0.113.5')).status, path).to.equal(200);
    }
  });

  it('limits the messages of one conversation, and not those of another from the same address', async () => {
    now = 300_000;
    const a = randomUUID();
    for (let i = 0; i < 3; i++) expect((await message(a, '203.0.113.6')).status).to.equal(200);
    const over = await message(a, '203.0.113.6');
    expect(over.status).to.equal(429);
    expect(over.headers.get('retry-after')).to.equal('20');
    expect((await message(randomUUID(), '203.0.113.6')).status).to.equal(200);
  });

  it('limits a web chat conversation (Direct Line) by its token, whatever address it comes from', async () => {
    now = 400_000;
    const generated = await fetch(`${server.url}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.7' } });
    const { token, conversationId } = (await generated.json()) as { token: string; conversationId: string };
    const started = await fetch(`${server.url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.7' } });
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
