import type { TurnContext } from './sdk.js';
import type { Reading } from './understand.js';

/** Turn-state key of the one reading of this turn's message (made by MainDialog before any dialog sees it). */
const READING = Symbol('reading');

export function keepReading(context: TurnContext, reading: Reading): void {
  context.turnState.set(READING, reading);
}

/** This turn's reading, or null when the turn has no message (or was started outside MainDialog, in a test). */
export function readingOf(context: TurnContext): Reading | null {
  return (context.turnState.get(READING) as Reading | undefined) ?? null;
}

/**
 * Turn-state key set by the privacy guard (bot/) when the message holds a phone number or an e-mail address: the
 * message with them left out, which is what the bot reads for facts and questions (a number is no question).
 */
const CONTACT_DATA = Symbol('contactData');

export function markContactData(context: TurnContext, withoutContact: string): void {
  context.turnState.set(CONTACT_DATA, withoutContact);
}

/** The message without its phone numbers and e-mail addresses, or null when it held none. */
export function contactFreeText(context: TurnContext): string | null {
  const text = context.turnState.get(CONTACT_DATA) as string | undefined;
  return text ?? null;
}
