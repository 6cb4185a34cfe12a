import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { createApp } from '../../bot/app.js';
import { readConfig } from '../../bot/config.js';
import { createBotRuntime } from '../../bot/runtime.js';
import { createWebChat, type WebChat } from '../../bot/webchat/index.js';
import { TokenSigner } from '../../bot/webchat/tokens.js';
import { projectRoot } from '../../knowledge/paths.js';
import { WebSocket } from 'ws';
import { knowledgeBase, listen } from '../helpers.js';
import { type BadInputCase, type TokenKind, loadCorpus } from './bad-input/corpus.js';

const SECRET = 'bad-input-test-secret-of-at-least-32-characters';
const cases = loadCorpus(join(projectRoot(), 'test', 'cases', 'bad-input'));

/** Text a person reads as Danish: æøå or a few of the commonest Danish words. */
const DANISH = /[æøå]|\b(jeg|du|og|er|ikke|kan|din|dit|det|til|med|om|har)\b/i;
/** What a stack trace or a raw exception looks like in a body. */
const LEAK = /\b[A-Z]\w*Error:|^\s+at \S+ \(|\bat \S+ \(\/|node_modules/m;

interface Reply {
  type?: string;
  text?: string;
  from?: { role?: string };
  conversation?: { id?: string };
}

interface Answer {
  status: number;
  contentType: string;
  body: string;
  json: unknown;
}

describe('bad input: the corpus in test/cases/bad-input', function () {
  this.timeout(60_000);
  let server: { url: string; close: () => Promise<void> };
  let webchat: WebChat;
  const fired: string[] = [];
  const statuses: number[] = [];
  const onRejection = (reason: unknown) => fired.push(`unhandledRejection: ${String(reason)}`);
  const onException = (error: Error) => fired.push(`uncaughtException: ${error.message}`);

  before(async () => {
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onException);
    const config = readConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory', WEBCHAT_TOKEN_SECRET: SECRET });
    const runtime = createBotRuntime(config, knowledgeBase(), {
      storage: new MemoryStorage(),
      today: () => '2026-11-22',
    });
    webchat = createWebChat(config, runtime.parts);
    // The limits are on (their middleware is in the path) but high: the corpus comes from one address in seconds.
    const protection = { rateLimit: { perAddress: 100_000, perConversation: 10_000, trustProxy: false as const } };
    server = await listen(
      createApp(knowledgeBase(), runtime, { webchat, config: config.webchat }, protection),
      webchat.upgrade,
    );
  });

  after(async () => {
    await webchat.close();
    await server.close();
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  });

  const dl = () => `${server.url}/v3/directline`;

  /** A new conversation on our Direct Line: its token, id and user; started (the welcome run) unless `fresh`. */
  async function conversation(start = true) {
    const generated = (await (await fetch(`${dl()}/tokens/generate`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
      userId: string;
    };
    if (!start) return { ...generated, streamUrl: '' };
    const started = await fetch(`${dl()}/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${generated.token}` },
    });
    return { ...generated, streamUrl: ((await started.json()) as { streamUrl: string }).streamUrl };
  }

  /**
   * The conversation a web chat case speaks in, and the token of the kind asked for (for a WS case, the ticket of its
   * streamUrl). `valid` stays the conversation's real token, for reading its history afterwards.
   */
  async function tokenFor(kind: TokenKind, ws: boolean) {
    const c = await conversation(kind !== 'fresh');
    const ticket = c.streamUrl ? new URL(c.streamUrl).searchParams.get('t')! : '';
    const own = ws ? ticket : c.token;
    const [payload, signature] = own.split('.') as [string, string];
    const signer = (secret: Buffer, now = () => Date.now()) => new TokenSigner(secret, 300, now);
    const claims = {
      conversationId: c.conversationId,
      userId: c.userId,
      exp: 0,
      start: Math.floor(Date.now() / 1000) - 3600,
    };
    const make = (s: TokenSigner) => (ws ? s.streamTicket(claims) : s.issue(c.conversationId, c.userId).token);
    const tokens: Record<TokenKind, () => Promise<string | null>> = {
      valid: async () => own,
      fresh: async () => c.token,
      none: async () => null,
      malformed: async () => 'not a token at all',
      forged: async () =>
        `${Buffer.from(JSON.stringify({ v: 3, p: ws ? 's' : 'c', c: randomUUID(), u: c.userId, exp: 9_999_999_999, s: 0 })).toString('base64url')}.${signature}`,
      'tampered-payload': async () => `${payload}x.${signature}`,
      expired: async () => make(signer(Buffer.from(SECRET), () => Date.now() - 3_600_000)),
      'other-secret': async () => make(signer(Buffer.alloc(32, 7))),
      foreign: async () => {
        const other = await conversation();
        return ws ? new URL(other.streamUrl).searchParams.get('t')! : other.token;
      },
      ticket: async () => (ws ? c.token : ticket),
    };
    return { token: await tokens[kind](), conversationId: c.conversationId, realToken: c.token };
  }

  /** The texts and conversations of the bot's messages in a conversation after `watermark`. */
  async function repliesAfter(conversationId: string, token: string, watermark: string): Promise<Reply[]> {
    const res = await fetch(`${dl()}/conversations/${conversationId}/activities?watermark=${watermark}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status !== 200) return [];
    return ((await res.json()) as { activities: Reply[] }).activities.filter((a) => a.from?.role === 'bot');
  }

  /** The status with which the server answers a WebSocket request (101 when the stream opens). */
  function upgradeStatus(url: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => {
        socket.terminate();
        resolve({ status: 101, body: '' });
      });
      socket.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      socket.once('error', (e) => {
        if (!/Unexpected server response/.test(e.message)) reject(e);
      });
    });
  }

  /**
   * The request a case describes, sent; its answer read whole, and for a polite web chat case the replies it caused.
   */
  async function send(c: BadInputCase): Promise<Answer & { conversationId: string | null; replies: Reply[] | null }> {
    const base: Record<BadInputCase['target'], { method: string; path: string }> = {
      messages: { method: 'POST', path: '/api/messages' },
      webchat: { method: 'POST', path: '/v3/directline/conversations/{conversation}/activities' },
      search: { method: 'GET', path: '/api/search' },
      assess: { method: 'POST', path: '/api/assess' },
    };
    const method = c.method ?? base[c.target].method;
    let path = c.path ?? base[c.target].path;
    const headers: Record<string, string> = { 'content-type': 'application/json', ...c.headers };
    let body: string | undefined;
    let conversationId: string | null = null;
    let realToken: string | null = null;
    let before = '';
    if (c.target === 'webchat') {
      const t = await tokenFor(c.token ?? 'valid', method === 'WS');
      conversationId = t.conversationId;
      realToken = t.realToken;
      path = path.replace('{conversation}', conversationId).replace('{other}', randomUUID());
      if (method === 'WS') {
        const url = new URL(
          `${server.url.replace(/^http/, 'ws')}${c.path ? path : `/v3/directline/conversations/${conversationId}/stream`}`,
        );
        if (t.token !== null && !c.path) url.searchParams.set('t', t.token);
        if (!url.searchParams.has('watermark') && !c.path) url.searchParams.set('watermark', '0');
        const answer = await upgradeStatus(url.href);
        let json: unknown = null;
        try {
          json = JSON.parse(answer.body);
        } catch {
          // not JSON
        }
        return {
          status: answer.status,
          contentType: answer.status === 101 ? '' : 'application/json',
          body: answer.body,
          json,
          conversationId,
          replies: null,
        };
      }
      const history = await fetch(`${dl()}/conversations/${conversationId}/activities`, {
        headers: { authorization: `Bearer ${t.realToken}` },
      });
      before = history.status === 200 ? ((await history.json()) as { watermark: string }).watermark : '';
      const inQuery = c.tokenIn === 'query';
      if (t.token !== null && inQuery) path += `${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(t.token)}`;
      if (t.token !== null && !inQuery) headers.authorization = `Bearer ${t.token}`;
    }
    if (c.raw !== undefined) body = c.raw;
    else if (c.json !== undefined) body = JSON.stringify(c.json);
    else if (c.target === 'messages' || (c.target === 'webchat' && method === 'POST'))
      body = JSON.stringify(activityOf(c));
    if (c.query) {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(c.query)) for (const one of [v].flat()) q.append(k, one);
      path += `?${q.toString()}`;
    }
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(body !== undefined && method !== 'GET' ? { body } : {}),
    });
    const contentType = res.headers.get('content-type') ?? '';
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: the checks say whether that is allowed
    }
    const replies =
      c.target === 'webchat' && realToken && conversationId && res.status < 300
        ? await repliesAfter(conversationId, realToken, before)
        : null;
    return { status: res.status, contentType, body: text, json, conversationId, replies };
  }

  /** The activity of a messages or web chat case: a valid message, with the case's text and fields laid over it. */
  function activityOf(c: BadInputCase): Record<string, unknown> {
    const valid: Record<string, unknown> =
      c.target === 'messages'
        ? {
            type: 'message',
            id: randomUUID(),
            channelId: 'emulator',
            serviceUrl: 'http://127.0.0.1:1/',
            from: { id: 'user-1', role: 'user' },
            recipient: { id: 'mentorbot', role: 'bot' },
            conversation: { id: randomUUID() },
            locale: 'da-DK',
            deliveryMode: 'expectReplies',
            text: 'hej',
          }
        : { type: 'message', text: 'hej' };
    if (c.text !== undefined) valid.text = c.text;
    for (const [k, v] of Object.entries(c.activity ?? {})) {
      if (v === null) delete valid[k];
      else valid[k] = v;
    }
    return valid;
  }

  function check(c: BadInputCase, a: Answer & { conversationId: string | null; replies: Reply[] | null }): void {
    const label = `${c.file}: ${c.name} -> ${a.status} ${a.body.slice(0, 300)}`;
    if (c.expect === 'not-implemented') return void expect([a.status, a.body], label).to.deep.equal([501, '']);
    expect(a.status, label).to.be.below(500);
    expect(a.body, label).not.to.match(LEAK);
    expect(a.body.toLowerCase(), label).not.to.include('<script');
    const e = c.expect;
    if (e === '4xx' || (typeof e === 'object' && 'status' in e)) {
      expect(a.status, label).to.be.within(400, 499);
      if (typeof e === 'object' && e.bare) return void expect(a.status, label).to.equal(e.status);
      expect(a.contentType, label).to.match(/^application\/json/);
      const error = (a.json as { error?: { field?: unknown; message?: unknown } } | null)?.error;
      expect(error?.field, label).to.be.a('string');
      expect(error?.message, label).to.be.a('string').and.not.equal('');
      expect(String(error?.message).toLowerCase(), `${label}: the message repeats no markup`).not.to.include('<script');
      if (typeof e === 'object') {
        expect(a.status, label).to.equal(e.status);
        if (e.field !== undefined) expect(error?.field, label).to.equal(e.field);
      }
      return;
    }
    if (e === 'stream') {
      expect(a.status, label).to.equal(101);
      return;
    }
    expect(a.status, label).to.be.within(200, 299);
    if (e === 'accepted') return;
    // The Bot Framework endpoint answers with the turn's replies (expectReplies); Direct Line keeps them in the
    // history.
    const replies = (a.replies ?? (a.json as { activities?: Reply[] } | null)?.activities ?? []).filter(
      (r) => r.type === 'message',
    );
    const texts = replies.map((r) => r.text ?? '');
    expect(
      texts.some((t) => t.trim() !== '' && DANISH.test(t)),
      `${label}: a Danish reply`,
    ).to.equal(true);
    for (const t of texts) expect(t.toLowerCase(), label).not.to.include('<script');
    if (typeof e === 'object' && e.sameConversation && a.conversationId) {
      for (const r of replies) expect(r.conversation?.id, label).to.equal(a.conversationId);
    }
  }

  it('holds at least 200 cases, covering every target', () => {
    expect(cases.length).to.be.at.least(200);
    expect(new Set(cases.map((c) => c.target))).to.have.all.keys('messages', 'webchat', 'search', 'assess');
  });

  for (const c of cases) {
    it(`${c.target}: ${c.name} gets ${typeof c.expect === 'string' ? c.expect : JSON.stringify(c.expect)}`, async () => {
      const answer = await send(c);
      if (c.expect !== 'not-implemented') statuses.push(answer.status);
      check(c, answer);
    });
  }

  it("gave no 5xx over the whole corpus (but the SDK's 501 to an unhandled invoke)", () => {
    expect(statuses.filter((s) => s >= 500)).to.deep.equal([]);
  });

  it('saw no unhandled rejection and no uncaught exception during the run', async () => {
    await new Promise((r) => setTimeout(r, 50));
    expect(fired).to.deep.equal([]);
  });
});
