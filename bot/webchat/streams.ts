import { WebSocket } from 'ws';
import { log } from '../log.js';
import type { ConversationHistory } from './history.js';

/** How often a stream is pinged, and checked for a token that is no longer good (revoked, conversation too old). */
const HEARTBEAT_MS = 20_000;
/** A client that has this much unsent on its stream is not reading it: the stream is closed. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** WebSocket close code for "policy violation": the stream's conversation may no longer be read. */
export const CLOSE_NOT_ALLOWED = 1008;

/**
 * Tells the instances of the service that a conversation's history has grown (PostgreSQL: push-bus.ts), so the one
 * holding its streams sends what is new. The history itself is in the shared storage; only the conversation's id
 * travels.
 */
export interface StreamBus {
  announce(conversationId: string): Promise<void>;
  /**
   * Starts listening: `announced` for every announcement of any instance; `resumed` each time listening (re)starts,
   * since what was announced while it was down was missed.
   */
  start(events: { announced(conversationId: string): void; resumed(): void }): void;
  close(): Promise<void>;
}

interface Stream {
  socket: WebSocket;
  /** The last activity this stream has been sent. */
  watermark: number;
  alive: boolean;
  /** False when the token the stream was opened with no longer holds (revoked, conversation too old). */
  stillAllowed: () => Promise<boolean>;
}

/**
 * The Direct Line streams of this instance: WebSockets per conversation, each sent `{ activities, watermark }` with
 * every activity of its conversation after the watermark it was opened with, in order, each once. A stream that
 * opens gets what came after its watermark first (a reconnect, a reload, a second tab), then each new activity.
 * Deliveries of one conversation run one after the other. With a bus, every instance hears of every conversation's
 * new activities; without one (SQLite, memory: one process) only this instance's.
 */
export class StreamHub {
  private readonly streams = new Map<string, Set<Stream>>();
  private readonly deliveries = new Map<string, Promise<void>>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly history: ConversationHistory,
    private readonly bus: StreamBus | null = null,
    heartbeatMs = HEARTBEAT_MS,
  ) {
    this.heartbeat = setInterval(() => void this.beat(), heartbeatMs);
    this.heartbeat.unref();
    bus?.start({
      announced: (conversationId) => this.deliver(conversationId),
      resumed: () => {
        for (const conversationId of this.streams.keys()) this.deliver(conversationId);
      },
    });
  }

  /** Adds an open WebSocket as a stream of the conversation and sends it what came after `watermark`. */
  open(conversationId: string, socket: WebSocket, watermark: number, stillAllowed: () => Promise<boolean>): void {
    let set = this.streams.get(conversationId);
    if (!set) this.streams.set(conversationId, (set = new Set()));
    const stream: Stream = { socket, watermark, alive: true, stillAllowed };
    set.add(stream);
    socket.on('pong', () => (stream.alive = true));
    // The official client sends an empty message now and then to keep the connection open; nothing else is read.
    socket.on('message', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      set.delete(stream);
      if (set.size === 0 && this.streams.get(conversationId) === set) this.streams.delete(conversationId);
    });
    this.deliver(conversationId);
  }

  /**
   * The conversation's history has grown: its streams here get the new activities now, and other instances are told.
   */
  async grew(conversationId: string): Promise<void> {
    this.deliver(conversationId);
    if (!this.bus) return;
    try {
      await this.bus.announce(conversationId);
    } catch (error) {
      // The other instances' streams get it at their next announcement or reconnect (the history has it).
      log.warn('direct line: could not announce new activities to the other instances', {
        conversation: conversationId,
        error,
      });
    }
  }

  /** Number of streams open on this instance for one conversation. */
  streamsOf(conversationId: string): number {
    return this.streams.get(conversationId)?.size ?? 0;
  }

  /** Number of open streams (tests, the operators' view). */
  openStreams(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  /** Closes every stream and stops listening to the bus (its connection is closed). */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const set of this.streams.values()) {
      for (const s of set) {
        // 1001 "going away": the client reconnects, to another instance if there is one.
        s.socket.close(1001, 'server shutting down');
        setTimeout(() => s.socket.terminate(), 1000).unref();
      }
    }
    this.streams.clear();
    await this.bus?.close();
  }

  /** Queues a delivery for the conversation behind the one running, when this instance holds a stream of it. */
  private deliver(conversationId: string): void {
    if (!this.streams.has(conversationId)) return;
    const previous = this.deliveries.get(conversationId) ?? Promise.resolve();
    const next = previous.then(() => this.send(conversationId));
    this.deliveries.set(conversationId, next);
    void next.finally(() => {
      if (this.deliveries.get(conversationId) === next) this.deliveries.delete(conversationId);
    });
  }

  private async send(conversationId: string): Promise<void> {
    const set = this.streams.get(conversationId);
    if (!set || set.size === 0) return;
    try {
      const from = Math.min(...[...set].map((s) => s.watermark));
      const { activities } = await this.history.after(conversationId, from);
      for (const stream of set) {
        const fresh = activities.filter((k) => k.seq > stream.watermark);
        if (fresh.length === 0 || stream.socket.readyState !== WebSocket.OPEN) continue;
        stream.watermark = fresh.at(-1)!.seq;
        stream.socket.send(
          JSON.stringify({ activities: fresh.map((k) => k.activity), watermark: String(stream.watermark) }),
        );
        if (stream.socket.bufferedAmount > MAX_BUFFERED_BYTES) stream.socket.terminate();
      }
    } catch (error) {
      log.warn('direct line: could not read the history for a stream', { conversation: conversationId, error });
    }
  }

  /** Pings every stream, ends those that did not answer the last ping, and closes those whose token no longer holds. */
  private async beat(): Promise<void> {
    for (const set of this.streams.values()) {
      for (const stream of set) {
        if (!stream.alive) {
          stream.socket.terminate();
          continue;
        }
        stream.alive = false;
        stream.socket.ping();
        try {
          if (!(await stream.stillAllowed()))
            stream.socket.close(CLOSE_NOT_ALLOWED, 'The conversation can no longer be read with this token');
        } catch {
          // The storage could not say: the next beat asks again.
        }
      }
    }
  }
}
