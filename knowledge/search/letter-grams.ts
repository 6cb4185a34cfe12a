import type { Article } from '../articles/article.js';
import { fold, words } from './normalise.js';

/**
 * A second view of how close a question is to an article's own phrasings: letter n-grams (3 and 4 letters, within
 * words) weighted by rarity, compared by cosine. Where the word search sees whole stems, this sees pieces of words, so
 * it tolerates what people write and the stemmer does not join ("mentortimer" and "timer med mentoren", "sygemeldt"
 * and "syg", "hjemmebesøg" and "besøge mig hjemme", typos). The search uses it as one more factor of its ranking.
 */
export class LetterGrams {
  /** Each n-gram's slot; per slot its weight (idf) and where its postings start in the flat arrays below. */
  private readonly slot = new Map<number, number>();
  private readonly idf: Float64Array;
  private readonly start: Int32Array;
  /** All postings, slot after slot: the phrasing an n-gram occurs in, and its weight there. */
  private readonly phrasingOf: Int32Array;
  private readonly weightOf: Float64Array;
  /** The article of each phrasing (its title or one of its question phrasings, in either language). */
  private readonly owner: string[] = [];
  private readonly norms: Float64Array;

  constructor(articles: readonly Article[]) {
    const counted: Map<number, number>[] = [];
    for (const a of articles) {
      for (const text of [a.title.da, a.title.en, ...a.questions.da, ...a.questions.en]) {
        this.owner.push(a.id);
        counted.push(gramsOf(text));
      }
    }
    // How many phrasings each n-gram occurs in, which is also how many postings it has.
    const df: number[] = [];
    for (const grams of counted)
      for (const g of grams.keys()) {
        let k = this.slot.get(g);
        if (k === undefined) this.slot.set(g, (k = df.push(0) - 1));
        df[k]!++;
      }
    this.idf = Float64Array.from(df, (n) => Math.log((counted.length + 1) / (n + 1)));
    this.start = new Int32Array(df.length + 1);
    for (let k = 0; k < df.length; k++) this.start[k + 1] = this.start[k]! + df[k]!;
    this.phrasingOf = new Int32Array(this.start[df.length]!);
    this.weightOf = new Float64Array(this.start[df.length]!);
    const filled = this.start.slice(0, df.length);
    this.norms = new Float64Array(counted.length);
    counted.forEach((grams, phrasing) => {
      let norm = 0;
      for (const [g, count] of grams) {
        const k = this.slot.get(g)!;
        const weight = (1 + Math.log(count)) * this.idf[k]!;
        norm += weight * weight;
        const at = filled[k]!++;
        this.phrasingOf[at] = phrasing;
        this.weightOf[at] = weight;
      }
      this.norms[phrasing] = Math.sqrt(norm);
    });
  }

  /** Per article: the cosine (0..1) between the question and the article's closest phrasing. */
  similarity(text: string): Map<string, number> {
    const dots = new Float64Array(this.owner.length);
    let norm = 0;
    for (const [g, count] of gramsOf(text)) {
      const k = this.slot.get(g);
      if (k === undefined) continue;
      const weight = (1 + Math.log(count)) * this.idf[k]!;
      norm += weight * weight;
      for (let at = this.start[k]!; at < this.start[k + 1]!; at++)
        dots[this.phrasingOf[at]!]! += weight * this.weightOf[at]!;
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
function code(c: number): number {
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
  for (const w of words(text)) {
    const padded = ` ${fold(w)} `;
    let three = code(padded.charCodeAt(0)) * 64 + code(padded.charCodeAt(1));
    for (let i = 2; i < padded.length; i++) {
      const c = code(padded.charCodeAt(i));
      if (i >= 3) {
        const four = three * 64 + c;
        grams.set(four, (grams.get(four) ?? 0) + 1);
      }
      three = (three % 4096) * 64 + c;
      grams.set(THREE + three, (grams.get(THREE + three) ?? 0) + 1);
    }
  }
  return grams;
}
