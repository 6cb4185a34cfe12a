import type { Token } from './text.js';

/**
 * Danish numbers in words and digits, read from tokens (see text.ts). Keys are folded words, so "én" is "en".
 *
 * Covers 0-99 in words (also the old long forms "halvtredsindstyve" and the compounds "enogtyve", and the same
 * written apart, "en og tyve"), hundreds and thousands ("to hundrede og tyve", "tusind"), halves ("en halv",
 * "et halvt", "halvanden", "halvandet", "to og en halv", "1½") and digits with Danish separators: decimal comma
 * ("2,5"), thousands dot ("1.500"; a dot before anything but groups of three digits is read as a decimal point,
 * "2.5", because people type that too).
 */

const UNITS: Readonly<Record<string, number>> = {
  nul: 0,
  en: 1,
  et: 1,
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  syv: 7,
  otte: 8,
  ni: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  ti: 10,
  elleve: 11,
  tolv: 12,
  tretten: 13,
  fjorten: 14,
  femten: 15,
  seksten: 16,
  sytten: 17,
  atten: 18,
  nitten: 19,
};
const TENS: Readonly<Record<string, number>> = {
  tyve: 20,
  tredive: 30,
  tredve: 30,
  fyrre: 40,
  fyrretyve: 40,
  halvtreds: 50,
  halvtredsindstyve: 50,
  tres: 60,
  tresindstyve: 60,
  halvfjerds: 70,
  halvfjerdsindstyve: 70,
  firs: 80,
  firsindstyve: 80,
  halvfems: 90,
  halvfemsindstyve: 90,
};
const HUNDRED = new Set(['hundrede', 'hundred']);
const THOUSAND = new Set(['tusind', 'tusinde']);
const HALF = new Set(['halv', 'halvt', 'halve']);
const ONE_AND_A_HALF = new Set(['halvanden', 'halvandet']);

/** "enogtyve", "toogfyrre", "niogfirsindstyve": a unit, "og", a ten, written as one word. */
const COMPOUND = new RegExp(`^(en|to|tre|fire|fem|seks|syv|otte|ni)og(${Object.keys(TENS).join('|')})$`);

/** A number found in text. Offsets refer to the prepared text. */
export interface NumberMention {
  value: number;
  start: number;
  end: number;
  /**
   * True for a bare "en" or "et", which is far more often the article ("en kvinde", "et job") than the number 1.
   * Accented "én"/"ét" and "en halv", "et hundrede" are not weak.
   */
  weak: boolean;
}

interface Read {
  value: number;
  /** Index of the token after the phrase. */
  next: number;
  /** True when the phrase holds at least one number word (not only digits). */
  words: boolean;
}

/** The value of a numeric literal, or the separate integers of one that is not a single number ("03.05.2026"). */
function literal(text: string): number[] {
  const half = text.endsWith('½') ? 0.5 : 0;
  const body = half ? text.slice(0, -1) : text;
  if (body === '') return [half];
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(body)) return [Number(body.replace(/\./g, '').replace(',', '.')) + half];
  if (/^\d+(?:[.,]\d+)?$/.test(body)) return [Number(body.replace(',', '.')) + half];
  return body.split(/[.,]/).map(Number);
}

function below100(tokens: readonly Token[], i: number): Read | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === 'digits') {
    const values = literal(t.text);
    return values.length === 1 ? { value: values[0]!, next: i + 1, words: false } : null;
  }
  const compound = COMPOUND.exec(t.key);
  if (compound) return { value: UNITS[compound[1]!]! + TENS[compound[2]!]!, next: i + 1, words: true };
  const unit = UNITS[t.key];
  if (unit !== undefined) {
    const ten = tokens[i + 1]?.key === 'og' ? TENS[tokens[i + 2]?.key ?? ''] : undefined;
    if (ten !== undefined && unit > 0) return { value: unit + ten, next: i + 3, words: true };
    return { value: unit, next: i + 1, words: true };
  }
  const teen = TEENS[t.key];
  if (teen !== undefined) return { value: teen, next: i + 1, words: true };
  const ten = TENS[t.key];
  if (ten === undefined) return null;
  // A ten, then a unit, as English has it and people new to Danish write it: "tyve fire" is 24.
  const after = UNITS[tokens[i + 1]?.key ?? ''];
  if (after !== undefined && after > 0 && after < 10 && tokens[i + 1]?.key !== 'en' && tokens[i + 1]?.key !== 'et')
    return { value: ten + after, next: i + 2, words: true };
  return { value: ten, next: i + 1, words: true };
}

/** A word-only tail after "hundrede"/"tusind": "(og) tyve", "(og) fem". */
function wordTail(tokens: readonly Token[], i: number, read: (i: number) => Read | null): Read | null {
  const j = tokens[i]?.key === 'og' ? i + 1 : i;
  const r = read(j);
  return r && r.words ? r : null;
}

function hundreds(tokens: readonly Token[], i: number): Read | null {
  const a = below100(tokens, i);
  const at = a ? a.next : i;
  if (!HUNDRED.has(tokens[at]?.key ?? '')) return a;
  if (a && (a.value < 1 || a.value > 9 || !Number.isInteger(a.value))) return a;
  const base = (a?.value ?? 1) * 100;
  const tail = wordTail(tokens, at + 1, (j) => below100(tokens, j));
  return tail ? { value: base + tail.value, next: tail.next, words: true } : { value: base, next: at + 1, words: true };
}

function cardinal(tokens: readonly Token[], i: number): Read | null {
  const h = hundreds(tokens, i);
  const at = h ? h.next : i;
  if (!THOUSAND.has(tokens[at]?.key ?? '')) return h;
  const base = (h?.value ?? 1) * 1000;
  const tail = wordTail(tokens, at + 1, (j) => hundreds(tokens, j));
  return tail ? { value: base + tail.value, next: tail.next, words: true } : { value: base, next: at + 1, words: true };
}

/** "halv", "en halv", "et halvt" (0.5) when `articleRequired` is false; only the forms with an article when true. */
function half(tokens: readonly Token[], i: number, articleRequired: boolean): number | null {
  const key = tokens[i]?.key;
  if ((key === 'en' || key === 'et') && HALF.has(tokens[i + 1]?.key ?? '')) return i + 2;
  return !articleRequired && HALF.has(key ?? '') ? i + 1 : null;
}

/** The number phrase that starts at token `i`, if any. */
function phrase(tokens: readonly Token[], i: number): Read | null {
  const key = tokens[i]?.key ?? '';
  if (ONE_AND_A_HALF.has(key)) return { value: 1.5, next: i + 1, words: true };
  const lone = half(tokens, i, false);
  if (lone !== null) return { value: 0.5, next: lone, words: true };
  const c = cardinal(tokens, i);
  if (!c) return null;
  const afterOg = tokens[c.next]?.key === 'og' ? half(tokens, c.next + 1, false) : null;
  if (afterOg !== null) return { value: c.value + 0.5, next: afterOg, words: true };
  const direct = half(tokens, c.next, true);
  if (direct !== null) return { value: c.value + 0.5, next: direct, words: true };
  return c;
}

/** True when a "-" sits right before offset `at` and is a minus sign, not a hyphen ("3-5" is a range). */
function minusBefore(prepared: string, at: number): boolean {
  return prepared[at - 1] === '-' && !/[\p{L}\p{N}]/u.test(prepared[at - 2] ?? ' ');
}

/** Every Danish number in a prepared text, in order; a phrase of several words ("fire og tyve") is one mention. */
export function danishNumbers(prepared: string, tokens: readonly Token[]): NumberMention[] {
  const out: NumberMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const negated = t.key === 'minus' && tokens[i + 1] !== undefined;
    const from = negated ? i + 1 : i;
    const r = phrase(tokens, from);
    if (!r) {
      if (t.kind === 'digits') {
        // A literal that is several numbers ("03.05.2026", "1,2,3"): each part counts.
        for (const value of literal(t.text)) out.push({ value, start: t.start, end: t.end, weak: false });
      }
      i++;
      continue;
    }
    const first = tokens[from]!;
    const last = tokens[r.next - 1]!;
    const sign = negated || (first.kind === 'digits' && minusBefore(prepared, first.start)) ? -1 : 1;
    const weak = r.next === from + 1 && (first.text === 'en' || first.text === 'et');
    const start = negated ? t.start : sign < 0 ? first.start - 1 : first.start;
    out.push({ value: r.value === 0 ? 0 : sign * r.value, start, end: last.end, weak });
    i = r.next;
  }
  return out;
}
