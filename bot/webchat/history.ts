import type { Activity, Storage, StoreItem } from '../sdk.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { etagConflict, isEtagConflict } from '../storage/etag.js';

/** An activity as the conversation's clients get it, with its place in the conversation (the watermark). */
export interface Kept {
  seq: number;
  activity: Partial<Activity>;
}

interface HistoryItem extends StoreItem {
  /** The number the next activity gets; never reused, also after "slet mine data". */
  next: number;
  activities: Kept[];
}

/** The most activities, and the most JSON, one conversation keeps; the oldest go first. */
export const HISTORY_MAX_ACTIVITIES = 200;
export const HISTORY_MAX_BYTES = 512 * 1024;
const WRITE_ATTEMPTS = 8;

const historyKey = (conversationId: string) => `webchat/history/${conversationId}`;

/**
 * The Direct Line history of each conversation: every activity of both sides, in order, numbered from 1. The number
 * is the watermark a client gives back to get what came after it. The history is one item in the state storage
 * (SQLite, PostgreSQL or memory), so it follows the state's retention (RETENTION_DAYS) and is shared by every
 * instance. Appends are eTag writes, retried on conflict, so two instances appending at once (a turn and a
 * caseworker's message) both land and get different numbers. At most HISTORY_MAX_ACTIVITIES and HISTORY_MAX_BYTES are
 * kept; a client whose watermark is older gets what is kept.
 */
export class ConversationHistory {
  /** The writes of each conversation in this process, one after the other: only other instances can conflict. */
  private readonly writing = new Map<string, Promise<unknown>>();

  constructor(private readonly storage: Storage) {}

  /** Whether the conversation has been started (its history exists). */
  async started(conversationId: string): Promise<boolean> {
    return historyKey(conversationId) in (await this.storage.read([historyKey(conversationId)]));
  }

  /** Starts an empty history for the conversation. The caller makes sure only one start runs (the turn lock). */
  async begin(conversationId: string): Promise<void> {
    const item: HistoryItem = { next: 1, activities: [] };
    await this.storage.write({ [historyKey(conversationId)]: item });
  }

  /**
   * Appends the activities in order and returns the number of the last. A conversation with no history (never
   * started here, or expired) gets one.
   */
  async append(conversationId: string, activities: Partial<Activity>[]): Promise<number> {
    return this.change(conversationId, (found) => {
      const item: HistoryItem = found ?? { next: 1, activities: [] };
      for (const activity of activities) item.activities.push({ seq: item.next++, activity });
      trim(item);
      return item;
    }).then((item) => item!.next - 1);
  }

  /** The activities after `watermark` (all that are kept for 0), oldest first, at most `limit`. */
  async after(
    conversationId: string,
    watermark: number,
    limit = HISTORY_MAX_ACTIVITIES,
  ): Promise<{ activities: Kept[]; last: number }> {
    const key = historyKey(conversationId);
    const item = (await this.storage.read([key]))[key] as HistoryItem | undefined;
    if (!item) return { activities: [], last: watermark };
    const activities = item.activities.filter((k) => k.seq > watermark).slice(0, limit);
    return { activities, last: activities.at(-1)?.seq ?? Math.max(watermark, 0) };
  }

  /** Deletes the activities up to and including `seq` ("slet mine data": what the person said and was told). */
  async forgetThrough(conversationId: string, seq: number): Promise<void> {
    await this.change(conversationId, (item) => {
      if (item) item.activities = item.activities.filter((k) => k.seq > seq);
      return item;
    });
  }

  /** Whether the stored history ends with the activities of `item` (no other write replaced it). */
  private async holds(key: string, item: HistoryItem): Promise<boolean> {
    const stored = (await this.storage.read([key]))[key] as HistoryItem | undefined;
    return (
      stored !== undefined &&
      stored.next === item.next &&
      JSON.stringify(stored.activities.at(-1)) === JSON.stringify(item.activities.at(-1))
    );
  }

  /**
   * Reads the history, changes it and writes it with the eTag read, again when another instance wrote in between
   * (after a short random pause); in this process the changes of one conversation run one after the other.
   * `edit` returns the new history, or null to write nothing.
   */
  private change(
    conversationId: string,
    edit: (item: HistoryItem | null) => HistoryItem | null,
  ): Promise<HistoryItem | null> {
    const key = historyKey(conversationId);
    const run = async () => {
      for (let attempt = 1; ; attempt++) {
        const found = ((await this.storage.read([key]))[key] as HistoryItem | undefined) ?? null;
        const item = edit(found);
        if (!item) return null;
        try {
          // The eTag read makes the write fail when another write came first. A new history has no eTag to hold
          // against another instance creating it at the same moment: it is read back, and written again on top of
          // the other one when that one won.
          await this.storage.write({ [key]: found ? item : { ...item, eTag: '*' } });
          if (found || (await this.holds(key, item))) return item;
          throw etagConflict(key);
        } catch (e) {
          if (!isEtagConflict(e) || attempt === WRITE_ATTEMPTS) throw e;
          await sleep(Math.random() * 10 * attempt);
        }
      }
    };
    const previous = this.writing.get(conversationId) ?? Promise.resolve();
    const next = previous.then(run, run);
    this.writing.set(conversationId, next);
    void next
      .finally(() => {
        if (this.writing.get(conversationId) === next) this.writing.delete(conversationId);
      })
      .catch(() => undefined);
    return next;
  }
}

/** Drops the oldest activities until the history is within its limits (the newest one is always kept). */
function trim(item: HistoryItem): void {
  if (item.activities.length > HISTORY_MAX_ACTIVITIES)
    item.activities.splice(0, item.activities.length - HISTORY_MAX_ACTIVITIES);
  let bytes = item.activities.reduce((n, k) => n + JSON.stringify(k).length, 0);
  while (bytes > HISTORY_MAX_BYTES && item.activities.length > 1)
    bytes -= JSON.stringify(item.activities.shift()).length;
}
