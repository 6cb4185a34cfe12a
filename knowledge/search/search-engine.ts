import type { Article } from '../articles/article.js';
import { inRange } from '../dates.js';
import type { SearchData } from './build-index.js';
import { loadIndex } from './lunr-index.js';
import { CompoundSplitter } from './compounds.js';
import { fieldsOf, langOfField } from './fields.js';
import { lunr } from './lunr.js';
import { type Lang, analyse, fold, guessLanguage, stem, words } from './normalise.js';
import { CALIBRATION, type Calibration } from './calibration.js';
import { TermLookup, withinOneEdit } from './term-lookup.js';
import { LetterGrams } from './letter-grams.js';
import { PhrasingClassifier, classifierWords } from './classifier.js';
import { confidenceFeatures, probabilityRight } from './confidence.js';
import { CONFIDENCE_MODEL } from './confidence-model.js';

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
  /**
   * Best first. For "answer" the answer first; for "ambiguous" the alternatives to offer ("Mente du ...?"); for "none"
   * empty.
   */
  hits: SearchHit[];
  /**
   * For "none": an article about a topic we do not cover that says where to ask instead, when the question was about
   * one.
   */
  redirect: Article | null;
  /** For an answer: what the confidence model read of the ranking (confidence.ts), for the tool that fits it. */
  features?: number[];
}

export interface SearchOptions {
  date: string;
  lang?: Lang;
  /** The path the person is on: only that audience's articles (and those for both) are answers. */
  audience?: 'citizen' | 'employer';
  /** The kinds of question the words ask (knowledge/understand). */
  kinds?: string[];
  /**
   * The facts the words state ("situation.fleksjob"): in a question whether one can get a mentor, they favour the
   * article about that situation.
   */
  stated?: string[];
  /** Who the words sound like: the other audience's articles are disfavoured, not left out. */
  voice?: 'citizen' | 'employer' | null;
  /** The words describe the scheme without naming it (knowledge/understand: describesMentor). */
  aboutScheme?: boolean;
  /** The conversation is already about mentor support: the classifier's "none of ours" does not decline it. */
  followUp?: boolean;
  /** The question is about another matter: only the articles that say where to ask instead are looked for. */
  outsideOnly?: boolean;
  limit?: number;
}

/**
 * Kinds of question that lead to their own articles whatever the other words say: "min sagsbehandler siger nej" is a
 * complaint, and the complaint route is the answer (issue: commands in people's words).
 */
const ROUTE_KINDS: ReadonlySet<string> = new Set([
  'complain',
  'amount',
  'travel',
  'changeMentor',
  'relativeMentor',
  'meetingPlace',
  'whatIsScheme',
]);

/**
 * Kinds every article answers for its own topic ("hvad er X", "kan jeg få X"): a bonus for those listed, no penalty.
 */
const GENERAL_KINDS: ReadonlySet<string> = new Set(['whatIs', 'eligibility']);

/** Units of time and money, folded: after a number they tell an amount ("10 timer", "6 mdr", "250 kr"). */
const UNIT = /^(timer?|t|minutter|min|dage?|uger?|mdr|maned|maneder|ar|kr|kroner|hours?|days?|weeks?|months?|years?)$/;

/** Only this many of lunr's best results are re-ranked by coverage. */
const RERANK_DEPTH = 100;
/** How much of a question the search reads (the conversation passes less: dialogs/answers.ts). */
const QUESTION_CHARS = 2000;

type ExpansionKind = keyof Calibration['BOOST'];

interface Expansion {
  term: string;
  kind: ExpansionKind;
}

/** A word of the question (in the question's language), the index terms it matches, and its weight. */
interface QueryToken {
  term: string;
  weight: number;
  expansions: Expansion[];
}

type MatchedTerms = Record<string, Record<string, unknown>>;

const ANY_FIELD = (): boolean => true;

/** The weightless token that carries the words of the question's kinds (addKindTerms). */
const KIND_TOKEN = '#kind';

const NONE: SearchOutcome = { status: 'none', confident: false, hits: [], redirect: null };

type RankedHit = SearchHit &
  Fit & {
    /** How closely the article's best phrasing matches the question, 0..1. */
    phrase: number;
    /** The factor from the question's kind and voice (1 when they say nothing). */
    signal: number;
    /** How close the article's closest phrasing is to the question in letter n-grams (cosine, 0..1). */
    grams: number;
    /** The phrasing classifier's probability for the article (classifier.ts). */
    cls: number;
    /** The score without the classifier's factor: what the question's own words weigh. */
    base: number;
  };

/** The ranked articles of a question, and the classifier's probability that no article answers it. */
interface Ranking {
  hits: RankedHit[];
  outOfScope: number;
}

interface Fit extends Pick<SearchHit, 'strength' | 'coverage'> {
  /** The article matched a word of the question other than a domain word. */
  offTopicMatch: boolean;
  /** The article matched a domain word of the question ("mentor"). */
  domainMatch: boolean;
  /** The article matched a word of the question itself or a synonym of it (not only a part, a prefix or a typo). */
  wholeWordMatch: boolean;
}

/**
 * Answers free-text questions from the prebuilt index. Pure and synchronous: no I/O after construction.
 * Never passes user text to lunr's query parser (which throws on input like "bolig:"); queries are built with
 * `index.query()` from normalised terms.
 */
/** Greetings a question may open with ("hej, kan jeg få en mentor?"): no part of what it asks. */
const GREETINGS = new Set([
  'hej',
  'hejsa',
  'hey',
  'hi',
  'hello',
  'yo',
  'goddag',
  'davs',
  'halla',
  'hallo',
  'ok',
  'okay',
]);

/**
 * Every word of a text, lower case and folded, stop words kept, without greetings in front: how a phrasing is
 * recognised word for word.
 */
const verbatimKey = (text: string): string => {
  const all = words(text).map(fold);
  let i = 0;
  while (i < all.length - 1 && GREETINGS.has(all[i]!)) i++;
  return all.slice(i).join(' ');
};

const plainHit = ({ article, score, strength, coverage }: RankedHit): SearchHit => ({
  article,
  score,
  strength,
  coverage,
});

/** The best few of `hits` offered ("Mente du ...?") rather than one answered. */
const offered = (hits: readonly RankedHit[]): SearchOutcome => ({
  status: 'ambiguous',
  confident: false,
  hits: hits.slice(0, CALIBRATION.MAX_ALTERNATIVES).map(plainHit),
  redirect: null,
});

export class SearchEngine {
  private readonly index: lunr.Index;
  private readonly refs: string[];
  /** Per language and article: each phrasing's terms with their weights, and the phrasing's total weight. */
  private readonly weightedPhrasings: Record<Lang, { terms: [string, number][]; total: number }[][]>;
  /** Per language: the terms of that language's fields, and in how many answer articles each occurs. */
  private readonly lookup: Record<Lang, TermLookup>;
  private readonly splitter: CompoundSplitter;
  private readonly synonyms: SearchData['synonyms'];
  private readonly domain: string[];
  private readonly articles: Map<string, Article>;
  private readonly docCount: number;
  private readonly kindsOf: Record<string, string[]>;
  private readonly kindTerms: Record<string, Record<Lang, string[]>>;
  private readonly present: (article: Article, date: string) => Article;
  private readonly grams: LetterGrams;
  private readonly classifier: PhrasingClassifier;

  /**
   * `present` gives an article as it must be shown on the date asked (e.g. with the notice of a new act, see
   * articles/dated.ts); every article a search returns passes through it. Without it articles are returned as stored.
   */
  constructor(data: SearchData, articles: Article[], present: (article: Article, date: string) => Article = (a) => a) {
    this.present = present;
    this.index = loadIndex(data.index);
    this.refs = data.refs;
    const weigh = (lang: Lang) =>
      data.phrasings[lang].map((list) =>
        list.map((phrasing) => {
          const terms = phrasing.map((t): [string, number] => [t, this.rarity(this.lookup[lang].docFrequency(t))]);
          return { terms, total: terms.reduce((sum, [, w]) => sum + w, 0) };
        }),
      );
    this.splitter = new CompoundSplitter(data.vocabulary);
    this.synonyms = data.synonyms;
    this.domain = data.domain;
    this.kindsOf = data.kinds?.byArticle ?? {};
    this.kindTerms = data.kinds?.terms ?? {};
    this.articles = new Map(articles.map((a) => [a.id, a]));
    this.grams = new LetterGrams(articles);
    this.classifier = new PhrasingClassifier(data.classifier);
    this.docCount = articles.filter((a) => a.kind === 'answer').length || 1;
    this.lookup = { da: new TermLookup(data.terms.da), en: new TermLookup(data.terms.en) };
    this.weightedPhrasings = { da: weigh('da'), en: weigh('en') };
    for (const a of articles) {
      for (const q of [...a.questions.da, ...a.questions.en, a.title.da, a.title.en]) {
        const key = verbatimKey(q);
        if (key) this.verbatim.set(key, [...(this.verbatim.get(key) ?? []), a.id]);
      }
    }
  }

  /** Each article's question phrasings and titles, word for word (folded): the articles that were written for them. */
  private readonly verbatim = new Map<string, string[]>();

  /**
   * How much a word found in `df` answer articles says about a question: its idf, capped at MAX_WEIGHT (a word found
   * in one article is often just an everyday word we happened to use once).
   */
  private rarity(df: number): number {
    return Math.min(Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5)), CALIBRATION.MAX_WEIGHT);
  }

  /**
   * The index terms a query term matches: itself, a few longer words it begins, and, for a word we do not know, the
   * words one typo away (lengths and limits in CALIBRATION). A domain word ("mentor") gets no longer words: nearly
   * every article has some "mentor..." word, so they would only add noise.
   */
  private expand(term: string, lang: Lang): Expansion[] {
    const cal = CALIBRATION;
    const found = new Map<string, ExpansionKind>();
    const add = (list: string[], kind: ExpansionKind) => {
      for (const t of list) if (!found.has(t)) found.set(t, kind);
    };
    const lookup = this.lookup[lang];
    const known = lookup.has(term);
    if (known) found.set(term, 'exact');
    if (!this.isDomainTerm(term) && term.length >= cal.PREFIX_MIN_LENGTH)
      add(lookup.withPrefix(term, cal.MAX_PREFIX_EXPANSIONS), 'prefix');
    if (!known && term.length >= cal.FUZZY_MIN_LENGTH) add(lookup.oneEditAway(term, cal.MAX_FUZZY_EXPANSIONS), 'fuzzy');
    return [...found].map(([t, kind]) => ({ term: t, kind }));
  }

  /** The question's words in its language, each with the index terms it matches and its weight. */
  private queryTokens(text: string, lang: Lang): QueryToken[] {
    const tokens: QueryToken[] = [];
    const seen = new Set<string>();
    let afterNumber = false;
    for (const word of analyse(text, lang)) {
      const counted = afterNumber && UNIT.test(word.folded);
      afterNumber = /^\d+$/.test(word.term);
      if (seen.has(word.term)) continue;
      seen.add(word.term);
      const expansions = this.expand(word.term, lang);
      const alternatives: Expansion[] = [
        ...(this.synonyms[lang][word.term] ?? [])
          .slice(0, CALIBRATION.MAX_SYNONYMS)
          .map((term) => ({ term, kind: 'synonym' as const })),
        // A Danish compound also matches its parts ("virksomhedspraktik" -> "praktik").
        ...(lang === 'da'
          ? this.splitter.split(word.folded).map((p) => ({ term: stem(p, 'da'), kind: 'compoundPart' as const }))
          : []),
      ];
      for (const alt of alternatives) {
        if (this.lookup[lang].has(alt.term) && !expansions.some((e) => e.term === alt.term)) expansions.push(alt);
      }
      const weight = this.weight(word.term, expansions, lang);
      tokens.push({
        term: word.term,
        // A unit after a number tells an amount ("10 timer om ugen", "6 måneder"), seldom what is asked about.
        weight: counted ? Math.min(weight, CALIBRATION.NUMBER_WEIGHT) : weight,
        expansions,
      });
    }
    return tokens;
  }

  /**
   * A known word weighs its rarity (a word we only know through expansions: that of its most common match); an unknown
   * word (3+ letters) a fixed weight. A number ("22 år", "4 uger") weighs little: it seldom says what the question is
   * about.
   */
  private weight(term: string, expansions: Expansion[], lang: Lang): number {
    if (expansions.length === 0) return term.length >= 3 ? CALIBRATION.UNKNOWN_WEIGHT : 0;
    const exact = expansions.find((e) => e.kind === 'exact');
    const df = exact
      ? this.lookup[lang].docFrequency(exact.term)
      : Math.max(...expansions.map((e) => this.lookup[lang].docFrequency(e.term)));
    const rarity = this.rarity(df);
    return /^\d+$/.test(term) ? Math.min(rarity, CALIBRATION.NUMBER_WEIGHT) : rarity;
  }

  /**
   * How well an article's matches cover the question in its language: `strength` is the weight of the question's
   * words it matched, `coverage` that weight over the weight of all the question's words.
   */
  private fit(tokens: QueryToken[], lang: Lang, matched: MatchedTerms): Fit {
    const total = tokens.reduce((sum, t) => sum + t.weight, 0);
    if (total === 0)
      return { strength: 0, coverage: 0, offTopicMatch: false, domainMatch: false, wholeWordMatch: false };
    const fieldsOfTerm = new Map<string, string[]>();
    for (const [term, byField] of Object.entries(matched))
      fieldsOfTerm.set(
        term,
        Object.keys(byField).filter((f) => langOfField(f) === lang),
      );
    /** How fully a word matched in the fields `field` accepts: 1 for the word itself, its boost for an expansion. */
    const credit = (t: QueryToken, field: (f: string) => boolean): number => {
      let best = 0;
      for (const e of t.expansions) {
        const fields = fieldsOfTerm.get(e.term);
        if (fields && fields.some(field)) best = Math.max(best, CALIBRATION.BOOST[e.kind]);
      }
      return best;
    };
    const matchedIn = (t: QueryToken, field: (f: string) => boolean) => credit(t, field) > 0;
    const weigh = (field: (f: string) => boolean, which: (t: QueryToken) => boolean = () => true) =>
      tokens.filter(which).reduce((sum, t) => sum + t.weight * credit(t, field), 0);
    const strength = weigh(ANY_FIELD);
    return {
      strength,
      coverage: strength / total,
      offTopicMatch: weigh(ANY_FIELD, (t) => !this.isDomainTerm(t.term)) > 0,
      // Out-of-scope answers mention "mentorstøtte" to say what we do cover: only a title, question or keyword counts.
      domainMatch: tokens.some((t) => this.isDomainTerm(t.term) && matchedIn(t, (f) => !f.endsWith('_answer'))),
      wholeWordMatch: tokens.some(
        (t) =>
          t.weight > 0 &&
          t.expansions.some((e) => (e.kind === 'exact' || e.kind === 'synonym') && fieldsOfTerm.get(e.term)?.length),
      ),
    };
  }

  /**
   * How closely the article's best question phrasing (or title) matches the question, 0..1: the harmonic mean of the
   * share of the question's weight the phrasing matches and the share of the phrasing's weight the question matches.
   * A person who asks almost exactly one of the phrasings gets that article.
   */
  private phraseMatch(tokens: QueryToken[], total: number, owner: Map<string, number>, lang: Lang, n: number): number {
    if (total === 0) return 0;
    let best = 0;
    // Which of the question's tokens a phrasing hits, marked with the phrasing's number (no set per phrasing).
    const hitBy = new Int32Array(tokens.length).fill(-1);
    let number = 0;
    for (const phrasing of this.weightedPhrasings[lang][n] ?? []) {
      number++;
      let phraseSide = 0;
      let questionSide = 0;
      let hits = 0;
      for (const [term, weight] of phrasing.terms) {
        const i = owner.get(term);
        if (i === undefined) continue;
        phraseSide += weight;
        if (hitBy[i] !== number) {
          hitBy[i] = number;
          questionSide += tokens[i]!.weight;
          hits++;
        }
      }
      if (hits === 0) continue;
      const q = questionSide / total;
      const p = phrasing.total === 0 ? 0 : phraseSide / phrasing.total;
      if (q + p > 0) best = Math.max(best, (2 * q * p) / (q + p));
    }
    return best;
  }

  /**
   * A domain word, a longer word it begins ("mentorstøtte"), a compound that ends in one ("erhvervsmentor"), or a typo
   * of one ("mentro").
   */
  private isDomainTerm(term: string): boolean {
    return this.domain.some(
      (d) =>
        term.startsWith(d) ||
        (term.length > d.length + 2 && term.endsWith(d)) ||
        (d.length >= 5 && withinOneEdit(term, d)),
    );
  }

  /** Whether the text names our topic: a domain word among its words ("mentor", "mentorstøtte", "frikøb"). */
  namesOurTopic(text: string, lang?: Lang): boolean {
    const question = text.slice(0, QUESTION_CHARS);
    return analyse(question, guessLanguage(question, lang ?? 'da')).some((w) => this.isDomainTerm(w.term));
  }

  /**
   * Searches for `text`. Articles not valid on `date` are left out. `audience` (when given) leaves out articles
   * written only for the other audience. `lang` is the reader's language, used when the question's own words do not
   * tell whether it is Danish or English.
   */
  search(text: string, opts: SearchOptions): SearchOutcome {
    const question = text.slice(0, QUESTION_CHARS);
    const lang = guessLanguage(question, opts.lang ?? 'da');
    const tokens = this.queryTokens(question, lang);
    // A follow-up that asks only a route ("what if they say no?" after an answer) is answered by that route's
    // articles, though none of its own words is ours.
    const routeOnly = opts.followUp === true && (opts.kinds ?? []).some((k) => ROUTE_KINDS.has(k));
    if (tokens.every((t) => t.expansions.length === 0) && !routeOnly) return NONE;
    this.addKindTerms(tokens, lang, opts.kinds ?? []);
    const ranking = this.rank(tokens, lang, opts, question);
    let ranked = ranking.hits;
    if (opts.outsideOnly) ranked = ranked.filter((h) => h.article.kind === 'outside');
    // A route kind (a complaint) is answered by its own articles when any of them matched at all.
    for (const route of (opts.kinds ?? []).filter((k) => ROUTE_KINDS.has(k))) {
      const own = ranked.filter((h) => (this.kindsOf[h.article.id] ?? []).includes(route));
      if (own.length > 0) {
        ranked = own;
        break;
      }
    }
    const out = this.judge(tokens, { ...ranking, hits: ranked }, opts);
    return {
      ...out,
      hits: out.hits.map((h) => ({ ...h, article: this.present(h.article, opts.date) })),
      redirect: out.redirect && this.present(out.redirect, opts.date),
    };
  }

  /**
   * Adds the words of the question's kinds (kinds.yaml) as alternatives of a weightless token, so they find the
   * articles of that kind ("siger nej" also looks for "klage") without counting in the question's coverage.
   */
  private addKindTerms(tokens: QueryToken[], lang: Lang, kinds: readonly string[]): void {
    const present = new Set(tokens.flatMap((t) => t.expansions.map((e) => e.term)));
    // A question that says little besides its kind ("hvad gør jeg, hvis kommunen siger nej?", "hvordan søger jeg?")
    // is about that kind: then the kind's words count, as one word (the question's own, when it has them all).
    const said = tokens.reduce((sum, t) => sum + t.weight, 0);
    const little = said < CALIBRATION.MIN_STRENGTH;
    const weight = little ? CALIBRATION.KIND_TERM_WEIGHT : 0;
    const known = [...new Set(kinds.flatMap((k) => this.kindTerms[k]?.[lang] ?? []))].filter((t) =>
      this.lookup[lang].has(t),
    );
    const missing = known.filter((t) => !present.has(t));
    // Only a question that does not name our topic needs them to be ours at all ("mentor" says it already).
    const named = tokens.some((t) => this.isDomainTerm(t.term));
    const extra = missing.length > 0 || !little || named ? missing : known;
    if (extra.length > 0)
      tokens.push({ term: KIND_TOKEN, weight, expansions: extra.map((term) => ({ term, kind: 'synonym' as const })) });
  }

  /** lunr's best results for the question's terms, re-ranked by coverage and by the best-matching phrasing. */
  private rank(tokens: QueryToken[], lang: Lang, opts: SearchOptions, question = ''): Ranking {
    const verbatim = this.verbatim.get(verbatimKey(question)) ?? [];
    const results = this.index.query((q) => {
      for (const t of tokens) {
        for (const e of t.expansions) {
          q.term(e.term, {
            fields: fieldsOf(lang),
            usePipeline: false,
            boost: CALIBRATION.BOOST[e.kind],
            wildcard: lunr.Query.wildcard.NONE,
          });
        }
      }
    });
    // Which question word each index term stands for (the first one that expands to it).
    const owner = new Map<string, number>();
    tokens.forEach((t, i) => {
      for (const e of t.expansions) if (!owner.has(e.term)) owner.set(e.term, i);
    });
    const total = tokens.reduce((sum, t) => sum + t.weight, 0);
    // The letter n-gram view: the closer an article's closest phrasing looks to the question, the more it gains.
    const similar = this.grams.similarity(question);
    const classes = this.classifier.probabilities(classifierWords(question, lang));
    const hits: RankedHit[] = [];
    for (const r of results.slice(0, RERANK_DEPTH)) {
      const n = Number(r.ref);
      const article = this.articles.get(this.refs[n] ?? '');
      if (!article) continue;
      if (!inRange(opts.date, article)) continue;
      if (
        opts.audience &&
        article.kind === 'answer' &&
        article.audience !== 'both' &&
        article.audience !== opts.audience
      )
        continue;
      const fit = this.fit(tokens, lang, r.matchData.metadata as MatchedTerms);
      const phrase = verbatim.includes(article.id) ? 1 : this.phraseMatch(tokens, total, owner, lang, n);
      const signal = this.signals(article, opts);
      const grams = similar.get(article.id) ?? 0;
      const base =
        r.score *
        (0.5 + fit.coverage) ** CALIBRATION.COVERAGE_POWER *
        (1 + CALIBRATION.PHRASE_BONUS * phrase) *
        signal *
        (1 + CALIBRATION.GRAM_BONUS * grams);
      // The classifier does not lift an article of another kind than the one asked ("hvem betaler" is no question
      // about what a municipal mentor is, however often its phrasings say "kommunen").
      const cls = signal < 1 ? 0 : (classes[n] ?? 0);
      const score = base * (1 + CALIBRATION.CLASS_BONUS * cls);
      hits.push({
        article,
        score,
        ...fit,
        phrase,
        signal,
        grams,
        cls,
        base,
      });
    }
    // A question asked word for word as one of an article's own phrasings is that article's, whatever the stop
    // words left to the others ("kan jeg få en mentor" against "hvad skal der til for at få en mentor").
    if (verbatim.length > 0) {
      const best = Math.max(...hits.map((h) => h.score));
      const bestBase = Math.max(...hits.map((h) => h.base));
      for (const h of hits)
        if (verbatim.includes(h.article.id)) {
          h.score = Math.max(h.score, 2 * best);
          h.base = Math.max(h.base, 2 * bestBase);
        }
    }
    // The classifier's last class is the questions people asked that no article answers (knowledge/examples/).
    return { hits: hits.sort((a, b) => b.score - a.score), outOfScope: classes[this.refs.length] ?? 0 };
  }

  /**
   * What the question says besides its words: its kind ("hvad koster", "hvem kan være") favours the articles that
   * answer that kind and disfavours those that answer only other kinds; who it sounds like (an employer's "vores
   * medarbejder", a citizen's "min sagsbehandler") disfavours the other audience's articles.
   */
  private signals(article: Article, opts: SearchOptions): number {
    let factor = 1;
    const asked = opts.kinds ?? [];
    const answers = this.kindsOf[article.id] ?? [];
    if (asked.length > 0 && answers.length > 0) {
      const shared = answers.filter((k) => asked.includes(k)).length;
      // Every article says what its own topic is and who can get it: those kinds favour, they never disfavour.
      const specific = asked.some((k) => !GENERAL_KINDS.has(k));
      if (shared > 0) factor *= 1 + CALIBRATION.KIND_BONUS * shared;
      else if (specific) factor *= 1 - CALIBRATION.KIND_PENALTY;
    }
    const general = asked.length === 0 || asked.includes('eligibility');
    if (general && (opts.stated ?? []).some((f) => answers.includes(f))) factor *= 1 + CALIBRATION.STATED_BONUS;
    if (opts.voice && article.kind === 'answer' && article.audience !== 'both' && article.audience !== opts.voice)
      factor *= 1 - CALIBRATION.VOICE_PENALTY;
    return factor;
  }

  /** Decides from the ranked hits whether the question is answered, ambiguous, or not ours (see CALIBRATION). */
  private judge(tokens: QueryToken[], { hits, outOfScope }: Ranking, opts: SearchOptions): SearchOutcome {
    const limit = opts.limit ?? 5;
    const asked = opts.kinds ?? [];
    const onPath = opts.audience !== undefined;
    const aboutScheme = opts.aboutScheme === true;
    const voice = opts.voice ?? null;
    const named = tokens.some((t) => this.isDomainTerm(t.term));
    const aboutOurTopic = named || aboutScheme;
    const contentWords = tokens.filter((t) => t.weight > 0).length;
    // A question that names our topic is about an out-of-scope topic only when that topic is another kind of mentor
    // (a business mentor, a volunteer mentor): other out-of-scope articles never say "mentor". One that describes the
    // scheme without naming it may still be about another topic ("hjælp til at skrive en ansøgning").
    // Whether the question is ours is judged on its own words (the score without the classifier, which always shares
    // out its belief among our articles and cannot say "none of them").
    const byWords = [...hits].sort((a, b) => b.base - a.base);
    const gate = named ? byWords.find((h) => h.article.kind === 'answer' || h.domainMatch) : byWords[0];
    if (!gate) return NONE;
    // A word we have never seen, in a short question that does not name the scheme, is a sign of another topic
    // ("hvad koster en hund"): then the best article must cover most of the question. A long letter always has words
    // we have never seen, so it is judged as before.
    const unknownWord = tokens.some((t) => t.expansions.length === 0 && t.weight > 0);
    const short = tokens.length <= CALIBRATION.SHORT_QUESTION_WORDS;
    const unknownTopic = unknownWord && short && gate.coverage < CALIBRATION.MIN_COVERAGE_WITH_UNKNOWN;
    if (gate.article.kind === 'outside') {
      // Pointing elsewhere needs the same grounds: "hvornår åbner svømmehallen" is not about starting a business
      // because "åbne" is in that article.
      if (unknownTopic && !aboutOurTopic) return NONE;
      return { ...NONE, redirect: gate.article };
    }
    // The classifier has learnt from questions people asked that no article answers.
    if (!aboutOurTopic && !opts.followUp && outOfScope >= CALIBRATION.OUT_OF_SCOPE_MIN) return NONE;
    if (aboutOurTopic) {
      // Only domain words ("mentorordning?"): the general articles answer. Other words: one of them must match.
      // An article that answers the specific kind asked ("can I switch to someone else?" about one's mentor) is what
      // the other words ask for, whether or not it shares them.
      const otherWords = tokens.some((t) => !this.isDomainTerm(t.term) && t.weight > 0);
      const ofTheKindAsked = (this.kindsOf[gate.article.id] ?? []).some(
        (k) => asked.includes(k) && !GENERAL_KINDS.has(k),
      );
      if (!ofTheKindAsked && ((otherWords && !gate.offTopicMatch) || gate.coverage < CALIBRATION.MIN_COVERAGE_ON_TOPIC))
        return NONE;
    } else {
      const ofItsKind = (this.kindsOf[gate.article.id] ?? []).some((k) => asked.includes(k));
      // On a path, a question of a kind our best article answers ("hvor mange timer ...") is ours, whatever else
      // matched; so is one our best article covers clearly better, or matches one of its own phrasings for ("er det
      // med feriepenge og pension?" after the employer's questions is not about førtidspension).
      const outside =
        onPath && ofItsKind
          ? undefined
          : onPath && gate.phrase >= CALIBRATION.OUTSIDE_MAX_PHRASE_ON_PATH
            ? undefined
            : hits.find(
                (h) =>
                  h.article.kind === 'outside' &&
                  h.base >= CALIBRATION.OUTSIDE_RATIO * gate.base &&
                  (!onPath || h.coverage >= gate.coverage - CALIBRATION.OUTSIDE_COVERAGE_MARGIN_ON_PATH),
              );
      if (outside) return { ...NONE, redirect: outside.article };
      // A letter covers little of its many words; it is ours when it matches much and asks what the article answers.
      const letter =
        contentWords >= CALIBRATION.LETTER_TOKENS && ofItsKind && gate.strength >= CALIBRATION.LETTER_MIN_STRENGTH;
      if (gate.strength < CALIBRATION.MIN_STRENGTH || (gate.coverage < CALIBRATION.MIN_COVERAGE && !letter))
        return NONE;
      // Without a word of our topic, the best article must match some word of the question as it is (or a synonym), not
      // only parts of a longer word or look-alikes: "kommunalvalg" is not about "kommunal mentor".
      if (!gate.wholeWordMatch) return NONE;
      if (unknownTopic) return NONE;
      // One word of no particular kind that is not our topic ("min mail er"): the article it names is offered, not
      // answered, unless the article was written for nearly that question.
      if (contentWords === 1 && asked.length === 0 && gate.phrase < CALIBRATION.SINGLE_WORD_MAX_PHRASE)
        return offered([gate]);
    }
    const answers = hits.filter((h) => h.article.kind === 'answer');
    const top = answers[0];
    if (!top) return NONE;
    // A question of few words says too little to tell two close articles apart ("mentor ret"); nor can the
    // classifier, which then mostly repeats which article has more phrasings like it: its words decide.
    const few = contentWords <= CALIBRATION.FEW_WORDS;
    const ambiguousRatio = few ? CALIBRATION.AMBIGUOUS_RATIO_FEW_WORDS : CALIBRATION.AMBIGUOUS_RATIO;
    const weighed = (h: RankedHit) => (few ? h.base : h.score);
    // The scheme described in other words: offered, not answered, unless the best article covers most of the question.
    if (!named && aboutScheme && top.coverage < CALIBRATION.MIN_COVERAGE) return offered(answers);
    // Who asks is known from the words ("vi", "min chef"): the other audience's article is no real alternative.
    const otherAudience = (h: RankedHit) =>
      voice !== null &&
      h.article.audience !== 'both' &&
      h.article.audience !== voice &&
      (top.article.audience === voice || top.article.audience === 'both');
    const close = answers.filter(
      (h) =>
        h === top ||
        (!otherAudience(h) &&
          h.strength >= CALIBRATION.MIN_STRENGTH / 2 &&
          (weighed(h) >= ambiguousRatio * weighed(top) ||
            (top.phrase < CALIBRATION.RIVAL_MAX_PHRASE &&
              h.score >= CALIBRATION.RIVAL_RATIO * top.score &&
              h.coverage >= top.coverage + CALIBRATION.RIVAL_COVERAGE_GAP))),
    );
    if (close.length > 1) return offered(close);
    // The model fitted on the development sets (confidence.ts) may still find one clear answer too unsure to give (a
    // low coverage, a weak phrasing match, the wrong voice: it weighs them together).
    const features = confidenceFeatures(top, answers.slice(1), {
      words: contentWords,
      named,
      kinds: asked.length,
      voice,
      audience: top.article.audience,
    });
    if (probabilityRight(CONFIDENCE_MODEL, features) < CALIBRATION.CONFIDENT_MIN_PROBABILITY) return offered(answers);
    return { status: 'answer', confident: true, hits: answers.slice(0, limit).map(plainHit), redirect: null, features };
  }

  /**
   * For calibration (test/eval): the ranked articles with what each scored on, before the search judges them. Takes
   * the same options as `search`.
   */
  diagnose(
    text: string,
    opts: SearchOptions,
  ): {
    tokens: number;
    domain: boolean;
    outOfScope: number;
    hits: Omit<RankedHit, 'article'>[] & { id: string }[];
  } {
    const question = text.slice(0, QUESTION_CHARS);
    const lang = guessLanguage(question, opts.lang ?? 'da');
    const tokens = this.queryTokens(question, lang);
    this.addKindTerms(tokens, lang, opts.kinds ?? []);
    const ranking = this.rank(tokens, lang, opts, question);
    const hits = ranking.hits.map(({ article, ...rest }) => ({ id: article.id, ...rest }));
    return {
      tokens: tokens.filter((t) => t.weight > 0).length,
      domain: tokens.some((t) => this.isDomainTerm(t.term)),
      outOfScope: ranking.outOfScope,
      hits,
    };
  }

  /** For diagnostics (npm run eval -- --explain): the analysed question. */
  explain(text: string): { lang: Lang; term: string; weight: number; matches: string[] }[] {
    const lang = guessLanguage(text);
    return this.queryTokens(text, lang).map((t) => ({
      lang,
      term: t.term,
      weight: t.weight,
      matches: t.expansions.map((e) => e.term),
    }));
  }
}
