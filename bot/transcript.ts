import {
  type Activity,
  ActivityTypes,
  type Middleware,
  type ResourceResponse,
  type StatePropertyAccessor,
  type TurnContext,
} from './sdk.js';
import { maskPersonalData } from './privacy/mask.js';

/** Turn-state key: the person's data was deleted this turn, so nothing of it may be written again. */
export const DATA_DELETED = Symbol('dataDeleted');

/** One line of a conversation as a person would read it back. */
export interface TranscriptEntry {
  from: 'user' | 'bot';
  text: string;
  at: string;
}

export interface Transcript {
  entries: TranscriptEntry[];
}

/**
 * The newest entries are kept; a conversation this long is read by a caseworker from the start of the issue, not line
 * 1.
 */
export const MAX_ENTRIES = 200;
/** Far above what the chat accepts; only a flood from a person is cut, and the cut is marked. */
export const MAX_USER_CHARS = 20_000;
/**
 * The bot's own replies are kept shorter: they come from our templates and articles and can be rebuilt, and the
 * state is read and written on every turn, so its size is paid for again and again.
 */
export const MAX_BOT_CHARS = 500;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)} […]`;
}

/**
 * Keeps what was said, both ways, in the conversation state, so a caseworker can read the conversation so far. It
 * must run after the privacy guard: it records the text as the guard left it, with CPR numbers masked.
 */
export class TranscriptMiddleware implements Middleware {
  constructor(private readonly transcript: StatePropertyAccessor<Transcript>) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const t = await this.transcript.get(context, { entries: [] });
    const add = (entry: TranscriptEntry) => {
      t.entries.push(entry);
      if (t.entries.length > MAX_ENTRIES) t.entries.splice(0, t.entries.length - MAX_ENTRIES);
    };
    const incoming = context.activity;
    if (incoming.type === ActivityTypes.Message && typeof incoming.text === 'string' && incoming.text !== '') {
      // CPR numbers are gone already (the privacy guard); e-mail addresses and phone numbers are masked here too.
      add({ from: 'user', text: clip(maskPersonalData(incoming.text), MAX_USER_CHARS), at: new Date().toISOString() });
    }
    context.onSendActivities(
      async (ctx, activities: Partial<Activity>[], nextSend: () => Promise<ResourceResponse[]>) => {
        if (ctx.turnState.get(DATA_DELETED)) return nextSend();
        for (const a of activities) {
          if (a.type === ActivityTypes.Message && a.text)
            add({ from: 'bot', text: clip(a.text, MAX_BOT_CHARS), at: new Date().toISOString() });
        }
        return nextSend();
      },
    );
    await next();
  }
}
