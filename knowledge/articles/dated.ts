import type { IsoDate } from '../dates.js';
import type { LawRegistry } from '../law/registry.js';
import type { Article } from './article.js';

/**
 * The article as it must be shown on `date`. An answer gets the registry's notice for that date as a paragraph of its
 * own at the end, in both languages (from 1 January 2027: a new act takes effect and the municipality has the final
 * word, until the registry holds the new act; see LawRegistry.newActNotice). An article about a topic we do not cover
 * (`kind: outside`) and any article on a date without a notice are returned unchanged. Pure: the same inputs give the
 * same article, and the stored article is never changed.
 */
export function articleOn(article: Article, date: IsoDate, registry: LawRegistry): Article {
  const notice = article.kind === 'answer' ? registry.newActNotice(date) : null;
  if (!notice) return article;
  return {
    ...article,
    answer: { da: `${article.answer.da}\n\n${notice.da}`, en: `${article.answer.en}\n\n${notice.en}` },
  };
}
