/**
 * Calendar dates as ISO strings (YYYY-MM-DD). Dates in the law are days, not instants, so we never
 * convert them to a time zone: comparing the strings compares the days.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The date range a rule, provision or article holds: `validTo` null means open-ended. Both ends included. */
export interface DateRange {
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/** True when `date` lies within `range` (both ends included). */
export function inRange(date: IsoDate, range: DateRange): boolean {
  return date >= range.validFrom && (range.validTo === null || date <= range.validTo);
}

/** True when two ranges share at least one day. */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  const aEndsBeforeB = a.validTo !== null && a.validTo < b.validFrom;
  const bEndsBeforeA = b.validTo !== null && b.validTo < a.validFrom;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** Made once: building an Intl formatter costs far more than using one. Swedish dates read YYYY-MM-DD. */
const DANISH_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });

/** Today's date in Denmark, the day the law is read for when a caller gives no date. */
export function todayInDenmark(now: Date = new Date()): IsoDate {
  return DANISH_DAY.format(now);
}

/**
 * Today's date in Denmark as a clock that works it out once a day: the answer is kept until the next midnight in
 * Copenhagen (22:00 or 23:00 UTC, by summer time), so a turn that asks many times pays once. Same answers as
 * todayInDenmark on the same `clock`, also when the clock goes back.
 */
export function danishDayClock(clock: () => number = Date.now): () => IsoDate {
  let today = '';
  let from = Infinity;
  let until = -Infinity;
  return () => {
    const now = clock();
    if (now >= from && now < until) return today;
    today = todayInDenmark(new Date(now));
    from = now;
    // Midnight in Copenhagen on `today` is 22:00 or 23:00 UTC of the same calendar date: the first that reads as
    // another day.
    const utc = Date.parse(`${today}T00:00:00Z`);
    const candidates = [utc + 22 * 3_600_000, utc + 23 * 3_600_000];
    until = candidates.find((t) => todayInDenmark(new Date(t)) !== today) ?? now + 60_000;
    return today;
  };
}

/** A day of 24 hours in milliseconds: the one place the project counts days in time. */
const DAY_MS = 86_400_000;

/** The calendar day `days` days after `date` (before it, when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The same day of the month `months` months before `date` (a day the month lacks runs on into the next month). */
export function monthsBefore(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 - months, d)).toISOString().slice(0, 10);
}

/** The days from `from` to `to`, both included, in order; empty when `from` is after `to`; at most `max` of them. */
export function daysFrom(from: IsoDate, to: IsoDate, max = Infinity): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = from; day <= to && days.length < max; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The weekday of a calendar day: 0 = Monday ... 6 = Sunday. */
export function weekdayOf(date: IsoDate): number {
  return (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
}

/** The moment `days` times 24 hours after `at` (before it, when negative), for deadlines and retention. */
export function daysLater(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}
