import { z } from '../knowledge/schemas.js';
import { parseRequest } from './api/validate.js';

const DELIVERY_MODES = ['normal', 'notification', 'expectReplies', 'ephemeral'] as const;

/** How deep a client's structured fields (value, channelData, attachments, entities) may nest. */
export const MAX_DEPTH = 32;

/** Whether `v` nests deeper than `max` objects or lists; walked without recursion, so any depth is safe to check. */
export function nestsDeeperThan(v: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** A client's structured field, any JSON that nests no deeper than MAX_DEPTH. */
export const shallow = (field: string) =>
  z
    .unknown()
    .refine((v) => !nestsDeeperThan(v, MAX_DEPTH), { error: `${field} nests deeper than ${MAX_DEPTH} levels` });

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Control characters (NUL, newlines ...) have no place in an id: they would end up in storage keys and logs. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\u0000-\u001f\u007f]/;

/** An id as text, not empty and without control characters. */
const id = (field: string, missing: string) =>
  z
    .string({ error: missing })
    .min(1, { error: missing })
    .refine((v) => !CONTROL.test(v), { error: `${field} must not hold control characters` });
/** An object with an id (conversation, from); anything else is reported as a missing id. */
const withId = (field: string, missing: string) =>
  z.preprocess((v) => (isObject(v) ? v : {}), z.looseObject({ id: id(field, missing) }));
const optionalText = (field: string) => z.string({ error: `${field} must be text` }).nullish();
/** A list of objects (members: each with an id as text); a problem anywhere in it is the list's. */
const list = (field: string, needsId: boolean) => {
  const message = needsId
    ? `${field} must be a list of members, each with an id`
    : `${field} must be a list of objects`;
  return z
    .array(z.unknown(), { error: message })
    .refine((items) => items.every((x) => isObject(x) && (!needsId || (typeof x.id === 'string' && x.id !== ''))), {
      error: message,
    })
    .nullish();
};

/**
 * The envelope of an activity posted to /api/messages: only the fields the bot and the SDK rely on. Any type passes,
 * as in a stock botbuilder bot (the SDK answers an invoke without a handler with 501 and ignores a type it does not
 * know, such as the Emulator's "ping", with 200); every other field is the channel's business.
 */
export const ActivityEnvelope = z
  .looseObject({
    type: z
      .string({ error: 'The activity needs a type, such as "message"' })
      .min(1, { error: 'The activity needs a type, such as "message"' }),
    conversation: withId('conversation.id', 'The activity needs conversation.id as text'),
    from: withId('from.id', 'The activity needs from.id as text'),
    channelId: id('channelId', 'The activity needs a channelId as text'),
    text: optionalText('text'),
    locale: optionalText('locale'),
    serviceUrl: optionalText('serviceUrl'),
    name: optionalText('name'),
    id: optionalText('id'),
    deliveryMode: z
      .enum(DELIVERY_MODES, { error: `deliveryMode must be one of: ${DELIVERY_MODES.join(', ')}` })
      .nullish(),
    attachments: list('attachments', false),
    entities: list('entities', false),
    membersAdded: list('membersAdded', true),
    membersRemoved: list('membersRemoved', true),
    value: shallow('value'),
    channelData: shallow('channelData'),
  })
  .superRefine((a, ctx) => {
    for (const field of ['attachments', 'entities'] as const) {
      if (nestsDeeperThan(a[field], MAX_DEPTH))
        ctx.addIssue({ code: 'custom', path: [field], message: `${field} nests deeper than ${MAX_DEPTH} levels` });
    }
    // The SDK reads value.action of a card's Action.Execute without looking, and crashes on a value without it.
    if (a.type === 'invoke' && a.name === 'adaptiveCard/action') {
      if (!isObject(a.value)) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: "An adaptiveCard/action invoke needs a value with the card's Action.Execute",
        });
      } else if (!isObject(a.value.action)) {
        ctx.addIssue({
          code: 'custom',
          path: ['value', 'action'],
          message: "An adaptiveCard/action invoke needs value.action, the card's Action.Execute",
        });
      }
    }
  });

/**
 * Checks the envelope of an activity posted to /api/messages (ActivityEnvelope) before the Bot Framework adapter sees
 * it, so a broken one gets a 400 naming the field instead of a silent failure, an apology for a crash, or a 5xx.
 * Throws BadRequest.
 */
export function checkActivity(a: Record<string, unknown>): void {
  parseRequest(ActivityEnvelope, a);
}
