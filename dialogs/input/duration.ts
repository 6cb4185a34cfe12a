import type { Lang } from '../../knowledge/search/normalise.js';
import { isMonthName } from './dates.js';
import { isDontKnow } from './dont-know.js';
import { englishDateTimes } from './english.js';
import { type NumberMention, numberMentions } from './numbers.js';
import { hasPhrase, prepare, tokenise } from './text.js';

/**
 * An average calendar month in days (365.25 / 12). Weeks and days become months through it, so "2 uger" is 0.5 and
 * "3 uger" 0.7 (0.69 rounded); a calendar month is not four weeks, and the rules count calendar months.
 */
const DAYS_PER_MONTH = 365.25 / 12;

/** Months per unit, keyed by the folded Danish unit word and its inflections and abbreviations. */
const DANISH_UNITS: Readonly<Record<string, number>> = {
  maned: 1,
  maneder: 1,
  maneds: 1,
  maneders: 1,
  md: 1,
  mdr: 1,
  mdrs: 1,
  mnd: 1,
  mndr: 1,
  mdl: 1,
  ar: 12,
  ars: 12,
  halvar: 6,
  halvars: 6,
  kvartal: 3,
  kvartaler: 3,
  uge: 7 / DAYS_PER_MONTH,
  uger: 7 / DAYS_PER_MONTH,
  uges: 7 / DAYS_PER_MONTH,
  ugers: 7 / DAYS_PER_MONTH,
  dag: 1 / DAYS_PER_MONTH,
  dage: 1 / DAYS_PER_MONTH,
  dages: 1 / DAYS_PER_MONTH,
  dogn: 1 / DAYS_PER_MONTH,
};

/** Months in one of a Danish duration unit (a folded word: "maned", "uger", "ar", "halvar"), or undefined. */
export function danishUnitMonths(key: string): number | undefined {
  return DANISH_UNITS[key];
}

/** Weeks in a number of months (a year is 52 weeks): 6 months are 26 weeks. */
export const weeksOfMonths = (months: number) => (months * 52) / 12;

/** Danish and English ways to say "none so far"; folded words. */
const DANISH_NONE = ['ingen', 'ikke endnu', 'endnu ikke', 'ikke haft', 'aldrig', 'slet ikke', 'ikke startet'];
const ENGLISH_NONE = /(?<![\p{L}])(?:none|never|not yet|haven'?t|have not|hasn'?t|has not|no months?)(?![\p{L}])/u;

/** Text allowed between two parts of one duration: "et år og tre måneder", "1 year, 2 months". */
const JOIN = /^[\s,]*(?:og|and|plus|\+|&)?[\s,]*$/u;

/** One part of a duration, in months, with its place in the prepared text. */
interface Part {
  months: number;
  start: number;
  end: number;
}

function danishParts(prepared: string, mentions: readonly NumberMention[]): { parts: Part[]; bare: NumberMention[] } {
  const tokens = tokenise(prepared);
  const parts: Part[] = [];
  const bare: NumberMention[] = [];
  let t = 0;
  for (const m of mentions) {
    while (t < tokens.length && tokens[t]!.start < m.end) t++;
    const unit = tokens[t]?.kind === 'word' ? DANISH_UNITS[tokens[t]!.key] : undefined;
    if (unit === undefined) bare.push(m);
    else parts.push({ months: m.value * unit, start: m.start, end: tokens[t]!.end });
  }
  return { parts, bare };
}

/** Months in a timex duration ("P6M", "P1.5Y", "P2W", "P14D"), or null for anything else (hours, ranges). */
function timexMonths(timex: string): number | null {
  const m = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?$/.exec(timex);
  if (!m || timex === 'P') return null;
  const [y, mo, w, d] = [m[1], m[2], m[3], m[4]].map((v) => Number(v ?? 0)) as [number, number, number, number];
  return y * 12 + mo + (w * 7 + d) / DAYS_PER_MONTH;
}

function englishParts(prepared: string): { parts: Part[]; bare: NumberMention[] } | null {
  const found = englishDateTimes(prepared, new Date(2000, 0, 1, 12));
  if (!found) return null;
  const parts: Part[] = [];
  for (const r of found) {
    if (r.kind !== 'duration') continue;
    const months = r.timexes.length === 1 ? timexMonths(r.timexes[0]!) : null;
    if (months === null) return null;
    parts.push({ months, start: r.start, end: r.end });
  }
  const inside = (m: NumberMention) => parts.some((p) => m.start >= p.start && m.end <= p.end);
  return { parts, bare: numberMentions(prepared, 'en').filter((m) => !inside(m)) };
}

/**
 * How long, in months, from an answer to "Hvor længe har du haft en mentor?": "6 måneder", "to måneder", "en måned",
 * "et halvt år" (6), "halvandet år" (18), "2 år", "3 uger", "14 dage", "et år og tre måneder" (15); English "6 months",
 * "half a year", "a year and a half", "two weeks". A bare number is months ("4"). "ingen", "ikke endnu",
 * "har ikke haft", "0" (English "none", "not yet", "never") are 0.
 *
 * Weeks and days are converted through the average calendar month and the result is rounded to one decimal.
 * Parts of one duration are added only when nothing but "og"/"and"/a comma stands between them. Null when nothing is
 * understood, when a number stands beside a duration without a unit ("3-4 måneder", "6 eller 7 måneder": which one?),
 * for a negative duration, and for "ved ikke" ("ingen anelse" is not none).
 */
export function parseMonths(text: string, lang: Lang): number | null {
  const prepared = prepare(text);
  if (isDontKnow(text, lang)) return null;
  const found = lang === 'da' ? danishParts(prepared, numberMentions(prepared, 'da')) : englishParts(prepared);
  if (!found) return null;
  const { parts, bare } = found;
  // A day of a month ("slutter 15. december", "until 15 December") is a date, not a duration beside the one given.
  const dayOfMonth = (m: NumberMention) => {
    const next = tokenise(prepared.slice(m.end))[0];
    return next?.kind === 'word' && isMonthName(next.key);
  };
  const strongBare = bare.filter((m) => !m.weak && !dayOfMonth(m));
  let months: number;
  if (parts.length > 0) {
    if (strongBare.length > 0) return null;
    for (let i = 1; i < parts.length; i++) {
      if (!JOIN.test(prepared.slice(parts[i - 1]!.end, parts[i]!.start))) return null;
    }
    months = parts.reduce((sum, p) => sum + p.months, 0);
  } else if (new Set(strongBare.map((m) => m.value)).size === 1) {
    months = strongBare[0]!.value;
  } else if (strongBare.length === 0 && saysNone(prepared, lang)) {
    return 0;
  } else {
    return null;
  }
  if (months < 0) return null;
  return Math.round(months * 10) / 10;
}

function saysNone(prepared: string, lang: Lang): boolean {
  if (lang === 'en') return ENGLISH_NONE.test(prepared);
  const keys = tokenise(prepared).map((t) => t.key);
  return DANISH_NONE.some((phrase) => hasPhrase(keys, phrase));
}
