import type { Response } from 'express';
import type { Activity } from '../sdk.js';

/** How long a message for a conversation with no open stream waits for one, and how many wait. */
const KEEP_MS = 10 * 60_000;
const KEEP_MAX = 50;
const HEARTBEAT_MS = 20_000;

interface Waiting {
  activity: Partial<Activity>;
  at: number;
}

/**
 * The push channel of the embedded web chat: Server-Sent Events per conversation, for messages that arrive outside
 * a turn (a caseworker's). A message for a conversation with no open stream waits (a while, a few) and is delivered
 * when the page connects again, so a reload does not lose it.
 */
export class PushHub {
  private readonly streams = new Map<string, Set<Response>>();
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly now: () => number = () => Date.now()) {
    this.heartbeat = setInterval(() => this.ping(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Opens a stream for the conversation on `res` and sends what waited for it. */
  open(conversationId: string, res: Response): void {
    res.status(200).set({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    res.write(': open\n\n');
    let set = this.streams.get(conversationId);
    if (!set) this.streams.set(conversationId, (set = new Set()));
    set.add(res);
    res.on('close', () => {
      set.delete(res);
      if (set.size === 0) this.streams.delete(conversationId);
    });
    const held = (this.waiting.get(conversationId) ?? []).filter((w) => this.now() - w.at < KEEP_MS);
    this.waiting.delete(conversationId);
    for (const w of held) this.send(res, w.activity);
  }

  /** Delivers an activity to the conversation's open streams, or keeps it until one opens. */
  publish(conversationId: string, activity: Partial<Activity>): void {
    const set = this.streams.get(conversationId);
    if (set && set.size > 0) {
      for (const res of set) this.send(res, activity);
      return;
    }
    const list = (this.waiting.get(conversationId) ?? []).filter((w) => this.now() - w.at < KEEP_MS);
    list.push({ activity, at: this.now() });
    this.waiting.set(conversationId, list.slice(-KEEP_MAX));
  }

  /** Number of open streams (for tests and the operators' view). */
  openStreams(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const set of this.streams.values()) for (const res of set) res.end();
    this.streams.clear();
  }

  private send(res: Response, activity: Partial<Activity>): void {
    res.write(`event: activity\ndata: ${JSON.stringify(activity)}\n\n`);
  }

  private ping(): void {
    for (const set of this.streams.values()) for (const res of set) res.write(': ping\n\n');
  }
}
