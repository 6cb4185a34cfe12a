import { fold, standardSpelling } from '../search/normalise.js';

/**
 * Phrase patterns over the words of a message, as the lexicon (lexicon.yaml) writes them. A pattern is words
 * separated by spaces, each matched whole after folding (æøå and their typed spellings alike, lower case):
 * - `word*` matches a word that begins so ("sygemeld*": "sygemeldt", "sygemeldingen"), `*word` one that ends so
 *   ("*firma": "rengøringsfirma");
 * - `(a|b*)` matches either;
 * - `(a b|c)` may hold several words in an alternative ("(forsørger mig selv|selvforsørgende)"); `(a|b)?` may be left
 *   out;
 * - `*` alone is any one word, `#` any number;
 * - `~` stands for up to two other words, `~3` for up to three (so "udskrevet ~ psyk*" also reads "udskrevet fra
 *   den psykiatriske afdeling");
 * - digits and letters are separate words ("24år" is "24 år").
 * A pattern compiles to one regular expression over the message's folded words joined by single spaces, so a scan
 * is linear in the message's length for each pattern.
 */
export interface PhraseMatch {
  /** Index of the first and one past the last word of the match. */
  from: number;
  to: number;
  /** The matched words as the person wrote them (for "fordi du skrev ..."). */
  said: string;
}

/** A message split into words: as written (lower case) and folded, with their offsets in the message. */
export interface Words {
  raw: string[];
  folded: string[];
  /** The folded words joined by single spaces, with a space at each end. */
  line: string;
  /** Where each word starts in `line`. */
  starts: number[];
  /** The sentence each word is in (0, 1, ...): a negation or a condition reaches no further than its sentence. */
  sentence: number[];
  /** The clause each word is in: a comma ends one too ("nej egentlig ikke, det er vores normale oplæring"). */
  clause: number[];
  /**
   * Whether each word is in a sentence that ends in a question mark. Here a full stop ends a sentence only before a
   * capital letter or at the end, so "pr. time" and "ca. 3 timer" stay inside theirs.
   */
  inQuestion: boolean[];
}

const WORD = /\d+|[\p{L}]+(?:['’][\p{L}]+)?/gu;
/** Where one sentence ends: the words on each side of it belong to different sentences. */
const SENTENCE_END = /[.!?;:\n]+/;
/** Where a question or a statement ends (see Words.inQuestion). */
const ASKING_END = /([!?\n]+|\.+(?=\s+[\p{Lu}]|\s*$))/u;

export function splitWords(text: string): Words {
  const raw: string[] = [];
  const sentence: number[] = [];
  const clause: number[] = [];
  const inQuestion: boolean[] = [];
  let sentences = 0;
  let clauses = 0;
  // With its capturing group the split gives each question or statement followed by the marks that end it; each of
  // those holds one or more sentences, and each sentence one or more clauses.
  const parts = text.normalize('NFC').split(ASKING_END);
  for (let i = 0; i < parts.length; i += 2) {
    const asks = parts[i + 1]?.includes('?') ?? false;
    for (const part of parts[i]!.toLowerCase().split(SENTENCE_END)) {
      for (const piece of part.split(',')) {
        for (const w of piece.match(WORD) ?? []) {
          raw.push(w.replace(/['’]/g, ''));
          sentence.push(sentences);
          clause.push(clauses);
          inQuestion.push(asks);
        }
        clauses++;
      }
      sentences++;
    }
  }
  const folded = raw.map((w) => fold(standardSpelling(w)));
  const starts: number[] = [];
  let line = ' ';
  for (const w of folded) {
    starts.push(line.length);
    line += `${w} `;
  }
  return { raw, folded, line, starts, sentence, clause, inQuestion };
}

/** Splits a pattern into tokens: words, gaps, and parenthesised groups (which may hold spaces). */
function tokens(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  const chars = [...pattern.trim()];
  const end = () => {
    if (current) out.push(current);
    current = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '(') {
      if (depth === 0) end();
      depth++;
      // A group inside a group is not read as one: each of its alternatives would become a word of its own.
      if (depth > 1) throw new Error(`A group inside a group in the phrase pattern "${pattern}": write two patterns`);
    }
    if (ch === ')') depth--;
    if (depth < 0) throw new Error(`Unbalanced ")" in the phrase pattern "${pattern}"`);
    if (/\s/.test(ch) && depth === 0) {
      end();
      continue;
    }
    current += ch;
    // A group ends its token, with the "?" that may follow it: "(nye )?(ansatte|elever)" is two tokens.
    if (ch === ')' && depth === 0) {
      if (chars[i + 1] === '?') current += chars[++i];
      end();
    }
  }
  if (depth !== 0) throw new Error(`Unbalanced "(" in the phrase pattern "${pattern}"`);
  end();
  return out;
}

/** A pattern's word without its `*`s, folded as the message's words are: letters and digits only. */
function foldedWord(word: string, pattern: string): string {
  const folded = fold(word.replace(/^\*|\*$/g, '').toLowerCase()).replace(/[^\p{L}\p{N}]/gu, '');
  if (folded === '') throw new Error(`Cannot read the word "${word}" in the phrase pattern "${pattern}"`);
  return folded;
}

function wordSource(word: string, pattern: string): string {
  if (word === '*') return '[^ ]+';
  if (word === '#') return '\\d+';
  const prefix = word.endsWith('*');
  const suffix = word.startsWith('*');
  return `${suffix ? '[^ ]*' : ''}${foldedWord(word, pattern)}${prefix ? '[^ ]*' : ''}`;
}

/** A sequence of words, each with the space after it. Digits and letters written together are two words. */
function sequenceSource(text: string, pattern: string): string {
  return text
    .trim()
    .replace(/(\d)(\p{L})/gu, '$1 $2')
    .replace(/(\p{L})(\d)/gu, '$1 $2')
    .split(/\s+/)
    .map((w) => `${wordSource(w, pattern)} `)
    .join('');
}

function tokenSource(token: string, pattern: string): string {
  const gap = /^~(\d)?$/.exec(token);
  if (gap) return `(?:[^ ]+ ){0,${gap[1] ?? 2}}`;
  const group = /^\((.*)\)(\?)?$/.exec(token);
  if (group)
    return `(?:${group[1]!
      .split('|')
      .map((alt) => sequenceSource(alt, pattern))
      .join('|')})${group[2] ?? ''}`;
  return sequenceSource(token, pattern);
}

/** What the first word of a match must look like: the word itself, and whether it may go on after or before it. */
interface FirstWord {
  text: string;
  /** `word*`: the word may go on after `text`. */
  prefix: boolean;
  /** `*word`: the word may begin before `text`. */
  suffix: boolean;
}

/**
 * The words a match of each compiled pattern can begin with; a pattern that can begin with any word (`*`, `#`, an
 * optional group first) has none. findPhrase runs the expression only when the message has such a word: most
 * patterns do not match most messages, and this check is far cheaper than the scan.
 */
const FIRST_WORDS = new WeakMap<RegExp, FirstWord[]>();

function firstWordOf(text: string, pattern: string): FirstWord | null {
  const word = text
    .trim()
    .replace(/(\d)(\p{L})/gu, '$1 $2')
    .replace(/(\p{L})(\d)/gu, '$1 $2')
    .split(/\s+/)[0]!;
  if (word === '*' || word === '#') return null;
  return { text: foldedWord(word, pattern), prefix: word.endsWith('*'), suffix: word.startsWith('*') };
}

function firstWords(token: string, pattern: string): FirstWord[] | null {
  const group = /^\((.*)\)(\?)?$/.exec(token);
  if (!group) {
    const one = firstWordOf(token, pattern);
    return one ? [one] : null;
  }
  if (group[2]) return null;
  const out: FirstWord[] = [];
  for (const alt of group[1]!.split('|')) {
    const one = firstWordOf(alt, pattern);
    if (!one) return null;
    out.push(one);
  }
  return out;
}

function begins(word: string, first: FirstWord): boolean {
  if (first.prefix && first.suffix) return word.includes(first.text);
  if (first.prefix) return word.startsWith(first.text);
  if (first.suffix) return word.endsWith(first.text);
  return word === first.text;
}

/** Compiles a lexicon pattern; throws, naming the pattern, when it cannot be read. */
export function compilePhrase(pattern: string): RegExp {
  const list = tokens(pattern);
  if (list.length === 0 || list[0]!.startsWith('~') || list.at(-1)!.startsWith('~')) {
    throw new Error(`Cannot read the phrase pattern "${pattern}": it must begin and end with a word`);
  }
  // Each token consumes its words and the space after each, so tokens simply follow each other.
  const phrase = new RegExp(`(?<= )${list.map((t) => tokenSource(t, pattern)).join('')}`, 'gu');
  const first = firstWords(list[0]!, pattern);
  if (first) FIRST_WORDS.set(phrase, first);
  return phrase;
}

/** Every match of a compiled phrase in the words, leftmost first, not overlapping. */
export function findPhrase(words: Words, phrase: RegExp, quickCheck = true): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  const first = quickCheck ? FIRST_WORDS.get(phrase) : undefined;
  if (first && !words.folded.some((w) => first.some((f) => begins(w, f)))) return out;
  phrase.lastIndex = 0;
  for (const m of words.line.matchAll(phrase)) {
    const from = words.starts.indexOf(m.index);
    if (from < 0) continue;
    const end = m.index + m[0].length;
    let to = from;
    while (to < words.starts.length && words.starts[to]! < end) to++;
    out.push({ from, to, said: words.raw.slice(from, to).join(' ') });
  }
  return out;
}
