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
}

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

/** The figures of one bot over the measured window. */
export interface BotFigures {
  label: string;
  turns: number;
  seconds: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  silent: number;
  cpuTicks: number;
  rssMiB: number;
}

/** Server CPU milliseconds per completed turn. */
export function cpuMsPerTurn(f: BotFigures, ticksPerSecond: number): number {
  return f.turns > 0 ? (f.cpuTicks * 1000) / ticksPerSecond / f.turns : NaN;
}

export const CPU_RATIO_GOAL = 1.25;

/** The table the bench prints: one row per bot, then the CPU ratio ours/baseline against its goal. */
export function formatTable(ours: BotFigures, baseline: BotFigures, ticksPerSecond: number): string {
  const header = ['', 'turns', 'turns/s', 'p50 ms', 'p99 ms', 'non-2xx', 'CPU ms/turn', 'RSS MiB'];
  const row = (f: BotFigures) => [
    f.label,
    String(f.turns),
    (f.turns / f.seconds).toFixed(1),
    f.p50.toFixed(1),
    f.p99.toFixed(1),
    String(f.non2xx),
    cpuMsPerTurn(f, ticksPerSecond).toFixed(3),
    f.rssMiB.toFixed(0),
  ];
  const rows = [header, row(ours), row(baseline)];
  const widths = header.map((_h, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
  );
  const ratio = cpuMsPerTurn(ours, ticksPerSecond) / cpuMsPerTurn(baseline, ticksPerSecond);
  const verdict = ratio <= CPU_RATIO_GOAL ? 'met' : 'NOT met';
  lines.push('', `CPU per turn, ours / baseline: ${ratio.toFixed(2)}  (goal ≤ ${CPU_RATIO_GOAL}: ${verdict})`);
  return lines.join('\n');
}
