/** What a masked CPR number is replaced with. */
export const CPR_MASK = '[CPR-nummer fjernet]';

// Building blocks, as regular-expression source. Every part has a fixed maximum length, so each start position
// costs a bounded amount of work and the whole scan is linear in the length of the text.
const SPACE = '[ \\u00A0]';
const DASH = '[\\-\\u2010\\u2011\\u2013]'; // hyphen-minus, hyphen, non-breaking hyphen, en dash
const DAY = '(?:0[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0[1-9]|1[0-2])';
/** Punctuation that joins digit groups into one longer number: 1.500.000, 12,5, 01-01-1990, 12/3. */
const JOIN = `[.,/]|${DASH}`;

// "0101901234", "010190-1234", "010190–1234": no spaces anywhere.
const COMPACT = `${DAY}${MONTH}\\d\\d${DASH}?\\d{4}`;
// "010190 1234", "01 01 90 12 34", "01 01 90-1234", "010190 - 1234": spaces somewhere.
const SPACED_DATE = `(?:${DAY}${MONTH}\\d\\d|${DAY}${SPACE}${MONTH}${SPACE}\\d\\d)`;
const SPACED_SERIAL = `(?:\\d{4}|\\d\\d${SPACE}\\d\\d)`;
const SPACED_GAP = `(?:${SPACE}?${DASH}${SPACE}?|${SPACE})?`;
const SPACED = `${SPACED_DATE}${SPACED_GAP}${SPACED_SERIAL}`;

/**
 * Digit-boundary rules, so that only a number that is a CPR number on its own is masked:
 * 1. No digit right before or after it: an 11-digit or longer run (a 14-digit case number) is never masked.
 * 2. No joining punctuation with a digit beyond it (`1.0101901234`, `0101901234,50`, `010190-1234-5678`,
 *    `2024/010190-1234`): the ten digits are then part of a longer number, amount or date.
 * 3. A form written with spaces must also not have a space and a digit beyond it: in `01 01 90 12 34 56` the
 *    ten digits are a piece of a longer spaced-out number. The compact forms allow it, so that
 *    `010190-1234 12345678` (a CPR number and then a phone number) is still masked.
 * Letters next to the number do not block it: `cpr:0101901234` and `cpr0101901234` are masked, since a masked
 * log ID costs little and a leaked CPR number is a breach. The SPACED alternative below also matches the compact
 * forms (its gap and spaces are optional); that is harmless, as the COMPACT alternative is tried first and its
 * looser rule is the one that applies to them.
 */
const CPR_PATTERN = new RegExp(
  `(?<!\\d|\\d(?:${JOIN}))(?:${COMPACT})(?!\\d|(?:${JOIN})\\d)` +
    `|(?<!\\d|\\d(?:${JOIN}|${SPACE}))(?:${SPACED})(?!\\d|(?:${JOIN}|${SPACE})\\d)`,
  'g',
);

/**
 * Replaces every Danish CPR number in `text` with CPR_MASK and says how many it replaced.
 *
 * A CPR number is ddmmyy plus four digits, where the first six are a plausible date: day 01-31 and month 01-12.
 * The modulus-11 check is deliberately not applied, as many numbers issued since 2007 fail it. Accepted
 * spellings: `0101901234`, `010190-1234` (also with an en dash or spaces around the dash), `010190 1234` and
 * `01 01 90 12 34`. See the boundary rules above for what is left alone (phone numbers, dates, amounts and
 * longer digit runs). Runs in time linear in the length of `text`.
 */
export function maskCpr(text: string): { text: string; count: number } {
  let count = 0;
  const masked = text.replace(CPR_PATTERN, () => {
    count++;
    return CPR_MASK;
  });
  return { text: masked, count };
}
