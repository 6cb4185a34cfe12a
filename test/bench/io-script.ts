/**
 * What the I/O-equivalent bare bot replays: for every turn of the bench's mix, what our bot sent back and how much
 * state it kept, recorded from our bot by bot-bench.ts. A turn is found by the texts of its conversation so far (a
 * running hash), so the bare bot needs no more than the messages it is sent.
 */
import { createHash } from 'node:crypto';

export interface RecordedTurn {
  /** The reply activities, without the fields the adapter fills in (ids, addresses, timestamps). */
  replies: Record<string, unknown>[];
  /** Bytes of the conversation's state and of the person's state in the store after the turn. */
  conversationBytes: number;
  userBytes: number;
  /** Lines and bytes the turn added to the conversation's transcript rows, when they are kept apart from the state. */
  transcriptLines: number;
  transcriptBytes: number;
}

/** Turns by the key of their conversation so far (`turnKey`). */
export type IoScript = Record<string, RecordedTurn>;

/** The key of a conversation's first turn, the welcome. */
export const WELCOME_KEY = 'welcome';

/** The key of the turn that answers `text` after the turn whose key is `previous`. */
export function turnKey(previous: string, text: string): string {
  return createHash('sha1').update(previous).update('\n').update(text).digest('hex');
}

/** Fields of a reply that the adapter sets on every activity: not part of what a bot decides to send. */
const FILLED_IN = new Set([
  'id',
  'timestamp',
  'localTimestamp',
  'serviceUrl',
  'channelId',
  'from',
  'recipient',
  'conversation',
  'replyToId',
]);

/** A recorded reply as a bot would send it. */
export function replyToSend(activity: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(activity).filter(([k]) => !FILLED_IN.has(k)));
}
