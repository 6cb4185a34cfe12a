import { createHash } from 'node:crypto';
import pg from 'pg';
import { log } from '../log.js';
import type { Activity } from '../sdk.js';
import { schemaOnce } from '../storage/postgres-storage.js';
import { KEEP_MAX, KEEP_MS, type Parcel, type PushBus } from './hub.js';

/** The table of push messages, in the connection's current schema, next to the state table. */
export const PUSH_TABLE = 'mentorbot_push';
/** A delivered message stays this long (another instance may still be fetching it), then it is deleted. */
const DELIVERED_KEEP_MS = 60_000;
const SWEEP_MS = 60_000;
const RECONNECT_MS = [500, 1000, 2000, 5000, 10_000];

interface Row {
  id: string;
  activity: Partial<Activity>;
}

/**
 * The web chat's push across instances, through PostgreSQL. `publish` inserts the message into a table and, in the
 * same statement, sends NOTIFY with only its conversation and row id; the activity itself never travels in the
 * notification, so NOTIFY's 8000-byte limit does not bound a message's size. Every instance LISTENs on one
 * dedicated connection; the instances holding a stream of the conversation fetch the row and mark it delivered.
 * A message nobody holds stays undelivered in the table and is taken by the next stream to open, on any instance,
 * for KEEP_MS. A sweep deletes what is older than that, and delivered rows after a minute.
 *
 * The notification channel is named after the current schema, so deployments in different schemas of one database
 * do not hear each other.
 */
export class PostgresPushBus implements PushBus {
  private readonly ensureTable: () => Promise<void>;
  private listener: pg.Client | null = null;
  private channel: string | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private failures = 0;
  private closed = false;

  /** Queries go through `pool` (the state storage's, not ended here); LISTEN uses its own connection to `connectionString`. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly connectionString: string,
  ) {
    this.ensureTable = schemaOnce(pool, `
      CREATE TABLE IF NOT EXISTS ${PUSH_TABLE} (
        id bigserial PRIMARY KEY,
        conversation_id text NOT NULL,
        activity json NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      );
      CREATE INDEX IF NOT EXISTS ${PUSH_TABLE}_conversation ON ${PUSH_TABLE} (conversation_id, id);
      CREATE INDEX IF NOT EXISTS ${PUSH_TABLE}_created_at ON ${PUSH_TABLE} (created_at);`);
  }

  async publish(conversationId: string, activity: Partial<Activity>): Promise<void> {
    await this.ensureTable();
    const channel = await this.channelName();
    await this.pool.query(
      `WITH kept AS (INSERT INTO ${PUSH_TABLE} (conversation_id, activity) VALUES ($1, $2::json) RETURNING id)
       SELECT pg_notify($3, json_build_object('c', $1::text, 'id', kept.id::text)::text) FROM kept`,
      [conversationId, JSON.stringify(activity), channel],
    );
  }

  async take(conversationId: string): Promise<Parcel[]> {
    await this.ensureTable();
    const { rows } = await this.pool.query<Row>(
      `UPDATE ${PUSH_TABLE} SET delivered_at = now()
       WHERE id IN (SELECT id FROM ${PUSH_TABLE}
                    WHERE conversation_id = $1 AND delivered_at IS NULL AND created_at > now() - $2::int * interval '1 millisecond'
                    ORDER BY id DESC LIMIT $3::int)
       RETURNING id::text AS id, activity`,
      [conversationId, KEEP_MS, KEEP_MAX],
    );
    return rows.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id))).map(({ id, activity }) => ({ id, activity }));
  }

  async claim(id: string): Promise<Parcel | null> {
    const { rows } = await this.pool.query<Row>(
      `UPDATE ${PUSH_TABLE} SET delivered_at = now() WHERE id = $1::bigint RETURNING id::text AS id, activity`,
      [id],
    );
    return rows[0] ?? null;
  }

  async release(id: string): Promise<void> {
    await this.pool.query(`UPDATE ${PUSH_TABLE} SET delivered_at = NULL WHERE id = $1::bigint`, [id]);
  }

  start(events: { published(conversationId: string, id: string): void; resumed(): void }): void {
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweeper.unref();
    void this.listen(events);
  }

  /** Stops listening and sweeping. The pool belongs to the storage and is left open. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.sweeper) clearInterval(this.sweeper);
    if (this.reconnect) clearTimeout(this.reconnect);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /** Deletes expired messages and delivered ones no instance can still be fetching. */
  async sweep(): Promise<void> {
    try {
      await this.ensureTable();
      await this.pool.query(
        `DELETE FROM ${PUSH_TABLE} WHERE created_at < now() - $1::int * interval '1 millisecond' OR delivered_at < now() - $2::int * interval '1 millisecond'`,
        [KEEP_MS, DELIVERED_KEEP_MS],
      );
    } catch (error) {
      log.warn('web chat push: could not delete old messages', { error });
    }
  }

  private async listen(events: { published(conversationId: string, id: string): void; resumed(): void }): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString });
    const retry = (error: unknown) => {
      if (this.listener === client) this.listener = null;
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
      if (this.closed) return;
      const delay = RECONNECT_MS[Math.min(this.failures++, RECONNECT_MS.length - 1)]!;
      log.warn('web chat push: lost the PostgreSQL notifications, reconnecting', { error, delayMs: delay });
      this.reconnect = setTimeout(() => void this.listen(events), delay);
      this.reconnect.unref();
    };
    client.on('error', retry);
    client.on('end', () => this.listener === client && retry(new Error('connection ended')));
    client.on('notification', (n) => {
      if (n.channel !== this.channel || !n.payload) return;
      try {
        const { c, id } = JSON.parse(n.payload) as { c: string; id: string };
        events.published(c, id);
      } catch (error) {
        log.warn('web chat push: ignored a malformed notification', { error });
      }
    });
    try {
      await this.ensureTable();
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

  /** `mentorbot_push_` and a short hash of the current schema: a valid identifier whatever the schema is called. */
  private async channelName(): Promise<string> {
    if (this.channel) return this.channel;
    const { rows } = await this.pool.query<{ schema: string }>('SELECT current_schema() AS schema');
    const hash = createHash('sha256').update(rows[0]?.schema ?? '').digest('hex').slice(0, 12);
    this.channel = `${PUSH_TABLE}_${hash}`;
    return this.channel;
  }
}
