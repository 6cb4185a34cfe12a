import { type MatchView, hasDigits, insideIdentifier, matchView, replaceInView } from './normalise.js';

/** What a masked CPR number is replaced with. */
export const CPR_MASK = '[CPR-nummer fjernet]';

// Building blocks, as regular-expression source over the text as normalise.ts reads it: every dash is '-', every
// space ' ', every digit 0-9. Every part has a fixed maximum length, so each start position costs a bounded amount
// of work and the whole scan is linear in the length of the text.
const DAY = '(?:0[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0[1-9]|1[0-2])';
const MARK = '[-./_]';
/** Between the parts of a number written without spaces: "01.01.90-1234", "010190/1234". */
const TIGHT = MARK;
/** Between the parts of a number written with spaces: "0101 90-1234", "010190 - 1234", "01 01 90 12 34". */
const LOOSE = `(?: {0,3}${MARK} {0,3}| {1,3})`;
/** Punctuation that joins digit groups into one longer number: 1.500.000, 12,5, 01-01-1990, 12/3, 10:30. */
const JOIN = '[-.,/_:]';

/**
 * ddmmyy and the serial, with an optional separator between the date parts and before the serial. A serial in two
 * pairs ("12 34", "12-34") needs a separator before it too, so "01.01.2026 14 deltagere" (a date with a four-digit
 * year and a number) is no CPR number.
 */
function cprShape(separator: string): string {
  return `${DAY}${separator}?${MONTH}${separator}?\\d\\d(?:${separator}?\\d{4}|${separator}\\d\\d${separator}\\d\\d)`;
}

/**
 * Digit-boundary rules, so that only a number that is a CPR number on its own is masked:
 * 1. No digit right before or after it: an 11-digit or longer run (a 14-digit case number) is never masked.
 * 2. No joining punctuation with a digit beyond it (`1.0101901234`, `0101901234,50`, `010190-1234-5678`,
 *    `2024/010190-1234`, `1234-0012345678`): the ten digits are then part of a longer number, amount, date or account.
 * 3. A form written with spaces must also not have spaces and a digit beyond it: in `01 01 90 12 34 56` the ten
 *    digits are a piece of a longer spaced-out number. The forms without spaces allow it, so that
 *    `010190-1234 12345678` (a CPR number and then a phone number) is still masked.
 * 4. Ten digits in a row inside a GUID or a long hexadecimal id (a Teams id, a hash) are part of the id.
 * Letters next to the number do not block it: `cpr:0101901234` and `cpr0101901234` are masked, since a masked log
 * ID costs little and a leaked CPR number is a breach. The LOOSE alternative also matches the forms without spaces;
 * that is harmless, as its boundary rules are stricter and the TIGHT alternative is tried first.
 */
const CPR_PATTERN = new RegExp(
  `(?<!\\d|\\d${JOIN})(?:${cprShape(TIGHT)})(?!\\d|${JOIN}\\d)` +
    `|(?<!\\d {0,3}|\\d${JOIN})(?:${cprShape(LOOSE)})(?! {0,3}\\d|${JOIN}\\d)`,
  'g',
);

/** Rule 4: ten digits in a row inside a GUID or a long hexadecimal id are part of the id (see insideIdentifier). */
const partOfIdentifier = (view: MatchView, start: number, end: number) =>
  end - start === 10 && insideIdentifier(view, start, end);

/**
 * Replaces every Danish CPR number in `text` with CPR_MASK and says how many it replaced.
 *
 * A CPR number is ddmmyy plus four digits, where the first six are a plausible date: day 01-31 and month 01-12.
 * The modulus-11 check is deliberately not applied, as many numbers issued since 2007 fail it. The text is read as
 * normalise.ts describes (NFKC, digits of every script, every dash and space, invisible characters dropped), and
 * only the number is replaced in the original.
 *
 * Caught: `0101901234`, and a dot, dash, slash, underscore or up to three spaces (also around a mark) between the
 * date parts and before the serial, the serial whole or in two pairs: `010190-1234`, `01.01.90-1234`,
 * `01/01/90 1234`, `0101 90-1234`, `010190_1234`, `010190 - 1234`, `01 01 90 12 34`, `01-01-90-12-34`, also split
 * over two lines, glued to a label (`cpr:0101901234`, `CPR0101901234`) or inside JSON.
 * Left alone (the boundary rules above): a number glued to more digits, or to joining punctuation and a digit; a date
 * with a four-digit year (`01.01.1990`); phone numbers, amounts, times and case numbers; ten digits in a row inside a
 * GUID or a long hexadecimal id. Masked although it is no CPR number, as it reads exactly like one: a date with a
 * two-digit year and a time in pairs (`01.01.26 10.30`), and any other ten digits that fit the pattern.
 * Runs in time linear in the length of `text`, and returns at once when it holds fewer than ten digits.
 */
export function maskCpr(text: string): { text: string; count: number } {
  if (!hasDigits(text, 10)) return { text, count: 0 };
  return replaceInView(text, matchView(text), CPR_PATTERN, CPR_MASK, partOfIdentifier);
}
