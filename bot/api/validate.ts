import { type IsoDate, isIsoDate, todayInDenmark } from '../../knowledge/dates.js';
import { INPUTS, type Situation } from '../../knowledge/rules/inputs.js';
import { ESTIMATE_LIMITS, type EstimateInput } from '../../knowledge/estimate.js';
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

export interface EstimateRequest {
  input: EstimateInput;
  date: IsoDate;
  lang: Lang;
}

/** A field name as it may be echoed back: a plain name only, so markup or control characters are not repeated. */
function unknownField(key: string, known: Iterable<string>): BadRequest {
  const shown = /^[\w.-]{1,60}$/.test(key);
  return new BadRequest(shown ? key : 'body', `Unknown field${shown ? ` "${key}"` : ''}. Known fields: ${[...known].join(', ')}`);
}

/**
 * Checks the body of POST /api/estimate: `mentor` ("employee" or "consultant"), the pay (`hourlyWage`, for an
 * employee) or the fee (`hourlyFee`, for a consultant) per hour in kroner, `hoursPerWeek`, `weeks`, and for an
 * employee the additions in per cent of the pay (`holidayPayPercent`, `pensionPercent`, `otherContributionsPercent`);
 * `date` and `lang` as elsewhere. Each bad or missing field is a 400 that names it; so is an unknown field.
 */
export function parseEstimateRequest(body: unknown): EstimateRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequest('body', 'The body must be a JSON object (Content-Type: application/json)');
  }
  const raw = body as Record<string, unknown>;
  const numbers = {
    hourlyWage: ESTIMATE_LIMITS.hourly,
    hourlyFee: ESTIMATE_LIMITS.hourly,
    holidayPayPercent: ESTIMATE_LIMITS.percent,
    pensionPercent: ESTIMATE_LIMITS.percent,
    otherContributionsPercent: ESTIMATE_LIMITS.percent,
    hoursPerWeek: ESTIMATE_LIMITS.hoursPerWeek,
    weeks: ESTIMATE_LIMITS.weeks,
  } as const;
  const known = new Set<string>(['mentor', ...Object.keys(numbers), 'date', 'lang']);
  for (const key of Object.keys(raw)) if (!known.has(key)) throw unknownField(key, known);
  const mentor = raw.mentor;
  if (mentor !== 'employee' && mentor !== 'consultant') throw new BadRequest('mentor', '"mentor" is required: "employee" or "consultant"');
  const value = (name: keyof typeof numbers): number | undefined => {
    const v = raw[name];
    if (v === undefined || v === null) return undefined;
    const { min, max } = numbers[name];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new BadRequest(name, `"${name}" must be a number from ${min} to ${max}`);
    return v;
  };
  const required = (name: keyof typeof numbers, why: string): number => {
    const v = value(name);
    if (v === undefined) throw new BadRequest(name, `"${name}" is required ${why}`);
    return v;
  };
  const hoursPerWeek = required('hoursPerWeek', '(hours of direct contact a week)');
  const weeks = required('weeks', '(the length of the period in weeks)');
  let input: EstimateInput;
  if (mentor === 'consultant') {
    for (const name of ['hourlyWage', 'holidayPayPercent', 'pensionPercent', 'otherContributionsPercent'] as const) {
      if (raw[name] !== undefined && raw[name] !== null) throw new BadRequest(name, `"${name}" is for an employee; a consultant's fee is "hourlyFee"`);
    }
    input = { mentor, hourlyFee: required('hourlyFee', 'for a consultant (the fee per hour in kroner)'), hoursPerWeek, weeks };
  } else {
    if (raw.hourlyFee !== undefined && raw.hourlyFee !== null) throw new BadRequest('hourlyFee', '"hourlyFee" is for a consultant; an employee\'s pay is "hourlyWage"');
    input = { mentor, hourlyWage: required('hourlyWage', 'for an employee (the pay per hour in kroner)'), hoursPerWeek, weeks };
    for (const name of ['holidayPayPercent', 'pensionPercent', 'otherContributionsPercent'] as const) {
      const v = value(name);
      if (v !== undefined) input[name] = v;
    }
  }
  return { input, date: readDate(raw.date), lang: readLang(raw.lang) };
}
