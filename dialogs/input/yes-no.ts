import type { Lang } from '../../knowledge/search/normalise.js';
import { isDontKnow } from './dont-know.js';
import { englishBooleans } from './english.js';
import { prepare } from './text.js';

/**
 * Words are compared lower case with repeated letters collapsed ("jaaa", "neeej", "nææ" are "ja", "nej", "næ"), not
 * folded: folding would make "næ" (no) and "nå" (well...) the same word. ASCII spellings are listed where people use
 * them. "ok"/"okay" alone is neither yes nor no: it acknowledges more often than it answers.
 */
function collapse(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}

const set = (words: string[]): ReadonlySet<string> => new Set(words.map(collapse));

/** Danish chat borrows "yes", "yep", "nope"; so these lists hold those too. */
const DANISH_YES = set([
  'ja',
  'jo',
  'jep',
  'jeps',
  'jepper',
  'jah',
  'jatak',
  'jaja',
  'yes',
  'yeah',
  'yep',
  'yup',
  'korrekt',
  'rigtigt',
  'rigtig',
  'selvfølgelig',
  'selvfolgelig',
  'selvfoelgelig',
  'selvf',
  'naturligvis',
  'bestemt',
  'absolut',
  'præcis',
  'præcist',
  'gerne',
  'klart',
  'sikkert',
]);
const DANISH_NO = set(['nej', 'nejtak', 'nix', 'nope', 'næ', 'næh', 'nae', 'naeh', 'no', 'nah', 'aldrig']);
/** Whole-word phrases that say no although their words alone would not. */
const DANISH_NO_PHRASES = ['ikke endnu', 'endnu ikke', 'slet ikke', 'overhovedet ikke'].map((p) =>
  p.split(' ').map(collapse).join(' '),
);
/** Words that make the answer uncertain, whatever else it says. */
const DANISH_UNSURE = set(['måske', 'maske', 'muligvis', 'tja', 'jein', 'nja']);
/** "det er jeg", "det har jeg (ikke)", "det gør vi": Danish answers that echo the question's verb. */
const ECHO_VERBS = set([
  'er',
  'har',
  'gør',
  'gor',
  'kan',
  'vil',
  'skal',
  'får',
  'far',
  'bliver',
  'må',
  'var',
  'havde',
  'gjorde',
  'fik',
]);
const PRONOUNS = set(['jeg', 'vi', 'han', 'hun', 'de']);
const NEGATIONS = set(['ikke', 'ik']);

const ENGLISH_YES =
  /(?<![\p{L}'])(?:of course|correct|that'?s right|absolutely|definitely|certainly|yess*)(?![\p{L}])/u;
const ENGLISH_NO = /(?<![\p{L}'])(?:nah|nay|not yet|never|not really|no way)(?![\p{L}])/u;
const ENGLISH_UNSURE = /(?<![\p{L}'])(?:maybe|perhaps|possibly|kind of|sort of)(?![\p{L}])/u;
const ACKNOWLEDGE = /^(?:ok|okay|k)$/;

const YES_EMOJI = /👍|✅|✔|👌/u;
const NO_EMOJI = /👎|❌|✖|🚫/u;

function danishAnswers(words: readonly string[]): boolean[] {
  const out: boolean[] = [];
  const joined = ` ${words.join(' ')} `;
  if (DANISH_NO_PHRASES.some((p) => joined.includes(` ${p} `))) out.push(false);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const negated = NEGATIONS.has(words[i - 1] ?? '');
    if (DANISH_YES.has(w)) out.push(!negated);
    else if (DANISH_NO.has(w)) out.push(false);
    // "det er jeg (ikke)": det, verb, pronoun, optional negation.
    if (w === 'det' && ECHO_VERBS.has(words[i + 1] ?? '') && PRONOUNS.has(words[i + 2] ?? '')) {
      out.push(!NEGATIONS.has(words[i + 3] ?? ''));
    }
    // "jeg har ikke", "jeg er ikke": pronoun, verb, negation.
    if (PRONOUNS.has(w) && ECHO_VERBS.has(words[i + 1] ?? '') && NEGATIONS.has(words[i + 2] ?? '')) out.push(false);
  }
  if (words.length === 1 && NEGATIONS.has(words[0]!)) out.push(false);
  return out;
}

function englishAnswers(prepared: string, words: readonly string[]): boolean[] | null {
  const out = englishBooleans(words.join(' '));
  if (!out) return null;
  if (ENGLISH_YES.test(prepared)) out.push(true);
  if (ENGLISH_NO.test(prepared)) out.push(false);
  return out;
}

/**
 * Yes (true), no (false) or neither (null). Danish yes: "ja", "jo", "ja tak", "jep", "jeps", "yes", "ok ja",
 * "ja, det er jeg", "det er rigtigt", "korrekt", "selvfølgelig", "👍". Danish no: "nej", "nej tak", "nejtak", "nix",
 * "nope", "næ", "nej, det har jeg ikke", "ikke endnu", "det er ikke rigtigt", "👎". English by Recognizers-Text plus
 * "yep", "nah", "of course", "not yet". Words match whole ("jamen" is not "ja"). Null when the text says both yes
 * and no, neither, or hedges ("måske", "maybe", "ved ikke": "jamen jeg ved ikke" is null).
 */
export function parseYesNo(text: string, lang: Lang): boolean | null {
  const prepared = prepare(text);
  if (isDontKnow(text, lang)) return null;
  const words = (prepared.match(/[\p{L}\p{N}']+/gu) ?? []).map(collapse);
  if (words.length === 1 && ACKNOWLEDGE.test(words[0]!)) return null;
  const unsure = lang === 'da' ? words.some((w) => DANISH_UNSURE.has(w)) : ENGLISH_UNSURE.test(prepared);
  if (unsure) return null;
  const answers = lang === 'da' ? danishAnswers(words) : englishAnswers(prepared, words);
  if (!answers) return null;
  if (YES_EMOJI.test(prepared)) answers.push(true);
  if (NO_EMOJI.test(prepared)) answers.push(false);
  const distinct = new Set(answers);
  return distinct.size === 1 ? answers[0]! : null;
}
