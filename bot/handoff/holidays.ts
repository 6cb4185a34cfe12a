/**
 * The days the caseworkers are closed besides the weekly hours: Denmark's public holidays from `date-holidays` (its
 * Danish rules, Store Bededag removed from 2024 on; data CC-BY-3.0), the days off that public employees have by
 * agreement (Grundlovsdag 5 June and Juleaftensdag 24 December, which the library lists as observances, and
 * Nytårsaftensdag 31 December, which it does not list), and the municipality's own extra days (HANDOFF_HOLIDAYS).
 */
import { createRequire } from 'node:module';
import type HolidaysLibrary from 'date-holidays';
import type { IsoDate } from '../../knowledge/dates.js';

/** A set of days, as opening-hours.ts asks "is this day closed?". A Set<string> is one. */
export interface ClosedDays {
  has(date: IsoDate): boolean;
}

/** The library's observances that are days off in Danish public offices, by their rule (month-day). */
const DAYS_OFF_BY_AGREEMENT = new Set(['06-05', '12-24']);
/** Nytårsaftensdag: a day off by agreement that the library does not list. */
const NEW_YEARS_EVE = '12-31';

/** The library's Danish calendar, loaded at the first question about a day: the bot starts without it. */
let denmark: HolidaysLibrary | null = null;
function danishCalendar(): HolidaysLibrary {
  if (!denmark) {
    const Holidays = createRequire(import.meta.url)('date-holidays') as typeof HolidaysLibrary;
    denmark = new Holidays('DK');
  }
  return denmark;
}

/** The Danish closed days of one year, YYYY-MM-DD. */
function closedIn(year: number): Set<IsoDate> {
  const days = new Set<IsoDate>([`${year}-${NEW_YEARS_EVE}`]);
  for (const h of danishCalendar().getHolidays(year)) {
    if (h.type === 'public' || DAYS_OFF_BY_AGREEMENT.has(h.rule)) days.add(h.date.slice(0, 10));
  }
  return days;
}

/** Denmark's closed days (every year, worked out on first use) plus `extra`, the municipality's own. */
export function danishClosedDays(extra: readonly IsoDate[] = []): ClosedDays {
  const years = new Map<number, Set<IsoDate>>();
  const own = new Set(extra);
  return {
    has(date) {
      if (own.has(date)) return true;
      const year = Number(date.slice(0, 4));
      let days = years.get(year);
      if (!days) years.set(year, (days = closedIn(year)));
      return days.has(date);
    },
  };
}
