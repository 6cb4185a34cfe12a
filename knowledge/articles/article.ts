import type { DateRange, IsoDate } from '../dates.js';

export type Audience = 'citizen' | 'employer' | 'both';
/** `answer`: a knowledge-base answer. `outside`: a topic we do not cover; search declines and points elsewhere. */
export type ArticleKind = 'answer' | 'outside';
export type Certainty = 'verified' | 'partly-unverified' | 'practice';

export interface Bilingual {
  da: string;
  en: string;
}

/** One knowledge-base article, as written by a content editor in knowledge/articles/. */
export interface Article extends DateRange {
  id: string;
  /** Path relative to the project root, for error messages. */
  file: string;
  audience: Audience;
  kind: ArticleKind;
  title: Bilingual;
  questions: { da: string[]; en: string[] };
  keywords: string[];
  /** Law registry ids. */
  citations: string[];
  certainty: Certainty;
  reviewed: IsoDate;
  answer: Bilingual;
  /** LIX of the Danish answer. */
  lix: number;
}
