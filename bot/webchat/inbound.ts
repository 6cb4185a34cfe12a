import { randomUUID } from 'node:crypto';
import { BadRequest } from '../api/errors.js';
import { MAX_DEPTH, nestsDeeperThan } from '../activity-check.js';
import { parseRequest } from '../api/validate.js';
import { z } from '../../knowledge/schemas.js';
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
 * The activity a Direct Line client may post: a message with text or a value, a locale of ours, and Web Chat's
 * clientActivityID in channelData. Every other field is ignored: ids, time, conversation and user are the server's.
 */
export const DirectLineMessage = z.looseObject(
  {
    type: z.literal('message', { error: 'Only activities of type "message" can be sent' }),
    text: z.string({ error: 'text must be a string' }).optional(),
    value: z
      .custom<object>((v) => typeof v === 'object' && v !== null, { error: 'value must be an object' })
      .refine((v) => !nestsDeeperThan(v, MAX_DEPTH), { error: `value nests deeper than ${MAX_DEPTH} levels` })
      .optional(),
    attachments: z.array(z.unknown(), { error: 'attachments must be a list' }).optional(),
    locale: z
      .string({ error: 'locale must be da-DK or en-GB' })
      .regex(LOCALES, { error: 'locale must be da-DK or en-GB' })
      .optional(),
    channelData: z
      .preprocess(
        (v) => (typeof v === 'object' && v !== null ? v : {}),
        z.looseObject({
          clientActivityID: z
            .string({ error: `clientActivityID must be a string of at most ${MAX_CLIENT_ID} characters` })
            .max(MAX_CLIENT_ID, { error: `clientActivityID must be a string of at most ${MAX_CLIENT_ID} characters` })
            .optional(),
        }),
      )
      .optional(),
  },
  { error: 'The body must be an activity as a JSON object' },
);

/**
 * Checks the person's activity from a Direct Line client (DirectLineMessage) and completes it with what the server
 * decides: the ids, the time, the conversation and the user come from the server and the token, never from the body.
 * A malformed one is a BadRequest naming the field. Files and other attachments are not taken (the bot cannot read
 * them, and they may hold personal data it has no use for): such a message is `attachments`.
 */
export function inboundActivity(body: unknown, claims: TokenClaims): Inbound {
  const b = parseRequest(DirectLineMessage, body ?? null);
  if (b.attachments && b.attachments.length > 0) return { kind: 'attachments' };
  if (b.text === undefined && b.value === undefined) throw new BadRequest('text', 'A message needs text or a value');
  const clientId = b.channelData?.clientActivityID;
  return {
    kind: 'message',
    activity: {
      ...fromPerson(claims),
      type: 'message',
      ...(b.text !== undefined ? { text: b.text } : {}),
      ...(b.value !== undefined ? { value: b.value } : {}),
      ...(b.locale !== undefined ? { locale: b.locale } : {}),
      // Web Chat matches the echo of a message to the one it sent by this id.
      ...(clientId !== undefined ? { channelData: { clientActivityID: clientId } } : {}),
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
