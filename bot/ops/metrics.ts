import { createHash } from 'node:crypto';
import type { CountedQuestion, OpsEvent } from '../../dialogs/deps.js';
import { danishDayClock } from '../../knowledge/dates.js';
import { log } from '../log.js';
import { maskPersonalData } from '../privacy/mask.js';
import type { Storage, StoreItem } from '../sdk.js';
import { isEtagConflict } from '../storage/etag.js';
import { daysFrom } from '../../knowledge/dates.js';

/** One day's counts. Keys of `topics` are article ids; keys of `unanswered` are masked, shortened questions. */
export interface DayStats {
  day: string;
  questions: Record<'article' | 'ambiguous' | 'redirect' | 'none', number>;
  topics: Record<string, number>;
  unanswered: Record<string, number>;
  paths: Record<string, number>;
  handoffs: Record<string, number>;
  /**
   * Unanswered questions taken out by "slet mine data" before their count got here (another instance has not
   * flushed it yet), by questionId: the count is cancelled when it arrives. Never shown; absent when empty.
   */
  withdrawn?: Record<string, number>;
}

/** An unanswered question is kept this short, and at most this many different ones a day. */
export const MAX_QUESTION_CHARS = 120;
export const MAX_UNANSWERED = 500;

const dayKey = (day: string) => `ops/stats/${day}`;

export function emptyDay(day: string): DayStats {
  return {
    day,
    questions: { article: 0, ambiguous: 0, redirect: 0, none: 0 },
    topics: {},
    unanswered: {},
    paths: {},
    handoffs: {},
  };
}

function add(target: Record<string, number>, key: string, n = 1): void {
  target[key] = (target[key] ?? 0) + n;
}

/**
 * Adds `b` into `a` (both the same day). Withdrawn questions cancel the counts of their question; a count that
 * reaches 0 goes, and so does its key: the question's words are no longer kept.
 */
export function mergeDay(a: DayStats, b: DayStats): DayStats {
  const out: DayStats = JSON.parse(JSON.stringify(a)) as DayStats;
  for (const k of Object.keys(b.questions) as (keyof DayStats['questions'])[]) out.questions[k] += b.questions[k];
  for (const field of ['topics', 'paths', 'handoffs'] as const)
    for (const [k, n] of Object.entries(b[field])) add(out[field], k, n);
  for (const [k, n] of Object.entries(b.unanswered)) {
    if (k in out.unanswered || Object.keys(out.unanswered).length < MAX_UNANSWERED) add(out.unanswered, k, n);
  }
  const withdrawn = { ...out.withdrawn };
  for (const [id, n] of Object.entries(b.withdrawn ?? {})) add(withdrawn, id, n);
  for (const [k, n] of Object.entries(out.unanswered)) {
    const id = questionId(k);
    const cancelled = Math.min(n, withdrawn[id] ?? 0);
    if (cancelled === 0) continue;
    withdrawn[id]! -= cancelled;
    out.unanswered[k] = n - cancelled;
  }
  out.unanswered = positive(out.unanswered);
  const left = positive(withdrawn);
  if (Object.keys(left).length > 0) out.withdrawn = left;
  else delete out.withdrawn;
  return out;
}

function positive(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

/** The text of an unanswered question as it is kept: masked, lower case, spaces collapsed, cut short. */
export function keptQuestion(text: string): string {
  return maskPersonalData(text).toLowerCase().replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION_CHARS);
}

/** The id of a kept question: a hash, so a conversation can say which question it added without its words. */
export function questionId(kept: string): string {
  return createHash('sha256').update(kept).digest('base64url').slice(0, 22);
}

/**
 * Counts what happens (questions answered or not, topics, paths, handoffs) per day in Danish time. Counts gather in
 * memory and are added to the day's record in the storage every flush, with its eTag, so several instances can
 * count into one day. The day records are old news after the retention period and go with the rest.
 */
export class Metrics {
  private pending = new Map<string, DayStats>();
  private timer: NodeJS.Timeout | null = null;
  /** Today in Denmark on `now`, worked out once a day: every answered question asks. */
  private readonly today = danishDayClock(() => this.now().getTime());

  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Counts an event. For an unanswered question it counted, returns which, so the conversation can note it. */
  record(event: OpsEvent): CountedQuestion | null {
    if (event.type === 'forget') {
      this.forget(event.questions);
      return null;
    }
    const day = this.today();
    const d = this.pendingDay(day);
    if (event.type === 'answer') {
      d.questions[event.kind] += 1;
      if (event.articleId && event.kind === 'article') add(d.topics, event.articleId);
      if (event.kind === 'none' && event.question.trim()) {
        const q = keptQuestion(event.question);
        if (q in d.unanswered || Object.keys(d.unanswered).length < MAX_UNANSWERED) {
          add(d.unanswered, q);
          return { day, id: questionId(q) };
        }
      }
    } else if (event.type === 'path') {
      add(d.paths, `${event.path}.${event.stage}`);
    } else {
      add(d.handoffs, event.stage);
    }
    return null;
  }

  /**
   * Takes unanswered questions out of the counts ("slet mine data"): out of what is not flushed yet when it is
   * there, else out of the stored day record at the next flush (a count another instance has not flushed yet is
   * cancelled when it arrives). The total of questions asked stays: it holds no words.
   */
  forget(questions: CountedQuestion[]): void {
    for (const { day, id } of questions) {
      const d = this.pendingDay(day);
      const key = Object.keys(d.unanswered).find((k) => questionId(k) === id);
      if (key === undefined) {
        add((d.withdrawn ??= {}), id);
      } else if (d.unanswered[key]! > 1) {
        d.unanswered[key]! -= 1;
      } else {
        delete d.unanswered[key];
      }
    }
  }

  private pendingDay(day: string): DayStats {
    let d = this.pending.get(day);
    if (!d) this.pending.set(day, (d = emptyDay(day)));
    return d;
  }

  /**
   * Adds the counts gathered since the last flush to the stored day records. A record that exists is changed with
   * its eTag, so instances flushing at once both count. Known gap: the Storage contract cannot create a record only
   * if it is absent, so if two instances create the same day's record in the same instant, one batch is lost.
   */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    for (const [day, counts] of batch) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const key = dayKey(day);
        const stored = (await this.storage.read([key]))[key] as (DayStats & StoreItem) | undefined;
        const { eTag, ...current } = stored ?? { ...emptyDay(day), eTag: '*' };
        try {
          await this.storage.write({ [key]: { ...mergeDay(current as DayStats, counts), eTag } });
          break;
        } catch (e) {
          if (!isEtagConflict(e) || attempt === 4) {
            log.warn('ops: could not store counts', { day, error: e });
            break;
          }
        }
      }
    }
  }

  /** The days from `from` to `to` (inclusive, YYYY-MM-DD), stored counts plus what is not flushed yet. */
  async days(from: string, to: string): Promise<DayStats[]> {
    const days = daysFrom(from, to, 366);
    const items = await this.storage.read(days.map(dayKey));
    return days.map((day) => {
      const stored = items[dayKey(day)] as (DayStats & StoreItem) | undefined;
      const base = stored ? (({ eTag: _e, ...rest }) => rest as DayStats)(stored) : emptyDay(day);
      const local = this.pending.get(day);
      const { withdrawn: _withdrawn, ...shown } = local ? mergeDay(base, local) : base;
      return shown;
    });
  }

  start(everyMs = 60_000): void {
    this.timer = setInterval(() => void this.flush(), everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}
