import { maskCpr } from './cpr.js';

/** What a masked e-mail address is replaced with. */
export const EMAIL_MASK = '[e-mail fjernet]';
/** What a masked phone number is replaced with. */
export const PHONE_MASK = '[telefonnummer fjernet]';

// Own patterns rather than @microsoft/recognizers-text-suite: its recognizeEmail misses addresses with æøå in
// them (for "søren@kommune.dk" it finds only "ren@kommune.dk", so part of the address would stay in the log),
// takes seconds on long dotted text, and its recognizePhoneNumber also takes dates such as 01-01-1990.

// The local part may only start after a character that cannot belong to it, so a long run without '@' is
// scanned once instead of once per position. Letters include æøå; the domain needs at least one dot.
const EMAIL_PATTERN = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

const SPACE = '[ \\u00A0]';
const PREFIX = `(?:\\(?(?:\\+|00)45\\)?${SPACE}?)?`; // +45, 0045, (+45)
// 12345678 on its own; a digit right after it, or '.' or ',' and a digit, makes it part of something longer.
const COMPACT = '\\d{8}(?![.,]?\\d)';
// 12 34 56 78, 12-34-56-78, 1234 5678: one kind of separator within a number. A space and a digit after it also
// make it part of a longer spaced-out run, so "45 12 34 56 78" masks the last eight digits, not the first.
const SPACED = `(?:\\d\\d(${SPACE}|-)\\d\\d\\1\\d\\d\\1\\d\\d|\\d{4}${SPACE}\\d{4})(?![.,-]?\\d|${SPACE}\\d)`;
/**
 * Danish phone numbers: eight digits, optionally after +45, 0045 or (+45). No digit, and no '.' or ',' with a
 * digit before it, may precede the number: that keeps amounts (1.500.000), decimals and longer digit runs out.
 * The first digit is not restricted, so a date written as 01011990 is masked too; in a log that loss is cheap.
 */
const PHONE_PATTERN = new RegExp(`(?<!\\d|\\d[.,])${PREFIX}(?:${COMPACT}|${SPACED})`, 'g');

/**
 * Masks personal data in a line that is about to be logged: CPR numbers, e-mail addresses and Danish phone
 * numbers (eight digits, with or without +45 or 0045 and spaces). E-mail goes first so that digits inside an
 * address are not taken for a phone number, and CPR before phone numbers, as the last eight digits of
 * `01 01 90 12 34` would pass for a phone number.
 */
export function maskPersonalData(text: string): string {
  const withoutEmail = text.replace(EMAIL_PATTERN, EMAIL_MASK);
  return maskCpr(withoutEmail).text.replace(PHONE_PATTERN, PHONE_MASK);
}
