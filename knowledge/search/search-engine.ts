import type { Article } from '../articles/article.js';
import type { SearchData } from './build-index.js';
import { loadIndex } from './lunr-index.js';
import { CompoundSplitter } from './compounds.js';
import { fieldId, fieldsOf, langOfField } from './fields.js';
import { lunr } from './lunr.js';
import { type Lang, analyse, guessLanguage, stem } from './normalise.js';
import { TermLookup } from './term-lookup.js';

/** How the search judges its own best answer. */
export type SearchStatus = 'answer' | 'ambiguous' | 'none';

export interface SearchHit {
  article: Article;
  score: number;
  /** The weight (rarity) of the question's words this article matched. */
  strength: number;
  /** That weight as a share of the whole question's weight, 0..1. */
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
 * Calibration, set against the question set in test/cases/ (npm run eval; see README "Search").
 * Each word of a question weighs its rarity among our articles (idf); a word we have never seen weighs UNKNOWN_WEIGHT.
 * Articles are ranked by lunr's score times (0.5 + coverage) times (1 + TITLE_BONUS x the coverage of its title), so an
 * article that covers more of the question, and whose title asks it, wins.
 * A question with a domain word ("mentor", "frikøb") is answered when the best article also matches one of its other
 * words and covers MIN_COVERAGE_ON_TOPIC of its weight. A question without one needs MIN_STRENGTH of matched weight,
 * MIN_COVERAGE, and no out-of-scope topic scoring OUTSIDE_RATIO of the best.
 * The question is ambiguous when the runner-up scores at least AMBIGUOUS_RATIO of the best.
 */
export const CALIBRATION = {
  MIN_STRENGTH: 1.5,
  OUTSIDE_RATIO: 0.5,
  MIN_COVERAGE: 0.4,
  MIN_COVERAGE_ON_TOPIC: 0.2,
  UNKNOWN_WEIGHT: 1.2,
  NUMBER_WEIGHT: 0.3,
  MAX_WEIGHT: 2.0,
  AMBIGUOUS_RATIO: 0.8,
  TITLE_BONUS: 0.25,
  MAX_ALTERNATIVES: 3,
} as const;

/** How much an expanded term counts against an exact one. */
const EXPANSION_BOOST = { exact: 1, synonym: 0.6, compoundPart: 0.5, prefix: 0.5, fuzzy: 0.35 } as const;
const MAX_PREFIX_EXPANSIONS = 6;
const MAX_FUZZY_EXPANSIONS = 6;
/** Only this many of lunr's best results are re-ranked by coverage. */
const RERANK_DEPTH = 20;

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

type MatchedTerms = Record<string, Record<string, unknown>>;

interface Fit {
  strength: number;
  coverage: number;
  /** The share of the question's weight matched in the article's title. */
  titleCoverage: number;
  /** The article matched a word of the question other than a domain word. */
  offTopicMatch: boolean;
  /** The article matched a domain word of the question ("mentor"). */
  domainMatch: boolean;
}

/**
 * Answers free-text questions from the prebuilt index. Pure and synchronous: no I/O after construction.
 * Never passes user text to lunr's query parser (which throws on input like "bolig:"); queries are built with
 * `index.query()` from normalised terms.
 */
export class SearchEngine {
  private readonly index: lunr.Index;
  private readonly refs: string[];
  /** Per language: the terms of that language's fields, and in how many answer articles each occurs. */
  private readonly lookup: Record<Lang, TermLookup>;
  private readonly splitter: CompoundSplitter;
  private readonly synonyms: SearchData['synonyms'];
  private readonly domain: string[];
  private readonly articles: Map<string, Article>;
  private readonly docCount: number;

  constructor(data: SearchData, articles: Article[]) {
    this.index = loadIndex(data.index);
    this.refs = data.refs;
    this.splitter = new CompoundSplitter(data.vocabulary);
    this.synonyms = data.synonyms;
    this.domain = data.domain;
    this.articles = new Map(articles.map((a) => [a.id, a]));
    this.docCount = articles.filter((a) => a.kind === 'answer').length || 1;
    this.lookup = { da: new TermLookup(data.terms.da), en: new TermLookup(data.terms.en) };
  }

  private idf(df: number): number {
    return Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5));
  }

  /**
   * The index terms a query term matches: itself, a few longer words it begins (5+ letters), and, for a word we do not
   * know (5+ letters), the words one typo away.
   */
  private expand(term: string, lang: Lang): Expansion[] {
    const found = new Map<string, number>();
    const add = (list: string[], boost: number) => {
      for (const t of list) if (!found.has(t)) found.set(t, boost);
    };
    const lookup = this.lookup[lang];
    if (lookup.has(term)) found.set(term, EXPANSION_BOOST.exact);
    if (term.length >= 4) add(lookup.withPrefix(term, MAX_PREFIX_EXPANSIONS), EXPANSION_BOOST.prefix);
    if (term.length >= 5) add(lookup.oneEditAway(term, MAX_FUZZY_EXPANSIONS), EXPANSION_BOOST.fuzzy);
    return [...found].map(([t, boost]) => ({ term: t, boost }));
  }

  /** The question's words in its language, each with the index terms it matches and its weight. */
  private queryTokens(text: string, lang: Lang): QueryToken[] {
    const tokens: QueryToken[] = [];
    {
      const seen = new Set<string>();
      for (const word of analyse(text, lang)) {
        if (seen.has(word.term)) continue;
        seen.add(word.term);
        const expansions = this.expand(word.term, lang);
        const alternatives = [
          ...(this.synonyms[lang][word.term] ?? []).map((term) => ({ term, boost: EXPANSION_BOOST.synonym })),
          // A Danish compound also matches its parts ("virksomhedspraktik" -> "praktik").
          ...(lang === 'da' ? this.splitter.split(word.folded).map((p) => ({ term: stem(p, 'da'), boost: EXPANSION_BOOST.compoundPart })) : []),
        ];
        for (const alt of alternatives) {
          if (this.lookup[lang].has(alt.term) && !expansions.some((e) => e.term === alt.term)) expansions.push(alt);
        }
        tokens.push({ lang, term: word.term, weight: this.weight(word.term, expansions, lang), expansions });
      }
    }
    return tokens;
  }

  /**
   * A known word weighs the rarity of its most common match, up to MAX_WEIGHT (a word found in one article is often
   * just an everyday word we happened to use once); an unknown word (3+ letters) a fixed weight. A number
   * ("22 år", "4 uger") weighs little: it seldom says what the question is about.
   */
  private weight(term: string, expansions: Expansion[], lang: Lang): number {
    if (expansions.length === 0) return term.length >= 3 ? CALIBRATION.UNKNOWN_WEIGHT : 0;
    const idf = this.idf(Math.max(...expansions.map((e) => this.lookup[lang].docFrequency(e.term))));
    return Math.min(idf, /^\d+$/.test(term) ? CALIBRATION.NUMBER_WEIGHT : CALIBRATION.MAX_WEIGHT);
  }

  /**
   * How well an article's matches cover the question in its language: `strength` is the weight of the question's
   * words it matched, `coverage` that weight over the weight of all the question's words.
   */
  private fit(tokens: QueryToken[], lang: Lang, matched: MatchedTerms): Fit {
    const mine = tokens.filter((t) => t.lang === lang);
    const total = mine.reduce((sum, t) => sum + t.weight, 0);
    if (total === 0) return { strength: 0, coverage: 0, titleCoverage: 0, offTopicMatch: false, domainMatch: false };
    const matchedIn = (t: QueryToken, field: (f: string) => boolean) =>
      t.expansions.some((e) => Object.keys(matched[e.term] ?? {}).some((f) => langOfField(f) === lang && field(f)));
    const hit = mine.filter((t) => matchedIn(t, () => true));
    const inTitle = mine.filter((t) => matchedIn(t, (f) => f === fieldId(lang, 'title')));
    const strength = hit.reduce((sum, t) => sum + t.weight, 0);
    return {
      strength,
      coverage: strength / total,
      titleCoverage: inTitle.reduce((sum, t) => sum + t.weight, 0) / total,
      offTopicMatch: hit.some((t) => !this.isDomainToken(t)),
      // Out-of-scope answers mention "mentorstøtte" to say what we do cover: only a title, question or keyword counts.
      domainMatch: mine.some((t) => this.isDomainToken(t) && matchedIn(t, (f) => !f.endsWith('_answer'))),
    };
  }


  /** A domain word, or a typo of one ("mentro"). */
  private isDomainToken(t: QueryToken): boolean {
    return this.domain.some((d) => t.term.startsWith(d)) || t.expansions.some((e) => e.boost === EXPANSION_BOOST.fuzzy && this.domain.includes(e.term));
  }

  /**
   * Searches for `text`. Articles not valid on `date` are left out. `audience` (when given) leaves out articles
   * written only for the other audience. `lang` is the reader's language, used when the question's own words do not
   * tell whether it is Danish or English.
   */
  search(text: string, opts: { date: string; lang?: Lang; audience?: 'citizen' | 'employer'; limit?: number }): SearchOutcome {
    const none: SearchOutcome = { status: 'none', confident: false, hits: [], redirect: null };
    const question = text.slice(0, 2000);
    const lang = guessLanguage(question, opts.lang ?? 'da');
    const tokens = this.queryTokens(question, lang);
    if (tokens.every((t) => t.expansions.length === 0)) return none;

    const results = this.index.query((q) => {
      for (const t of tokens) {
        for (const e of t.expansions) {
          q.term(e.term, { fields: fieldsOf(t.lang), usePipeline: false, boost: e.boost, wildcard: lunr.Query.wildcard.NONE });
        }
      }
    });

    const hits: (SearchHit & { offTopicMatch: boolean; domainMatch: boolean })[] = [];
    for (const r of results.slice(0, RERANK_DEPTH)) {
      const article = this.articles.get(this.refs[Number(r.ref)] ?? '');
      if (!article) continue;
      if (opts.date < article.validFrom || (article.validTo !== null && opts.date > article.validTo)) continue;
      if (opts.audience && article.kind === 'answer' && article.audience !== 'both' && article.audience !== opts.audience) continue;
      const { offTopicMatch, domainMatch, titleCoverage, ...fit } = this.fit(tokens, lang, r.matchData.metadata as MatchedTerms);
      const score = r.score * (0.5 + fit.coverage) * (1 + CALIBRATION.TITLE_BONUS * titleCoverage);
      hits.push({ article, score, ...fit, offTopicMatch, domainMatch });
    }
    hits.sort((a, b) => b.score - a.score);
    const mine = tokens.filter((t) => t.lang === lang);
    const aboutOurTopic = mine.some((t) => this.isDomainToken(t));
    // A question that names our topic is about an out-of-scope topic only when that topic is another kind of mentor
    // (a business mentor, a volunteer mentor): other out-of-scope articles never say "mentor".
    const top = aboutOurTopic ? hits.find((h) => h.article.kind === 'answer' || h.domainMatch) : hits[0];
    if (!top) return none;
    if (top.article.kind === 'outside') return { ...none, redirect: top.article };
    if (aboutOurTopic) {
      // Only domain words ("mentorordning?"): the general articles answer. Other words: one of them must match.
      const otherWords = mine.some((t) => !this.isDomainToken(t) && t.weight > 0);
      if ((otherWords && !top.offTopicMatch) || top.coverage < CALIBRATION.MIN_COVERAGE_ON_TOPIC) return none;
    } else {
      const outside = hits.find((h) => h.article.kind === 'outside' && h.score >= CALIBRATION.OUTSIDE_RATIO * top.score);
      if (outside) return { ...none, redirect: outside.article };
      if (top.strength < CALIBRATION.MIN_STRENGTH || top.coverage < CALIBRATION.MIN_COVERAGE) return none;
    }

    const answers = hits.filter((h) => h.article.kind === 'answer');
    const close = answers.filter((h) => h.score >= CALIBRATION.AMBIGUOUS_RATIO * top.score && h.strength >= CALIBRATION.MIN_STRENGTH / 2);
    if (close.length > 1) {
      const alternatives = close.slice(0, CALIBRATION.MAX_ALTERNATIVES).map(({ offTopicMatch: _o, domainMatch: _d, ...h }) => h);
      return { status: 'ambiguous', confident: false, hits: alternatives, redirect: null };
    }
    return { status: 'answer', confident: true, hits: answers.slice(0, opts.limit ?? 5).map(({ offTopicMatch: _o, domainMatch: _d, ...h }) => h), redirect: null };
  }

  /** For diagnostics (npm run eval -- --explain): the analysed question. */
  explain(text: string): { lang: Lang; term: string; weight: number; matches: string[] }[] {
    return this.queryTokens(text, guessLanguage(text)).map((t) => ({ lang: t.lang, term: t.term, weight: t.weight, matches: t.expansions.map((e) => e.term) }));
  }
}
