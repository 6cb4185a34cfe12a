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
