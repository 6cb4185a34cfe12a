import type { Article } from '../articles/article.js';
import { fold, words } from './normalise.js';

/**
 * A second view of how close a question is to an article's own phrasings: letter n-grams (3 and 4 letters, within
 * words) weighted by rarity, compared by cosine. Where the word search sees whole stems, this sees pieces of words, so
 * it tolerates what people write and the stemmer does not join ("mentortimer" and "timer med mentoren", "sygemeldt"
 * and "syg", "hjemmebesøg" and "besøge mig hjemme", typos). The search uses it as one more factor of its ranking.
 */
export class LetterGrams {
  /** For each n-gram: the phrasings it occurs in, and its weight in each. */
  private readonly postings = new Map<number, { phrasings: Int32Array; weights: Float64Array }>();
  /** The article of each phrasing (its title or one of its question phrasings, in either language). */
  private readonly owner: string[] = [];
  private readonly norms: Float64Array;
  private readonly idf = new Map<number, number>();

  constructor(articles: readonly Article[]) {
    const counted: Map<number, number>[] = [];
    for (const a of articles) {
      for (const text of [a.title.da, a.title.en, ...a.questions.da, ...a.questions.en]) {
        this.owner.push(a.id);
        counted.push(gramsOf(text));
      }
    }
    const df = new Map<number, number>();
    for (const grams of counted) for (const g of grams.keys()) df.set(g, (df.get(g) ?? 0) + 1);
    for (const [g, n] of df) this.idf.set(g, Math.log((counted.length + 1) / (n + 1)));
    const lists = new Map<number, { phrasings: number[]; weights: number[] }>();
    this.norms = new Float64Array(counted.length);
    counted.forEach((grams, phrasing) => {
      let norm = 0;
      for (const [g, count] of grams) {
        const weight = (1 + Math.log(count)) * this.idf.get(g)!;
        norm += weight * weight;
        let list = lists.get(g);
        if (!list) lists.set(g, (list = { phrasings: [], weights: [] }));
        list.phrasings.push(phrasing);
        list.weights.push(weight);
      }
      this.norms[phrasing] = Math.sqrt(norm);
    });
    for (const [g, l] of lists)
      this.postings.set(g, { phrasings: Int32Array.from(l.phrasings), weights: Float64Array.from(l.weights) });
  }

  /** Per article: the cosine (0..1) between the question and the article's closest phrasing. */
  similarity(text: string): Map<string, number> {
    const dots = new Float64Array(this.owner.length);
    let norm = 0;
    for (const [g, count] of gramsOf(text)) {
      const idf = this.idf.get(g);
      if (idf === undefined) continue;
      const weight = (1 + Math.log(count)) * idf;
      norm += weight * weight;
      const { phrasings, weights } = this.postings.get(g)!;
      for (let i = 0; i < phrasings.length; i++) dots[phrasings[i]!]! += weight * weights[i]!;
    }
    const best = new Map<string, number>();
    if (norm === 0) return best;
    const qNorm = Math.sqrt(norm);
    for (let p = 0; p < dots.length; p++) {
      if (dots[p] === 0) continue;
      const cos = dots[p]! / (qNorm * (this.norms[p] || 1));
      const id = this.owner[p]!;
      if (cos > (best.get(id) ?? 0)) best.set(id, cos);
    }
    return best;
  }
}

/** A character as a number below 64: space, a-z, 0-9, and any other character in one of 27 shared places. */
function code(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c === 32) return 0;
  if (c >= 97 && c <= 122) return c - 96;
  if (c >= 48 && c <= 57) return c - 21;
  return 37 + (c % 27);
}

/** The numbers of the three-letter pieces start here, above those of the four-letter ones (64^4). */
const THREE = 64 ** 4;

/**
 * The 3- and 4-letter pieces of each word (with a space at each end of the word), counted; each piece as a number
 * made of its characters' codes, so no string is made for it.
 */
function gramsOf(text: string): Map<number, number> {
  const grams = new Map<number, number>();
  const add = (g: number) => grams.set(g, (grams.get(g) ?? 0) + 1);
  for (const w of words(text)) {
    const codes = Array.from(` ${fold(w)} `, code);
    for (let i = 0; i + 3 <= codes.length; i++) {
      const three = (codes[i]! * 64 + codes[i + 1]!) * 64 + codes[i + 2]!;
      add(THREE + three);
      if (i + 4 <= codes.length) add(three * 64 + codes[i + 3]!);
    }
  }
  return grams;
}
