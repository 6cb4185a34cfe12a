/**
 * The pure parts of the bot benchmark: the autocannon request sequence that plays whole conversations, reading a
 * process's CPU time from /proc/<pid>/stat, and the table of figures. Unit-tested; bot-bench.ts does the running.
 */
import { randomUUID } from 'node:crypto';
import type autocannon from 'autocannon';
import { conversationUpdate, userMessage } from '../../bot/chat-format.js';
import { type Conversation, WELCOME } from './bot-mix.js';

/** What the replies of a run looked like, counted by onResponse (autocannon itself counts the statuses). */
export interface ReplyTally {
  /** 200 answers holding at least one message activity. */
  answered: number;
  /** 200 answers with no message activity: the bot said nothing, which a user would notice. */
  silent: number;
  /** Message activities in the 200 answers, and the answers' bytes (when counted: `newTally`). */
  messages?: number;
  bytes?: number;
}

/** A tally that also counts the replies' messages and bytes. */
export const newTally = (): Required<ReplyTally> => ({ answered: 0, silent: 0, messages: 0, bytes: 0 });

const MESSAGES = /"type"\s*:\s*"message"/g;

/** An autocannon request whose hooks are functions (not worker file paths), so tests can call them. */
export type SequenceRequest = autocannon.Request & {
  setupRequest: (request: autocannon.Request, context: object) => autocannon.Request;
  onResponse: (status: number, body: string, context: object, headers: autocannon.Request['headers']) => void;
};

const MESSAGE = /"type"\s*:\s*"message"/;

/**
 * One autocannon sequence that plays every conversation of the mix in turn, on each connection. A conversation's
 * first turn (the welcome) starts a fresh conversation and user id in the connection's context, so the turns after it
 * continue that conversation and no two conversations share state.
 */
export function conversationRequests(
  mix: readonly Conversation[],
  tally: ReplyTally,
  channelId = 'emulator',
): SequenceRequest[] {
  if (mix.length === 0) throw new Error('The mix has no conversations');
  const onResponse = (status: number, body: string) => {
    if (status !== 200) return;
    if (MESSAGE.test(body)) tally.answered++;
    else tally.silent++;
    if (tally.messages !== undefined) tally.messages += body.match(MESSAGES)?.length ?? 0;
    if (tally.bytes !== undefined) tally.bytes += Buffer.byteLength(body);
  };
  return mix.flatMap((conversation, c) => {
    if (conversation[0] !== WELCOME) throw new Error(`Conversation ${c + 1} of the mix does not start with WELCOME`);
    return conversation.map((turn): SequenceRequest => ({
      method: 'POST',
      path: '/api/messages',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request: autocannon.Request, context: object) => {
        const state = context as { session?: unknown };
        if (turn === WELCOME) {
          const session = { conversationId: randomUUID(), userId: `user-${randomUUID()}`, channelId };
          state.session = session;
          return { ...request, body: JSON.stringify(conversationUpdate(session, randomUUID())) };
        }
        const session = state.session as { conversationId: string; userId: string; channelId: string };
        return { ...request, body: JSON.stringify(userMessage(session, randomUUID(), turn)) };
      },
      onResponse,
    }));
  });
}

/** CPU time a process has used so far, in clock ticks, and its resident memory, in pages. */
export interface ProcStat {
  utime: number;
  stime: number;
  rssPages: number;
}

/**
 * Reads the fields we need from the text of /proc/<pid>/stat. The process name (field 2) is in parentheses and may
 * hold spaces or parentheses, so fields are counted from the last ")".
 */
export function parseProcStat(text: string): ProcStat {
  const close = text.lastIndexOf(')');
  if (close < 0) throw new Error('Not a /proc/<pid>/stat line');
  // After ")" come field 3 (state), 4, ...: utime is field 14, stime 15, rss 24.
  const fields = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const field = (n: number) => {
    const value = Number(fields[n - 3]);
    if (!Number.isFinite(value)) throw new Error(`Field ${n} of /proc/<pid>/stat is missing`);
    return value;
  };
  return { utime: field(14), stime: field(15), rssPages: field(24) };
}

/** CPU time a thread has spent running, in nanoseconds: the first field of /proc/<pid>/task/<tid>/schedstat. */
export function parseSchedstat(text: string): number {
  const ns = Number(text.trim().split(/\s+/)[0]);
  if (!Number.isFinite(ns)) throw new Error('Not a schedstat line');
  return ns;
}

/** The middle of a list of figures and its range: what the bench reports for figures measured over several rounds. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { median: NaN, min: NaN, max: NaN };
  const sorted = [...finite].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** "2.13 (2.01-2.30)": the median and, in brackets, the lowest and highest of the rounds. */
export function formatSpread(s: Spread, digits = 2): string {
  if (!Number.isFinite(s.median)) return 'n/a';
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}-${s.max.toFixed(digits)})`;
}

/** Whether a figure is within its goal (at most `goal`), in the words the bench prints. */
export function verdict(value: number, goal: number): string {
  if (!Number.isFinite(value)) return 'not measured';
  return value <= goal ? 'met' : `NOT met, ${((value / goal - 1) * 100).toFixed(0)} % over`;
}

/** A plain text table: the first column left-aligned, the others right-aligned. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_h, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
