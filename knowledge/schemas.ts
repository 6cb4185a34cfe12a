/**
 * The one validation vocabulary of the project (zod): what a date, a language and a non-empty text are, and how a
 * problem names its field. Configuration, the JSON API, both channels' activity envelopes, the articles' front matter
 * and the law registry all check their input with zod schemas built from these, so they agree (2026-02-30 is a date
 * nowhere). Each schema's message says what is wrong in words a content editor or an integrator understands; the
 * field comes from where the problem was found (`issueField`).
 */
import * as z from 'zod/v4';
import { isIsoDate } from './dates.js';

export { z };

/** A calendar day written YYYY-MM-DD that exists (isIsoDate); JSON Schema: a string of format date. */
export const isoDate = (message = 'must be a date written YYYY-MM-DD') =>
  z
    .string({ error: message })
    .refine(isIsoDate, { error: message })
    .meta({ format: 'date', examples: ['2026-11-23'] });

/** A text with something in it besides spaces, trimmed. */
export const nonEmptyText = (message = 'must be a non-empty text') =>
  z.string({ error: message }).trim().min(1, { error: message });

/** The two languages of the service. */
export const lang = z.enum(['da', 'en'], { error: '"lang" must be "da" or "en"' });

/** Where a problem is, as a field name: `citations[1]`, `value.action`, `acts[0].versions[1].id`; '' for the whole. */
export function fieldOf(path: readonly PropertyKey[]): string {
  let field = '';
  for (const part of path)
    field += typeof part === 'number' ? `[${part}]` : `${field === '' ? '' : '.'}${String(part)}`;
  return field;
}

/** The field of a zod issue, with an unknown key named after the object it is in (`keys` holds it). */
export function issueField(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return fieldOf([...issue.path, issue.keys[0] ?? '']);
  return fieldOf(issue.path);
}
