import { BadRequest } from './api/errors.js';

const DELIVERY_MODES = ['normal', 'notification', 'expectReplies', 'ephemeral'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optionalString(a: Record<string, unknown>, field: string): void {
  if (a[field] !== undefined && a[field] !== null && typeof a[field] !== 'string') throw new BadRequest(field, `${field} must be text`);
}

function optionalList(a: Record<string, unknown>, field: string, needsId: boolean): void {
  const v = a[field];
  if (v === undefined || v === null) return;
  if (!Array.isArray(v) || !v.every((x) => isObject(x) && (!needsId || (typeof x.id === 'string' && x.id !== '')))) {
    throw new BadRequest(field, needsId ? `${field} must be a list of members, each with an id` : `${field} must be a list of objects`);
  }
}

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

/** Control characters (NUL, newlines ...) have no place in an id: they would end up in storage keys and logs. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Checks the envelope of an activity posted to /api/messages before the Bot Framework adapter sees it, so a broken
 * one gets a 400 naming the field instead of a silent failure, an apology for a crash, or a 5xx. It checks only the
 * fields the bot and the SDK rely on: a type, conversation.id, from.id and channelId as text, the text fields as text,
 * and the lists as lists. Any type passes, as in a stock botbuilder bot: the SDK answers an invoke it has no handler
 * for with 501 and ignores a type it does not know (the Emulator's "ping") with 200. Throws BadRequest.
 */
export function checkActivity(a: Record<string, unknown>): void {
  if (typeof a.type !== 'string' || a.type === '') throw new BadRequest('type', 'The activity needs a type, such as "message"');
  const conversation = a.conversation;
  if (!isObject(conversation) || typeof conversation.id !== 'string' || conversation.id === '') {
    throw new BadRequest('conversation.id', 'The activity needs conversation.id as text');
  }
  const from = a.from;
  if (!isObject(from) || typeof from.id !== 'string' || from.id === '') throw new BadRequest('from.id', 'The activity needs from.id as text');
  if (typeof a.channelId !== 'string' || a.channelId === '') throw new BadRequest('channelId', 'The activity needs a channelId as text');
  for (const [field, v] of [['conversation.id', conversation.id], ['from.id', from.id], ['channelId', a.channelId]] as const) {
    if (CONTROL.test(v)) throw new BadRequest(field, `${field} must not hold control characters`);
  }
  for (const field of ['text', 'locale', 'serviceUrl', 'name', 'id']) optionalString(a, field);
  // The SDK reads value.action of a card's Action.Execute without looking, and crashes on a value without it.
  if (a.type === 'invoke' && a.name === 'adaptiveCard/action') {
    if (!isObject(a.value)) throw new BadRequest('value', "An adaptiveCard/action invoke needs a value with the card's Action.Execute");
    if (!isObject(a.value.action)) throw new BadRequest('value.action', "An adaptiveCard/action invoke needs value.action, the card's Action.Execute");
  }
  if (a.deliveryMode !== undefined && a.deliveryMode !== null && !DELIVERY_MODES.includes(a.deliveryMode as string)) {
    throw new BadRequest('deliveryMode', `deliveryMode must be one of: ${DELIVERY_MODES.join(', ')}`);
  }
  for (const field of ['attachments', 'entities']) optionalList(a, field, false);
  for (const field of ['membersAdded', 'membersRemoved']) optionalList(a, field, true);
  for (const field of ['value', 'channelData', 'attachments', 'entities']) {
    if (nestsDeeperThan(a[field], MAX_DEPTH)) throw new BadRequest(field, `${field} nests deeper than ${MAX_DEPTH} levels`);
  }
}
