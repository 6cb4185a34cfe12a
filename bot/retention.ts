import { log } from './log.js';
import { daysLater } from '../knowledge/dates.js';

/** A storage that can delete what has not been written for a while (SQLite and PostgreSQL can; memory need not). */
export interface Expiring {
  deleteOlderThan(cutoff: Date): Promise<number>;
}

export function canExpire(storage: unknown): storage is Expiring {
  return typeof (storage as Partial<Expiring> | null)?.deleteOlderThan === 'function';
}

/**
 * Deletes conversation state, transcripts and handoff cases that have not changed for `days` days: once at start,
 * then every `everyMs`. Returns a function that stops it. A storage that cannot expire items (memory, lost at restart
 * anyway) is left alone.
 */
export function startRetention(
  storage: unknown,
  days: number,
  everyMs = 6 * 3_600_000,
  now: () => Date = () => new Date(),
): () => void {
  if (!canExpire(storage)) return () => undefined;
  const run = async () => {
    try {
      const deleted = await storage.deleteOlderThan(daysLater(now(), -days));
      if (deleted > 0) log.info('retention: deleted old conversations', { deleted, days });
    } catch (e) {
      log.warn('retention: could not delete old conversations', { error: e });
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
