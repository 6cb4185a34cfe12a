import type { Lang } from './normalise.js';

/**
 * The indexed fields. Each language has its own fields, analysed by that language's normaliser, so one lunr index
 * serves Danish and English questions and one score ranks them. `asked` holds what an article answers (its title,
 * twice, its keywords and the phrasings people use); `answer` holds the answer. A word in `asked` says more about
 * what an article answers than a word in the answer. Two fields, not four, halve lunr's work per query word.
 */
export const FIELD_NAMES = ['asked', 'answer'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export const FIELD_BOOST: Record<FieldName, number> = { asked: 2, answer: 1 };

export function fieldId(lang: Lang, name: FieldName): string {
  return `${lang}_${name}`;
}

export function fieldsOf(lang: Lang): string[] {
  return FIELD_NAMES.map((n) => fieldId(lang, n));
}

export function langOfField(field: string): Lang {
  return field.startsWith('da_') ? 'da' : 'en';
}
