import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import { ConnectionStatus, DirectLine } from 'botframework-directlinejs';
import { WebSocket } from 'ws';
import { TokenSigner } from '../../bot/webchat/tokens.js';
import { type Received, call, openStream, person, serveDirectLine } from './directline-client.js';

const SECRET = 'directline-test-secret-of-at-least-32-characters';
const require = createRequire(import.meta.url);
// The official client's own advice for Node: xhr2 for XMLHttpRequest and ws for WebSocket (its README).
const XHR2 = require('xhr2') as { new (): XMLHttpRequest; prototype: XMLHttpRequest };

/**
 * xhr2 cannot send FormData, which a browser's XMLHttpRequest can (the client uploads files that way): this one
 * encodes it as multipart first, as a browser would.
 */
class BrowserLikeXhr extends XHR2 {
  override send(body?: Document | XMLHttpRequestBodyInit | null): void {
    if (!(body instanceof FormData)) return super.send(body);
    const request = new Request('http://localhost/', { method: 'POST', body });
    void request.arrayBuffer().then((buffer) => {
      this.setRequestHeader('content-type', request.headers.get('content-type')!);
      super.send(Buffer.from(buffer) as unknown as XMLHttpRequestBodyInit);
    });
  }
}

/** The official client on our server, and everything it has received. */
function client(options: ConstructorParameters<typeof DirectLine>[0]) {
  const directLine = new DirectLine({ ...options, timeout: 5000 } as ConstructorParameters<typeof DirectLine>[0]);
  const received: Received[] = [];
  const statuses: ConnectionStatus[] = [];
  const subscription = directLine.activity$.subscribe({
    next: (a) => void received.push(a as unknown as Received),
    error: () => undefined,
  });
  directLine.connectionStatus$.subscribe((s) => void statuses.push(s));
  const until = async (test: (a: Received) => boolean, what: string, timeoutMs = 10_000) => {
    for (let waited = 0; !received.some(test); waited += 25) {
      if (waited > timeoutMs)
        throw new Error(
          `the client did not receive ${what}; it has: ${received.map((a) => a.text ?? a.type).join(' | ')}`,
        );
      await sleep(25);
    }
    return received.find(test)!;
  };
  const post = (activity: Record<string, unknown>) =>
    new Promise<string>((resolve, reject) => {
      directLine
        .postActivity({ from: { id: 'someone', role: 'user' }, ...activity } as never)
        .subscribe({ next: resolve, error: reject });
    });
  const statusReached = async (status: ConnectionStatus, timeoutMs = 10_000) => {
    for (let waited = 0; !statuses.includes(status); waited += 25) {
      if (waited > timeoutMs)
        throw new Error(
          `the client never reached status ${ConnectionStatus[status]}; it went ${statuses.map((s) => ConnectionStatus[s]).join(', ')}`,
        );
      await sleep(25);
    }
  };
  const end = () => {
    subscription.unsubscribe();
    directLine.end();
  };
  return {
    directLine,
    received,
    statuses,
    until,
    post,
    statusReached,
    end,
    texts: () => received.map((a) => a.text ?? '').join('\n'),
  };
}

const byText = (needle: string) => (a: Received) => (a.text ?? '').includes(needle);

describe('Direct Line 3.0: the official client (botframework-directlinejs) against our server', function () {
  this.timeout(30_000);
  let s: Awaited<ReturnType<typeof serveDirectLine>>;
  const globals = globalThis as unknown as { XMLHttpRequest?: unknown; WebSocket?: unknown };
  const saved = { XMLHttpRequest: globals.XMLHttpRequest, WebSocket: globals.WebSocket };

  before(async () => {
    globals.XMLHttpRequest = BrowserLikeXhr;
    globals.WebSocket = WebSocket;
    s = await serveDirectLine({ WEBCHAT_TOKEN_SECRET: SECRET });
  });
  after(async () => {
    globals.XMLHttpRequest = saved.XMLHttpRequest;
    globals.WebSocket = saved.WebSocket;
    await s.close();
  });

  const newToken = async () =>
    (await call(`${s.domain}/tokens/generate`, { body: {} })).json as {
      token: string;
      conversationId: string;
      userId: string;
      expires_in: number;
    };

  it("holds a conversation over the WebSocket stream: the welcome, the echo of the person's message, the reply", async () => {
    const { token, userId } = await newToken();
    const c = client({ domain: s.domain, token });
    try {
      await c.until(byText('Jeg er Mentorbot'), 'the welcome');
      const id = await c.post({ type: 'message', text: 'Jeg er borger', channelData: { clientActivityID: 'mine-1' } });
      const echo = await c.until((a) => a.id === id, 'the echo');
      expect(echo).to.deep.include({ text: 'Jeg er borger' });
      expect(echo.from).to.deep.include({ id: userId, role: 'user' });
      expect(echo.channelData?.clientActivityID).to.equal('mine-1');
      await c.until(byText('Hvad passer bedst'), 'the reply');
      expect(c.statuses.at(-1)).to.equal(ConnectionStatus.Online);
    } finally {
      c.end();
    }
  });

  it('holds a conversation by polling GET activities with the watermark when the WebSocket is off', async () => {
    const { token } = await newToken();
    const c = client({ domain: s.domain, token, webSocket: false, pollingInterval: 200 });
    try {
      await c.until(byText('Jeg er Mentorbot'), 'the welcome');
      await c.post({ type: 'message', text: 'hvor længe kan jeg have en mentor?' });
      await c.until(byText('6 måneder'), 'the answer');
      // Each activity once, however often it polled.
      const ids = c.received.map((a) => a.id);
      expect(new Set(ids).size).to.equal(ids.length);
    } finally {
      c.end();
    }
  });

  it('starts in English when the client names English at the start', async () => {
    const { token } = await newToken();
    const c = client({ domain: s.domain, token, conversationStartProperties: { locale: 'en-GB' } });
    try {
      await c.until(byText('I am Mentorbot'), 'the English welcome');
    } finally {
      c.end();
    }
  });

  it('resumes a conversation from a watermark: a reconnect gets only what came after it, and from the start the whole history', async () => {
    const p = await person(s.domain);
    await p.say('Jeg er borger');
    const upTo = (await call(`${s.domain}/conversations/${p.conversationId}/activities`, { token: p.token })).json as {
      watermark: string;
      activities: Received[];
    };
    await p.say('Jeg er ledig');

    const later = client({
      domain: s.domain,
      token: p.token,
      conversationId: p.conversationId,
      watermark: upTo.watermark,
    });
    try {
      await later.until(byText('Hvilken ydelse får du?'), 'what came after the watermark');
      await sleep(200);
      expect(later.texts()).to.include('Jeg er ledig');
      expect(later.texts()).not.to.include('Jeg er Mentorbot');
      expect(later.texts()).not.to.include('Hvad passer bedst');
      // The resumed conversation goes on where it was.
      await later.post({ type: 'message', text: 'Kontanthjælp' });
      await later.until(byText('udskrevet fra en psykiatrisk indlæggelse'), 'the next question of the intake');
    } finally {
      later.end();
    }

    const whole = client({ domain: s.domain, token: p.token, conversationId: p.conversationId });
    try {
      await whole.until(byText('udskrevet fra en psykiatrisk indlæggelse'), 'the whole history');
      const texts = whole.received.map((a) => a.text);
      expect(texts.indexOf('Jeg er borger')).to.be.greaterThan(-1);
      expect(texts.indexOf('Jeg er borger')).to.be.lessThan(texts.indexOf('Jeg er ledig'));
      expect(whole.received.map((a) => a.id)).to.include.members(upTo.activities.map((a) => a.id));
    } finally {
      whole.end();
    }
  });

  it('starting again with the same token (a reload, a second tab) resumes the conversation instead of welcoming anew', async () => {
    const { token } = await newToken();
    const first = client({ domain: s.domain, token });
    await first.until(byText('Jeg er Mentorbot'), 'the welcome');
    await first.post({ type: 'message', text: 'Jeg er arbejdsgiver' });
    const second = client({ domain: s.domain, token });
    try {
      await second.until(byText('Jeg er arbejdsgiver'), "the first tab's message");
      // Both tabs see what either says next.
      await second.post({ type: 'message', text: 'hvor længe kan jeg have en mentor?' });
      await first.until(byText('6 måneder'), 'the answer in the first tab');
      await second.until(byText('6 måneder'), 'the answer in the second tab');
      expect(second.received.filter(byText('Jeg er Mentorbot'))).to.have.length(1);
    } finally {
      first.end();
      second.end();
    }
  });

  it('starts a conversation with its welcome in one request (POST /start), which the client then resumes without a second welcome', async () => {
    const started = await call(`${s.domain}/start`, { body: { locale: 'da-DK' } });
    expect(started.status).to.equal(201);
    expect(started.headers.get('cache-control')).to.equal('no-store');
    const st = started.json as {
      token: string;
      conversationId: string;
      userId: string;
      activities: Received[];
      watermark: string;
    };
    expect(st.userId).to.match(/^user-[0-9a-f-]{36}$/);
    expect(st.activities.map((a) => a.text ?? '').join('\n')).to.contain('Jeg er Mentorbot');
    expect(st.activities.every((a) => a.from?.role === 'bot')).to.equal(true);
    expect(Number(st.watermark)).to.equal(st.activities.length);
    // The welcome's buttons come with it, so the page can offer them before Web Chat has loaded.
    expect(JSON.stringify(st.activities.at(-1))).to.contain('Jeg er borger');
    const resumed = client({ domain: s.domain, token: st.token, conversationId: st.conversationId });
    try {
      await resumed.until(byText('Jeg er Mentorbot'), 'the welcome from the history');
      await resumed.post({ type: 'message', text: 'hvor længe kan jeg have en mentor?' });
      await resumed.until(byText('6 måneder'), 'the answer');
      expect(resumed.received.filter(byText('Jeg er Mentorbot'))).to.have.length(1);
    } finally {
      resumed.end();
    }
    const english = await call(`${s.domain}/start`, { body: { locale: 'en-GB' } });
    expect((english.json.activities as Received[]).map((a) => a.text ?? '').join('\n')).to.contain('I am Mentorbot');
    const bad = await call(`${s.domain}/start`, { body: { locale: 'fr-FR' } });
    expect(bad.status).to.equal(400);
    expect((bad.json.error as { field: string }).field).to.equal('locale');
  });

  it("brings a message sent outside a turn (a caseworker's, through continueConversation) over the stream", async () => {
    const { token, conversationId, userId } = await newToken();
    const c = client({ domain: s.domain, token });
    try {
      await c.until(byText('Jeg er Mentorbot'), 'the welcome');
      const reference = {
        channelId: 'webchat',
        serviceUrl: 'urn:mentorbot:webchat',
        conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
        user: { id: userId, name: '' },
        bot: { id: 'mentorbot', name: 'Mentorbot' },
      };
      await s.webchat.adapter.continueConversation(reference, async (ctx) => {
        await ctx.sendActivity('**Lise:** Hej, det er Lise fra kommunen.');
      });
      const pushed = await c.until(byText('Hej, det er Lise fra kommunen.'), "the caseworker's message");
      expect(pushed.from).to.deep.include({ id: 'mentorbot', role: 'bot' });
    } finally {
      c.end();
    }
  });

  it('refuses a file with a clear JSON error and tells the person in Danish, in the conversation, that files are not taken', async () => {
    const { token } = await newToken();
    const c = client({ domain: s.domain, token });
    try {
      await c.until(byText('Jeg er Mentorbot'), 'the welcome');
      const error = await c
        .post({
          type: 'message',
          attachments: [{ contentType: 'image/svg+xml', contentUrl: `${s.url}/favicon.svg`, name: 'billede.svg' }],
        })
        .then(
          () => null,
          (e: { status?: number; response?: { error?: { field?: string; message?: string } } }) => e,
        );
      expect(error?.status).to.equal(400);
      expect(error?.response?.error?.field).to.equal('attachments');
      expect(error?.response?.error?.message).to.match(/kan ikke modtage filer.*cannot receive files/);
      await c.until(byText('Jeg kan ikke tage imod filer eller billeder'), "the bot's notice");
    } finally {
      c.end();
    }
  });

  it('refuses a forged, foreign-secret or expired token: the client cannot connect', async () => {
    const { token, conversationId, userId } = await newToken();
    const [payload, signature] = token.split('.') as [string, string];
    const expired = new TokenSigner(Buffer.from(SECRET), 1200, () => Date.now() - 3_600_000).issue(
      conversationId,
      userId,
    ).token;
    for (const bad of [
      `${payload}x.${signature}`,
      new TokenSigner(Buffer.alloc(32, 7), 1200).issue(conversationId, userId).token,
      expired,
    ]) {
      const c = client({ domain: s.domain, token: bad });
      try {
        await c.statusReached(ConnectionStatus.FailedToConnect);
        expect(c.received).to.deep.equal([]);
      } finally {
        c.end();
      }
    }
  });

  it('refuses a malformed activity with a 400 that names the field', async () => {
    const { token } = await newToken();
    const c = client({ domain: s.domain, token });
    try {
      await c.until(byText('Jeg er Mentorbot'), 'the welcome');
      const error = (await c.post({ type: 'message', text: 42 }).catch((e: unknown) => e)) as {
        status: number;
        response: { error: { field: string } };
      };
      expect(error.status).to.equal(400);
      expect(error.response.error.field).to.equal('text');
    } finally {
      c.end();
    }
  });
});

describe('Direct Line 3.0: tokens, errors and limits over HTTP', function () {
  this.timeout(30_000);
  let s: Awaited<ReturnType<typeof serveDirectLine>>;
  before(async () => {
    s = await serveDirectLine({ WEBCHAT_TOKEN_SECRET: SECRET });
  });
  after(() => s.close());

  it('generates a token for a new conversation without any secret, and refreshes it for the same conversation', async () => {
    const generated = await call(`${s.domain}/tokens/generate`, { method: 'POST' });
    expect(generated.status).to.equal(200);
    const g = generated.json as { token: string; conversationId: string; userId: string; expires_in: number };
    expect(g.userId).to.match(/^user-[0-9a-f-]{36}$/);
    expect(g.expires_in).to.equal(3600);
    expect(generated.headers.get('cache-control')).to.equal('no-store');
    const refreshed = await call(`${s.domain}/tokens/refresh`, { method: 'POST', token: g.token });
    expect(refreshed.status).to.equal(200);
    expect(refreshed.json.conversationId).to.equal(g.conversationId);
    expect(
      (await call(`${s.domain}/conversations`, { token: refreshed.json.token as string, body: {} })).status,
    ).to.equal(201);
  });

  it('answers the start and the reconnect with a streamUrl whose ticket opens only the stream', async () => {
    const p = await person(s.domain);
    const again = await call(`${s.domain}/conversations/${p.conversationId}?watermark=2`, { token: p.token });
    expect(again.status).to.equal(200);
    const url = new URL(again.json.streamUrl as string);
    expect(url.protocol).to.equal('ws:');
    expect(url.pathname).to.equal(`/v3/directline/conversations/${p.conversationId}/stream`);
    expect(url.searchParams.get('watermark')).to.equal('2');
    const ticket = url.searchParams.get('t')!;
    expect(ticket).not.to.equal(p.token);
    // The ticket is not a token for the API, and the token does not open the stream.
    expect((await call(`${s.domain}/conversations/${p.conversationId}/activities`, { token: ticket })).status).to.equal(
      401,
    );
    url.searchParams.set('t', p.token);
    expect(await upgradeStatus(url.href)).to.equal(401);
  });

  it('sends the stream the history after its watermark, then each new activity, as { activities, watermark }', async () => {
    const p = await person(s.domain);
    const stream = await openStream(p.streamUrl);
    try {
      await stream.until('Jeg er Mentorbot');
      await p.say('Jeg er borger');
      await stream.until('Hvad passer bedst');
      const last = stream.sets.at(-1)!;
      expect(Number(last.watermark)).to.be.greaterThan(Number(stream.sets[0]!.watermark));
      const all = stream.activities().map((a) => a.id);
      expect(new Set(all).size).to.equal(all.length);
    } finally {
      stream.close();
    }
  });

  it('answers a missing or foreign token with JSON 401, and one for another conversation with JSON 403', async () => {
    const a = await person(s.domain);
    const b = await person(s.domain);
    const routes: [string, string][] = [
      ['GET', `/conversations/${a.conversationId}`],
      ['GET', `/conversations/${a.conversationId}/activities`],
      ['POST', `/conversations/${a.conversationId}/activities`],
      ['POST', `/conversations/${a.conversationId}/upload`],
      ['POST', '/tokens/refresh'],
      ['POST', '/conversations'],
    ];
    for (const [method, path] of routes) {
      const body = method === 'POST' ? { type: 'message', text: 'hej' } : undefined;
      for (const token of [null, 'nonsense', `${a.token}x`]) {
        const res = await call(`${s.domain}${path}`, { method, token, body });
        expect(res.status, `${method} ${path} ${token}`).to.equal(401);
        expect(res.json, `${method} ${path}`).to.have.nested.property('error.field', 'authorization');
      }
      if (path.includes(a.conversationId)) {
        const foreign = await call(`${s.domain}${path}`, { method, token: b.token, body });
        expect(foreign.status, `${method} ${path} with another conversation's token`).to.equal(403);
        expect(foreign.json).to.have.nested.property('error.field', 'authorization');
      }
    }
    // The token goes in the header only.
    expect(
      (await call(`${s.domain}/conversations/${a.conversationId}/activities?token=${encodeURIComponent(a.token)}`))
        .status,
    ).to.equal(401);
  });

  it('answers an expired token with 403 so the client stops using it', async () => {
    const g = (await call(`${s.domain}/tokens/generate`, { method: 'POST' })).json as {
      conversationId: string;
      userId: string;
    };
    const expired = new TokenSigner(Buffer.from(SECRET), 1200, () => Date.now() - 3_600_000).issue(
      g.conversationId,
      g.userId,
    ).token;
    for (const [method, path] of [
      ['POST', '/conversations'],
      ['POST', '/tokens/refresh'],
      ['GET', `/conversations/${g.conversationId}/activities`],
    ] as const) {
      const res = await call(`${s.domain}${path}`, {
        method,
        token: expired,
        ...(method === 'POST' ? { body: {} } : {}),
      });
      expect(res.status, path).to.equal(403);
      expect(res.json).to.have.nested.property('error.field', 'authorization');
    }
  });

  it('refuses a malformed activity with a 400 that names the field, and a bad watermark likewise', async () => {
    const p = await person(s.domain);
    const bad: [unknown, string][] = [
      [{ type: 'event', name: 'x' }, 'type'],
      [{ type: 'message', text: 42 }, 'text'],
      [{ type: 'message' }, 'text'],
      [{ type: 'message', text: 'hej', value: 'x' }, 'value'],
      [{ type: 'message', text: 'hej', locale: 'klingon' }, 'locale'],
      [{ type: 'message', text: 'hej', attachments: 'x' }, 'attachments'],
      [
        { type: 'message', text: 'hej', channelData: { clientActivityID: 'x'.repeat(101) } },
        'channelData.clientActivityID',
      ],
      [[], 'body'],
    ];
    for (const [body, field] of bad) {
      const res = await call(`${s.domain}/conversations/${p.conversationId}/activities`, { token: p.token, body });
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.json, JSON.stringify(body)).to.have.nested.property('error.field', field);
    }
    const watermark = await call(`${s.domain}/conversations/${p.conversationId}/activities?watermark=abc`, {
      token: p.token,
    });
    expect(watermark.status).to.equal(400);
    expect(watermark.json).to.have.nested.property('error.field', 'watermark');
  });

  it('refuses an upload with a JSON 400 naming attachments, in Danish and English', async () => {
    const p = await person(s.domain);
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(200_000, 1)], { type: 'image/png' }), 'scan.png');
    const res = await fetch(`${s.domain}/conversations/${p.conversationId}/upload?userId=${p.userId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${p.token}` },
      body: form,
    });
    expect(res.status).to.equal(400);
    const json = (await res.json()) as { error: { field: string; message: string } };
    expect(json.error.field).to.equal('attachments');
    expect(json.error.message).to.match(/Chatten kan ikke modtage filer.*The chat cannot receive files/);
    expect((await p.read()).map((a) => a.text).join('\n')).to.include('Jeg kan ikke tage imod filer');
  });

  it('revokes every token of the conversation and deletes what the person said when they ask to have their data deleted', async () => {
    const p = await person(s.domain);
    await p.say('Jeg er ledig og 45 år');
    const refreshed = (await call(`${s.domain}/tokens/refresh`, { method: 'POST', token: p.token })).json as {
      token: string;
    };
    const stream = await openStream(p.streamUrl);
    const deleted = await p.say('slet mine data');
    expect(deleted.status).to.equal(200);
    await stream.until('slettet');
    expect(stream.activities().some((a) => a.type === 'event' && a.name === 'mentorbot.dataDeleted')).to.equal(true);
    stream.close();
    for (const token of [p.token, refreshed.token]) {
      for (const [method, path] of [
        ['POST', `/conversations/${p.conversationId}/activities`],
        ['GET', `/conversations/${p.conversationId}/activities`],
        ['POST', '/tokens/refresh'],
        ['GET', `/conversations/${p.conversationId}`],
      ] as const) {
        const res = await call(`${s.domain}${path}`, {
          method,
          token,
          ...(method === 'POST' ? { body: { type: 'message', text: 'hej' } } : {}),
        });
        expect(res.status, `${method} ${path}`).to.equal(403);
      }
      expect(await upgradeStatus(p.streamUrl)).to.equal(403);
    }
    // What is left of the history is the bot's confirmation: nothing the person wrote.
    const left = await s.webchat.history.after(p.conversationId, 0);
    const texts = left.activities.map((k) => k.activity.text ?? '').join('\n');
    expect(texts).not.to.include('Jeg er ledig');
    expect(texts).not.to.include('slet mine data');
    expect(texts).not.to.include('Jeg er Mentorbot');
    // Another conversation is not touched.
    const other = await person(s.domain);
    expect((await other.say('hej')).status).to.equal(200);
  });

  it("keeps the person's message in the history as the bot saw it: a CPR number masked", async () => {
    const p = await person(s.domain);
    const said = await p.say('Mit cpr-nummer er 010190-1234, kan jeg få en mentor?');
    expect(said.status).to.equal(200);
    const kept = JSON.stringify(await s.webchat.history.after(p.conversationId, 0));
    expect(kept).not.to.include('010190-1234');
    expect(kept).not.to.include('0101901234');
    expect(said.texts).to.include('CPR-nummer');
  });

  it('opens at most four streams for one conversation', async () => {
    const p = await person(s.domain);
    const streams = [];
    try {
      for (let i = 0; i < 4; i++) streams.push(await openStream(p.streamUrl));
      expect(await upgradeStatus(p.streamUrl)).to.equal(429);
    } finally {
      for (const st of streams) st.close();
    }
  });

  it("refuses a stream to a page of a site that is not allowed, and answers CORS with the client's own header", async () => {
    const allowed = await serveDirectLine({
      WEBCHAT_TOKEN_SECRET: SECRET,
      WEBCHAT_ALLOWED_ORIGINS: 'https://www.kommune.dk',
    });
    try {
      const p = await person(allowed.domain);
      expect(await upgradeStatus(p.streamUrl, { origin: 'https://evil.example' })).to.equal(403);
      const ok = await openStream(p.streamUrl);
      ok.close();
      const preflight = await call(`${allowed.domain}/conversations`, {
        method: 'OPTIONS',
        headers: { origin: 'https://www.kommune.dk', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).to.equal(204);
      expect(preflight.headers.get('access-control-allow-headers')).to.include('x-ms-bot-agent');
    } finally {
      await allowed.close();
    }
  });

  it("limits a conversation's messages and a client's requests, with 429 and Retry-After", async () => {
    const limited = await serveDirectLine(
      { WEBCHAT_TOKEN_SECRET: SECRET, RATE_LIMIT_PER_CONVERSATION: '3', RATE_LIMIT_PER_ADDRESS: '1000' },
      { protection: true },
    );
    try {
      const p = await person(limited.domain);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await p.say('hej')).status);
      expect(statuses).to.include(429);
    } finally {
      await limited.close();
    }
  });
});

/** The HTTP status with which the server answers a WebSocket request (101 when it opens). */
async function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => {
      socket.terminate();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    socket.once('error', (e) => {
      if (!/Unexpected server response/.test(e.message)) reject(e);
    });
  });
}
