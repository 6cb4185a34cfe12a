import { type Middleware, type TurnContext, ActivityTypes } from '../sdk.js';
import { maskCpr } from './cpr.js';

/** Turn-state key set when a CPR number was removed from the incoming message, so the bot can say so kindly. */
export const CPR_REMOVED = Symbol('cprRemoved');

/** Masks CPR numbers in every string inside a value (a card's submitted data), returning how many were masked. */
function maskValue(value: unknown): { value: unknown; count: number } {
  if (typeof value === 'string') {
    const m = maskCpr(value);
    return { value: m.text, count: m.count };
  }
  if (Array.isArray(value)) {
    let count = 0;
    const out = value.map((v) => {
      const m = maskValue(v);
      count += m.count;
      return m.value;
    });
    return { value: out, count };
  }
  if (value !== null && typeof value === 'object') {
    let count = 0;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const m = maskValue(v);
      count += m.count;
      out[k] = m.value;
    }
    return { value: out, count };
  }
  return { value, count: 0 };
}

/**
 * The privacy guard at the door: runs first, before anything is stored, logged or written to a transcript, and
 * replaces every CPR number in an incoming message (its text and any submitted values) with a mask. The bot never
 * needs a CPR number, so nothing is lost that it could use.
 */
export class PrivacyMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (activity.type === ActivityTypes.Message) {
      let count = 0;
      if (typeof activity.text === 'string') {
        const m = maskCpr(activity.text);
        activity.text = m.text;
        count += m.count;
      }
      if (activity.value !== undefined) {
        const m = maskValue(activity.value);
        activity.value = m.value;
        count += m.count;
      }
      if (count > 0) context.turnState.set(CPR_REMOVED, count);
    }
    await next();
  }
}
