import { type Activity, type Middleware, type TurnContext, ActivityTypes } from '../sdk.js';
import { markContactData } from '../../dialogs/turn-reading.js';
import { maskCpr } from './cpr.js';
import { EMAIL_MASK, PHONE_MASK, maskPersonalData } from './mask.js';

/** Turn-state key set when a CPR number was removed from the incoming message, so the bot can say so kindly. */
export const CPR_REMOVED = Symbol('cprRemoved');

/**
 * How deep a submitted value (or an attachment's content) may nest. A card's data is two or three levels deep; a
 * value nested thousands deep is an attack on whatever walks it later (the SDK's copies, JSON.stringify on the way
 * to storage), so what lies deeper than this is dropped: an object or array at this depth becomes null.
 */
export const MAX_VALUE_DEPTH = 32;

/** Counts the CPR numbers masked in one activity. */
class Masker {
  count = 0;

  text(value: string): string {
    const m = maskCpr(value);
    this.count += m.count;
    return m.text;
  }

  /**
   * A copy of `value` with CPR numbers masked in every string and every key, walked without recursion so that no
   * nesting can overflow the stack; cut at MAX_VALUE_DEPTH (see there).
   */
  value(value: unknown): unknown {
    const root: { v: unknown } = { v: undefined };
    const work: { from: unknown; into: Record<string, unknown> | unknown[]; key: string | number; depth: number }[] = [
      { from: value, into: root as Record<string, unknown>, key: 'v', depth: 0 },
    ];
    for (let item = work.pop(); item !== undefined; item = work.pop()) {
      const { from, into, key, depth } = item;
      // defineProperty, so a key such as "__proto__" is an ordinary key of the copy, as it was in the parsed JSON.
      const put = (v: unknown) =>
        Object.defineProperty(into, key, { value: v, enumerable: true, writable: true, configurable: true });
      if (typeof from === 'string') {
        put(this.text(from));
      } else if (from === null || typeof from !== 'object') {
        put(from);
      } else if (depth >= MAX_VALUE_DEPTH) {
        put(null);
      } else if (Array.isArray(from)) {
        const copy: unknown[] = new Array(from.length);
        put(copy);
        from.forEach((v, i) => work.push({ from: v, into: copy, key: i, depth: depth + 1 }));
      } else {
        const copy: Record<string, unknown> = {};
        put(copy);
        // Walked last key first, so the copy's keys are put in the original order.
        const entries = Object.entries(from);
        for (let i = entries.length - 1; i >= 0; i--)
          work.push({ from: entries[i]![1], into: copy, key: this.text(entries[i]![0]), depth: depth + 1 });
      }
    }
    return root.v;
  }

  /** A copy of an account (from, recipient, conversation, a member) with its name masked. */
  named<T extends { name?: string }>(account: T | undefined): T | undefined {
    return account && typeof account.name === 'string' ? { ...account, name: this.text(account.name) } : account;
  }
}

/** Masks CPR numbers in every field of `activity` that is stored or shown; returns how many. */
function maskActivity(activity: Activity): number {
  const m = new Masker();
  for (const field of ['text', 'speak', 'summary'] as const) {
    if (typeof activity[field] === 'string') activity[field] = m.text(activity[field]);
  }
  if (activity.value !== undefined) activity.value = m.value(activity.value);
  activity.from = m.named(activity.from)!;
  activity.recipient = m.named(activity.recipient)!;
  activity.conversation = m.named(activity.conversation)!;
  for (const field of ['membersAdded', 'membersRemoved'] as const) {
    if (Array.isArray(activity[field])) activity[field] = activity[field].map((a) => m.named(a)!);
  }
  if (Array.isArray(activity.attachments)) {
    activity.attachments = activity.attachments.map((a) =>
      a && typeof a === 'object'
        ? {
            ...a,
            ...(typeof a.name === 'string' ? { name: m.text(a.name) } : {}),
            ...(a.content !== undefined ? { content: m.value(a.content) } : {}),
          }
        : a,
    );
  }
  return m.count;
}

/**
 * The privacy guard at the door: runs first, before anything is stored, logged or written to a transcript, and
 * replaces every CPR number in an incoming activity with a mask: in its text, speak and summary, in any submitted
 * value (every string and key, however deep, up to MAX_VALUE_DEPTH), in the names of the sender, the recipient, the
 * conversation and any members, and in the attachments' names and content. The bot never needs a CPR number, so
 * nothing is lost that it could use. Phone numbers and e-mail addresses stay (the handoff asks for them) and are
 * marked for the turn (markContactData).
 */
export class PrivacyMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const count = maskActivity(context.activity);
    if (count > 0 && context.activity.type === ActivityTypes.Message) context.turnState.set(CPR_REMOVED, count);
    // A phone number or e-mail address stays in the message (the handoff asks for a number) but is kept nowhere:
    // the dialogs tell the person so, unless they are giving it for a call-back.
    const text = context.activity.text;
    if (context.activity.type === ActivityTypes.Message && typeof text === 'string') {
      const masked = maskPersonalData(text);
      if (masked !== text)
        markContactData(context, masked.split(EMAIL_MASK).join(' ').split(PHONE_MASK).join(' ').replace(/\s+/g, ' '));
    }
    await next();
  }
}
