import { createHash } from 'node:crypto';
import pg from 'pg';
import { log } from '../log.js';
import type { StreamBus } from './streams.js';

/** The notification channel's prefix; a short hash of the schema follows it. */
const CHANNEL_PREFIX = 'mentorbot_directline';
const RECONNECT_MS = [500, 1000, 2000, 5000, 10_000];

/**
 * Tells every instance, through PostgreSQL, that a conversation's Direct Line history has grown. `announce` sends
 * NOTIFY with only the conversation's id (the activities are in the shared history, so NOTIFY's 8000-byte limit
 * never bounds a message); every instance LISTENs on one dedicated connection, and the instance holding a stream of
 * the conversation reads the history after the stream's watermark and sends it. A stream that was down, or an
 * instance whose listening connection broke, catches up from its watermark: nothing is lost, nothing sent twice.
 *
 * The notification channel is named after the current schema, so deployments in different schemas of one database
 * do not hear each other.
 */
export class PostgresPushBus implements StreamBus {
  private listener: pg.Client | null = null;
  private channel: string | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private failures = 0;
  private closed = false;

  /** Notifications go through `pool` (the state storage's, not ended here); LISTEN uses its own connection. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly connectionString: string,
  ) {}

  async announce(conversationId: string): Promise<void> {
    const channel = await this.channelName();
    await this.pool.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify({ c: conversationId })]);
  }

  start(events: { announced(conversationId: string): void; resumed(): void }): void {
    void this.listen(events);
  }

  /** Stops listening. The pool belongs to the storage and is left open. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  private async listen(events: { announced(conversationId: string): void; resumed(): void }): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString });
    const retry = (error: unknown) => {
      if (this.listener === client) this.listener = null;
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
      if (this.closed) return;
      const delay = RECONNECT_MS[Math.min(this.failures++, RECONNECT_MS.length - 1)]!;
      log.warn('direct line: lost the PostgreSQL notifications, reconnecting', { error, delayMs: delay });
      this.reconnect = setTimeout(() => void this.listen(events), delay);
      this.reconnect.unref();
    };
    client.on('error', retry);
    client.on('end', () => this.listener === client && retry(new Error('connection ended')));
    client.on('notification', (n) => {
      if (n.channel !== this.channel || !n.payload) return;
      try {
        const { c } = JSON.parse(n.payload) as { c: unknown };
        if (typeof c === 'string') events.announced(c);
      } catch (error) {
        log.warn('direct line: ignored a malformed notification', { error });
      }
    });
    try {
      await client.connect();
      const channel = await this.channelName();
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      if (this.closed) return void (await client.end());
      this.listener = client;
      this.failures = 0;
      events.resumed();
    } catch (error) {
      retry(error);
    }
  }

  /**
   * `mentorbot_directline_` and a short hash of the current schema: a valid identifier whatever the schema is called.
   */
  private async channelName(): Promise<string> {
    if (this.channel) return this.channel;
    const { rows } = await this.pool.query<{ schema: string }>('SELECT current_schema() AS schema');
    const hash = createHash('sha256')
      .update(rows[0]?.schema ?? '')
      .digest('hex')
      .slice(0, 12);
    this.channel = `${CHANNEL_PREFIX}_${hash}`;
    return this.channel;
  }
}
