import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { expect } from 'chai';
import express from 'express';
import { MemoryStorage } from 'botbuilder';
import { createApp } from '../../bot/app.js';
import { type Config, readConfig } from '../../bot/config.js';
import { createBotRuntime } from '../../bot/runtime.js';
import { type WebChat, createWebChat } from '../../bot/webchat/index.js';
import { knowledgeBase, listen } from '../helpers.js';
import { projectRoot } from '../../knowledge/paths.js';

/** Our server with the web chat, on a loopback port. */
async function serve(env: Record<string, string> = {}) {
  const config: Config = readConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory', ...env });
  const runtime = createBotRuntime(config, knowledgeBase(), {
    storage: new MemoryStorage(),
    today: () => '2026-11-22',
  });
  const webchat: WebChat = createWebChat(config, runtime.parts);
  const server = await listen(
    createApp(knowledgeBase(), runtime, { webchat, config: config.webchat }),
    webchat.upgrade,
  );
  const call = async (
    path: string,
    init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const res = await fetch(`${server.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        'content-type': 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
      ...(init.body === undefined
        ? {}
        : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
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
  return {
    url: server.url,
    call,
    webchat,
    runtime,
    close: async () => {
      await webchat.close();
      await server.close();
    },
  };
}

describe("web chat: the page's server side", () => {
  let s: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    s = await serve();
  });
  after(() => s.close());

  it('tells the page its settings', async () => {
    const res = await s.call('/api/webchat/config');
    expect(res.json).to.deep.equal({
      transport: 'embedded',
      privacyUrl: '/privatliv.html',
      accessibilityUrl: '/tilgaengelighed.html',
      directLineDomain: 'https://europe.directline.botframework.com/v3/directline',
    });
  });

  it("serves Web Chat's minimal bundle and markdown-it from node_modules, compressed, under a Content-Security-Policy", async () => {
    const markdown = await fetch(`${s.url}/webchat/markdown-it.min.js`, { headers: { 'accept-encoding': 'br' } });
    expect(markdown.headers.get('content-encoding')).to.equal('br');
    expect(await markdown.text()).to.include('markdownit');
    const res = await fetch(`${s.url}/webchat/webchat-minimal.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-encoding')).to.equal('gzip');
    expect((await res.text()).length).to.be.greaterThan(1_000_000);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).to.include("script-src 'self'");
    expect(csp).to.include("connect-src 'self' blob:");
    expect(res.headers.get('cross-origin-resource-policy')).to.equal('cross-origin');
  });

  it('does not serve source files from public/', async () => {
    expect((await s.call('/README.md')).status).to.equal(404);
  });

  it('serves our own page, widget and styles compressed, with an ETag that answers 304, and never a file outside public/', async () => {
    const widget = readFileSync(join(projectRoot(), 'public', 'widget.js'), 'utf8');
    const br = await fetch(`${s.url}/widget.js`, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).to.equal('br');
    expect(br.headers.get('content-type')).to.match(/javascript/);
    expect(br.headers.get('vary')).to.equal('Accept-Encoding');
    expect(br.headers.get('content-security-policy')).to.include("script-src 'self'");
    expect(await br.text()).to.equal(widget);
    const page = await fetch(`${s.url}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers.get('content-encoding')).to.equal('gzip');
    expect(page.headers.get('content-type')).to.match(/^text\/html/);
    expect(await page.text()).to.include('Mentorordning');
    const etag = br.headers.get('etag')!;
    // node:http, since fetch adds "cache-control: no-cache" to a conditional request (as the Fetch standard says).
    const again = await new Promise<number>((resolve, reject) =>
      get(`${s.url}/widget.js`, { headers: { 'accept-encoding': 'br', 'if-none-match': etag } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      }).on('error', reject),
    );
    expect(again).to.equal(304);
    // Without compression (and for images) the files come as they are.
    const plain = await fetch(`${s.url}/site.css`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).to.equal(null);
    expect(await plain.text()).to.include('{');
    for (const path of ['/%2e%2e/package.json', '/..%2fpackage.json', '/%00.js', '/nothing.js'])
      expect((await fetch(`${s.url}${path}`, { headers: { 'accept-encoding': 'br' } })).status, path).to.equal(404);
  });

  it("no longer has the home-made transport's routes: the conversation goes through /v3/directline", async () => {
    for (const path of ['/api/webchat/conversations', '/api/webchat/activities', '/api/webchat/token'])
      expect((await s.call(path, { body: {} })).status, path).to.equal(404);
    expect((await s.call('/api/webchat/stream')).status).to.equal(404);
    expect((await s.call('/mentorbot-transport.js')).status).to.equal(404);
  });

  it('leaves the Bot Framework endpoint as it was', async () => {
    const res = await s.call('/api/messages', {
      body: {
        type: 'message',
        text: 'hej',
        channelId: 'emulator',
        serviceUrl: 'http://127.0.0.1:1/',
        from: { id: 'u' },
        recipient: { id: 'b' },
        conversation: { id: 'c' },
        deliveryMode: 'expectReplies',
      },
    });
    expect(res.status).to.equal(200);
  });
});

describe('web chat: embedding on other sites', () => {
  it("answers CORS only for the allowed origins, on the page's routes and on Direct Line", async () => {
    const s = await serve({ WEBCHAT_ALLOWED_ORIGINS: 'https://www.kommune.dk' });
    try {
      const allowed = await s.call('/v3/directline/tokens/generate', {
        method: 'OPTIONS',
        headers: { origin: 'https://www.kommune.dk', 'access-control-request-method': 'POST' },
      });
      expect(allowed.status).to.equal(204);
      expect(allowed.headers.get('access-control-allow-origin')).to.equal('https://www.kommune.dk');
      expect(allowed.headers.get('access-control-allow-headers')).to.include('authorization');
      const other = await s.call('/api/webchat/config', { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).to.equal(null);
      const config = await s.call('/api/webchat/config', { headers: { origin: 'https://www.kommune.dk' } });
      expect(config.headers.get('access-control-allow-origin')).to.equal('https://www.kommune.dk');
    } finally {
      await s.close();
    }
  });
});

describe('web chat: the Azure Direct Line transport', () => {
  it('exchanges the secret for a conversation token without sending the secret to the browser', async () => {
    let seen: { auth?: string; user?: string } = {};
    const fake = express();
    fake.use(express.json());
    fake.post('/v3/directline/tokens/generate', (req, res) => {
      seen = { auth: req.headers.authorization, user: (req.body as { user: { id: string } }).user.id };
      res.json({ conversationId: 'dl-conv', token: 'dl-token', expires_in: 1800 });
    });
    const dl = await listen(fake);
    const s = await serve({
      WEBCHAT_TRANSPORT: 'directline',
      DIRECTLINE_SECRET: 'the-secret',
      DIRECTLINE_ENDPOINT: `${dl.url}/v3/directline`,
    });
    try {
      const res = await s.call('/api/directline/token', { body: {} });
      expect(res.status).to.equal(200);
      expect(res.json).to.deep.equal({
        token: 'dl-token',
        conversationId: 'dl-conv',
        expiresIn: 1800,
        domain: `${dl.url}/v3/directline`,
      });
      expect(res.text).not.to.include('the-secret');
      expect(seen.auth).to.equal('Bearer the-secret');
      expect(seen.user).to.match(/^dl_/);
      expect(res.headers.get('content-security-policy')).to.include(`connect-src 'self' blob: ${dl.url}`);
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
    const down = await serve({
      WEBCHAT_TRANSPORT: 'directline',
      DIRECTLINE_SECRET: 's',
      DIRECTLINE_ENDPOINT: 'http://127.0.0.1:1/v3/directline',
    });
    try {
      const res = await down.call('/api/directline/token', { body: {} });
      expect(res.status).to.equal(502);
      expect(res.text).not.to.include('"s"');
    } finally {
      await down.close();
    }
  });
});
