import type { RequestHandler, Response } from 'express';
import { sendError } from './api/errors.js';

/** What a person over a limit is told, Danish first. */
export const RATE_LIMIT_MESSAGE = 'For mange beskeder på kort tid. Vent lidt, og prøv igen. (Too many messages; wait a moment and try again.)';

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key (an address, a conversation): each key may make `perMinute` requests at once and then one
 * every 60/perMinute seconds. A key that has been idle long enough for its bucket to be full again is forgotten
 * (it is then no different from a new key), and at most `maxKeys` keys are kept, the least recently used going
 * first, so the memory used stays bounded however many keys are seen.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  /** Tokens gained per millisecond. */
  private readonly rate: number;
  /** How long an emptied bucket takes to fill again. */
  private readonly refillMs: number;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = () => Date.now(),
    private readonly maxKeys = 100_000,
  ) {
    if (!Number.isInteger(perMinute) || perMinute < 1) throw new Error(`A rate limit must be a whole number of at least 1 a minute, got ${perMinute}`);
    this.rate = perMinute / 60_000;
    this.refillMs = 60_000;
  }

  /** Spends one token of `key`: ok, or not yet, with the whole seconds until one is there. */
  take(key: string): Take {
    const now = this.now();
    this.evictIdle(now);
    const old = this.buckets.get(key);
    const bucket: Bucket = old
      ? { tokens: Math.min(this.perMinute, old.tokens + Math.max(0, now - old.at) * this.rate), at: now }
      : { tokens: this.perMinute, at: now };
    // Re-inserting keeps the map in order of last use, oldest first.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.rate / 1000)) };
  }

  /** Whether `key` has a token left now, without spending it. */
  peek(key: string): Take {
    const old = this.buckets.get(key);
    if (!old) return { ok: true };
    const tokens = Math.min(this.perMinute, old.tokens + Math.max(0, this.now() - old.at) * this.rate);
    if (tokens >= 1) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.rate / 1000)) };
  }

  /** Number of keys held (for tests: it must not grow without bound). */
  size(): number {
    return this.buckets.size;
  }

  /** Drops the keys, oldest use first, whose buckets are full again by now. */
  private evictIdle(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at < this.refillMs) break;
      this.buckets.delete(key);
    }
  }
}

/** The limits of one server; `null` turns a limit off (a setting of 0). */
export interface RateLimits {
  perAddress: RateLimiter | null;
  perConversation: RateLimiter | null;
}

/** The limits for the given settings (requests per minute per address, messages per minute per conversation). */
export function rateLimits(settings: { perAddress: number; perConversation: number }, now?: () => number): RateLimits {
  return {
    perAddress: settings.perAddress > 0 ? new RateLimiter(settings.perAddress, now) : null,
    perConversation: settings.perConversation > 0 ? new RateLimiter(settings.perConversation, now) : null,
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
export function rateLimitMiddleware(limits: RateLimits, skip: (req: Parameters<RequestHandler>[0]) => boolean = () => false): RequestHandler {
  return (req, res, next) => {
    res.locals[LIMITS] = limits;
    if (limits.perAddress && !skip(req)) {
      const taken = limits.perAddress.take(addressOf(req));
      if (!taken.ok) return refuse(res, taken.retryAfterSeconds);
    }
    next();
  };
}

/**
 * Spends one of the conversation's messages. True: go on. False: the limit is reached and a 429 has been sent.
 * Without the middleware in front (no limits configured) every message is within the limit.
 */
export function withinConversationLimit(res: Response, conversationId: string): boolean {
  const limiter = (res.locals[LIMITS] as RateLimits | undefined)?.perConversation;
  if (!limiter) return true;
  const taken = limiter.take(conversationId);
  if (taken.ok) return true;
  refuse(res, taken.retryAfterSeconds);
  return false;
}

/** The client address a limit counts by (express's `req.ip` honours `trust proxy`). */
function addressOf(req: Parameters<RequestHandler>[0]): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * For requests the address limit lets through unspent (the bot endpoint with authentication on): true when the
 * address has used up its limit on refused requests; a 429 has then been sent. Call it before the costly check.
 */
export function addressOverLimit(req: Parameters<RequestHandler>[0], res: Response): boolean {
  const limiter = (res.locals[LIMITS] as RateLimits | undefined)?.perAddress;
  if (!limiter) return false;
  const taken = limiter.peek(addressOf(req));
  if (taken.ok) return false;
  refuse(res, taken.retryAfterSeconds);
  return true;
}

/** Counts a refused request (a bad token) against its address. */
export function spendAddress(req: Parameters<RequestHandler>[0], res: Response): void {
  (res.locals[LIMITS] as RateLimits | undefined)?.perAddress?.take(addressOf(req));
}
