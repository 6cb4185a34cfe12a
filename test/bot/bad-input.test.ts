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
    const runtime = createBotRuntime(config, knowledgeBase(), { storage: new MemoryStorage(), today: () => '2026-11-22' });
    webchat = createWebChat(config, runtime.parts);
    // The limits are on (their middleware is in the path) but high: the corpus comes from one address in seconds.
    const protection = { rateLimit: { perAddress: 100_000, perConversation: 10_000, trustProxy: false as const } };
    server = await listen(createApp(knowledgeBase(), runtime, { webchat, config: config.webchat }, protection));
  });

  after(async () => {
    webchat.close();
    await server.close();
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  });

  /** A conversation of the web chat, and the token of the kind asked for. */
  async function tokenFor(kind: TokenKind): Promise<{ token: string | null; conversationId: string | null }> {
    if (kind === 'none') return { token: null, conversationId: null };
    if (kind === 'malformed') return { token: 'not a token at all', conversationId: null };
    const res = await fetch(`${server.url}/api/webchat/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const c = (await res.json()) as { token: string; conversationId: string; userId: string };
    const [payload, signature] = c.token.split('.') as [string, string];
    const claims = { v: 1, c: c.conversationId, u: c.userId, exp: 9_999_999_999 };
    switch (kind) {
      case 'valid':
        return { token: c.token, conversationId: c.conversationId };
      case 'forged':
        return { token: `${Buffer.from(JSON.stringify({ ...claims, c: randomUUID() })).toString('base64url')}.${signature}`, conversationId: null };
      case 'tampered-payload':
        return { token: `${payload}x.${signature}`, conversationId: null };
      case 'expired':
        return { token: new TokenSigner(Buffer.from(SECRET), 300, () => Date.now() - 3_600_000).issue(c.conversationId, c.userId).token, conversationId: null };
      case 'other-secret':
        return { token: new TokenSigner(Buffer.alloc(32, 7), 300).issue(c.conversationId, c.userId).token, conversationId: null };
    }
  }

  /** The request a case describes, sent; its answer read whole (or, for a stream, its head). */
  async function send(c: BadInputCase): Promise<Answer & { conversationId: string | null }> {
    const base: Record<Exclude<BadInputCase['target'], never>, { method: string; path: string }> = {
      messages: { method: 'POST', path: '/api/messages' },
      webchat: { method: 'POST', path: '/api/webchat/activities' },
      search: { method: 'GET', path: '/api/search' },
      assess: { method: 'POST', path: '/api/assess' },
    };
    const method = c.method ?? base[c.target].method;
    let path = c.path ?? base[c.target].path;
    const headers: Record<string, string> = { 'content-type': 'application/json', ...c.headers };
    let body: string | undefined;
    let conversationId: string | null = null;
    if (c.target === 'webchat' && !path.endsWith('/conversations')) {
      const t = await tokenFor(c.token ?? 'valid');
      conversationId = t.conversationId;
      const inQuery = (c.tokenIn ?? (path.includes('/stream') ? 'query' : 'header')) === 'query';
      if (t.token !== null && inQuery) path += `${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(t.token)}`;
      if (t.token !== null && !inQuery) headers.authorization = `Bearer ${t.token}`;
    }
    if (c.raw !== undefined) body = c.raw;
    else if (c.json !== undefined) body = JSON.stringify(c.json);
    else if (c.target === 'messages' || (c.target === 'webchat' && method === 'POST')) body = JSON.stringify(activityOf(c));
    if (c.query) {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(c.query)) for (const one of [v].flat()) q.append(k, one);
      path += `?${q.toString()}`;
    }
    const controller = new AbortController();
    const res = await fetch(`${server.url}${path}`, { method, headers, signal: controller.signal, ...(body !== undefined && method !== 'GET' ? { body } : {}) });
    const contentType = res.headers.get('content-type') ?? '';
    if (contentType.startsWith('text/event-stream')) {
      controller.abort();
      return { status: res.status, contentType, body: '', json: null, conversationId };
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: the checks say whether that is allowed
    }
    return { status: res.status, contentType, body: text, json, conversationId };
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

  function check(c: BadInputCase, a: Answer & { conversationId: string | null }): void {
    const label = `${c.file}: ${c.name} -> ${a.status} ${a.body.slice(0, 300)}`;
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
      expect(a.status, label).to.equal(200);
      expect(a.contentType, label).to.match(/^text\/event-stream/);
      return;
    }
    expect(a.status, label).to.be.within(200, 299);
    if (e === 'accepted') return;
    const replies = ((a.json as { activities?: Reply[] } | null)?.activities ?? []).filter((r) => r.type === 'message');
    const texts = replies.map((r) => r.text ?? '');
    expect(texts.some((t) => t.trim() !== '' && DANISH.test(t)), `${label}: a Danish reply`).to.equal(true);
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
      statuses.push(answer.status);
      check(c, answer);
    });
  }

  it('gave no 5xx over the whole corpus', () => {
    expect(statuses.filter((s) => s >= 500)).to.deep.equal([]);
  });

  it('saw no unhandled rejection and no uncaught exception during the run', async () => {
    await new Promise((r) => setTimeout(r, 50));
    expect(fired).to.deep.equal([]);
  });
});
