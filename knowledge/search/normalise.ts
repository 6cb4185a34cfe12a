import { danishStemmer, danishStopWordFilter, englishStemmer, englishStopWordFilter, lunr } from './lunr.js';

/**
 * The one text normaliser, used when the index is built and when a question is asked, so both sides always agree.
 *
 * Steps: lower case and Unicode NFC; split into words on anything that is not a letter or digit (a hyphenated word
 * gives the joined word and its parts: "a-kasse" -> "akasse", "kasse"); drop stop words and chat filler; fold the
 * Danish letters and their typed spellings to one form ("støtte", "stoette" and "stotte" all become "stotte"); stem
 * with the language's Snowball stemmer (lunr.da for Danish, lunr's Porter stemmer for English).
 */
export type Lang = 'da' | 'en';

/**
 * Words people type in a chat that say nothing about the topic, checked before folding like the stop words.
 * Questions mix Danish and English, so each language also drops the other's stop words.
 */
const FILLER: ReadonlySet<string> = new Set([
  'kan',
  'kunne',
  'gerne',
  'lige',
  'bare',
  'altså',
  'egentlig',
  'overhovedet',
  'faktisk',
  'måske',
  'rigtig',
  'helt',
  'lidt',
  'godt',
  'hej',
  'hejsa',
  'tak',
  'okay',
  'ok',
  'hvordan',
  'hvilke',
  'hvilken',
  'hvilket',
  'hvornår',
  'hvorfor',
  'nogen',
  'noget',
  'nogle',
  'også',
  'spørgsmål',
  'spørge',
  'vide',
  'ved',
  'gøre',
  'gør',
  // "sagde", "siger" and "sige" are stop words already; "sagt" alone would weigh as a rare word ("kommunen har sagt
  // nej" found only the article that happened to use it).
  'sagt',
  'mon',
  'venligst',
  'please',
  'hi',
  'hello',
  'thanks',
  'question',
  'know',
  'tell',
  'sige',
  'sagde',
  'siger',
  'tror',
  'synes',
  'stadig',
  'allerede',
  'osv',
  'fx',
  'feks',
  'mit',
  'min',
  'mine',
  'vores',
  'jeres',
  'man',
  'mig',
  'dig',
  'os',
  'ja',
  'nej',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'something',
  'anything',
  'thing',
  'things',
  'actually',
  'really',
  'kind',
  'sort',
  'also',
  'exactly',
  'there',
  'pr',
  'per',
  'allowed',
  'allow',
  'goddag',
  'godmorgen',
  'godaften',
  'kære',
  'venlig',
  'venlige',
  'hilsen',
  'hilsner',
  'mvh',
  'vh',
  'desværre',
  'forhånd',
  'hjertelig',
  'dear',
  'regards',
  'hey',
  'yo',
  'lol',
  'haha',
  'hmm',
  'øh',
  'æh',
  // English contractions, written without their apostrophe ("I'm" -> "im").
  'im',
  'ive',
  'youre',
  'theyre',
  'hes',
  'shes',
  'thats',
  'whats',
  'dont',
  'doesnt',
  'didnt',
  'cant',
  'couldnt',
  'wont',
  'wouldnt',
  'isnt',
  'arent',
  'wasnt',
  'havent',
  'hasnt',
  'lets',
]);

/**
 * Stop words that carry meaning here: "hvem kan være mentor", "who can be a mentor", "under 30 år", "efter
 * udskrivning".
 */
const KEEP: ReadonlySet<string> = new Set(['være', 'været', 'under', 'over', 'efter', 'selv', 'mange', 'who']);

/**
 * Folds the Danish letters and their typed spellings to one form (æ/ae -> a, ø/oe -> o, å/aa -> a) and strips other
 * accents. Typed digraphs are folded first, so "fået" (f-å-e-t) stays two syllables: "faet", never "fat".
 */
export function fold(word: string): string {
  return word
    .replace(/aa/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ae/g, 'a')
    .replace(/[æå]/g, 'a')
    .replace(/ø/g, 'o')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/**
 * How people write common words in a chat, and the words they mean: "ka ik" is "kan ikke", "hva" is "hvad", "mby"
 * is "måske". Only words that mean nothing else here; one word for one word, so a reading keeps its positions.
 */
const CHAT_SPELLINGS: Readonly<Record<string, string>> = {
  hva: 'hvad',
  hvaa: 'hvad',
  ka: 'kan',
  ik: 'ikke',
  ikk: 'ikke',
  ike: 'ikke',
  ikek: 'ikke',
  mby: 'måske',
  mbe: 'måske',
  mske: 'måske',
  ha: 'have',
  gi: 'give',
  ska: 'skal',
  sku: 'skulle',
  ku: 'kunne',
  nogn: 'nogen',
  osse: 'også',
  ogs: 'også',
  oxo: 'også',
  hvordn: 'hvordan',
  hvorn: 'hvornår',
  lissom: 'ligesom',
  te: 'til',
  u: 'you',
  ur: 'your',
  pls: 'please',
  plz: 'please',
  cuz: 'because',
  coz: 'because',
};

/** A word as it is written outside a chat ("ka" -> "kan"); other words as they are. Takes a lower-case word. */
export function standardSpelling(word: string): string {
  return CHAT_SPELLINGS[word] ?? word;
}

/**
 * Splits text into lower-case words, chat spellings written out ("ka" -> "kan") and apostrophes inside a word dropped
 * ("don't" -> "dont"). Hyphenated words give the joined form and each part; a part keeps at least two characters,
 * digits excepted ("6").
 */
export function words(text: string): string[] {
  const out: string[] = [];
  const lowered = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2');
  for (const chunk of lowered.match(/[\p{L}\p{N}]+(?:[-‐‑–][\p{L}\p{N}]+)*/gu) ?? []) {
    const parts = chunk.split(/[-‐‑–]/);
    if (parts.length > 1) out.push(parts.join(''));
    for (const p of parts) if (p.length >= 2 || /^\d+$/.test(p)) out.push(standardSpelling(p));
  }
  return out;
}

/** True for stop words of either language and chat filler (the same list for both languages). */
function isStopWord(word: string): boolean {
  if (KEEP.has(word)) return false;
  if (FILLER.has(word)) return true;
  const token = new lunr.Token(word, {});
  return danishStopWordFilter(token) === undefined || englishStopWordFilter(token) === undefined;
}

/**
 * Where the Danish Snowball stemmer joins words that mean different things here, the word gets its own stem:
 * "varighed" (duration) is not "være" (to be), "afgørende" (decisive) is not "afgørelse" (a decision), "ledig"
 * (unemployed) is not "leder" (a manager). Keys are folded words ("vare" is left alone: folded, it is also "være").
 */
const DANISH_STEM_EXCEPTIONS: Readonly<Record<string, string>> = {
  varighed: 'varighed',
  varigheden: 'varighed',
  varer: 'varighed',
  varet: 'varighed',
  afgorend: 'afgorend',
  afgorende: 'afgorend',
  afgorelse: 'afgorels',
  afgorelsen: 'afgorels',
  afgorelser: 'afgorels',
  afgorelserne: 'afgorels',
  ledig: 'ledig',
  ledige: 'ledig',
  ledighed: 'ledig',
  ledigheden: 'ledig',
  leder: 'leder',
  lederen: 'leder',
  ledere: 'leder',
  lederne: 'leder',
  ledelse: 'ledels',
  ledelsen: 'ledels',
  tidligere: 'tidlig',
};

/** Stems one folded word in the given language. */
export function stem(word: string, lang: Lang): string {
  if (lang === 'da' && DANISH_STEM_EXCEPTIONS[word]) return DANISH_STEM_EXCEPTIONS[word];
  const stemmer = lang === 'da' ? danishStemmer : englishStemmer;
  const t = stemmer(new lunr.Token(word, {}));
  return t ? t.toString() : word;
}

/** One content word of a text: its folded form and its search term (folded and stemmed). */
export interface AnalysedWord {
  folded: string;
  term: string;
}

/** The content words of a text in one language: stop words dropped, each folded and stemmed. */
export function analyse(text: string, lang: Lang): AnalysedWord[] {
  const out: AnalysedWord[] = [];
  for (const w of words(text)) {
    if (isStopWord(w)) continue;
    const folded = fold(w);
    const term = stem(folded, lang);
    if (term.length >= 2 || /^\d+$/.test(term)) out.push({ folded, term });
  }
  return out;
}

/** The search terms of a text in one language: words without stop words, folded and stemmed. */
export function terms(text: string, lang: Lang): string[] {
  return analyse(text, lang).map((w) => w.term);
}

/** Small Danish function words: a text with many of them is Danish (the search and the conversation count them). */
export const DANISH_FUNCTION_WORDS: readonly string[] = [
  'jeg',
  'er',
  'en',
  'et',
  'det',
  'og',
  'at',
  'på',
  'kan',
  'til',
  'med',
  'har',
  'hvad',
  'hvem',
  'hvor',
  'hvordan',
  'min',
  'mig',
  'mit',
  'ikke',
  'skal',
  'der',
  'som',
  'af',
  'om',
  'når',
  'får',
  'få',
  'vi',
  'du',
  'man',
  'den',
  'hvis',
  'være',
  'også',
  'eller',
];
/** Small English function words, as DANISH_FUNCTION_WORDS. Not "i": it is Danish for "in" as often as English "I". */
export const ENGLISH_FUNCTION_WORDS: readonly string[] = [
  'am',
  'is',
  'are',
  'the',
  'a',
  'an',
  'to',
  'of',
  'and',
  'my',
  'me',
  'what',
  'who',
  'how',
  'can',
  'do',
  'does',
  'have',
  'with',
  'get',
  'it',
  'be',
  'we',
  'our',
  'you',
  'your',
  'if',
  'when',
  'there',
  'this',
  'will',
  'should',
  'im',
];
const DANISH_MARKERS = new Set([...DANISH_FUNCTION_WORDS, 'mentorstøtte', 'kommunen']);
// A question to the search is short: "I" and a few question words tell English here.
const ENGLISH_MARKERS = new Set([...ENGLISH_FUNCTION_WORDS, 'i', 'on', 'allowed', 'after', 'long']);

/**
 * Guesses whether a question is Danish or English from its small function words ("jeg", "er" against "I", "is").
 * Returns `fallback` when the words do not tell.
 */
export function guessLanguage(text: string, fallback: Lang = 'da'): Lang {
  let da = 0;
  let en = 0;
  for (const w of text
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .match(/[\p{L}]+/gu) ?? []) {
    if (DANISH_MARKERS.has(w)) da++;
    if (ENGLISH_MARKERS.has(w)) en++;
  }
  if (da === en) return fallback;
  return en > da ? 'en' : 'da';
}

/** Folded (not stemmed) Danish content words of a text: what the compound splitter works from. */
export function foldedWords(text: string): string[] {
  return analyse(text, 'da').map((w) => w.folded);
}
