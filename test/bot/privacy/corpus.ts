import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { projectRoot } from '../../../knowledge/paths.js';
import { CPR_MASK } from '../../../bot/privacy/cpr.js';

/** One way of writing a CPR number (test/cases/privacy/cpr-corpus.yaml). */
export interface CprForm {
  form: string;
  text: string;
  /** What is left after masking. */
  masked: string;
  /** The numbers in the text, as ten ASCII digits. */
  cpr: string[];
}

/** Text that must not be taken for a CPR number (test/cases/privacy/false-positives.yaml). */
export interface FalsePositive {
  what: string;
  text: string;
  phone: boolean;
}

function casesFile(name: string): unknown {
  return YAML.parse(readFileSync(join(projectRoot(), 'test', 'cases', 'privacy', name), 'utf8'));
}

export function cprCorpus(): CprForm[] {
  const { forms } = casesFile('cpr-corpus.yaml') as { forms: (Omit<CprForm, 'masked'> & { masked?: string })[] };
  return forms.map((f) => ({ ...f, masked: f.masked ?? CPR_MASK }));
}

export function falsePositives(): FalsePositive[] {
  const { rows } = casesFile('false-positives.yaml') as {
    rows: (Omit<FalsePositive, 'phone'> & { phone?: boolean })[];
  };
  return rows.map((r) => ({ ...r, phone: r.phone ?? false }));
}

/**
 * The value of a decimal digit of any script. Written here apart from bot/privacy/normalise.ts on purpose, so a
 * mistake there cannot hide the same mistake in the search: Unicode assigns decimal digits in runs of ten, 0 to 9.
 */
function digitValue(ch: string): string {
  let zero = ch.codePointAt(0)!;
  while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return String((ch.codePointAt(0)! - zero) % 10);
}

/**
 * `text` with only its letters and digits left, digits of every script as 0-9, after Unicode NFKC: whatever was
 * between the digits of a number (dashes, spaces, dots, invisible characters, line breaks) is gone, so a number
 * written in any form is found by its ten digits.
 */
export function digitsAndLetters(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Nd}/gu, digitValue)
    .replace(/[^\p{L}0-9]/gu, '');
}

/** The numbers of `numbers` that can be found in `text` in any form (see digitsAndLetters). */
export function numbersIn(text: string, numbers: Iterable<string>): string[] {
  const seen = digitsAndLetters(text);
  return [...numbers].filter((n) => seen.includes(n));
}

/** Every string in a parsed JSON value, keys included. Iterative: stored values may nest deep. */
export function stringsIn(value: unknown): string[] {
  const out: string[] = [];
  const work = [value];
  while (work.length > 0) {
    const v = work.pop();
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) work.push(...v);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        out.push(k);
        work.push(x);
      }
    }
  }
  return out;
}
