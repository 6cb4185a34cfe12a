import { createRequire } from 'node:module';
import type * as RecognizersText from '@microsoft/recognizers-text-suite';

/**
 * The only door to Microsoft's Recognizers-Text, and it is always opened in English. The library has no Danish: under
 * an unknown culture it quietly falls back to English and misreads Danish ("2 børn" becomes two billion, "03-05-2027"
 * is read month first). So Danish text never comes here; the Danish parsers in this folder are our own.
 *
 * Offsets in the results refer to the text passed in; `end` is exclusive here (the library's own is inclusive).
 *
 * The library's time grows faster than the length of the text (5,000 characters of "yes yes ..." take a minute), so
 * text longer than `MAX_ENGLISH_CHARS` is not read at all: each function then returns null, and the parsers answer
 * "not understood". An answer to one of our questions is a sentence or two, far below the limit.
 *
 * The library is loaded at its first use, not at start: it takes a noticeable part of the start-up, and only people
 * who write English need it.
 */
let loaded: typeof RecognizersText | null = null;
function recognizers(): typeof RecognizersText {
  loaded ??= createRequire(import.meta.url)('@microsoft/recognizers-text-suite') as typeof RecognizersText;
  return loaded;
}

/** The culture every call is made in (Recognizers.Culture.English). */
const ENGLISH = 'en-us';

/** The longest text handed to the recognizers (about half a second in the worst case we measured). */
export const MAX_ENGLISH_CHARS = 500;

/** A number the recognizers found in English text. */
export interface EnglishNumber {
  value: number;
  start: number;
  end: number;
}

/** Every number in English text: "twenty four", "2.5", "1,500", "minus 3", "one and a half". */
export function englishNumbers(text: string): EnglishNumber[] | null {
  if (text.length > MAX_ENGLISH_CHARS) return null;
  const out: EnglishNumber[] = [];
  for (const r of recognizers().recognizeNumber(text, ENGLISH)) {
    const value = Number(r.resolution['value']);
    if (Number.isFinite(value)) out.push({ value, start: r.start, end: r.end + 1 });
  }
  return out;
}

/** Every yes (true) and no (false) the recognizers see in English text, including the ones they rank second. */
export function englishBooleans(text: string): boolean[] | null {
  if (text.length > MAX_ENGLISH_CHARS) return null;
  const out: boolean[] = [];
  for (const r of recognizers().recognizeBoolean(text, ENGLISH)) {
    if (typeof r.resolution['value'] === 'boolean') out.push(r.resolution['value']);
    for (const other of (r.resolution['otherResults'] ?? []) as { value?: unknown }[]) {
      if (typeof other.value === 'boolean') out.push(other.value);
    }
  }
  return out;
}

/** A duration or a date the recognizers found in English text, as its timex ("P6M", "2026-05-03"). */
export interface EnglishTimex {
  kind: 'duration' | 'date';
  timexes: string[];
  /** The resolved values (for a date "YYYY-MM-DD", or "not resolved" when the day does not exist). */
  values: string[];
  start: number;
  end: number;
}

/** The durations and single dates in English text; `today` anchors "tomorrow", "next friday". */
export function englishDateTimes(text: string, today: Date): EnglishTimex[] | null {
  if (text.length > MAX_ENGLISH_CHARS) return null;
  const out: EnglishTimex[] = [];
  for (const r of recognizers().recognizeDateTime(text, ENGLISH, undefined, today)) {
    const kind = r.typeName === 'datetimeV2.duration' ? 'duration' : r.typeName === 'datetimeV2.date' ? 'date' : null;
    if (!kind) continue;
    const values = (r.resolution['values'] ?? []) as { timex?: unknown; value?: unknown }[];
    out.push({
      kind,
      timexes: values.map((v) => String(v.timex ?? '')),
      values: values.map((v) => String(v.value ?? '')),
      start: r.start,
      end: r.end + 1,
    });
  }
  return out;
}
