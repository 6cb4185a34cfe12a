import {
  type Activity,
  ActivityTypes,
  type Middleware,
  type ResourceResponse,
  type Storage,
  type StoreItem,
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
 * 1. Older lines are deleted when newer ones are added, so no store ever holds more of a conversation than this.
 */
export const MAX_ENTRIES = 200;
/** Far above what the chat accepts; only a flood from a person is cut, and the cut is marked. */
export const MAX_USER_CHARS = 20_000;
/** The bot's own replies are kept shorter: they come from our templates and articles and can be rebuilt. */
export const MAX_BOT_CHARS = 500;

/**
 * Where transcripts are kept: apart from the conversation state, as lines appended once per turn, so a turn never
 * reads or rewrites the conversation so far. `conversation` is the conversation state's storage key
 * (`conversationKey`), so a transcript lives and expires with its conversation: a store that also expires items keeps
 * both while either changed within the retention period and deletes both once neither has.
 */
export interface TranscriptStore {
  /** Adds a turn's lines after the conversation's others (one write) and keeps only the newest MAX_ENTRIES. */
  appendTranscript(conversation: string, lines: readonly TranscriptEntry[]): Promise<void>;
  /** The conversation's lines, oldest first (at most MAX_ENTRIES); none for a conversation never written. */
  readTranscript(conversation: string): Promise<TranscriptEntry[]>;
  /** Deletes the conversation's lines; a conversation without any is fine. */
  deleteTranscript(conversation: string): Promise<void>;
}

export function keepsTranscripts(storage: unknown): storage is TranscriptStore {
  const s = storage as Partial<TranscriptStore> | null;
  return typeof s?.appendTranscript === 'function' && typeof s.readTranscript === 'function';
}

/** The storage key of the turn's conversation state (ConversationState's, without a namespace). */
export function conversationKey(context: TurnContext): string {
  return `${context.activity.channelId}/conversations/${context.activity.conversation.id}/`;
}

/** The newest MAX_ENTRIES lines of `older` followed by `newer`. */
export function newestLines(older: readonly TranscriptEntry[], newer: readonly TranscriptEntry[]): TranscriptEntry[] {
  const all = [...older, ...newer];
  return all.length > MAX_ENTRIES ? all.slice(all.length - MAX_ENTRIES) : all;
}

/**
 * Transcripts kept as one item per conversation in any Storage (MemoryStorage: tests, STORAGE=memory), beside the
 * conversation state. A stand-in for stores without transcript rows: each append reads and rewrites the item.
 */
export class ItemTranscripts implements TranscriptStore {
  constructor(private readonly storage: Storage) {}

  private key(conversation: string): string {
    return `${conversation}transcript`;
  }

  async appendTranscript(conversation: string, lines: readonly TranscriptEntry[]): Promise<void> {
    const key = this.key(conversation);
    const item = (await this.storage.read([key]))[key] as (Transcript & StoreItem) | undefined;
    await this.storage.write({ [key]: { entries: newestLines(item?.entries ?? [], lines), eTag: '*' } });
  }

  async readTranscript(conversation: string): Promise<TranscriptEntry[]> {
    const key = this.key(conversation);
    return ((await this.storage.read([key]))[key] as Transcript | undefined)?.entries ?? [];
  }

  async deleteTranscript(conversation: string): Promise<void> {
    await this.storage.delete([this.key(conversation)]);
  }
}

/** The storage's own transcript rows when it has them, else one item per conversation in it. */
export function transcriptStoreFor(storage: Storage): TranscriptStore {
  return keepsTranscripts(storage) ? storage : new ItemTranscripts(storage);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)} […]`;
}

/** Turn-state key: the lines of this turn, not written yet. */
const PENDING = Symbol('transcriptLines');

/**
 * Keeps what was said, both ways, so a caseworker can read the conversation so far. It must run after the privacy
 * guard: it records the text as the guard left it, with CPR numbers masked. It only gathers the turn's lines: the bot
 * writes them with the state at the end of its turn (`saveTranscript`), so a turn whose state is not saved (a failed
 * turn, a message sent to Teams from outside a turn, "slet mine data") leaves no lines either.
 */
export class TranscriptMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const lines: TranscriptEntry[] = [];
    context.turnState.set(PENDING, lines);
    const incoming = context.activity;
    if (incoming.type === ActivityTypes.Message && typeof incoming.text === 'string' && incoming.text !== '') {
      // CPR numbers are gone already (the privacy guard); e-mail addresses and phone numbers are masked here too.
      lines.push({
        from: 'user',
        text: clip(maskPersonalData(incoming.text), MAX_USER_CHARS),
        at: new Date().toISOString(),
      });
    }
    context.onSendActivities(
      async (ctx, activities: Partial<Activity>[], nextSend: () => Promise<ResourceResponse[]>) => {
        if (ctx.turnState.get(DATA_DELETED)) return nextSend();
        for (const a of activities) {
          if (a.type === ActivityTypes.Message && a.text)
            lines.push({ from: 'bot', text: clip(a.text, MAX_BOT_CHARS), at: new Date().toISOString() });
        }
        return nextSend();
      },
    );
    await next();
  }
}

/**
 * Writes the lines the turn gathered so far (one write), unless the person's data was deleted this turn; called where
 * the turn saves its state. Lines sent after it are not kept, as changes to the state after its save are not.
 */
export async function saveTranscript(store: TranscriptStore, context: TurnContext): Promise<void> {
  const lines = context.turnState.get(PENDING) as TranscriptEntry[] | undefined;
  if (!lines || lines.length === 0 || context.turnState.get(DATA_DELETED)) return;
  await store.appendTranscript(conversationKey(context), lines.splice(0));
}

/**
 * Lines that versions before the transcript had rows of its own kept in the conversation state: put before the
 * turn's own, so the turn writes them to the rows (and a caseworker sees them) with its own.
 */
export function carryOver(context: TurnContext, older: readonly TranscriptEntry[]): void {
  const lines = context.turnState.get(PENDING) as TranscriptEntry[] | undefined;
  if (lines) lines.unshift(...older);
  else context.turnState.set(PENDING, [...older]);
}

/** The transcript of the turn's conversation so far, this turn's lines included: what a caseworker is shown. */
export async function transcriptOf(store: TranscriptStore, context: TurnContext): Promise<Transcript> {
  const stored = await store.readTranscript(conversationKey(context));
  const pending = (context.turnState.get(PENDING) as TranscriptEntry[] | undefined) ?? [];
  return { entries: newestLines(stored, pending) };
}
