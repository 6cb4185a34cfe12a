import { type IsoDate, isIsoDate, todayInDenmark } from '../../knowledge/dates.js';
import { INPUTS, type Situation } from '../../knowledge/rules/inputs.js';
import type { Lang } from '../../knowledge/search/normalise.js';
import { BadRequest } from './errors.js';

const MAX_QUERY_LENGTH = 1000;

/** Reads one optional query parameter; repeated parameters (?q=a&q=b) are an error. */
function oneParam(query: Record<string, unknown>, name: string): string | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new BadRequest(name, `Give "${name}" once, as text`);
  return v;
}

/** "lang" of a request: "da" (the default) or "en". */
function readLang(value: unknown): Lang {
  if (value === undefined || value === null || value === '') return 'da';
  if (value !== 'da' && value !== 'en') throw new BadRequest('lang', '"lang" must be "da" or "en"');
  return value;
}

/** "date" of a request: the day the law is read for, today in Denmark by default. */
function readDate(value: unknown): IsoDate {
  if (value === undefined || value === null || value === '') return todayInDenmark();
  if (!isIsoDate(value)) throw new BadRequest('date', '"date" must be a date written YYYY-MM-DD');
  return value;
}

export interface SearchRequest {
  q: string;
  lang: Lang;
  date: IsoDate;
  audience?: 'citizen' | 'employer';
}

/** Checks the query of GET /api/search. */
export function parseSearchRequest(query: Record<string, unknown>): SearchRequest {
  const q = oneParam(query, 'q');
  if (q === undefined || q.trim() === '') throw new BadRequest('q', 'Write a question in "q"');
  if (q.length > MAX_QUERY_LENGTH) throw new BadRequest('q', `"q" may be at most ${MAX_QUERY_LENGTH} characters`);
  const audience = oneParam(query, 'audience');
  if (audience !== undefined && audience !== 'citizen' && audience !== 'employer') {
    throw new BadRequest('audience', '"audience" must be "citizen" or "employer"');
  }
  const req: SearchRequest = { q, lang: readLang(oneParam(query, 'lang')), date: readDate(oneParam(query, 'date')) };
  if (audience) req.audience = audience;
  return req;
}

export interface AssessRequest {
  situation: Situation;
  date: IsoDate;
  lang: Lang;
}

/**
 * Checks the body of POST /api/assess against the rule module's input definitions. Every field is checked for its
 * type and allowed values; an unknown field is an error too, since a misspelt field would silently change the answer.
 * null means "not known", like a missing field.
 */
export function parseAssessRequest(body: unknown): AssessRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequest('body', 'The body must be a JSON object (Content-Type: application/json)');
  }
  const raw = body as Record<string, unknown>;
  const known = new Set<string>([...INPUTS.map((i) => i.name), 'date', 'lang']);
  for (const key of Object.keys(raw)) {
    if (known.has(key)) continue;
    // A field name is echoed only when it is a plain name: markup or control characters are not repeated back.
    const shown = /^[\w.-]{1,60}$/.test(key);
    throw new BadRequest(shown ? key : 'body', `Unknown field${shown ? ` "${key}"` : ''}. Known fields: ${[...known].join(', ')}`);
  }
  const situation: Record<string, unknown> = {};
  for (const input of INPUTS) {
    const v = raw[input.name];
    if (v === undefined || v === null) {
      if (input.name === 'role') throw new BadRequest('role', '"role" is required: "citizen" or "employer"');
      continue;
    }
    switch (input.type) {
      case 'enum':
        if (typeof v !== 'string' || !input.values.includes(v)) {
          throw new BadRequest(input.name, `"${input.name}" must be one of: ${input.values.join(', ')}`);
        }
        break;
      case 'boolean':
        if (typeof v !== 'boolean') throw new BadRequest(input.name, `"${input.name}" must be true or false`);
        break;
      case 'integer':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < input.min || v > input.max) {
          throw new BadRequest(input.name, `"${input.name}" must be a whole number from ${input.min} to ${input.max}`);
        }
        break;
    }
    situation[input.name] = v;
  }
  return { situation: situation as unknown as Situation, date: readDate(raw.date), lang: readLang(raw.lang) };
}
