import type { Article } from '../articles/article.js';
import { CompoundSplitter } from './compounds.js';
import { fieldsOf, langOfField } from './fields.js';
import { type Lang, foldedWords, terms } from './normalise.js';
import { lunr } from './lunr.js';
import type { SearchData } from './build-index.js';

/** How the search judges its own best answer. */
export type SearchStatus = 'answer' | 'ambiguous' | 'none';

export interface SearchHit {
  article: Article;
  score: number;
  /** The share of the question's meaningful words (weighted by rarity) this article matched, 0..1. */
  coverage: number;
}

export interface SearchOutcome {
  status: SearchStatus;
  /** True only for status "answer": one article clearly answers the question. */
  confident: boolean;
  /** Best first. For "answer" the answer first; for "ambiguous" the alternatives to offer ("Mente du ...?"); for "none" empty. */
  hits: SearchHit[];
  /** For "none": an article about a topic we do not cover that says where to ask instead, when the question was about one. */
  redirect: Article | null;
}

/**
 * Calibration. A question is answered when its best article covers at least MIN_COVERAGE of the question's weighted
 * words; it is ambiguous when the runner-up scores at least AMBIGUOUS_RATIO of the best. Set against the eval set
 * (npm run eval); see README "Search".
 */
export const CALIBRATION = { MIN_COVERAGE: 0.55, AMBIGUOUS_RATIO: 0.8, MAX_ALTERNATIVES: 3 } as const;

/** How much an expanded term counts against an exact one. */
const EXPANSION_BOOST = { exact: 1, prefix: 0.5, fuzzy: 0.35 } as const;
const MAX_EXPANSIONS = 12;

/** The part of lunr's TokenSet that @types/lunr leaves out. */
interface TokenSet {
  intersect(other: TokenSet): TokenSet;
  toArray(): string[];
}
const TokenSets = lunr.TokenSet as unknown as {
  fromString(s: string): TokenSet;
  fromFuzzyString(s: string, editDistance: number): TokenSet;
};

interface Expansion {
  term: string;
  boost: number;
}

interface QueryToken {
  lang: Lang;
  term: string;
  weight: number;
  expansions: Expansion[];
}

/**
 * Answers free-text questions from the prebuilt index. Pure and synchronous: no I/O after construction.
 * Never passes user text to lunr's query parser (which throws on input like "bolig:"); queries are built with
 * `index.query()` from normalised terms.
 */
export class SearchEngine {
  private readonly index: lunr.Index;
  private readonly tokenSet: TokenSet;
  private readonly splitter: CompoundSplitter;
  private readonly articles: Map<string, Article>;
  private readonly docFrequency = new Map<string, number>();
  private readonly docCount: number;
  private readonly maxIdf: number;

  constructor(data: SearchData, articles: Article[]) {
    this.index = lunr.Index.load(data.index);
    this.tokenSet = (this.index as unknown as { tokenSet: TokenSet }).tokenSet;
    this.splitter = new CompoundSplitter(data.vocabulary);
    this.articles = new Map(articles.map((a) => [a.id, a]));
    this.docCount = articles.filter((a) => a.kind === 'answer').length || 1;
    const inverted = (data.index as { invertedIndex: [string, Record<string, unknown>][] }).invertedIndex;
    for (const [term, posting] of inverted) {
      const docs = new Set<string>();
      for (const [field, refs] of Object.entries(posting)) {
        if (field === '_index') continue;
        for (const ref of Object.keys(refs as object)) if (this.articles.get(ref)?.kind === 'answer') docs.add(ref);
      }
      this.docFrequency.set(term, docs.size);
    }
    this.maxIdf = this.idf(0);
  }

  private idf(df: number): number {
    return Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5));
  }

  /** The index terms a query term matches: itself, longer words it begins (4+ letters), one-edit typos (5+ letters). */
  private expand(term: string): Expansion[] {
    const found = new Map<string, number>();
    const add = (list: string[], boost: number) => {
      for (const t of list) if (!found.has(t)) found.set(t, boost);
    };
    if (this.docFrequency.has(term)) found.set(term, EXPANSION_BOOST.exact);
    if (term.length >= 4) {
      const prefixed = TokenSets.fromString(term + '*').intersect(this.tokenSet).toArray();
      add(prefixed.sort((a, b) => a.length - b.length).slice(0, MAX_EXPANSIONS), EXPANSION_BOOST.prefix);
    }
    if (term.length >= 5) {
      add(TokenSets.fromFuzzyString(term, 1).intersect(this.tokenSet).toArray().slice(0, MAX_EXPANSIONS), EXPANSION_BOOST.fuzzy);
    }
    return [...found].map(([t, boost]) => ({ term: t, boost }));
  }

  private queryTokens(text: string): QueryToken[] {
    const tokens: QueryToken[] = [];
    for (const lang of ['da', 'en'] as const) {
      const list = terms(text, lang);
      if (lang === 'da') list.push(...this.splitter.partTerms(foldedWords(text, 'da')));
      for (const term of new Set(list)) {
        const expansions = this.expand(term);
        const df = Math.max(0, ...expansions.map((e) => (e.boost === EXPANSION_BOOST.exact ? this.docFrequency.get(e.term) ?? 0 : 0)));
        // A word we have never seen (length 3+) counts fully against coverage: it may well be the real topic.
        const weight = expansions.length === 0 ? (term.length >= 3 ? this.maxIdf : 0) : this.idf(df);
        tokens.push({ lang, term, weight, expansions });
      }
    }
    return tokens;
  }

  /** The share of the question's weighted words that `ref` matched, in the language that fits best. */
  private coverage(tokens: QueryToken[], matched: Record<string, Record<string, unknown>>): number {
    let best = 0;
    for (const lang of ['da', 'en'] as const) {
      const mine = tokens.filter((t) => t.lang === lang);
      const total = mine.reduce((s, t) => s + t.weight, 0);
      if (total === 0) continue;
      const hit = mine
        .filter((t) => t.expansions.some((e) => Object.keys(matched[e.term] ?? {}).some((f) => langOfField(f) === lang)))
        .reduce((s, t) => s + t.weight, 0);
      best = Math.max(best, hit / total);
    }
    return best;
  }

  /**
   * Searches for `text`. Articles not valid on `date` are left out. `audience` (when given) leaves out articles
   * written only for the other audience.
   */
  search(text: string, opts: { date: string; audience?: 'citizen' | 'employer'; limit?: number }): SearchOutcome {
    const none: SearchOutcome = { status: 'none', confident: false, hits: [], redirect: null };
    const tokens = this.queryTokens(text.slice(0, 2000));
    if (tokens.every((t) => t.expansions.length === 0)) return none;

    const results = this.index.query((q) => {
      for (const t of tokens) {
        for (const e of t.expansions) {
          q.term(e.term, { fields: fieldsOf(t.lang), usePipeline: false, boost: e.boost, wildcard: lunr.Query.wildcard.NONE });
        }
      }
    });

    const hits: SearchHit[] = [];
    for (const r of results) {
      const article = this.articles.get(r.ref);
      if (!article) continue;
      if (opts.date < article.validFrom || (article.validTo !== null && opts.date > article.validTo)) continue;
      if (opts.audience && article.audience !== 'both' && article.audience !== opts.audience && article.kind === 'answer') continue;
      hits.push({ article, score: r.score, coverage: this.coverage(tokens, r.matchData.metadata as Record<string, Record<string, unknown>>) });
    }
    const top = hits[0];
    if (!top) return none;
    if (top.article.kind === 'outside') return { ...none, redirect: top.article };
    const answers = hits.filter((h) => h.article.kind === 'answer');
    if (top.coverage < CALIBRATION.MIN_COVERAGE) return none;

    const limit = opts.limit ?? 5;
    const second = answers[1];
    if (second && second.score >= CALIBRATION.AMBIGUOUS_RATIO * top.score) {
      const close = answers.filter((h) => h.score >= CALIBRATION.AMBIGUOUS_RATIO * top.score && h.coverage >= CALIBRATION.MIN_COVERAGE / 2);
      return { status: 'ambiguous', confident: false, hits: close.slice(0, CALIBRATION.MAX_ALTERNATIVES), redirect: null };
    }
    return { status: 'answer', confident: true, hits: answers.slice(0, limit), redirect: null };
  }
}
