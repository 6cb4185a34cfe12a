import type { Lang } from '../../knowledge/search/normalise.js';
import { danishUnitMonths, weeksOfMonths } from './duration.js';
import { numberMentions } from './numbers.js';
import { type Token, prepare, tokenise } from './text.js';

/**
 * What an employer wrote about a mentor's cost, as people write it: an amount in kroner ("230 kr", "kr. 230,50",
 * "230 kroner i timen", "230,-"), hours ("3 timer om ugen", "3 t/uge"), a period ("26 uger", "6 måneder", "et halvt
 * år") and additions in per cent ("plus 12 % pension", "12,5 procent feriepenge"). English: "230 kr an hour", "3 hours
 * a week", "26 weeks", "half a year", "12% pension". Each figure is read only where its unit says what it is, so "3"
 * alone is nothing; `perHour` and `perWeek` say whether the amount and the hours were said to be per hour and per week.
 */
export interface CostMention {
  amount?: number;
  perHour?: boolean;
  hoursPerWeek?: number;
  perWeek?: boolean;
  weeks?: number;
  holidayPayPercent?: number;
  pensionPercent?: number;
  otherContributionsPercent?: number;
  /** The text speaks of a consultant's fee. */
  consultant?: boolean;
  /** The amount was a monthly pay: `amount` is that pay per hour (MONTHLY_HOURS a month), this the pay itself. */
  monthlyPay?: number;
}

/** Hours in a month of full-time work (37 hours a week): a monthly pay divided by these is the pay per hour. */
export const MONTHLY_HOURS = 160.33;

interface Words {
  kroner: ReadonlySet<string>;
  /** Words after an amount that make it per hour ("i timen", "pr. time", "an hour"). */
  perHour: RegExp;
  hours: ReadonlySet<string>;
  perWeek: RegExp;
  /** After hours: per day (five working days a week), every other week, per month. */
  perDay: RegExp;
  everyOtherWeek: RegExp;
  perMonth: RegExp;
  percent: ReadonlySet<string>;
  holidayPay: RegExp;
  pension: RegExp;
  other: RegExp;
  consultant: RegExp;
  /** A monthly pay named before the amount ("månedsløn på 28.000 kr"). */
  monthlyPay: RegExp;
  /** Months in a duration unit word. */
  months: (key: string) => number | undefined;
}

const DANISH: Words = {
  kroner: new Set(['kr', 'kroner', 'krone', 'dkk', 'kr.']),
  perHour:
    /^[\s.,]*(?:i|pr\.?|per|om|hver|\/)\s*(?:timen|time|t)\b|^[\s.,]*(?:i\s+)?timel[øo]n\b|^\s*\/\s*t(?:ime)?\b/u,
  hours: new Set(['timer', 'time', 't', 'timers']),
  perWeek: /^[\s.,]*(?:om|pr\.?|per|i|hver|\/)\s*(?:ugen|uge)\b|^[\s.,]*ugentlig(?:t)?\b/u,
  perDay: /^[\s.,]*(?:om|pr\.?|per|i|hver|\/)\s*(?:dagen|dag)\b|^[\s.,]*dagligt?\b/u,
  everyOtherWeek: /^[\s.,]*(?:hver|hveranden)\s*(?:anden|andet|2\.?)\s*uge\b|^[\s.,]*hver\s+14\.?\s*dag\b/u,
  perMonth:
    /^[\s.,]*(?:om|pr\.?|per|i|hver|\/)\s*(?:måneden|maaneden|maneden|måned|maaned|maned|md\.?)\b|^[\s.,]*månedligt?\b/u,
  percent: new Set(['procent', 'pct']),
  holidayPay: /feriepenge|ferietill[æa]g|ferie/u,
  pension: /pension/u,
  other: /bidrag|atp|arbejdsgiverudgift|tillæg/u,
  consultant: /konsulent|honorar/u,
  monthlyPay: /m[åa]a?nedsl[øo]e?n|m[åa]a?nedsindt[æa]e?gt/u,
  months: danishUnitMonths,
};

const ENGLISH_UNITS: Readonly<Record<string, number>> = {
  week: 12 / 52,
  weeks: 12 / 52,
  month: 1,
  months: 1,
  year: 12,
  years: 12,
};

const ENGLISH: Words = {
  kroner: new Set(['kr', 'kroner', 'krone', 'dkk']),
  perHour: /^[\s.,]*(?:an|per|a|each|\/)\s*(?:hour|hr|h)\b|^\s*\/\s*h(?:our)?\b/u,
  hours: new Set(['hours', 'hour', 'hrs', 'hr', 'h']),
  perWeek: /^[\s.,]*(?:a|per|each|every|\/)\s*week\b|^[\s.,]*weekly\b/u,
  perDay: /^[\s.,]*(?:a|per|each|every|\/)\s*(?:day|working day|workday)\b|^[\s.,]*daily\b/u,
  everyOtherWeek: /^[\s.,]*every\s+(?:other|second|2nd)\s+week\b|^[\s.,]*(?:fortnightly|biweekly)\b/u,
  perMonth: /^[\s.,]*(?:a|per|each|every|\/)\s*month\b|^[\s.,]*monthly\b/u,
  percent: new Set(['percent', 'per cent', 'pct']),
  holidayPay: /holiday/u,
  pension: /pension/u,
  other: /contribution|atp/u,
  consultant: /consultant|fee/u,
  monthlyPay: /monthly (?:salary|pay|wage)/u,
  months: (key) => ENGLISH_UNITS[key],
};

/** The words that choose one figure after a range ("lad os sige 4,5", "let's say 4.5"), just before the figure. */
const CHOOSING = /\b(?:lad os sige|lad os bare sige|siger vi|sig|skriv|let's say|lets say|say|call it|make it)\s*$/u;

/** "half a year", "half a month": English halves that the number reader leaves alone. */
const ENGLISH_HALF = /\bhalf an? (year|month|week)\b|\ba (year|month|week) and a half\b/u;

/** Reads what the text says about a mentor's cost (see CostMention). Figures it cannot place are left out. */
export function parseCostMention(text: string, lang: Lang): CostMention {
  const prepared = prepare(text).slice(0, 1000);
  const words = lang === 'da' ? DANISH : ENGLISH;
  const tokens = tokenise(prepared);
  const out: CostMention = {};
  const tokenAfter = (end: number): Token | undefined => tokens.find((t) => t.start >= end);
  const tokenBefore = (start: number): Token | undefined => [...tokens].reverse().find((t) => t.end <= start);
  for (const m of numberMentions(prepared, lang)) {
    if (m.value < 0) continue;
    const after = prepared.slice(m.end);
    const next = tokenAfter(m.end);
    const previous = tokenBefore(m.start);
    const nextKey = next?.kind === 'word' ? next.key : '';
    // A percentage: "12 %", "12 procent", "12,5 pct.", with its label near it ("pension", "feriepenge").
    if (/^\s*%/.test(after) || words.percent.has(nextKey)) {
      // The label after the figure ("12 % pension"), else the one before it ("pension 12 %"), up to another figure.
      // A label belongs to its own part of a list: "feriepenge 12,5 % og pension 8 %" has two.
      const part = /\d|,|;|\b(?:og|samt|plus|and)\b/u;
      const following = after.slice(0, 30).split(part)[0]!;
      const preceding = prepared
        .slice(Math.max(0, m.start - 30), m.start)
        .split(part)
        .at(-1)!;
      const label = (where: string) =>
        words.pension.test(where)
          ? 'pension'
          : words.holidayPay.test(where)
            ? 'holiday'
            : words.other.test(where)
              ? 'other'
              : null;
      const kind = label(following) ?? label(preceding) ?? 'other';
      if (kind === 'pension') out.pensionPercent = m.value;
      else if (kind === 'holiday') out.holidayPayPercent = m.value;
      else out.otherContributionsPercent = m.value;
      continue;
    }
    // An amount: "230 kr", "230 kroner", "230,-", "kr. 230", "dkk 230".
    const kronerAfter = words.kroner.has(nextKey) || /^,-/.test(after);
    const kronerBefore =
      previous?.kind === 'word' &&
      words.kroner.has(previous.key) &&
      /^[\s.:]*$/.test(prepared.slice(previous.end, m.start));
    if (kronerAfter || kronerBefore) {
      out.amount = m.value;
      const rest =
        kronerAfter && next && words.kroner.has(nextKey) ? prepared.slice(next.end) : after.replace(/^,-/, '');
      if (words.perHour.test(rest)) out.perHour = true;
      else if (
        m.value >= 1000 &&
        (words.perMonth.test(rest) || words.monthlyPay.test(prepared.slice(Math.max(0, m.start - 30), m.start)))
      ) {
        // "28.000 kr om måneden", "månedsløn på 28.000 kr": the pay per hour of a full-time month.
        out.monthlyPay = m.value;
        out.amount = Math.round((m.value / MONTHLY_HOURS) * 100) / 100;
        out.perHour = true;
      }
      continue;
    }
    // Hours: "3 timer om ugen", "3 t/uge", "3 hours a week".
    if (next?.kind === 'word' && words.hours.has(next.key) && next.start - m.end <= 1) {
      // "i timen" after an amount is per hour, not hours; a number of hours needs its unit straight after it.
      const rest = prepared.slice(next.end);
      // Hours a day count five working days; every other week half; a month 12/52 of it. Rounded to a quarter hour.
      const factor = words.perDay.test(rest)
        ? 5
        : words.everyOtherWeek.test(rest)
          ? 0.5
          : words.perMonth.test(rest)
            ? 12 / 52
            : 1;
      out.hoursPerWeek = Math.round(m.value * factor * 4) / 4;
      if (factor !== 1 || words.perWeek.test(rest)) out.perWeek = true;
      continue;
    }
    // An amount without "kr" but per hour: "245,50 i timen", "230 pr. time", "190 an hour".
    if (words.perHour.test(after) && m.value >= 10) {
      out.amount = m.value;
      out.perHour = true;
      continue;
    }
    // A period: "26 uger", "6 måneder", "et halvt år" (0.5 år), "2 years".
    const months = next?.kind === 'word' ? words.months(next.key) : undefined;
    if (months !== undefined) {
      out.weeks = Math.round(weeksOfMonths(m.value * months));
      continue;
    }
    // A choice made after a range: "mellem 4 og 5 timer, lad os sige 4,5" is 4.5 hours.
    if (out.hoursPerWeek !== undefined && CHOOSING.test(prepared.slice(Math.max(0, m.start - 20), m.start)))
      out.hoursPerWeek = m.value;
  }
  if (lang === 'en') {
    const half = ENGLISH_HALF.exec(prepared);
    if (half && out.weeks === undefined) {
      const unit = half[1] ?? half[2]!;
      const months = (ENGLISH_UNITS[unit] ?? 0) * (half[1] ? 0.5 : 1.5);
      out.weeks = Math.round(weeksOfMonths(months));
    }
  }
  if (words.consultant.test(prepared)) out.consultant = true;
  return out;
}

/** `cost` with the figures `said` gives in place of its own (the flags perHour and perWeek are not figures). */
export function withFigures(cost: CostMention, said: CostMention): CostMention {
  const out: CostMention = { ...cost };
  for (const [k, v] of Object.entries(said))
    if (v !== undefined && k !== 'perHour' && k !== 'perWeek') (out as Record<string, unknown>)[k] = v;
  return out;
}

/**
 * Whether a message asks for an estimate by itself: it names an amount per hour (or a wage or fee) and hours, so the
 * estimate can be given at once ("hvad kan vi få dækket, hvis mentoren tjener 230 kr. i timen og bruger 3 timer om
 * ugen i et halvt år?").
 */
export function isCostQuestion(c: CostMention): boolean {
  return c.amount !== undefined && c.perHour === true && c.hoursPerWeek !== undefined;
}
