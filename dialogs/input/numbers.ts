import type { Lang } from '../../knowledge/search/normalise.js';
import { type NumberMention, danishNumbers } from './danish-numbers.js';
import { englishNumbers } from './english.js';
import { prepare, tokenise } from './text.js';

export type { NumberMention } from './danish-numbers.js';

/**
 * Every number in a prepared text (see `prepare`), in order, with its offsets. Danish is read by our own parser
 * (danish-numbers.ts); English by Recognizers-Text. Danish number words are only read when `lang` is 'da', so the
 * English preposition "to" never becomes 2. English text too long for the recognizers has no numbers (see english.ts).
 */
export function numberMentions(prepared: string, lang: Lang): NumberMention[] {
  if (lang === 'da') return danishNumbers(prepared, tokenise(prepared));
  return (englishNumbers(prepared) ?? []).map((n) => ({ ...n, weak: false }));
}

/**
 * The one number a text holds, or null when it holds none or several different ones ("3 eller 4"; the same number
 * twice is fine). Context-free: a bare "en"/"et" counts as 1 only when nothing else in the text is a number, since it
 * is usually the article; callers that need a number in a particular role (an age, a duration) check the context
 * themselves. Minus: "-3", "minus 3". See danish-numbers.ts for what Danish covers.
 */
export function parseNumber(text: string, lang: Lang): number | null {
  return single(numberMentions(prepare(text), lang));
}

/** The one value among the mentions, strong ones first (see `parseNumber`), or null. */
export function single(mentions: readonly NumberMention[]): number | null {
  const strong = mentions.filter((m) => !m.weak);
  const values = new Set((strong.length > 0 ? strong : mentions).map((m) => m.value));
  return values.size === 1 ? [...values][0]! : null;
}
