import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import express from 'express';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MemoryStorage } from 'botbuilder';
import { createApp } from '../../bot/app.js';
import { readConfig } from '../../bot/config.js';
import { createBotRuntime } from '../../bot/runtime.js';
import { knowledgeBase, listen } from '../helpers.js';

/**
 * Every kind of activity the Bot Framework Emulator and Microsoft Teams send to a bot, laid over a plain envelope.
 * Sources: the Emulator's "send system activity" menu and its card actions; the Teams activity reference
 * (conversation events in channelData.eventType, invoke names of cards, task modules, message extensions, sign-in,
 * file consent, configuration and tabs).
 */
const ACTIVITIES: [string, Record<string, unknown>][] = [
  ['Emulator: a message', { channelId: 'emulator', type: 'message', text: 'hej' }],
  [
    'Emulator: a card button (a message with a value)',
    { channelId: 'emulator', type: 'message', value: { choice: 'citizen' } },
  ],
  [
    'Emulator: a person joins (conversationUpdate)',
    { channelId: 'emulator', type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }] },
  ],
  [
    'Emulator: a person leaves (conversationUpdate)',
    { channelId: 'emulator', type: 'conversationUpdate', membersRemoved: [{ id: 'user-1' }] },
  ],
  ['Emulator: typing', { channelId: 'emulator', type: 'typing' }],
  ['Emulator: ping', { channelId: 'emulator', type: 'ping' }],
  ['Emulator: the bot added to contacts', { channelId: 'emulator', type: 'contactRelationUpdate', action: 'add' }],
  [
    'Emulator: the bot removed from contacts',
    { channelId: 'emulator', type: 'contactRelationUpdate', action: 'remove' },
  ],
  ['Emulator: delete user data', { channelId: 'emulator', type: 'deleteUserData' }],
  ['Emulator: end of conversation', { channelId: 'emulator', type: 'endOfConversation' }],
  ['Emulator: an event', { channelId: 'emulator', type: 'event', name: 'webchat/join', value: {} }],
  [
    'Emulator: a sign-in card (invoke signin/verifyState)',
    { channelId: 'emulator', type: 'invoke', name: 'signin/verifyState', value: { state: '123456' } },
  ],
  [
    'Emulator: an Action.Execute card (invoke adaptiveCard/action)',
    {
      channelId: 'emulator',
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'claim', data: {} } },
    },
  ],
  ['Teams: a message', { channelId: 'msteams', type: 'message', text: 'hej' }],
  ['Teams: typing', { channelId: 'msteams', type: 'typing' }],
  [
    'Teams: members added to a team',
    {
      channelId: 'msteams',
      type: 'conversationUpdate',
      membersAdded: [{ id: '29:user' }],
      channelData: { eventType: 'teamMemberAdded', tenant: { id: 't' } },
    },
  ],
  [
    'Teams: a channel created',
    {
      channelId: 'msteams',
      type: 'conversationUpdate',
      channelData: { eventType: 'channelCreated', channel: { id: '19:c' }, tenant: { id: 't' } },
    },
  ],
  [
    'Teams: a team renamed',
    {
      channelId: 'msteams',
      type: 'conversationUpdate',
      channelData: { eventType: 'teamRenamed', team: { id: '19:t', name: 'x' } },
    },
  ],
  ['Teams: the app installed', { channelId: 'msteams', type: 'installationUpdate', action: 'add' }],
  ['Teams: the app removed', { channelId: 'msteams', type: 'installationUpdate', action: 'remove' }],
  [
    'Teams: a reaction',
    { channelId: 'msteams', type: 'messageReaction', reactionsAdded: [{ type: 'like' }], replyToId: '1' },
  ],
  [
    'Teams: a message edited',
    { channelId: 'msteams', type: 'messageUpdate', channelData: { eventType: 'editMessage' }, text: 'rettet' },
  ],
  [
    'Teams: a message deleted',
    { channelId: 'msteams', type: 'messageDelete', channelData: { eventType: 'softDeleteMessage' } },
  ],
  [
    'Teams: a meeting starts (event)',
    { channelId: 'msteams', type: 'event', name: 'application/vnd.microsoft.meetingStart', value: {} },
  ],
  [
    'Teams: a read receipt (event)',
    { channelId: 'msteams', type: 'event', name: 'application/vnd.microsoft.readReceipt', value: {} },
  ],
  [
    'Teams: Action.Execute (invoke adaptiveCard/action)',
    {
      channelId: 'msteams',
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'x', data: {} } },
    },
  ],
  [
    'Teams: a task module opens (invoke task/fetch)',
    { channelId: 'msteams', type: 'invoke', name: 'task/fetch', value: { data: {} } },
  ],
  [
    'Teams: a task module submits (invoke task/submit)',
    { channelId: 'msteams', type: 'invoke', name: 'task/submit', value: { data: {} } },
  ],
  [
    'Teams: a message extension search (invoke composeExtension/query)',
    { channelId: 'msteams', type: 'invoke', name: 'composeExtension/query', value: { commandId: 'search' } },
  ],
  [
    'Teams: a message extension action (invoke composeExtension/submitAction)',
    { channelId: 'msteams', type: 'invoke', name: 'composeExtension/submitAction', value: {} },
  ],
  [
    'Teams: a message extension task (invoke composeExtension/fetchTask)',
    { channelId: 'msteams', type: 'invoke', name: 'composeExtension/fetchTask', value: {} },
  ],
  [
    'Teams: an actionable message (invoke actionableMessage/executeAction)',
    { channelId: 'msteams', type: 'invoke', name: 'actionableMessage/executeAction', value: {} },
  ],
  [
    'Teams: file consent (invoke fileConsent/invoke)',
    { channelId: 'msteams', type: 'invoke', name: 'fileConsent/invoke', value: { action: 'accept' } },
  ],
  [
    'Teams: bot configuration (invoke config/fetch)',
    { channelId: 'msteams', type: 'invoke', name: 'config/fetch', value: {} },
  ],
  ['Teams: a tab (invoke tab/fetch)', { channelId: 'msteams', type: 'invoke', name: 'tab/fetch', value: {} }],
  [
    'Teams: single sign-on (invoke signin/tokenExchange)',
    { channelId: 'msteams', type: 'invoke', name: 'signin/tokenExchange', value: { id: 'x', token: 'y' } },
  ],
  ['Teams: an invoke without a name', { channelId: 'msteams', type: 'invoke' }],
  ['a type no channel sends', { channelId: 'emulator', type: 'nonsense' }],
];

describe('activity types: /api/messages answers every activity the Emulator and Teams send as a stock botbuilder bot does', function () {
  this.timeout(60_000);
  let ours: { url: string; close: () => Promise<void> };
  let stock: { url: string; close: () => Promise<void> };
  let connector: { url: string; close: () => Promise<void> };

  before(async () => {
    // Where both bots send their replies (the Bot Connector's place): it takes everything.
    const fake = express();
    fake.use(express.json());
    fake.post('/{*rest}', (_req, res) => void res.json({ id: randomUUID() }));
    connector = await listen(fake);
    const config = readConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory' });
    const runtime = createBotRuntime(config, knowledgeBase(), {
      storage: new MemoryStorage(),
      today: () => '2026-11-22',
    });
    ours = await listen(createApp(knowledgeBase(), runtime));
    // A bot as botbuilder's samples make one, with no handlers: what the SDK itself answers.
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const bare = new ActivityHandler();
    const app = express();
    app.use(express.json());
    app.post('/api/messages', (req, res) => void adapter.process(req, res, (context) => bare.run(context)));
    stock = await listen(app);
  });
  after(async () => {
    await ours.close();
    await stock.close();
    await connector.close();
  });

  const send = async (url: string, fields: Record<string, unknown>) => {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: randomUUID(),
        serviceUrl: `${connector.url}/`,
        from: { id: 'user-1', role: 'user' },
        recipient: { id: 'mentorbot', role: 'bot' },
        conversation: { id: randomUUID() },
        locale: 'da-DK',
        ...fields,
      }),
    });
    const text = await res.text();
    let body: unknown = text === '' ? null : text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON (the stock bot's crash): kept as text.
    }
    return { status: res.status, body };
  };

  /**
   * The stock bot's answer. Its CloudAdapter writes what goes wrong in a turn (and a refused token) to the console
   * with a stack; that is the reference bot talking, not ours, so it is kept out of the test output and shown only
   * when the comparison fails. Our server's output is never captured.
   */
  const sendToStock = async (activity: Record<string, unknown>) => {
    const printed: string[] = [];
    const original = { error: console.error, warn: console.warn };
    console.error = (...a: unknown[]) => void printed.push(a.map(String).join(' '));
    console.warn = (...a: unknown[]) => void printed.push(a.map(String).join(' '));
    try {
      return { ...(await send(stock.url, activity)), printed };
    } finally {
      Object.assign(console, original);
    }
  };

  for (const [name, activity] of ACTIVITIES) {
    it(`${name}`, async () => {
      const expected = await sendToStock(activity);
      const got = await send(ours.url, activity);
      expect(got.status, `status (the stock bot printed: ${expected.printed.join(' | ') || 'nothing'})`).to.equal(
        expected.status,
      );
      if (activity.type === 'invoke') expect(got.body, 'invoke response').to.deep.equal(expected.body);
      // 501 is the SDK's own answer to an invoke nobody handles; no other server error.
      if (got.status >= 500) expect(got.status).to.equal(501);
    });
  }

  it('answers an Action.Execute without a value with a 400 naming the field, as the SDK answers 400', async () => {
    const activity = { channelId: 'emulator', type: 'invoke', name: 'adaptiveCard/action' };
    expect((await sendToStock(activity)).status, 'the stock bot').to.equal(400);
    const got = await send(ours.url, activity);
    expect(got.status).to.equal(400);
    expect(got.body).to.have.nested.property('error.field', 'value');
  });

  it('answers an Action.Execute whose value has no action with a 400 naming it, where the SDK itself crashes with a 500', async () => {
    const activity = { channelId: 'emulator', type: 'invoke', name: 'adaptiveCard/action', value: {} };
    const stockAnswer = await sendToStock(activity);
    expect(stockAnswer.status, 'the stock bot').to.equal(500);
    expect(stockAnswer.printed.join('\n'), 'the stock bot logs its crash').to.match(/TypeError|Error/);
    const got = await send(ours.url, activity);
    expect(got.status).to.equal(400);
    expect(got.body).to.deep.include({
      error: {
        field: 'value.action',
        message: "An adaptiveCard/action invoke needs value.action, the card's Action.Execute",
      },
    });
  });

  it("answers an invoke it has no handler for with 501 and the Emulator's ping with 200, as the issue asks", async () => {
    expect(
      (await send(ours.url, { channelId: 'msteams', type: 'invoke', name: 'task/fetch', value: {} })).status,
    ).to.equal(501);
    expect((await send(ours.url, { channelId: 'emulator', type: 'ping' })).status).to.equal(200);
  });
});
