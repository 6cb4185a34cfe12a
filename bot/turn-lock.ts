import type pg from 'pg';
import { log } from './log.js';
import { withTimeout } from './timeout.js';

/** Thrown when too many turns of one conversation are already waiting. */
export class ConversationBusy extends Error {
  constructor() {
    super('Too many messages of one conversation at once');
    this.name = 'ConversationBusy';
  }
}

/**
 * Runs the turns of one conversation one after the other, so two messages sent at the same moment cannot both read
 * the same state and overwrite each other's answer (BotState saves without an eTag). Turns of different
 * conversations run side by side. At most `maxWaiting` turns of one conversation wait; more get ConversationBusy, so
 * a stuck turn cannot make a queue grow without bound. With a PostgreSQL pool the turn also holds a session-level
 * advisory lock on the conversation, so instances behind a load balancer take its turns one at a time too.
 * A turn that takes longer than `timeoutMs` rejects with TimeoutError and lets go of both locks, so one stuck turn
 * (a channel that never answers) cannot hold its conversation, or a pool connection, for ever. Its work is not
 * cancelled; a later turn of the same conversation may then run beside it.
 */
export class TurnLock {
  private readonly queues = new Map<string, { tail: Promise<unknown>; waiting: number }>();

  constructor(
    private readonly maxWaiting = 5,
    private readonly pool: pg.Pool | null = null,
    private readonly timeoutMs = 20_000,
  ) {}

  async run<T>(key: string, turn: () => Promise<T>): Promise<T> {
    const queue = this.queues.get(key) ?? { tail: Promise.resolve(), waiting: 0 };
    if (queue.waiting >= this.maxWaiting) throw new ConversationBusy();
    queue.waiting += 1;
    this.queues.set(key, queue);
    const bounded = () => withTimeout(turn(), this.timeoutMs, 'The turn');
    const locked = () => this.acrossInstances(key, bounded);
    const result = queue.tail.then(locked, locked);
    queue.tail = result
      .catch(() => undefined)
      .finally(() => {
        queue.waiting -= 1;
        if (queue.waiting === 0) this.queues.delete(key);
      });
    return result;
  }

  /**
   * Runs the turn under the conversation's advisory lock in PostgreSQL (one connection while it runs). When the
   * database cannot be reached the turn runs without it: it will fail on the state and the person gets the apology,
   * rather than an error page. A connection that breaks while it is held must not bring the process down.
   */
  private async acrossInstances<T>(key: string, turn: () => Promise<T>): Promise<T> {
    if (!this.pool) return turn();
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      log.warn('turn lock: the database cannot be reached; the turn runs without the lock', { error: e });
      return turn();
    }
    const broken = (error: Error) => log.warn('turn lock: the connection broke during a turn', { error });
    client.on('error', broken);
    let locked = false;
    try {
      await client.query("SELECT pg_advisory_lock(hashtext('mentorbot-turn'), hashtext($1))", [key]);
      locked = true;
    } catch (e) {
      log.warn('turn lock: could not take the lock; the turn runs without it', { error: e });
    }
    try {
      return await turn();
    } finally {
      if (locked)
        await client
          .query("SELECT pg_advisory_unlock(hashtext('mentorbot-turn'), hashtext($1))", [key])
          .catch(() => undefined);
      client.off('error', broken);
      // A broken connection is thrown away, not given back to the pool.
      client.release(!locked);
    }
  }

  /** Conversations with a turn running or waiting (for tests). */
  size(): number {
    return this.queues.size;
  }
}
