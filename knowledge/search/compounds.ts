import { stem } from './normalise.js';

/**
 * Danish writes compounds as one word ("mentorstøtte", "løntilskudsjob"), so a question about "støtte" would miss an
 * article that only says "mentorstøtte", and the other way round. The splitter finds a compound's parts among the
 * words of our own articles: a folded word splits into two known words, with an optional linking "s" or "e"
 * ("løntilskuds|job"). Both parts must have 3 letters or more. It adds the parts' stems beside the whole word.
 */
export class CompoundSplitter {
  private readonly vocabulary: ReadonlySet<string>;

  constructor(vocabulary: Iterable<string>) {
    this.vocabulary = new Set([...vocabulary].filter((w) => w.length >= 3));
  }

  /** The vocabulary as a sorted list, to store beside the index. */
  toJSON(): string[] {
    return [...this.vocabulary].sort();
  }

  /** The parts of a folded word, or [] when it is not a compound of two known words. */
  split(word: string): string[] {
    if (word.length < 7) return [];
    for (let i = word.length - 3; i >= 3; i--) {
      const head = word.slice(0, i);
      const tail = word.slice(i);
      if (!this.vocabulary.has(tail)) continue;
      if (this.vocabulary.has(head)) return [head, tail];
      const linked = head.slice(0, -1);
      if ((head.endsWith('s') || head.endsWith('e')) && linked.length >= 3 && this.vocabulary.has(linked))
        return [linked, tail];
    }
    return [];
  }

  /** Stems of the parts of each compound among `foldedWords` (Danish). */
  partTerms(foldedWords: string[]): string[] {
    const out: string[] = [];
    for (const w of foldedWords) for (const part of this.split(w)) out.push(stem(part, 'da'));
    return out;
  }
}
