import { randomUUID } from 'node:crypto';
import { BadRequest } from '../api/errors.js';
import { MAX_DEPTH, nestsDeeperThan } from '../activity-check.js';
import type { Activity } from '../sdk.js';
import { WEBCHAT_BOT, WEBCHAT_CHANNEL } from './adapter.js';
import type { TokenClaims } from './tokens.js';

/** The locales a client may name: Danish and English, with or without a region. */
export const LOCALES = /^(da|en)(-[A-Za-z]{2})?$/;
const MAX_CLIENT_ID = 100;
/** The serviceUrl of our own channel's activities; the bot never calls it (replies go through WebChatAdapter). */
const SERVICE_URL = 'urn:mentorbot:webchat';

/** What the person sent, checked: a message to run, or attachments, which the bot does not take. */
export type Inbound = { kind: 'message'; activity: Partial<Activity> } | { kind: 'attachments' };

/**
 * Checks the person's activity from a Direct Line client and completes it with what the server decides: the ids,
 * the time, the conversation and the user come from the server and the token, never from the body. Only messages
 * are taken; a malformed one is a BadRequest naming the field. Files and other attachments are not taken (the bot
 * cannot read them, and they may hold personal data it has no use for): such a message is `attachments`.
 */
export function inboundActivity(body: unknown, claims: TokenClaims): Inbound {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest('body', 'The body must be an activity as a JSON object');
  const b = body as Record<string, unknown>;
  if (b.type !== 'message') throw new BadRequest('type', 'Only activities of type "message" can be sent');
  if (b.text !== undefined && typeof b.text !== 'string') throw new BadRequest('text', 'text must be a string');
  if (b.value !== undefined && (typeof b.value !== 'object' || b.value === null)) throw new BadRequest('value', 'value must be an object');
  if (nestsDeeperThan(b.value, MAX_DEPTH)) throw new BadRequest('value', `value nests deeper than ${MAX_DEPTH} levels`);
  if (b.attachments !== undefined && !Array.isArray(b.attachments)) throw new BadRequest('attachments', 'attachments must be a list');
  if (Array.isArray(b.attachments) && b.attachments.length > 0) return { kind: 'attachments' };
  if (b.text === undefined && b.value === undefined) throw new BadRequest('text', 'A message needs text or a value');
  if (b.locale !== undefined && (typeof b.locale !== 'string' || !LOCALES.test(b.locale))) throw new BadRequest('locale', 'locale must be da-DK or en-GB');
  const channelData = typeof b.channelData === 'object' && b.channelData !== null ? (b.channelData as Record<string, unknown>) : undefined;
  const clientId = channelData?.clientActivityID;
  if (clientId !== undefined && (typeof clientId !== 'string' || clientId.length > MAX_CLIENT_ID)) {
    throw new BadRequest('channelData.clientActivityID', `clientActivityID must be a string of at most ${MAX_CLIENT_ID} characters`);
  }
  return {
    kind: 'message',
    activity: {
      ...fromPerson(claims),
      type: 'message',
      ...(typeof b.text === 'string' ? { text: b.text } : {}),
      ...(b.value !== undefined ? { value: b.value } : {}),
      ...(typeof b.locale === 'string' ? { locale: b.locale } : {}),
      // Web Chat matches the echo of a message to the one it sent by this id.
      ...(typeof clientId === 'string' ? { channelData: { clientActivityID: clientId } } : {}),
    },
  };
}

/** The envelope of an activity from the token's person in the token's conversation (ids and time new). */
export function fromPerson(claims: TokenClaims): Partial<Activity> {
  return {
    id: randomUUID(),
    timestamp: new Date(),
    channelId: WEBCHAT_CHANNEL,
    serviceUrl: SERVICE_URL,
    from: { id: claims.userId, name: '', role: 'user' },
    recipient: { ...WEBCHAT_BOT },
    conversation: { id: claims.conversationId, isGroup: false, conversationType: 'personal', name: '' },
  };
}

/** The reference the bot uses to write to the token's conversation outside a turn. */
export function referenceOf(claims: TokenClaims) {
  return {
    channelId: WEBCHAT_CHANNEL,
    serviceUrl: SERVICE_URL,
    conversation: { id: claims.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    user: { id: claims.userId, name: '', role: 'user' },
    bot: { ...WEBCHAT_BOT },
  };
}
