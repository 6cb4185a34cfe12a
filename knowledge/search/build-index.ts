import type { Article } from '../articles/article.js';
import { CompoundSplitter } from './compounds.js';
import { FIELD_BOOST, FIELD_NAMES, fieldId } from './fields.js';
import { type Lang, foldedWords, terms } from './normalise.js';
import { lunr } from './lunr.js';
import { type LunrIndexJson, compactIndex } from './lunr-index.js';
import type { KindData, SynonymFile } from './synonyms.js';
import { type ClassifierData, classifierWords, trainClassifier } from './classifier.js';
import { type ExampleQuestion, OUT_OF_SCOPE } from './examples.js';

/** The serialisable search part of the knowledge bundle. */
export interface SearchData {
  /** lunr's serialised index, stored compactly (lunr-index.ts); documents are numbered, `refs` gives their ids. */
  index: LunrIndexJson;
  refs: string[];
  vocabulary: string[];
  /** Per language: a stem and the stems of its synonyms (knowledge/search/synonyms.yaml). */
  synonyms: Record<Lang, Record<string, string[]>>;
  /** Stems (both languages) that by themselves make a question about our topic. */
  domain: string[];
  /** Per language: every term of that language's fields, with the number of answer articles it occurs in. */
  terms: Record<Lang, [string, number][]>;
  /** Per language and article (in `refs` order): the terms of its title and of each question phrasing. */
  phrasings: Record<Lang, string[][][]>;
  /**
   * Per article id: the kinds of question it answers; per kind: stems to add to a question of that kind, per language.
   */
  kinds: { byArticle: Record<string, string[]>; terms: Record<string, Record<Lang, string[]>> };
  /**
   * The phrasing classifier (classifier.ts, trainPhrasingClassifier): its classes are `refs`, and one more after them
   * for the questions no article answers.
   */
  classifier: ClassifierData;
}

/** Turns groups of words into a map from each word's stem to the stems of the other words, per language. */
export function synonymMap(groups: string[][]): Record<Lang, Record<string, string[]>> {
  const out: Record<Lang, Record<string, string[]>> = { da: {}, en: {} };
  for (const lang of ['da', 'en'] as const) {
    for (const group of groups) {
      const stems = [...new Set(group.flatMap((w) => terms(w, lang)))];
      for (const s of stems) {
        const others = stems.filter((o) => o !== s);
        out[lang][s] = [...new Set([...(out[lang][s] ?? []), ...others])];
      }
    }
  }
  return out;
}

function fieldText(a: Article, lang: Lang, name: (typeof FIELD_NAMES)[number]): string {
  switch (name) {
    case 'asked':
      return [a.title[lang], a.title[lang], ...a.keywords, ...a.questions[lang]].join('\n');
    case 'answer':
      return a.answer[lang];
  }
}

/**
 * Builds the lunr index over the articles. Text is analysed by our own normaliser (knowledge/search/normalise.ts)
 * and handed to lunr as ready terms, with lunr's own pipelines left empty, so index and query are analysed by the
 * same code. Keywords are analysed by both languages, since editors mix Danish and English keywords.
 */
export function buildSearchData(
  articles: Article[],
  synonyms: SynonymFile,
  kinds: KindData = { byArticle: {}, words: {} },
  examples: ReadonlyMap<string, readonly ExampleQuestion[]> = new Map(),
): SearchData {
  const vocabulary = new Set<string>();
  for (const a of articles) {
    for (const name of FIELD_NAMES) for (const w of foldedWords(fieldText(a, 'da', name))) vocabulary.add(w);
  }
  const splitter = new CompoundSplitter(vocabulary);

  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.ref('n');
  for (const lang of ['da', 'en'] as const) {
    for (const name of FIELD_NAMES) builder.field(fieldId(lang, name), { boost: FIELD_BOOST[name] });
  }
  builder.metadataWhitelist = [];
  // Per language: each term and the answer articles it occurs in (for its weight at query time).
  const docs: Record<Lang, Map<string, Set<string>>> = { da: new Map(), en: new Map() };
  for (const [n, a] of articles.entries()) {
    const doc: Record<string, string[] | string> = { n: String(n) };
    for (const lang of ['da', 'en'] as const) {
      for (const name of FIELD_NAMES) {
        const text = fieldText(a, lang, name);
        const t = terms(text, lang);
        if (lang === 'da') t.push(...splitter.partTerms(foldedWords(text)));
        doc[fieldId(lang, name)] = t;
        for (const term of t) {
          const set = docs[lang].get(term) ?? new Set<string>();
          if (a.kind === 'answer') set.add(a.id);
          docs[lang].set(term, set);
        }
      }
    }
    builder.add(doc);
  }
  const termList = (lang: Lang): [string, number][] => [...docs[lang]].map(([t, set]) => [t, set.size]);
  const phrasingsOf = (lang: Lang) =>
    articles.map((a) =>
      [a.title[lang], ...a.questions[lang]].map((q) => [...new Set(terms(q, lang))]).filter((t) => t.length > 0),
    );
  return {
    index: compactIndex(builder.build().toJSON() as unknown as LunrIndexJson),
    refs: articles.map((a) => a.id),
    vocabulary: splitter.toJSON(),
    terms: { da: termList('da'), en: termList('en') },
    phrasings: { da: phrasingsOf('da'), en: phrasingsOf('en') },
    classifier: trainPhrasingClassifier(articles, examples),
    synonyms: synonymMap(synonyms.groups),
    kinds: {
      byArticle: kinds.byArticle,
      terms: Object.fromEntries(
        Object.entries(kinds.words).map(([kind, words]) => [
          kind,
          { da: words.flatMap((w) => terms(w, 'da')), en: words.flatMap((w) => terms(w, 'en')) },
        ]),
      ),
    },
    domain: [...new Set(synonyms.domain.flatMap((w) => [...terms(w, 'da'), ...terms(w, 'en')]))],
  };
}

/**
 * Trains the phrasing classifier on each article's title, question phrasings and keywords (each keyword stemmed as
 * either language: they mix both), and on the example questions people wrote for it (knowledge/examples/).
 */
export function trainPhrasingClassifier(
  articles: readonly Article[],
  examples: ReadonlyMap<string, readonly ExampleQuestion[]>,
): ClassifierData {
  const asked = (id: string) => (examples.get(id) ?? []).map((q) => classifierWords(q.q, q.lang));
  return trainClassifier([
    ...articles.map((a) => [
      ...(['da', 'en'] as const).flatMap((lang) =>
        [a.title[lang], ...a.questions[lang], ...a.keywords].map((q) => classifierWords(q, lang)),
      ),
      ...asked(a.id),
    ]),
    // One class more, after the articles: the questions no article answers.
    asked(OUT_OF_SCOPE),
  ]);
}
