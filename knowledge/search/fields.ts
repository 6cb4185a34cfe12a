import type { Lang } from './normalise.js';

/**
 * The indexed fields. Each language has its own fields, analysed by that language's normaliser, so one lunr index
 * serves Danish and English questions and one score ranks them. Boosts: a word in a title or a keyword says more
 * about what an article answers than a word in the answer text.
 */
export const FIELD_NAMES = ['title', 'questions', 'keywords', 'answer'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export const FIELD_BOOST: Record<FieldName, number> = { title: 3, questions: 2, keywords: 2.5, answer: 1 };

export function fieldId(lang: Lang, name: FieldName): string {
  return `${lang}_${name}`;
}

export function fieldsOf(lang: Lang): string[] {
  return FIELD_NAMES.map((n) => fieldId(lang, n));
}

export function langOfField(field: string): Lang {
  return field.startsWith('da_') ? 'da' : 'en';
}
