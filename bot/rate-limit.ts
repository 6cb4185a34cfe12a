import type { Request, RequestHandler, Response } from 'express';
import type pg from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { sendError } from './api/errors.js';
import { log } from './log.js';
import { schemaOnce } from './storage/postgres-storage.js';

/** What a person over a limit is told, Danish first. */
export const RATE_LIMIT_MESSAGE =
  'For mange beskeder på kort tid. Vent lidt, og prøv igen. (Too many messages; wait a moment and try again.)';

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The table the limits share on PostgreSQL (rate-limiter-flexible's layout), in the connection's current schema. */
export const RATE_LIMIT_TABLE = 'mentorbot_rate_limits';

const OK: Take = { ok: true };
const refused = (res: RateLimiterRes): Take => ({
  ok: false,
  retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
});

/**
 * One limit per key (an address, a conversation): `perMinute` requests in a window of a minute that starts with the
 * key's first request, counted by rate-limiter-flexible. With PostgreSQL the counts are in the database, so every
 * instance counts against the same budget; when the database cannot be reached, each instance counts in its own memory
 * until it can again (the limit then holds per instance, and nobody is refused because of the outage).
 */
export class RateLimiter {
  private constructor(
    readonly perMinute: number,
    private readonly store: RateLimiterAbstract,
    private readonly fallback: RateLimiterAbstract | null,
    private readonly ready: () => Promise<void>,
  ) {}

  /** Counts in this process's memory. `windowSeconds` is for tests; a limit is per minute. */
  static inMemory(perMinute: number, name: string, windowSeconds = 60): RateLimiter {
    return new RateLimiter(
      checked(perMinute),
      new RateLimiterMemory({ points: perMinute, duration: windowSeconds, keyPrefix: name }),
      null,
      async () => undefined,
    );
  }

  /** Counts in PostgreSQL, shared by every instance on `pool`'s database; in memory while the database is away. */
  static onPostgres(pool: pg.Pool, perMinute: number, name: string, windowSeconds = 60): RateLimiter {
    const options = { points: checked(perMinute), duration: windowSeconds, keyPrefix: name };
    const fallback = new RateLimiterMemory(options);
    const store = new RateLimiterPostgres({
      ...options,
      storeClient: pool,
      storeType: 'pool',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      insuranceLimiter: fallback,
    });
    return new RateLimiter(options.points, store, fallback, rateLimitTable(pool));
  }

  /** Spends one request of `key`: ok, or not yet, with the whole seconds until the window starts anew. */
  async take(key: string): Promise<Take> {
    try {
      await (await this.limiter()).consume(key);
      return OK;
    } catch (e) {
      if (e instanceof RateLimiterRes) return refused(e);
      throw e;
    }
  }

  /** Whether `key` has a request left now, without spending it. */
  async peek(key: string): Promise<Take> {
    const res = await (await this.limiter()).get(key);
    return res === null || res.consumedPoints < this.perMinute ? OK : refused(res);
  }

  /** The database's limiter once its table is there; the memory one while the database cannot be reached. */
  private async limiter(): Promise<RateLimiterAbstract> {
    if (!this.fallback) return this.store;
    try {
      await this.ready();
      return this.store;
    } catch (e) {
      log.warn('rate limits: PostgreSQL cannot be reached; counting in this instance for now', { error: e });
      return this.fallback;
    }
  }
}

function checked(perMinute: number): number {
  if (!Number.isInteger(perMinute) || perMinute < 1)
    throw new Error(`A rate limit must be a whole number of at least 1 a minute, got ${perMinute}`);
  return perMinute;
}

const tables = new WeakMap<pg.Pool, () => Promise<void>>();

/** Creates the shared table once per pool, under the same advisory lock as the state table. */
function rateLimitTable(pool: pg.Pool): () => Promise<void> {
  let ensure = tables.get(pool);
  if (!ensure) {
    ensure = schemaOnce(
      pool,
      `CREATE TABLE IF NOT EXISTS ${RATE_LIMIT_TABLE} (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
    );
    tables.set(pool, ensure);
  }
  return ensure;
}

/** The limits of one server; `null` turns a limit off (a setting of 0). */
export interface RateLimits {
  perAddress: RateLimiter | null;
  perConversation: RateLimiter | null;
}

/**
 * The limits for the given settings (requests per minute per address, messages per minute per conversation): in
 * PostgreSQL with `pool` (several instances share them), else in memory. `windowSeconds` is for tests.
 */
export function rateLimits(
  settings: { perAddress: number; perConversation: number },
  options: { pool?: pg.Pool | null; windowSeconds?: number } = {},
): RateLimits {
  const limiter = (perMinute: number, name: string) => {
    if (perMinute <= 0) return null;
    return options.pool
      ? RateLimiter.onPostgres(options.pool, perMinute, name, options.windowSeconds)
      : RateLimiter.inMemory(perMinute, name, options.windowSeconds);
  };
  return {
    perAddress: limiter(settings.perAddress, 'address'),
    perConversation: limiter(settings.perConversation, 'conversation'),
  };
}

const LIMITS = 'mentorbotRateLimits';

function refuse(res: Response, retryAfterSeconds: number): void {
  res.set('retry-after', String(retryAfterSeconds));
  sendError(res, 429, 'rate', RATE_LIMIT_MESSAGE);
}

/**
 * Limits every request it sees per client address (`req.ip`, which honours express's `trust proxy`), answering 429
 * with Retry-After over the limit, and makes the per-conversation limit available to the routes after it
 * (`withinConversationLimit`). `skip` exempts requests from the address limit.
 */
export function rateLimitMiddleware(limits: RateLimits, skip: (req: Request) => boolean = () => false): RequestHandler {
  return async (req, res, next) => {
    res.locals[LIMITS] = limits;
    if (limits.perAddress && !skip(req)) {
      const taken = await limits.perAddress.take(addressOf(req));
      if (!taken.ok) return refuse(res, taken.retryAfterSeconds);
    }
    next();
  };
}

/**
 * Spends one of the conversation's messages. True: go on. False: the limit is reached and a 429 has been sent.
 * Without the middleware in front (no limits configured) every message is within the limit.
 */
export async function withinConversationLimit(res: Response, conversationId: string): Promise<boolean> {
  const limiter = (res.locals[LIMITS] as RateLimits | undefined)?.perConversation;
  if (!limiter) return true;
  const taken = await limiter.take(conversationId);
  if (taken.ok) return true;
  refuse(res, taken.retryAfterSeconds);
  return false;
}

/** The client address a limit counts by (express's `req.ip` honours `trust proxy`). */
function addressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * For requests the address limit lets through unspent (the bot endpoint with authentication on): true when the
 * address has used up its limit on refused requests; a 429 has then been sent. Call it before the costly check.
 */
export async function addressOverLimit(req: Request, res: Response): Promise<boolean> {
  const limiter = (res.locals[LIMITS] as RateLimits | undefined)?.perAddress;
  if (!limiter) return false;
  const taken = await limiter.peek(addressOf(req));
  if (taken.ok) return false;
  refuse(res, taken.retryAfterSeconds);
  return true;
}

/** Counts a refused request (a bad token) against its address. */
export async function spendAddress(req: Request, res: Response): Promise<void> {
  await (res.locals[LIMITS] as RateLimits | undefined)?.perAddress?.take(addressOf(req));
}
