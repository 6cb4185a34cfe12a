import {
  danishStemmer,
  danishStopWordFilter,
  englishStemmer,
  englishStopWordFilter,
  lunr,
} from './lunr.js';

/**
 * The one text normaliser, used when the index is built and when a question is asked, so both sides always agree.
 *
 * Steps: lower case and Unicode NFC; split into words on anything that is not a letter or digit (a hyphenated word
 * gives the joined word and its parts: "a-kasse" -> "akasse", "kasse"); drop stop words and chat filler; fold the
 * Danish letters and their typed spellings to one form ("støtte", "stoette" and "stotte" all become "stotte"); stem
 * with the language's Snowball stemmer (lunr.da for Danish, lunr's Porter stemmer for English).
 */
export type Lang = 'da' | 'en';

/** Words people type in a chat that say nothing about the topic. Checked before folding, like the stop words. */
const FILLER: Record<Lang, ReadonlySet<string>> = {
  da: new Set([
    'kan', 'få', 'får', 'fik', 'gerne', 'lige', 'bare', 'altså', 'egentlig', 'hej', 'hejsa', 'tak', 'okay', 'ok',
    'hvordan', 'hvilke', 'hvilken', 'hvilket', 'nogen', 'noget', 'nogle', 'også', 'spørgsmål', 'spørge', 'vide',
    'ved', 'gøre', 'gør', 'mon', 'please', 'venligst', 'the', 'a',
  ]),
  en: new Set(['hi', 'hello', 'thanks', 'please', 'question', 'know', 'tell']),
};

/** Folds the Danish letters and their typed spellings (æ/ae, ø/oe/o, å/aa/a) and strips other accents. */
export function fold(word: string): string {
  return word
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/aa/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ae/g, 'a');
}

/**
 * Splits text into lower-case words. Hyphenated words give the joined form and each part; a part keeps at least
 * two characters, digits excepted ("6").
 */
export function words(text: string): string[] {
  const out: string[] = [];
  const lowered = text.normalize('NFC').toLowerCase();
  for (const chunk of lowered.match(/[\p{L}\p{N}]+(?:[-‐‑–][\p{L}\p{N}]+)*/gu) ?? []) {
    const parts = chunk.split(/[-‐‑–]/);
    if (parts.length > 1) out.push(parts.join(''));
    for (const p of parts) if (p.length >= 2 || /^\d+$/.test(p)) out.push(p);
  }
  return out;
}

function isStopWord(word: string, lang: Lang): boolean {
  if (FILLER[lang].has(word)) return true;
  const filter = lang === 'da' ? danishStopWordFilter : englishStopWordFilter;
  return filter(new lunr.Token(word, {})) === undefined;
}

/** Stems one folded word in the given language. */
export function stem(word: string, lang: Lang): string {
  const stemmer = lang === 'da' ? danishStemmer : englishStemmer;
  const t = stemmer(new lunr.Token(word, {}));
  return t ? t.toString() : word;
}

/** The search terms of a text in one language: words without stop words, folded and stemmed. */
export function terms(text: string, lang: Lang): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (isStopWord(w, lang)) continue;
    const s = stem(fold(w), lang);
    if (s.length >= 2 || /^\d+$/.test(s)) out.push(s);
  }
  return out;
}

/** Folded (not stemmed) content words of a text: the vocabulary the compound splitter works from. */
export function foldedWords(text: string, lang: Lang): string[] {
  return words(text)
    .filter((w) => !isStopWord(w, lang))
    .map(fold);
}
