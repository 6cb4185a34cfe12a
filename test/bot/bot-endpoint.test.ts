import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { ConfigurationBotFrameworkAuthentication, MemoryStorage } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { createApp } from '../../bot/app.js';
import { type Config, readConfig } from '../../bot/config.js';
import { createBotRuntime } from '../../bot/runtime.js';
import { createWebChat } from '../../bot/webchat/index.js';
import { knowledgeBase, listen } from '../helpers.js';

/** A server that records every request it gets; `hang` makes it never answer. */
async function trap(options: { hang?: boolean } = {}) {
  const seen: { method: string; url: string }[] = [];
  const open = new Set<ServerResponse>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '' });
    req.resume();
    if (options.hang) {
      open.add(res);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: randomUUID() }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((r) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function message(conversation: string, text: string, fields: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1/',
    from: { id: 'user-1', role: 'user' },
    recipient: { id: 'mentorbot', role: 'bot' },
    conversation: { id: conversation },
    locale: 'da-DK',
    text,
    deliveryMode: 'expectReplies',
    ...fields,
  };
}

async function serve(env: Record<string, string>, withWebChat = false) {
  const config: Config = readConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory', ...env });
  const runtime = createBotRuntime(config, knowledgeBase(), {
    storage: new MemoryStorage(),
    today: () => '2026-11-22',
  });
  const webchat = withWebChat ? createWebChat(config, runtime.parts) : undefined;
  const app = createApp(knowledgeBase(), runtime, webchat ? { webchat, config: config.webchat } : undefined, {
    rateLimit: config.rateLimit,
  });
  const server = await listen(app);
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      text,
      json: (text ? JSON.parse(text) : {}) as {
        error?: { field: string };
        activities?: { type: string; name?: string; text?: string; value?: unknown }[];
      },
    };
  };
  return {
    url: server.url,
    runtime,
    post,
    webchat,
    close: async () => {
      await webchat?.close();
      await server.close();
    },
  };
}

describe('the bot endpoint without authentication', () => {
  it("refuses the web chat's channel id, so nobody can speak as (or read) another person's web chat", async () => {
    const s = await serve({}, true);
    try {
      const generated = await fetch(`${s.url}/v3/directline/tokens/generate`, { method: 'POST' });
      const { conversationId, token } = (await generated.json()) as { conversationId: string; token: string };
      const started = await fetch(`${s.url}/v3/directline/conversations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(started.status).to.equal(201);
      for (const text of ['Tal med en medarbejder', 'Ja', 'hej']) {
        const res = await s.post(message(conversationId, text, { channelId: 'webchat' }));
        expect(res.status, text).to.equal(403);
        expect(res.json.error?.field).to.equal('channelId');
        expect(res.text).to.not.include('handoff');
      }
    } finally {
      await s.close();
    }
  });

  it('never sends a reply to a serviceUrl off the allowlist: 403, and the address gets no request', async () => {
    const target = await trap();
    const s = await serve({ SERVICE_URL_ALLOWLIST: 'http://127.0.0.1:1' });
    try {
      for (const serviceUrl of [
        `${target.url}/`,
        `${target.url}/v3/conversations?x=1`,
        'http://169.254.169.254/',
        'file:///etc/passwd',
      ]) {
        const res = await s.post(message(randomUUID(), 'hej', { serviceUrl, deliveryMode: 'normal' }));
        expect(res.status, serviceUrl).to.equal(403);
        expect(res.json.error?.field).to.equal('serviceUrl');
      }
      // expectReplies with an allowed (or no) serviceUrl still works.
      const ok = await s.post(message(randomUUID(), 'hej', { serviceUrl: undefined }));
      expect(ok.status).to.equal(200);
      expect(target.seen).to.deep.equal([]);
    } finally {
      await s.close();
      await target.close();
    }
  });

  it('sends replies to an allowed serviceUrl, and a channel that never answers cannot hold the conversation', async () => {
    const slow = await trap({ hang: true });
    const s = await serve({
      SERVICE_URL_ALLOWLIST: slow.url,
      OUTBOUND_TIMEOUT_SECONDS: '1',
      TURN_TIMEOUT_SECONDS: '3',
    });
    try {
      const conversation = randomUUID();
      const first = await s.post(message(conversation, 'hej', { serviceUrl: slow.url, deliveryMode: 'normal' }));
      // The reply's call timed out, the person got the apology (which timed out too): the request ended.
      expect(first.status).to.be.oneOf([200, 503]);
      expect(slow.seen.length).to.be.greaterThan(0);
      // The conversation is free again: its next turn runs.
      const second = await s.post(message(conversation, 'hvad er mentorstøtte', { serviceUrl: undefined }));
      expect(second.status).to.equal(200);
      expect(second.json.activities?.map((a) => a.text ?? '').join(' ')).to.include('mentor');
    } finally {
      await s.close();
      await slow.close();
    }
  });
});

describe('the bot endpoint with authentication', () => {
  const APP_ID = '00000000-0000-4000-8000-000000000001';
  const env = {
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'secret',
    RATE_LIMIT_PER_ADDRESS: '5',
    RATE_LIMIT_PER_CONVERSATION: '3',
  };

  /**
   * The real token check, except that "Bearer good" passes as a channel token for our app id would: a stand-in for a
   * token signed by Microsoft, which a test cannot make.
   */
  function acceptGood(runtime: Awaited<ReturnType<typeof serve>>['runtime']) {
    const real = runtime.authenticate;
    const bfa = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' });
    (runtime as { authenticate: typeof real }).authenticate = async (activity, header) => {
      if (header !== 'Bearer good') return real(activity, header);
      const claimsIdentity = new ClaimsIdentity(
        [
          { type: AuthenticationConstants.AudienceClaim, value: APP_ID },
          { type: AuthenticationConstants.ServiceUrlClaim, value: activity.serviceUrl },
        ],
        true,
      );
      return {
        claimsIdentity,
        audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
        callerId: '',
        connectorFactory: bfa.createConnectorFactory(claimsIdentity),
      };
    };
  }

  it('answers a malformed, forged or missing token with a JSON 401 and writes nothing to the console', async () => {
    const s = await serve(env);
    const written: unknown[] = [];
    const original = { error: console.error, warn: console.warn, log: console.log };
    console.error = (...a: unknown[]) => void written.push(a);
    console.warn = (...a: unknown[]) => void written.push(a);
    try {
      const header = Buffer.from('{"alg":"RS256","kid":"x"}').toString('base64url');
      for (const authorization of [
        'Bearer abc.def',
        'Bearer not-a-jwt',
        `Bearer ${header}.e30.c2ln`,
        'Basic Zm9vOmJhcg==',
        '',
      ]) {
        const res = await s.post(message(randomUUID(), 'hej'), authorization ? { authorization } : {});
        expect(res.status, authorization).to.equal(401);
        expect(res.json.error?.field).to.equal('authorization');
        expect(res.text).to.not.match(/at |Error:|stack/);
      }
    } finally {
      Object.assign(console, original);
      await s.close();
    }
    expect(written).to.deep.equal([]);
  });

  it('limits refused requests per address before the token is checked', async () => {
    const s = await serve(env);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++)
        statuses.push((await s.post(message(randomUUID(), 'hej'), { authorization: 'Bearer bad' })).status);
      expect(statuses.slice(0, 5)).to.deep.equal([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).to.deep.equal([429, 429, 429]);
    } finally {
      await s.close();
    }
  });

  it("does not let requests with bad tokens spend a real conversation's limit", async () => {
    const s = await serve({ ...env, RATE_LIMIT_PER_ADDRESS: '0' });
    acceptGood(s.runtime);
    try {
      const conversation = randomUUID();
      for (let i = 0; i < 10; i++)
        expect((await s.post(message(conversation, 'hej'), { authorization: 'Bearer bad' })).status).to.equal(401);
      const real = await s.post(message(conversation, 'hvad er mentorstøtte'), { authorization: 'Bearer good' });
      expect(real.status).to.equal(200);
      expect(real.json.activities?.length).to.be.greaterThan(0);
    } finally {
      await s.close();
    }
  });
});
