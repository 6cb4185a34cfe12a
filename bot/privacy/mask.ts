import { maskCpr } from './cpr.js';
import { type MatchView, hasDigits, insideIdentifier, matchView, replaceInView } from './normalise.js';

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

/**
 * A Teams conversation id: `19:...@thread.tacv2` (a channel), `@thread.skype` (an older channel), `@thread.v2` (a
 * group chat or meeting), `@unq.gbl.spaces` (a one-to-one chat). It names a conversation, not a person, and
 * bot/teams/README.md tells the operator to copy it from the log, so it is left whole: not taken for an e-mail
 * address, and no digits in it taken for a phone or CPR number. It only starts after "NN:", so a run without one
 * is not scanned.
 */
const TEAMS_ID =
  /(?<![\p{L}\p{N}])\d\d:[\p{L}\p{N}._-]+@(?:thread\.(?:tacv2|skype|v2)|unq\.gbl\.spaces)(?![\p{L}\p{N}.-])/gu;

// Phone numbers, as regular-expression source over the text as normalise.ts reads it (every dash '-', space ' ',
// digit 0-9). Each part has a fixed maximum length, so the scan is linear.
/** +45, 0045, (+45), with spaces or a dash after it. */
const PREFIX = '(?:\\(?(?:\\+|00) ?45\\)?(?: {0,2}-? {0,2}))?';
/** Written without spaces: 12345678, 1234-5678, 12-34-56-78, 12.34.56.78 (one kind of mark in one number). */
const TIGHT = '(?:\\d{8}|\\d{4}[-.]\\d{4}|\\d\\d([-.])\\d\\d\\1\\d\\d\\1\\d\\d)';
/** Written with spaces: 1234 5678, 12 34 56 78, 12 34 5678, 1234 56 78, 12 - 34 - 56 - 78. */
const LOOSE =
  '(?:\\d{4} {1,2}\\d{4}|\\d\\d( {1,2}| {0,2}[-.] {0,2})\\d\\d\\2\\d\\d\\2\\d\\d|\\d\\d {1,2}\\d\\d {1,2}\\d{4}|\\d{4} {1,2}\\d\\d {1,2}\\d\\d)';
const JOIN = '[-.,/_:]';
/**
 * Danish phone numbers: eight digits, optionally after +45, 0045 or (+45). No digit, and no joining punctuation
 * with a digit before it, may precede the number, and none may follow it: that keeps amounts (1.500.000), decimals,
 * dates (01-01-1990, 01.01.1990), times (10.30-12.00), accounts (1234-0012345678) and longer digit runs out. A form
 * with spaces must also not be followed by spaces and a digit, so "45 12 34 56 78" masks the last eight digits and
 * an IBAN in groups of four is left alone. The first digit is not restricted, so a date written as 01011990 or
 * 01 01 1990 is masked too; in a log that loss is cheap.
 */
const PHONE_PATTERN = new RegExp(
  `(?<!\\d|\\d${JOIN})${PREFIX}(?:${TIGHT}(?!\\d|${JOIN}\\d)|${LOOSE}(?! {0,3}\\d|${JOIN}\\d))`,
  'g',
);

const YEAR_RANGE = /^(?:19|20)\d\d-(?:19|20)\d\d$/;

/** A year range (2020-2026) and eight digits in a row inside a GUID or a long hexadecimal id are no phone numbers. */
function notAPhoneNumber(view: MatchView, start: number, end: number): boolean {
  const found = view.text.slice(start, end);
  return YEAR_RANGE.test(found) || (/^\d{8}$/.test(found) && insideIdentifier(view, start, end));
}

/**
 * Replaces every Danish phone number in `text` with PHONE_MASK: eight digits, whole or in groups (12345678,
 * 1234 5678, 1234-5678, 12 34 56 78, 12-34-56-78, 12.34.56.78, 12 34 5678), optionally after +45, 0045 or (+45),
 * read as normalise.ts describes (digits of every script, every dash and space, invisible characters dropped).
 * Not taken for phone numbers: what PHONE_PATTERN's comment lists, a year range (2020-2026), and eight digits
 * inside a GUID or a long hexadecimal id. For removing a call-back number from a transcript as well as for logs.
 */
export function maskPhoneNumbers(text: string): string {
  if (!hasDigits(text, 8)) return text;
  return replaceInView(text, matchView(text), PHONE_PATTERN, PHONE_MASK, notAPhoneNumber).text;
}

/** E-mail addresses, then CPR numbers, then phone numbers, in a piece of text that holds no Teams id. */
function maskAll(text: string): string {
  const withoutEmail = text.replace(EMAIL_PATTERN, EMAIL_MASK);
  return maskPhoneNumbers(maskCpr(withoutEmail).text);
}

/**
 * Masks personal data in a line that is about to be logged or shown to a caseworker: CPR numbers, e-mail addresses
 * and Danish phone numbers (see maskCpr and maskPhoneNumbers for the forms). E-mail goes first so that digits
 * inside an address are not taken for a phone number, and CPR before phone numbers, as the last eight digits of
 * `01 01 90 12 34` would pass for a phone number. A Teams conversation id (`19:...@thread.tacv2`) is left whole.
 */
export function maskPersonalData(text: string): string {
  let out = '';
  let last = 0;
  for (const id of text.matchAll(TEAMS_ID)) {
    out += maskAll(text.slice(last, id.index)) + id[0];
    last = id.index! + id[0].length;
  }
  return last === 0 ? maskAll(text) : out + maskAll(text.slice(last));
}
