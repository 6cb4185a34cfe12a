import { type Token, prepare, tokenise } from './text.js';

/** One answer the user may pick: its value and the words that name it (labels and synonyms, Danish and English). */
export interface ChoiceOption<T extends string> {
  value: T;
  /** Words or phrases that name the option; folded before matching, so the spelling of æøå does not matter. */
  words: readonly string[];
}

export type ChoiceMatch<T extends string> =
  { kind: 'one'; value: T } | { kind: 'several'; values: T[] } | { kind: 'none' };

/**
 * Endings a word may carry beyond the option's word: Danish definite and plural forms and the genitive ("ledig" ->
 * "ledige", "kontanthjælp" -> "kontanthjælpen", "dagpenge" -> "dagpengene"), English plural and past. After a final
 * "e" the Danish forms drop their own "e" ("uddannelse" -> "uddannelsen", "uddannelser").
 */
const ENDINGS = ['e', 'en', 'et', 'er', 'ene', 'erne', 'es', 'ens', 'ets', 'ers', 'ede', 'ne', 's', 'ed', 'ing'];
const ENDINGS_AFTER_E = ['n', 'r', 'ns', 'rs', 'rne', 'rnes', 'ne', 'nes', 't', 'de', 's'];
/** An ending may be dropped from the option's word too: "sygemeldt" names the option "sygemeldte". */
const DROPPABLE = ['e', 'en', 'et', 'er', 's'];
/** Shorter words must match exactly: "job" is not "jobs"-like enough to risk "jo" + "bs". */
const MIN_INFLECTED = 4;

/**
 * True when `typed` (folded, concatenated words of the text) names `word` (folded, concatenated words of an option):
 * the same, or one carries an ending from the lists above, or a doubled last consonant and an ending ("tilbud" ->
 * "tilbuddet", "job" is too short).
 */
function names(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (word.length < MIN_INFLECTED) return false;
  if (typed.startsWith(word)) {
    const rest = typed.slice(word.length);
    if (ENDINGS.includes(rest)) return true;
    if (word.endsWith('e') && ENDINGS_AFTER_E.includes(rest)) return true;
    if (
      rest[0] === word.at(-1) &&
      /^[^aeiouy]/.test(rest) &&
      ['e', 'en', 'et', 'er', 'ene', 'erne'].includes(rest.slice(1))
    ) {
      return true;
    }
  }
  return typed.length >= MIN_INFLECTED && word.startsWith(typed) && DROPPABLE.includes(word.slice(typed.length));
}

/** Words that turn the option after them down: "ikke sygemeldt", "not on sick leave". */
const NEGATIONS = new Set(['ikke', 'ik', 'not', 'never', 'aldrig', 'hverken', 'neither']);
/** Small words that may stand between a negation and the option: "ikke på kontanthjælp", "ikke længere ledig". */
const LINKERS = new Set(['pa', 'i', 'en', 'et', 'langere', 'mere', 'on', 'in', 'a', 'an', 'any', 'longer']);

function joinedBySpace(prepared: string, a: Token, b: Token): boolean {
  return /^\s+$/.test(prepared.slice(a.end, b.start));
}

function negated(prepared: string, tokens: readonly Token[], start: number): boolean {
  const one = tokens[start - 1];
  if (!one || !joinedBySpace(prepared, one, tokens[start]!)) return false;
  if (NEGATIONS.has(one.key)) return true;
  const two = tokens[start - 2];
  return !!two && LINKERS.has(one.key) && NEGATIONS.has(two.key) && joinedBySpace(prepared, two, one);
}

interface Hit {
  option: number;
  start: number;
  /** Index after the last token. */
  end: number;
  chars: number;
  /** Turned down by a negation; it still covers its words, so "ikke ordinær ansættelse" is not "ansættelse". */
  negated: boolean;
}

/** The folded words of an option's word or phrase, concatenated: "kontant-hjælp" and "kontant hjælp" meet. */
function concatenated(phrase: string): string {
  return tokenise(prepare(phrase))
    .map((t) => t.key)
    .join('');
}

/** The options' words as `names` compares them, worked out once per options list (callers reuse their lists). */
const OPTION_WORDS = new WeakMap<readonly ChoiceOption<string>[], string[][]>();

function optionWords(options: readonly ChoiceOption<string>[]): string[][] {
  let words = OPTION_WORDS.get(options);
  if (!words) {
    words = options.map((o) => o.words.map(concatenated).filter((w) => w !== ''));
    OPTION_WORDS.set(options, words);
  }
  return words;
}

/**
 * Which option the text names. Words are compared folded (æ/ae, ø/oe, å/aa, case, accents) and as whole words, with
 * spaces and hyphens inside a name not mattering ("kontanthjaelp", "Kontanthjælp", "kontant-hjælp", "kontant hjælp"
 * all name "kontanthjælp"), and with common Danish and English endings (see `names`). Surrounding words are ignored
 * ("jeg er på kontanthjælp"), except a negation right before a name ("ikke sygemeldt", "ikke på kontanthjælp"), which
 * drops that name.
 *
 * A text that is exactly one option's word wins outright. Otherwise, where names overlap, the longer one wins
 * ("ordinær ansættelse" over "ansættelse"); different options left -> 'several', in the order of `options`.
 */
export function matchChoice<T extends string>(text: string, options: readonly ChoiceOption<T>[]): ChoiceMatch<T> {
  const prepared = prepare(text);
  const tokens = tokenise(prepared);
  const whole = tokens.map((t) => t.key).join('');
  const words = optionWords(options);
  const exact = words.findIndex((ws) => ws.includes(whole));
  if (whole !== '' && exact >= 0) return { kind: 'one', value: options[exact]!.value };

  const hits: Hit[] = [];
  words.forEach((ws, option) => {
    for (const word of ws) {
      for (let start = 0; start < tokens.length; start++) {
        let typed = '';
        for (let end = start + 1; end <= tokens.length; end++) {
          typed += tokens[end - 1]!.key;
          if (typed.length > word.length + 4) break;
          if (names(typed, word)) {
            hits.push({ option, start, end, chars: typed.length, negated: negated(prepared, tokens, start) });
          }
        }
      }
    }
  });

  const taken: Hit[] = [];
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || b.chars - a.chars);
  for (const h of hits) {
    // The same words naming two options name both; otherwise an overlap with a longer name loses.
    const same = (t: Hit) => t.start === h.start && t.end === h.end;
    if (taken.every((t) => same(t) || h.end <= t.start || h.start >= t.end)) taken.push(h);
  }
  const named = taken.filter((h) => !h.negated);
  const chosen = [...new Set(named.map((h) => h.option))].sort((a, b) => a - b).map((i) => options[i]!.value);
  if (chosen.length === 0) return { kind: 'none' };
  return chosen.length === 1 ? { kind: 'one', value: chosen[0]! } : { kind: 'several', values: chosen };
}
