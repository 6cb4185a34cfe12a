import type { Middleware, TurnContext } from './sdk.js';

/** Thrown when a call or a turn has not finished in the time it was given. */
export class TimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * Rejects with TimeoutError when `promise` has not settled within `ms`. The work behind the promise is not
 * cancelled; the caller stops waiting for it, so a slow peer cannot hold a turn or a lock.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Bounds every call a turn makes to its channel: sending, changing and deleting a message. A channel (a serviceUrl)
 * that does not answer within `ms` fails the call instead of holding the turn open.
 */
export class OutboundTimeoutMiddleware implements Middleware {
  constructor(private readonly ms: number) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const what = `The channel ${context.activity.channelId ?? ''}`.trim();
    context.onSendActivities((_ctx, _activities, send) => withTimeout(send(), this.ms, what));
    context.onUpdateActivity((_ctx, _activity, update) => withTimeout(update(), this.ms, what));
    context.onDeleteActivity((_ctx, _reference, remove) => withTimeout(remove(), this.ms, what));
    await next();
  }
}
