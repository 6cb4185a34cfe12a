/**
 * When the caseworkers are in: weekly opening hours and holidays, read in Danish time (Europe/Copenhagen).
 * Pure functions; the caller wraps a parse error in a ConfigError that names HANDOFF_OPENING_HOURS or HANDOFF_HOLIDAYS.
 */

import { addDays, isIsoDate, weekdayOf } from '../../knowledge/dates.js';
import type { ClosedDays } from './holidays.js';

/** One opening period within a day, in minutes after local midnight; `end` is exclusive and at most 24:00. */
export interface OpeningPeriod {
  readonly start: number;
  readonly end: number;
}

/** Opening hours per weekday, Monday first (index 0) to Sunday (index 6); periods sorted and not overlapping. */
export interface OpeningHours {
  readonly days: readonly (readonly OpeningPeriod[])[];
}

/** What an empty HANDOFF_OPENING_HOURS means. */
export const DEFAULT_OPENING_HOURS = 'man-tor 09:00-15:00; fre 09:00-13:00';

/** How far ahead nextOpening looks. */
export const SEARCH_DAYS = 14;

const TIME_ZONE = 'Europe/Copenhagen';
const DAY_NAMES: Record<string, number> = {
  man: 0,
  mandag: 0,
  mon: 0,
  monday: 0,
  tir: 1,
  tirsdag: 1,
  tue: 1,
  tues: 1,
  tuesday: 1,
  ons: 2,
  onsdag: 2,
  wed: 2,
  wednesday: 2,
  tor: 3,
  torsdag: 3,
  thu: 3,
  thur: 3,
  thurs: 3,
  thursday: 3,
  fre: 4,
  fredag: 4,
  fri: 4,
  friday: 4,
  lør: 5,
  lor: 5,
  lørdag: 5,
  lordag: 5,
  sat: 5,
  saturday: 5,
  søn: 6,
  son: 6,
  søndag: 6,
  sondag: 6,
  sun: 6,
  sunday: 6,
};
const CLOSED_WORDS = new Set(['lukket', 'closed']);
const SHORT_DAYS = {
  da: ['man', 'tir', 'ons', 'tor', 'fre', 'lør', 'søn'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/**
 * Parses weekly opening hours such as "man-tor 09:00-15:00; fre 09:00-13:00". Parts are separated by ';'; each names
 * days (one day, a range "man-tor" or a list "man,ons"; Danish or English names, "lør"/"lor" and "søn"/"son" alike)
 * and then one or more periods "09:00-12:00,13:00-15:00" (also "9-12" or "9.30-12"), or "lukket"/"closed".
 * Days not named are closed; a day named twice gets both sets of periods. An empty text gives DEFAULT_OPENING_HOURS.
 * Throws an Error that quotes the part that is wrong and says why.
 */
export function parseOpeningHours(text: string): OpeningHours {
  const source = text.trim() === '' ? DEFAULT_OPENING_HOURS : text;
  const days: OpeningPeriod[][] = [[], [], [], [], [], [], []];
  const parts = source
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) throw new Error(`no opening hours in "${text}"; write e.g. "${DEFAULT_OPENING_HOURS}"`);
  for (const part of parts) {
    const match = /^([^\d]+?)\s*(\d.*|lukket|closed)$/iu.exec(part);
    if (!match) throw new Error(`"${part}" needs days and then times, e.g. "man-tor 09:00-15:00"`);
    const dayList = parseDays(match[1]!, part);
    const periods = CLOSED_WORDS.has(match[2]!.toLowerCase()) ? [] : parsePeriods(match[2]!, part);
    for (const day of dayList) days[day]!.push(...periods);
  }
  days.forEach((periods, day) => {
    periods.sort((a, b) => a.start - b.start);
    for (let i = 1; i < periods.length; i++) {
      if (periods[i]!.start < periods[i - 1]!.end) {
        throw new Error(
          `periods overlap on ${SHORT_DAYS.da[day]}: ${clock(periods[i - 1]!)} and ${clock(periods[i]!)}`,
        );
      }
    }
  });
  return { days };
}

function parseDays(text: string, part: string): number[] {
  const days: number[] = [];
  for (const item of text.replace(/\s+/g, '').split(',')) {
    const [from, to, ...rest] = item.split('-');
    if (!from || rest.length > 0 || to === '')
      throw new Error(`"${item}" in "${part}" is not a day or a day range such as "man-tor"`);
    const first = dayIndex(from, part);
    const last = to === undefined ? first : dayIndex(to, part);
    if (last < first)
      throw new Error(`the day range "${item}" in "${part}" runs backwards; list the days instead, e.g. "fre,lør,søn"`);
    for (let d = first; d <= last; d++) if (!days.includes(d)) days.push(d);
  }
  return days;
}

function dayIndex(name: string, part: string): number {
  const day = DAY_NAMES[name.toLowerCase()];
  if (day === undefined)
    throw new Error(`unknown day "${name}" in "${part}"; use man, tir, ons, tor, fre, lør, søn (or mon ... sun)`);
  return day;
}

function parsePeriods(text: string, part: string): OpeningPeriod[] {
  return text
    .replace(/\s+/g, '')
    .split(',')
    .map((item) => {
      const m = /^(\d{1,2})(?:[:.](\d{2}))?-(\d{1,2})(?:[:.](\d{2}))?$/.exec(item);
      if (!m) throw new Error(`"${item}" in "${part}" is not a period such as "09:00-15:00"`);
      const start = minutes(m[1]!, m[2], item, part);
      const end = minutes(m[3]!, m[4], item, part);
      if (end <= start)
        throw new Error(`the period "${item}" in "${part}" ends before it starts; a period cannot run past midnight`);
      return { start, end };
    });
}

function minutes(hour: string, minute: string | undefined, item: string, part: string): number {
  const h = Number(hour);
  const m = Number(minute ?? '0');
  if (h > 24 || m > 59 || (h === 24 && m > 0)) throw new Error(`"${item}" in "${part}" has a time that does not exist`);
  return h * 60 + m;
}

/**
 * Parses the municipality's own closed days "2026-12-23, 2027-05-07" (ISO dates, separated by commas or spaces), on
 * top of the Danish holidays (holidays.ts). Throws on a date that does not exist.
 */
export function parseHolidays(text: string): string[] {
  const dates = text.split(/[\s,;]+/).filter((d) => d !== '');
  for (const date of dates) {
    if (!isIsoDate(date)) throw new Error(`"${date}" is not a date; write dates as YYYY-MM-DD, e.g. 2026-12-23`);
  }
  return [...new Set(dates)];
}

interface LocalTime {
  /** YYYY-MM-DD in Danish time. */
  date: string;
  /** 0 = Monday ... 6 = Sunday. */
  weekday: number;
  /** Minutes after local midnight. */
  minute: number;
}

const localFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
});
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function localTime(at: Date): LocalTime {
  const p = Object.fromEntries(localFormat.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: WEEKDAYS.indexOf(p.weekday!),
    minute: Number(p.hour) * 60 + Number(p.minute),
  };
}

/** Whether the caseworkers are in at `now`: inside a period of that weekday in Danish time, and not on a closed day. */
export function isOpen(hours: OpeningHours, closed: ClosedDays, now: Date): boolean {
  const local = localTime(now);
  if (closed.has(local.date)) return false;
  return hours.days[local.weekday]!.some((p) => p.start <= local.minute && local.minute < p.end);
}

/**
 * When the caseworkers are next in: `now` itself when they are in now, else the first moment a period starts, looking
 * SEARCH_DAYS days ahead in Danish time; null when no period starts in that time (always closed, or only holidays).
 * The answer is always a moment for which isOpen is true; a start in the hour skipped in March moves to 03:00.
 */
export function nextOpening(hours: OpeningHours, closed: ClosedDays, now: Date): Date | null {
  if (isOpen(hours, closed, now)) return now;
  const today = localTime(now).date;
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    const date = addDays(today, offset);
    if (closed.has(date)) continue;
    for (const period of hours.days[weekdayOf(date)]!) {
      const start = instantOf(date, period.start);
      if (start.getTime() > now.getTime() && isOpen(hours, closed, start)) return start;
    }
  }
  return null;
}

/**
 * The first moment at or after the Danish wall-clock time `minute` on `date` (the earlier one when it occurs twice).
 */
function instantOf(date: string, minute: number): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  const wallOf = (t: number) => {
    const l = localTime(new Date(t));
    return Date.parse(`${l.date}T00:00:00Z`) + l.minute * 60_000;
  };
  // The offset is +1 or +2 hours; try the earlier candidate first, so a time that occurs twice (October) is the first.
  for (const hours of [2, 1]) {
    const t = wall - hours * 3_600_000;
    if (wallOf(t) === wall) return new Date(t);
  }
  // The time does not exist (the hour skipped in March): take the first minute after the gap.
  let t = wall - 2 * 3_600_000;
  while (wallOf(t) < wall) t += 60_000;
  return new Date(t);
}

/**
 * A short description for the citizen: "man-tor 9-15, fre 9-13" or "Mon-Thu 9-15, Fri 9-13"; "lukket"/"closed" when
 * never open.
 */
export function describeHours(hours: OpeningHours, lang: 'da' | 'en'): string {
  const groups: string[] = [];
  for (let day = 0; day < 7; day++) {
    const periods = hours.days[day]!;
    if (periods.length === 0) continue;
    const key = periods.map(clock).join();
    let last = day;
    while (last < 6 && hours.days[last + 1]!.map(clock).join() === key) last++;
    const names = SHORT_DAYS[lang];
    const days = last === day ? names[day] : `${names[day]}-${names[last]}`;
    const times = periods
      .map((p) => `${shortTime(p.start, lang)}-${shortTime(p.end, lang)}`)
      .join(lang === 'da' ? ' og ' : ' and ');
    groups.push(`${days} ${times}`);
    day = last;
  }
  if (groups.length === 0) return lang === 'da' ? 'lukket' : 'closed';
  return groups.join(', ');
}

function clock(p: OpeningPeriod): string {
  const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${hm(p.start)}-${hm(p.end)}`;
}

function shortTime(minute: number, lang: 'da' | 'en'): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return m === 0 ? String(h) : `${h}${lang === 'da' ? '.' : ':'}${String(m).padStart(2, '0')}`;
}

/**
 * When a call-back can come: the next opening (nextOpening) in words, in Danish time. "i dag kl. 9.00",
 * "mandag den 30. november kl. 9.00"; English "today at 09:00", "Monday 30 November at 09:00". Null when the
 * caseworkers are never in within SEARCH_DAYS.
 */
export function describeNextOpening(
  hours: OpeningHours,
  closed: ClosedDays,
  now: Date,
  lang: 'da' | 'en',
): string | null {
  const at = nextOpening(hours, closed, now);
  if (at === null) return null;
  const time = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  const sameDay = localTime(at).date === localTime(now).date;
  if (sameDay) return lang === 'da' ? `i dag kl. ${time}` : `today at ${time}`;
  const day = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).formatToParts(at);
  const part = (type: string) => day.find((p) => p.type === type)?.value ?? '';
  return lang === 'da'
    ? `${part('weekday')} den ${part('day')}. ${part('month')} kl. ${time}`
    : `${part('weekday')} ${part('day')} ${part('month')} at ${time}`;
}
