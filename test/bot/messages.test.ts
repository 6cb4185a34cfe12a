import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { createApp } from '../../bot/app.js';
import { readConfig } from '../../bot/config.js';
import { createBotRuntime } from '../../bot/runtime.js';
import { knowledgeBase, listen } from '../helpers.js';

interface Reply {
  type: string;
  text?: string;
  suggestedActions?: { actions: { title: string }[] };
}

/** A Bot Framework activity as a channel would post it, asking for the turn's replies in the response. */
function activity(conversation: string, fields: Record<string, unknown>) {
  return {
    id: randomUUID(),
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1/',
    from: { id: 'user-1', role: 'user' },
    recipient: { id: 'mentorbot', role: 'bot' },
    conversation: { id: conversation },
    locale: 'da-DK',
    timestamp: new Date().toISOString(),
    deliveryMode: 'expectReplies',
    ...fields,
  };
}

describe('POST /api/messages', () => {
  let server: { url: string; close: () => Promise<void> };
  let storage: MemoryStorage;

  async function post(body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: text ? (JSON.parse(text) as { activities?: Reply[] }) : {} };
  }

  before(async () => {
    storage = new MemoryStorage();
    const runtime = createBotRuntime(readConfig({ LOG_LEVEL: 'silent' }), knowledgeBase(), {
      storage,
      today: () => '2026-11-22',
    });
    server = await listen(createApp(knowledgeBase(), runtime));
  });
  after(() => server.close());

  it('answers a conversationUpdate with expectReplies by returning the welcome in the response body', async () => {
    const res = await post(activity(randomUUID(), { type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }] }));
    expect(res.status).to.equal(200);
    const texts = res.json.activities!.map((a) => a.text ?? '').join('\n');
    expect(texts).to.include('chatbot');
    expect(texts).to.include('kommunen');
    const buttons = res.json.activities!.at(-1)!.suggestedActions!.actions.map((a) => a.title);
    expect(buttons).to.include.members([
      'Jeg er borger',
      'Jeg er arbejdsgiver',
      'Stil et spørgsmål',
      'Tal med en medarbejder',
    ]);
  });

  it('carries a conversation over several posts: the citizen path asks its first question', async () => {
    const conversation = randomUUID();
    await post(activity(conversation, { type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }] }));
    const res = await post(activity(conversation, { type: 'message', text: 'Jeg er borger' }));
    expect(res.status).to.equal(200);
    expect(res.json.activities!.map((a) => a.text).join('\n')).to.include('Hvad passer bedst på dig');
  });

  it('removes a CPR number before it is stored and tells the person kindly', async () => {
    const conversation = randomUUID();
    const res = await post(
      activity(conversation, { type: 'message', text: 'Mit cpr er 010190-1234, kan jeg få en mentor?' }),
    );
    expect(res.status).to.equal(200);
    expect(res.json.activities!.map((a) => a.text).join('\n')).to.include('CPR-nummer');
    const stored = JSON.stringify((storage as unknown as { memory: Record<string, unknown> }).memory);
    expect(stored).to.include('kan jeg få en mentor');
    expect(stored).not.to.include('010190');
  });

  it('keeps a transcript of both sides apart from the conversation state, with the CPR number masked', async () => {
    const conversation = randomUUID();
    await post(activity(conversation, { type: 'message', text: 'Jeg er borger' }));
    await post(activity(conversation, { type: 'message', text: 'ledig, cpr 0101901234' }));
    const memory = (storage as unknown as { memory: Record<string, string> }).memory;
    const keys = Object.keys(memory).filter((k) => k.includes(conversation));
    const stateKey = keys.find((k) => k.endsWith('/'))!;
    expect(JSON.parse(memory[stateKey]!)).not.to.have.property('transcript');
    const entries = (JSON.parse(memory[`${stateKey}transcript`]!) as { entries: { from: string; text: string }[] })
      .entries;
    expect(entries.filter((e) => e.from === 'user').map((e) => e.text)).to.deep.equal([
      'Jeg er borger',
      'ledig, cpr [CPR-nummer fjernet]',
    ]);
    expect(entries.some((e) => e.from === 'bot' && e.text.includes('Hvad passer bedst'))).to.equal(true);
  });

  it('refuses a body that is not a JSON activity with a 400 naming the problem', async () => {
    for (const body of ['{not json', '[]', '"text"', '{}', JSON.stringify({ type: 42 })]) {
      const res = await post(body);
      expect(res.status, body).to.equal(400);
      expect(res.text, body).to.match(/"error"/);
    }
  });

  it('gives no server error for activity types the bot does not handle', async () => {
    for (const type of ['typing', 'event', 'messageReaction', 'endOfConversation', 'installationUpdate', 'nonsense']) {
      const res = await post(activity(randomUUID(), { type, name: 'x', value: { a: 1 } }));
      expect(res.status, type).to.be.lessThan(500);
    }
  });
});

describe('GET /readyz with a bot', () => {
  it('says 503 when the storage cannot be reached, and 200 when it can', async () => {
    let reachable = false;
    const runtime = createBotRuntime(readConfig({ LOG_LEVEL: 'silent' }), knowledgeBase(), {
      storage: new MemoryStorage(),
      ping: async () => {
        if (!reachable) throw new Error('database is down');
      },
    });
    const server = await listen(createApp(knowledgeBase(), runtime));
    try {
      const down = await fetch(`${server.url}/readyz`);
      expect(down.status).to.equal(503);
      expect(await down.json()).to.deep.equal({ status: 'not ready', storage: 'unreachable' });
      reachable = true;
      const up = await fetch(`${server.url}/readyz`);
      expect(up.status).to.equal(200);
      expect(await up.json()).to.include({ status: 'ready', storage: 'ok' });
    } finally {
      await server.close();
    }
  });
});

describe('POST /api/messages with MicrosoftAppId configured', () => {
  it('refuses a request without a Bot Framework token with 401', async () => {
    const config = readConfig({
      LOG_LEVEL: 'silent',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-secret',
    });
    const runtime = createBotRuntime(config, knowledgeBase(), { storage: new MemoryStorage() });
    const server = await listen(createApp(knowledgeBase(), runtime));
    try {
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity(randomUUID(), { type: 'message', text: 'hej' })),
      });
      expect(res.status).to.equal(401);
      const forged = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' },
        body: JSON.stringify(activity(randomUUID(), { type: 'message', text: 'hej' })),
      });
      expect(forged.status).to.equal(401);
    } finally {
      await server.close();
    }
  });
});
