import type { Lang } from '../../knowledge/search/normalise.js';
import { type Token, isBlank, prepare, tokenise } from './text.js';

/**
 * "I don't know" in its chat forms. Danish answers often borrow English chat words ("idk", "no idea"), so Danish
 * recognises both languages; English recognises English only.
 *
 * Phrases are matched on folded whole words and allow a few words in between where Danish puts them: "ved ikke",
 * "ved det ikke", "det ved jeg altså ikke" all have "ved" followed closely by "ikke". "det ved jeg godt" is not
 * "don't know".
 */

/** Single words that say it alone ("aner" is almost always "aner det ikke" / "aner ikke"). */
const DANISH_WORDS = new Set(['vedikke', 'usikker', 'aner']);
const ENGLISH_WORDS = new Set(['idk', 'dunno', 'unsure']);

/** [first, then] pairs: `then` within `GAP` words after `first`. Keys are folded. */
const DANISH_PAIRS: readonly [string, readonly string[]][] = [
  ['ved', ['ikke', 'ik', 'ikk']],
  ['ingen', ['anelse', 'ide']],
  ['ikke', ['sikker', 'sikkert', 'huske', 'husker']],
  ['ik', ['sikker', 'huske', 'husker']],
  ['husker', ['ikke', 'ik']],
];
const ENGLISH_PAIRS: readonly [string, readonly string[]][] = [
  ['dont', ['know', 'remember', 'recall']],
  ['not', ['know', 'sure', 'certain', 'remember', 'recall']],
  ['cant', ['remember', 'recall', 'say']],
  ['cannot', ['remember', 'recall', 'say']],
  ['no', ['idea', 'clue']],
];
const GAP = 3;

function hasPair(keys: readonly string[], pairs: readonly [string, readonly string[]][]): boolean {
  for (let i = 0; i < keys.length; i++) {
    for (const [first, then] of pairs) {
      if (keys[i] !== first) continue;
      for (let j = i + 1; j <= i + GAP && j < keys.length; j++) if (then.includes(keys[j]!)) return true;
    }
  }
  return false;
}

/** English words with the apostrophe dropped, so "don't" and "dont" meet. */
function englishKeys(prepared: string): string[] {
  return tokenise(prepared.replace(/'/g, '')).map((t: Token) => t.key);
}

/**
 * True when the text says the person does not know or is unsure: "ved ikke", "det ved jeg ikke", "aner det ikke",
 * "ikke sikker", "ved det ikke", "kan ikke huske", a lone "?" (or "??"), "don't know", "not sure", "no idea".
 */
export function isDontKnow(text: string, lang: Lang): boolean {
  const prepared = prepare(text);
  if (isBlank(prepared)) return /^[\s?¿]*\?[\s?¿]*$/.test(prepared);
  const english = englishKeys(prepared);
  if (english.some((k) => ENGLISH_WORDS.has(k)) || hasPair(english, ENGLISH_PAIRS)) return true;
  if (lang === 'en') return false;
  const danish = tokenise(prepared).map((t) => t.key);
  return danish.some((k) => DANISH_WORDS.has(k)) || hasPair(danish, DANISH_PAIRS);
}

/** Not answering on purpose: "vil helst ikke svare", "spring over", "det vil jeg ikke sige", "skip". */
const DECLINE =
  /\b(?:vil|ville|skal) (?:jeg |vi |han |hun )?(?:helst |hellere |egentlig |bare )?ikke (?:svare|sige|fortaelle|fortalle|oplyse|ud med)\b|\bspring (?:\w+ )?over\b|\b(?:skip|pass)\b|\b(?:rather|prefer) not (?:to )?(?:say|answer|tell)\b|\bnaeste sporgsmal\b|\bnaste sporgsmal\b|\bnext question\b|\bdet rager (?:ikke|ik) \w+\b/;

/** True when the person chooses not to answer the question (it is then skipped, as "ved ikke" is). */
export function isDecline(text: string): boolean {
  const prepared = prepare(text);
  if (isBlank(prepared)) return false;
  const keys = englishKeys(prepared);
  // A longer message that declines one part ("jeg er ledig, men vil ikke sige mere") is read for what it does say.
  return keys.length <= 8 && DECLINE.test(keys.join(' '));
}
