import { type IsoDate, addDays, isIsoDate } from '../../knowledge/dates.js';
import type { Lang } from '../../knowledge/search/normalise.js';
import { englishDateTimes } from './english.js';
import { prepare, tokenise } from './text.js';

/** Month numbers by name and common abbreviation, Danish and English (a month name is never ambiguous). */
const MONTHS: Readonly<Record<string, number>> = {
  januar: 1,
  january: 1,
  jan: 1,
  februar: 2,
  february: 2,
  feb: 2,
  marts: 3,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** Whether a word is the name or common abbreviation of a month ("december", "dec", "May"). */
export const isMonthName = (word: string): boolean => Object.hasOwn(MONTHS, word.toLowerCase());
// Longest names first, so "marts" is not read as "mar" followed by "ts".
const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** "2026-05-03": year first, in every language. */
const ISO = /(?<![\p{N}])(\d{4})-(\d{1,2})-(\d{1,2})(?![\p{N}])/gu;
/** "03-05-2026", "3/5-2026", "3/5/2026", "03.05.26": two numbers and a year. */
const NUMERIC = /(?<![\p{N}./-])(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?![\p{N}])/gu;
/** "3/5": day and month, Danish only. */
const DAY_SLASH_MONTH = /(?<![\p{N}./-])(\d{1,2})\/(\d{1,2})(?![\p{N}]|[./-]\d)/gu;
/** "3. maj 2026", "3 maj", "3rd of May 2026". */
const DAY_MONTH = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s*(?:of\\s+)?(${MONTH})\\.?(?![\\p{L}])(?:,?\\s*(\\d{4})(?![\\p{N}]))?`,
  'gu',
);
/** "May 3, 2026", "may 3rd": English only. */
const MONTH_DAY = new RegExp(
  `(?<![\\p{L}])(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{N}])(?:,?\\s*(\\d{4})(?![\\p{N}]))?`,
  'gu',
);

/** Days from today, by folded phrase; a phrase that holds another comes before it. */
const DANISH_RELATIVE: readonly [string, number][] = [
  ['i dag', 0],
  ['idag', 0],
  ['i morgen', 1],
  ['imorgen', 1],
  ['i overmorgen', 2],
  ['i gar', -1],
  ['igar', -1],
  ['i forgars', -2],
];
const ENGLISH_RELATIVE: readonly [string, number][] = [
  ['day after tomorrow', 2],
  ['day before yesterday', -2],
  ['today', 0],
  ['tomorrow', 1],
  ['yesterday', -1],
];

/** Removes every occurrence of `phrase` (folded words) from `keys`; true when there was one. */
function takePhrase(keys: string[], phrase: string): boolean {
  const want = phrase.split(' ');
  let found = false;
  for (let i = 0; i + want.length <= keys.length; i++) {
    if (want.every((w, j) => keys[i + j] === w)) {
      keys.splice(i, want.length);
      found = true;
      i--;
    }
  }
  return found;
}

/** A date read from text, or 'invalid' when its parts name no day (31 February) or leave it open (see parseDate). */
type Found = IsoDate | 'invalid';

function isoOf(year: number, month: number, day: number): Found {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : 'invalid';
}

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/**
 * Day and month of a numeric date. Danish is always day first. English numeric dates are day first in Britain and
 * month first in the US, so they are read only when one reading is impossible ("13/05", "05/13") or both agree.
 */
function dayAndMonth(a: number, b: number, lang: Lang): [number, number] | null {
  if (lang === 'da' || a === b) return [a, b];
  if (a > 12 && b <= 12) return [a, b];
  if (b > 12 && a <= 12) return [b, a];
  return null;
}

function explicitDates(prepared: string, lang: Lang, today: IsoDate): Found[] {
  const year = Number(today.slice(0, 4));
  const out: Found[] = [];
  for (const m of prepared.matchAll(ISO)) out.push(isoOf(Number(m[1]), Number(m[2]), Number(m[3])));
  for (const m of prepared.matchAll(NUMERIC)) {
    const dm = dayAndMonth(Number(m[1]), Number(m[2]), lang);
    out.push(dm ? isoOf(fullYear(m[3]!), dm[1], dm[0]) : 'invalid');
  }
  if (lang === 'da') {
    for (const m of prepared.matchAll(DAY_SLASH_MONTH)) out.push(isoOf(year, Number(m[2]), Number(m[1])));
  }
  for (const m of prepared.matchAll(DAY_MONTH)) {
    out.push(isoOf(m[3] ? Number(m[3]) : year, MONTHS[m[2]!]!, Number(m[1])));
  }
  if (lang === 'en') {
    for (const m of prepared.matchAll(MONTH_DAY)) {
      out.push(isoOf(m[3] ? Number(m[3]) : year, MONTHS[m[1]!]!, Number(m[2])));
    }
  }
  // Longer phrases come first and are taken out, so "the day after tomorrow" is not also "tomorrow".
  const keys = tokenise(prepared).map((t) => t.key);
  for (const [phrase, days] of lang === 'da' ? DANISH_RELATIVE : ENGLISH_RELATIVE) {
    if (takePhrase(keys, phrase)) out.push(addDays(today, days));
  }
  return out;
}

/** English phrases our patterns do not cover ("next friday"), when the recognizers resolve them to one day. */
function englishFallback(prepared: string, today: IsoDate): IsoDate | null {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const found = englishDateTimes(prepared, new Date(y, m - 1, d, 12)) ?? [];
  const dates = found.filter((r) => r.kind === 'date');
  if (dates.length !== 1) return null;
  const values = new Set(dates[0]!.values);
  const [only] = values;
  return values.size === 1 && isIsoDate(only) ? only : null;
}

/**
 * A calendar day. Danish: "3. maj 2026", "3 maj 2026", "den 3. maj 2026", "03-05-2026", "3/5-2026", "3/5/2026",
 * "03.05.2026", "3/5", always day first; "i dag", "i morgen", "i går"; two-digit years are 20xx. English:
 * "May 3, 2026", "3 May 2026", "2026-05-03", "today", "tomorrow", "yesterday", and what Recognizers-Text resolves
 * to one day ("next friday"); an English numeric date is read only when it cannot be month-first and day-first at
 * once. A date without a year ("3. maj") takes the year of `today`, even when that day has passed.
 *
 * Null when there is no date, a day that does not exist ("31. februar"), an ambiguous English numeric date, or
 * several different dates.
 */
export function parseDate(text: string, lang: Lang, today: IsoDate): IsoDate | null {
  if (!isIsoDate(today)) throw new Error(`parseDate: today must be a YYYY-MM-DD date, got ${JSON.stringify(today)}`);
  const prepared = prepare(text);
  const found = explicitDates(prepared, lang, today);
  if (found.length === 0) return lang === 'en' ? englishFallback(prepared, today) : null;
  const distinct = new Set(found);
  const [only] = distinct;
  return distinct.size === 1 && only !== 'invalid' ? only! : null;
}

/** "i august", "august 2026", "in October": a month, with its year when given. */
const MONTH_YEAR = new RegExp(`(?<![\\p{L}])(${MONTH})\\.?(?![\\p{L}])(?:\\s*(\\d{4})(?![\\p{N}]))?`, 'gu');

/**
 * The first day or month the text names that lies in the past (or today): a date as parseDate reads one, else a month
 * with or without its year ("startede i august" in November is this year's August; "i december" is last year's).
 * For a text about something that happened ("jeg blev optaget i august"). Null when it names none.
 */
export function pastDateMentioned(text: string, lang: Lang, today: IsoDate): { date: IsoDate; said: string } | null {
  const prepared = prepare(text);
  const found: { date: IsoDate; said: string }[] = [];
  for (const d of explicitDates(prepared, lang, today))
    if (d !== 'invalid' && d <= today) found.push({ date: d, said: d });
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  for (const m of prepared.matchAll(MONTH_YEAR)) {
    // A month with its day ("4. august") is a date, read above.
    if (/\d\.?\s*(?:of\s+)?$/u.test(prepared.slice(0, m.index))) continue;
    const n = MONTHS[m[1]!]!;
    // "may" is also a verb: in English, only with its year.
    if (lang === 'en' && m[1] === 'may' && !m[2]) continue;
    const y = m[2] ? Number(m[2]) : n <= month ? year : year - 1;
    const first = isoOf(y, n, 1);
    if (first !== 'invalid' && first <= today) found.push({ date: first, said: m[0] });
  }
  // The earliest: "optaget 4. august og startede 17. august" was admitted on the 4th.
  return found.sort((a, b) => a.date.localeCompare(b.date))[0] ?? null;
}
