import type { Lang } from '../../knowledge/search/normalise.js';
import { type NumberMention, numberMentions } from './numbers.js';
import { prepare } from './text.js';

export type AgeAnswer =
  { ok: true; years: number } | { ok: false; problem: 'negative' | 'too-high' | 'not-whole' | 'no-number' };

/** The oldest age we take at face value; above it the answer is a typo or a joke, and we ask again. */
export const MAX_AGE = 120;

/**
 * Where a number stands, as a regular expression over the text around it. A number is read as an age only in an age
 * statement: the whole answer ("24", "ca. 24"), before "år"/"years" ("24 år", "24 years old", "24-årig"), or after
 * "jeg er"/"I'm" and the like ("jeg er fireogtyve", "I'm twenty-four"). So "jeg er en kvinde" (the article "en"),
 * "jeg har 2 børn" and "ledig i 3 år" give no age. A number right after a word that makes it a span or a bound
 * ("i 3 år", "over 30 år", "for 2 years") or before "siden"/"ago" is never an age.
 */
interface AgeContext {
  /** Text right after the number, for an age unit. */
  unitAfter: RegExp;
  /** Text before the number, ending in a verb of being or "age". */
  statementBefore: RegExp;
  /** Text before the number, ending in a word that makes it a span or a bound. */
  spanBefore: RegExp;
  /** Text after the number that makes it a point in the past. */
  agoAfter: RegExp;
  /** Words that may stand beside a bare number without changing it. */
  filler: ReadonlySet<string>;
}

const CONTEXT: Readonly<Record<Lang, AgeContext>> = {
  da: {
    unitAfter: /^\s*-?\s*(?:år|aar|ar)(?:ig|ige)?(?![\p{L}\p{N}])/u,
    statementBefore:
      /(?:^|[^\p{L}])(?:er|bliver|blev|fylder|fyldte|fyldt|alder|alderen|(?:søn|sønnen|datter|dreng|pige|mand|kvinde|bror|søster|barn|ung|unge|fyr)\s+på)\s*[:=]?\s*$/u,
    spanBefore:
      /(?:^|[^\p{L}])(?:i|for|om|efter|over|under|inden|siden|sidste|seneste|næste|mindst|højst|hver|alle)\s*$/u,
    agoAfter: /^\s*(?:år|aar|ar)?\s*siden(?![\p{L}])/u,
    filler: new Set([
      'ca',
      'cirka',
      'circa',
      'omkring',
      'år',
      'aar',
      'ar',
      'gammel',
      'gamle',
      'jeg',
      'er',
      'ok',
      'okay',
      'øh',
      'øhm',
      'hmm',
      'jamen',
      'tja',
      'nu',
      'lige',
      'snart',
    ]),
  },
  en: {
    unitAfter: /^\s*-?\s*(?:years?|yrs?|y\/?o)(?![\p{L}\p{N}])/u,
    statementBefore: /(?:^|[^\p{L}'])(?:i'm|im|i am|age|aged|age is|turned|turning|turn)\s*:?\s*$/u,
    spanBefore: /(?:^|[^\p{L}])(?:for|in|over|under|after|since|last|past|next|every|least|most)\s*$/u,
    agoAfter: /^\s*(?:years?)?\s*ago(?![\p{L}])/u,
    filler: new Set(['about', 'around', 'approx', 'approximately', 'years', 'year', 'old', 'i', 'am', 'im', "i'm"]),
  },
};

/** True when nothing but filler words, punctuation and emoji surrounds the number. */
function standsAlone(prepared: string, m: NumberMention, filler: ReadonlySet<string>): boolean {
  const rest = prepared.slice(0, m.start) + ' ' + prepared.slice(m.end);
  return (rest.match(/[\p{L}\p{N}']+/gu) ?? []).every((w) => filler.has(w));
}

function isAgeStatement(prepared: string, m: NumberMention, c: AgeContext): boolean {
  const before = prepared.slice(0, m.start);
  const after = prepared.slice(m.end);
  if (c.spanBefore.test(before) || c.agoAfter.test(after)) return false;
  if (c.unitAfter.test(after)) return true;
  if (m.weak) return false;
  return c.statementBefore.test(before) || standsAlone(prepared, m, c.filler);
}

/**
 * An age in whole years from an answer to "Hvor gammel er du?": "24", "24 år", "jeg er 24 år", "jeg er fireogtyve",
 * "24 år gammel"; English "24", "24 years old", "I'm twenty-four". Only a number in an age statement counts (see
 * `AgeContext`). Several different ages, or none, give 'no-number'; below 0 'negative', above 120 'too-high', a
 * fraction ("24,5") 'not-whole', in that order.
 */
export function parseAge(text: string, lang: Lang): AgeAnswer {
  const prepared = prepare(text);
  const c = CONTEXT[lang];
  const ages = new Set(
    numberMentions(prepared, lang)
      .filter((m) => isAgeStatement(prepared, m, c))
      .map((m) => m.value),
  );
  if (ages.size !== 1) return { ok: false, problem: 'no-number' };
  const years = [...ages][0]!;
  if (years < 0) return { ok: false, problem: 'negative' };
  if (years > MAX_AGE) return { ok: false, problem: 'too-high' };
  if (!Number.isInteger(years)) return { ok: false, problem: 'not-whole' };
  return { ok: true, years };
}
