import { expect } from 'chai';
import express from 'express';
import { MemoryStorage } from 'botbuilder';
import { createApp } from '../../bot/app.js';
import { type Config, readConfig } from '../../bot/config.js';
import { createBotRuntime } from '../../bot/runtime.js';
import { type WebChat, createWebChat } from '../../bot/webchat/index.js';
import { knowledgeBase, listen } from '../helpers.js';

interface Reply {
  type: string;
  id: string;
  text?: string;
  from: { id: string; role: string };
  suggestedActions?: { actions: { title: string }[] };
}

/** Our server with the web chat, on a loopback port. */
async function serve(env: Record<string, string> = {}) {
  const config: Config = readConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory', ...env });
  const runtime = createBotRuntime(config, knowledgeBase(), { storage: new MemoryStorage(), today: () => '2026-11-22' });
  const webchat: WebChat = createWebChat(config, runtime.parts);
  const server = await listen(createApp(knowledgeBase(), runtime, { webchat, config: config.webchat }));
  const call = async (path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await fetch(`${server.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        'content-type': 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not JSON
    }
    return { status: res.status, headers: res.headers, text, json };
  };
  return { url: server.url, call, webchat, runtime, close: async () => { webchat.close(); await server.close(); } };
}

describe('web chat: embedded transport', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    s = await serve();
  });
  after(() => s.close());

  async function start() {
    const res = await s.call('/api/webchat/conversations', { body: {} });
    expect(res.status).to.equal(201);
    return res.json as { conversationId: string; userId: string; token: string; expiresIn: number; activities: Reply[] };
  }

  it('starts a conversation with a signed token and returns the welcome', async () => {
    const c = await start();
    expect(c.token).to.match(/^[\w-]+\.[\w-]+$/);
    expect(c.expiresIn).to.equal(3600);
    expect(c.activities[0]!.text).to.include('chatbot');
    expect(c.activities[0]!.from).to.deep.include({ id: 'mentorbot', role: 'bot' });
    expect(c.activities.at(-1)!.suggestedActions!.actions.map((a) => a.title)).to.include('Jeg er borger');
  });

  it('answers a message with the turn\'s replies and the id of the person\'s activity', async () => {
    const c = await start();
    const res = await s.call('/api/webchat/activities', { token: c.token, body: { type: 'message', text: 'Jeg er borger', channelData: { clientActivityID: 'c-1' } } });
    expect(res.status).to.equal(200);
    expect(res.json.id).to.be.a('string');
    expect((res.json.activities as Reply[]).map((a) => a.text).join('\n')).to.include('Hvad passer bedst');
  });

  it('refuses a missing, forged or malformed token with 401', async () => {
    const c = await start();
    const [payload, signature] = c.token.split('.') as [string, string];
    const forged = `${Buffer.from(JSON.stringify({ v: 1, c: 'someone-else', u: c.userId, exp: 9_999_999_999 })).toString('base64url')}.${signature}`;
    for (const token of [undefined, 'nonsense', forged, `${payload}.x`]) {
      const res = await s.call('/api/webchat/activities', { ...(token ? { token } : {}), body: { type: 'message', text: 'hej' } });
      expect(res.status, String(token)).to.equal(401);
      expect(res.json).to.have.nested.property('error.field', 'authorization');
    }
  });

  it('refuses a broken activity with a 400 that names the field', async () => {
    const c = await start();
    const bad: [unknown, string][] = [
      [{ type: 'event', name: 'x' }, 'type'],
      [{ type: 'message', text: 42 }, 'text'],
      [{ type: 'message' }, 'text'],
      [{ type: 'message', text: 'hej', value: 'x' }, 'value'],
      [{ type: 'message', text: 'hej', locale: 'klingon' }, 'locale'],
      [{ type: 'message', text: 'hej', channelData: { clientActivityID: 'x'.repeat(101) } }, 'channelData.clientActivityID'],
      [[], 'body'],
    ];
    for (const [body, field] of bad) {
      const res = await s.call('/api/webchat/activities', { token: c.token, body });
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.json, JSON.stringify(body)).to.have.nested.property('error.field', field);
    }
    expect((await s.call('/api/webchat/activities', { token: c.token, body: '{bad json' })).status).to.equal(400);
  });

  it('gives a fresh token for the same conversation', async () => {
    const c = await start();
    const res = await s.call('/api/webchat/token', { token: c.token, body: {} });
    expect(res.status).to.equal(200);
    const again = await s.call('/api/webchat/activities', { token: res.json.token as string, body: { type: 'message', text: 'Jeg er borger' } });
    expect(again.status).to.equal(200);
    expect((await s.call('/api/webchat/token', { body: {} })).status).to.equal(401);
  });

  it('pushes a message sent outside a turn to the conversation\'s stream, and keeps one sent before the stream opens', async () => {
    const c = await start();
    const reference = { channelId: 'webchat', conversation: { id: c.conversationId, isGroup: false, conversationType: 'personal', name: '' }, user: { id: c.userId, name: '' }, bot: { id: 'mentorbot', name: 'Mentorbot' }, serviceUrl: 'urn:mentorbot:webchat' };
    await s.webchat.adapter.continueConversation(reference, async (ctx) => {
      await ctx.sendActivity('Besked fra en medarbejder, før strømmen åbnede');
    });
    const controller = new AbortController();
    const res = await fetch(`${s.url}/api/webchat/stream?token=${encodeURIComponent(c.token)}`, { signal: controller.signal });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/event-stream/);
    const reader = res.body!.getReader();
    let received = '';
    const readUntil = async (needle: string) => {
      while (!received.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        received += Buffer.from(value).toString('utf8');
      }
    };
    await readUntil('før strømmen åbnede');
    await s.webchat.adapter.continueConversation(reference, async (ctx) => {
      await ctx.sendActivity('Anden besked');
    });
    await readUntil('Anden besked');
    controller.abort();
    expect(received).to.match(/event: activity\ndata: \{.*"text":"Besked fra en medarbejder, før strømmen åbnede"/);
    expect(received).to.include('"role":"bot"');
  });

  it('opens at most a few streams for one conversation', async () => {
    const c = await start();
    const controllers: AbortController[] = [];
    const statuses: number[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        const controller = new AbortController();
        controllers.push(controller);
        const res = await fetch(`${s.url}/api/webchat/stream?token=${encodeURIComponent(c.token)}`, { signal: controller.signal });
        statuses.push(res.status);
        if (res.status !== 200) await res.text();
      }
    } finally {
      for (const c of controllers) c.abort();
    }
    expect(statuses).to.deep.equal([200, 200, 200, 200, 429, 429]);
  });

  it('takes the token only in the Authorization header on POST, not in ?token=', async () => {
    const c = await start();
    const q = `?token=${encodeURIComponent(c.token)}`;
    expect((await s.call(`/api/webchat/activities${q}`, { body: { type: 'message', text: 'hej' } })).status).to.equal(401);
    expect((await s.call(`/api/webchat/token${q}`, { method: 'POST' })).status).to.equal(401);
  });

  it('revokes every token of a conversation when the person asks to have their data deleted', async () => {
    const c = await start();
    const refreshed = (await s.call('/api/webchat/token', { method: 'POST', token: c.token })).json as { token: string };
    const deleted = await s.call('/api/webchat/activities', { token: c.token, body: { type: 'message', text: 'slet mine data' } });
    expect(deleted.status).to.equal(200);
    for (const token of [c.token, refreshed.token]) {
      expect((await s.call('/api/webchat/activities', { token, body: { type: 'message', text: 'hej' } })).status).to.equal(401);
      expect((await s.call('/api/webchat/token', { method: 'POST', token })).status).to.equal(401);
      expect((await s.call(`/api/webchat/stream?token=${encodeURIComponent(token)}`)).status).to.equal(401);
    }
    // Another conversation is not touched.
    const other = await start();
    expect((await s.call('/api/webchat/activities', { token: other.token, body: { type: 'message', text: 'hej' } })).status).to.equal(200);
  });

  it('refuses a stream without a valid token', async () => {
    expect((await s.call('/api/webchat/stream?token=nope')).status).to.equal(401);
  });

  it('tells the page its settings', async () => {
    const res = await s.call('/api/webchat/config');
    expect(res.json).to.deep.equal({
      transport: 'embedded',
      privacyUrl: '/privatliv.html',
      accessibilityUrl: '/tilgaengelighed.html',
      directLineDomain: 'https://europe.directline.botframework.com/v3/directline',
    });
  });

  it('serves Web Chat\'s bundle from node_modules, compressed, under a Content-Security-Policy', async () => {
    const res = await fetch(`${s.url}/webchat/webchat.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-encoding')).to.equal('gzip');
    expect((await res.text()).length).to.be.greaterThan(1_000_000);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).to.include("script-src 'self'");
    expect(csp).to.include("connect-src 'self'");
    expect(res.headers.get('cross-origin-resource-policy')).to.equal('cross-origin');
  });

  it('does not serve source files from public/', async () => {
    expect((await s.call('/README.md')).status).to.equal(404);
  });

  it('leaves the Bot Framework endpoint as it was', async () => {
    const res = await s.call('/api/messages', { body: { type: 'message', text: 'hej', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:1/', from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c' }, deliveryMode: 'expectReplies' } });
    expect(res.status).to.equal(200);
  });
});

describe('web chat: embedding on other sites', () => {
  it('answers CORS only for the allowed origins', async () => {
    const s = await serve({ WEBCHAT_ALLOWED_ORIGINS: 'https://www.kommune.dk' });
    try {
      const allowed = await s.call('/api/webchat/conversations', { method: 'OPTIONS', headers: { origin: 'https://www.kommune.dk', 'access-control-request-method': 'POST' } });
      expect(allowed.status).to.equal(204);
      expect(allowed.headers.get('access-control-allow-origin')).to.equal('https://www.kommune.dk');
      expect(allowed.headers.get('access-control-allow-headers')).to.include('authorization');
      const other = await s.call('/api/webchat/config', { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).to.equal(null);
    } finally {
      await s.close();
    }
  });
});

describe('web chat: Direct Line transport', () => {
  it('exchanges the secret for a conversation token without sending the secret to the browser', async () => {
    let seen: { auth?: string; user?: string } = {};
    const fake = express();
    fake.use(express.json());
    fake.post('/v3/directline/tokens/generate', (req, res) => {
      seen = { auth: req.headers.authorization, user: (req.body as { user: { id: string } }).user.id };
      res.json({ conversationId: 'dl-conv', token: 'dl-token', expires_in: 1800 });
    });
    const dl = await listen(fake);
    const s = await serve({ WEBCHAT_TRANSPORT: 'directline', DIRECTLINE_SECRET: 'the-secret', DIRECTLINE_ENDPOINT: `${dl.url}/v3/directline` });
    try {
      const res = await s.call('/api/directline/token', { body: {} });
      expect(res.status).to.equal(200);
      expect(res.json).to.deep.equal({ token: 'dl-token', conversationId: 'dl-conv', expiresIn: 1800, domain: `${dl.url}/v3/directline` });
      expect(res.text).not.to.include('the-secret');
      expect(seen.auth).to.equal('Bearer the-secret');
      expect(seen.user).to.match(/^dl_/);
      expect(res.headers.get('content-security-policy')).to.include(`connect-src 'self' ${dl.url}`);
    } finally {
      await s.close();
      await dl.close();
    }
  });

  it('says 503 when Direct Line is not configured and 502 when it cannot be reached', async () => {
    const plain = await serve();
    try {
      expect((await plain.call('/api/directline/token', { body: {} })).status).to.equal(503);
    } finally {
      await plain.close();
    }
    const down = await serve({ WEBCHAT_TRANSPORT: 'directline', DIRECTLINE_SECRET: 's', DIRECTLINE_ENDPOINT: 'http://127.0.0.1:1/v3/directline' });
    try {
      const res = await down.call('/api/directline/token', { body: {} });
      expect(res.status).to.equal(502);
      expect(res.text).not.to.include('"s"');
    } finally {
      await down.close();
    }
  });
});
