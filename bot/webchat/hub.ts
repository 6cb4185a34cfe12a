import type { Response } from 'express';
import { log } from '../log.js';
import type { Activity } from '../sdk.js';

/** How long a message for a conversation with no open stream waits for one, and how many wait. */
export const KEEP_MS = 10 * 60_000;
export const KEEP_MAX = 50;
const HEARTBEAT_MS = 20_000;
/** How many delivered message ids a stream remembers, to drop a message that reaches it twice. */
const SEEN_MAX = 200;

interface Waiting {
  activity: Partial<Activity>;
  at: number;
}

/** A message kept by a push bus, with the id it has there. */
export interface Parcel {
  id: string;
  activity: Partial<Activity>;
}

/**
 * Carries push messages between the instances of the service (PostgreSQL: push-bus.ts). A message is kept until an
 * instance that holds a stream of its conversation takes it, or until it is older than KEEP_MS.
 */
export interface PushBus {
  /** Keeps the activity for the conversation and tells every instance (this one too) that it is there. */
  publish(conversationId: string, activity: Partial<Activity>): Promise<void>;
  /** The conversation's messages that no instance has delivered yet (at most KEEP_MAX, oldest first), now marked delivered. */
  take(conversationId: string): Promise<Parcel[]>;
  /** The message with this id, now marked delivered; null when it is gone (expired). */
  claim(id: string): Promise<Parcel | null>;
  /** Marks a claimed message as not delivered again, when the stream it was claimed for closed in the meantime. */
  release(id: string): Promise<void>;
  /**
   * Starts listening. `published` is called for every message any instance publishes; `resumed` each time listening
   * (re)starts, since messages published while it was down were not announced.
   */
  start(events: { published(conversationId: string, id: string): void; resumed(): void }): void;
  close(): Promise<void>;
}

/**
 * The push channel of the embedded web chat: Server-Sent Events per conversation, for messages that arrive outside
 * a turn (a caseworker's). A message for a conversation with no open stream waits (a while, a few) and is delivered
 * when the page connects again, so a reload does not lose it.
 *
 * Without a bus, streams and waiting messages live in this process. With a bus, every message goes through it: the
 * instances holding a stream of the conversation deliver it to those streams, and a message nobody holds waits in
 * the bus for the next stream to open, on whichever instance. A stream never gets the same message twice.
 */
export class PushHub {
  private readonly streams = new Map<string, Set<Response>>();
  private readonly seen = new WeakMap<Response, string[]>();
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly heartbeat: NodeJS.Timeout;
  /** The bus's deliveries one after the other, so a stream gets messages in the order they were published. */
  private delivering: Promise<void> = Promise.resolve();

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly bus: PushBus | null = null,
  ) {
    this.heartbeat = setInterval(() => this.ping(), HEARTBEAT_MS);
    this.heartbeat.unref();
    bus?.start({
      published: (conversationId, id) => this.inTurn(() => this.fromBus(conversationId, id)),
      resumed: () => {
        for (const conversationId of this.streams.keys()) this.inTurn(() => this.takeWaiting(conversationId));
      },
    });
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
    this.seen.set(res, []);
    res.on('close', () => {
      set.delete(res);
      if (set.size === 0 && this.streams.get(conversationId) === set) this.streams.delete(conversationId);
    });
    if (this.bus) return this.inTurn(() => this.takeWaiting(conversationId));
    const held = (this.waiting.get(conversationId) ?? []).filter((w) => this.now() - w.at < KEEP_MS);
    this.waiting.delete(conversationId);
    for (const w of held) this.send(res, w.activity);
  }

  /**
   * Delivers an activity to the conversation's open streams, or keeps it until one opens. Resolves when the activity
   * is delivered or kept; rejects when the bus cannot keep it.
   */
  async publish(conversationId: string, activity: Partial<Activity>): Promise<void> {
    if (this.bus) return this.bus.publish(conversationId, activity);
    const set = this.streams.get(conversationId);
    if (set && set.size > 0) {
      for (const res of set) this.send(res, activity);
      return;
    }
    const list = (this.waiting.get(conversationId) ?? []).filter((w) => this.now() - w.at < KEEP_MS);
    list.push({ activity, at: this.now() });
    this.waiting.set(conversationId, list.slice(-KEEP_MAX));
  }

  /** Number of streams open on this instance for one conversation. */
  streamsOf(conversationId: string): number {
    return this.streams.get(conversationId)?.size ?? 0;
  }

  /** Number of open streams (for tests and the operators' view). */
  openStreams(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  /** Ends every stream and stops listening to the bus (the bus's connection is closed). */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const set of this.streams.values()) for (const res of set) res.end();
    this.streams.clear();
    await this.bus?.close();
  }

  private inTurn(work: () => Promise<void>): void {
    this.delivering = this.delivering.then(work);
  }

  /** A message announced by the bus: delivered here only when this instance holds a stream of its conversation. */
  private async fromBus(conversationId: string, id: string): Promise<void> {
    if (!this.streams.has(conversationId)) return;
    try {
      const parcel = await this.bus!.claim(id);
      if (!parcel) return;
      // The stream may have closed while the message was fetched: then it waits for the next one.
      if (!this.streams.has(conversationId)) return void (await this.bus!.release(id));
      this.deliver(conversationId, parcel);
    } catch (error) {
      log.warn('web chat push: could not fetch a message', { conversation: conversationId, error });
    }
  }

  private async takeWaiting(conversationId: string): Promise<void> {
    try {
      for (const parcel of await this.bus!.take(conversationId)) this.deliver(conversationId, parcel);
    } catch (error) {
      log.warn('web chat push: could not fetch the waiting messages', { conversation: conversationId, error });
    }
  }

  private deliver(conversationId: string, parcel: Parcel): void {
    for (const res of this.streams.get(conversationId) ?? []) {
      const seen = this.seen.get(res) ?? [];
      if (seen.includes(parcel.id)) continue;
      seen.push(parcel.id);
      if (seen.length > SEEN_MAX) seen.shift();
      this.send(res, parcel.activity);
    }
  }

  private send(res: Response, activity: Partial<Activity>): void {
    if (res.writableEnded || res.destroyed) return;
    res.write(`event: activity\ndata: ${JSON.stringify(activity)}\n\n`);
  }

  private ping(): void {
    for (const set of this.streams.values()) for (const res of set) res.write(': ping\n\n');
  }
}
