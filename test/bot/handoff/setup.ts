import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { createApp } from '../../../bot/app.js';
import { type Config, readConfig } from '../../../bot/config.js';
import { type Handoff, createHandoff } from '../../../bot/handoff/index.js';
import { createBotRuntime } from '../../../bot/runtime.js';
import { createWebChat } from '../../../bot/webchat/index.js';
import { knowledgeBase, listen } from '../../helpers.js';
import { fakeConnector } from './fake-connector.js';

export const CHANNEL = '19:caseworkers@thread.tacv2';
export const TENANT = 'tenant-kommune';

/**
 * The bot with a handoff to a fake Teams, a fixed clock and a citizen on a Bot Framework channel. Without
 * MicrosoftAppId, so the handoff runs in its test mode (HANDOFF_ALLOW_UNAUTHENTICATED=test). `adjust` may change the
 * configuration before the handoff is wired.
 */
export async function setup(env: Record<string, string> = {}, adjust: (config: Config) => void = () => undefined) {
  const connector = await fakeConnector();
  const clock = { now: new Date('2026-11-23T10:00:00+01:00') }; // a Monday morning
  const config = readConfig({
    LOG_LEVEL: 'silent',
    STORAGE: 'memory',
    HANDOFF_TEAMS_CHANNEL_ID: CHANNEL,
    HANDOFF_TEAMS_TENANT_ID: TENANT,
    HANDOFF_TEAMS_SERVICE_URL: connector.url,
    HANDOFF_OPENING_HOURS: 'man-fre 09:00-15:00',
    HANDOFF_TIMEOUT_MINUTES: '10',
    HANDOFF_ALLOW_UNAUTHENTICATED: 'test',
    MUNICIPALITY_NAME: 'Assens Kommune',
    ...env,
  });
  adjust(config);
  const storage = new MemoryStorage();
  const runtime = createBotRuntime(config, knowledgeBase(), { storage, today: () => '2026-11-23' });
  const webchat = createWebChat(config, runtime.parts);
  const handoff = createHandoff(config, runtime, webchat, { now: () => clock.now }) as Handoff;
  const server = await listen(
    createApp(knowledgeBase(), runtime, { webchat, config: config.webchat }),
    webchat.upgrade,
  );
  const citizenConversation = `citizen-${randomUUID()}`;

  const post = async (activity: Record<string, unknown>) => {
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return {
      status: res.status,
      replies: text
        ? ((JSON.parse(text) as { activities?: { type: string; name?: string; text?: string }[] }).activities ?? [])
        : [],
    };
  };
  /**
   * The citizen writes; the turn's replies come back (expectReplies), later messages go to the fake connector.
   * `names` gives the citizen and the conversation display names, as some channels send them.
   */
  const citizenIn = async (
    conversation: string,
    text: string,
    names: { user?: string; conversation?: string } = {},
  ) => {
    const res = await post({
      type: 'message',
      id: randomUUID(),
      text,
      channelId: 'emulator',
      serviceUrl: connector.url,
      locale: 'da-DK',
      from: { id: `${conversation}-user`, role: 'user', ...(names.user ? { name: names.user } : {}) },
      recipient: { id: 'mentorbot', role: 'bot' },
      conversation: { id: conversation, ...(names.conversation ? { name: names.conversation } : {}) },
      deliveryMode: 'expectReplies',
    });
    expect(res.status).to.equal(200);
    return {
      texts: res.replies
        .filter((a) => a.type === 'message')
        .map((a) => a.text ?? '')
        .join('\n'),
      events: res.replies.filter((a) => a.type === 'event'),
    };
  };
  const citizen = (text: string, names: { user?: string; conversation?: string } = {}) =>
    citizenIn(citizenConversation, text, names);
  const otherCitizen = async (text: string) => (await citizenIn(`citizen-${randomUUID()}`, text)).texts;
  /** A caseworker acts in Teams: a message in a thread, or a card button (value). */
  const teams = async (
    thread: string,
    fields: Record<string, unknown>,
    who = { id: '29:mette', name: 'Mette', aadObjectId: 'aad-mette' },
    scope = { tenant: TENANT, channel: CHANNEL },
  ) =>
    post({
      type: 'message',
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: who,
      recipient: { id: 'mentorbot', name: 'Mentorbot' },
      conversation: { id: thread, isGroup: true, conversationType: 'channel', tenantId: scope.tenant },
      channelData: { tenant: { id: scope.tenant }, channel: { id: scope.channel }, team: { id: 'team-1' } },
      replyToId: thread.split('messageid=')[1],
      ...fields,
    });
  const card = () => connector.calls.filter((c) => c.method === 'CREATE' || c.method === 'UPDATE').at(-1)!;
  const cardJson = () => JSON.stringify(card().body);
  const caseId = () => {
    const m = /"caseId":"([0-9a-f-]{36})"/.exec(
      JSON.stringify(connector.calls.find((c) => c.method === 'CREATE')!.body),
    );
    return m![1]!;
  };
  const thread = () => connector.calls.find((c) => c.method === 'CREATE')!.conversationId;
  /** Everything in the bot's storage, as one JSON text. */
  const stored = () => JSON.stringify((storage as unknown as { memory: Record<string, string> }).memory);
  const close = async () => {
    handoff.stop();
    await webchat.close();
    await server.close();
    await connector.close();
  };
  return {
    url: server.url,
    storage,
    stored,
    runtime,
    connector,
    clock,
    handoff,
    citizen,
    citizenIn,
    otherCitizen,
    teams,
    card,
    cardJson,
    caseId,
    thread,
    citizenConversation,
    close,
  };
}

export type Setup = Awaited<ReturnType<typeof setup>>;

/** The citizen asks for a person, consents and says what it is about. */
export async function handOff(s: Setup, question = 'Kan min mentor blive forlænget? Mit cpr er 010190-1234') {
  await s.citizen('Jeg er borger');
  await s.citizen('Jeg er ledig');
  const consent = await s.citizen('Tal med en medarbejder');
  expect(consent.texts).to.include('Må jeg dele vores samtale');
  expect(consent.texts).to.include('CPR-numre er fjernet');
  expect((await s.citizen('Ja, del samtalen')).texts).to.include('Skriv kort, hvad du gerne vil have hjælp til');
  return s.citizen(question);
}
