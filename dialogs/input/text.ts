import { fold } from '../../knowledge/search/normalise.js';

/**
 * The one way the input parsers read a chat message: Unicode NFC, lower case, typographic apostrophes and minus signs
 * made plain. Every offset the parsers pass around refers to this prepared text, never to the raw message.
 */
export function prepare(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[−–]/g, '-');
}

/**
 * One piece of a prepared text: a run of letters (a word) or a numeric literal such as "24", "2,5", "1.500" or "1½".
 */
export interface Token {
  kind: 'word' | 'digits';
  /** As typed (prepared). */
  text: string;
  /** Words: folded (æ/ae -> a, ø/oe -> o, å/aa -> a, accents gone), so "én" and "en" meet. Digits: as typed. */
  key: string;
  /** Offset of the first character in the prepared text. */
  start: number;
  /** Offset just after the last character. */
  end: number;
}

// Letters and digits are split apart ("24år" is "24" and "år"); a numeric literal keeps its separators. Each
// alternative consumes at least one character and the groups cannot overlap, so matching stays linear on long input.
const TOKEN = /\d+(?:[.,]\d+)*½?|½|\p{L}+/gu;

/** The words and numeric literals of a prepared text, in order. Punctuation, emoji and spaces are dropped. */
export function tokenise(prepared: string): Token[] {
  const out: Token[] = [];
  for (const m of prepared.matchAll(TOKEN)) {
    const text = m[0];
    const start = m.index;
    const isWord = /^\p{L}/u.test(text);
    out.push({
      kind: isWord ? 'word' : 'digits',
      text,
      key: isWord ? fold(text) : text,
      start,
      end: start + text.length,
    });
  }
  return out;
}

/**
 * True when `phrase` (space-separated folded words) occurs as consecutive whole words in `keys`.
 * Whole words only: "ja" is not found in "jamen".
 */
export function hasPhrase(keys: readonly string[], phrase: string): boolean {
  const want = phrase.split(' ');
  outer: for (let i = 0; i + want.length <= keys.length; i++) {
    for (let j = 0; j < want.length; j++) if (keys[i + j] !== want[j]) continue outer;
    return true;
  }
  return false;
}

/** True when the text holds no letters or digits at all (empty, only punctuation, only emoji). */
export function isBlank(prepared: string): boolean {
  return !/[\p{L}\p{N}]/u.test(prepared);
}
