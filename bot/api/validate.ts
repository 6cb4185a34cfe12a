import { type IsoDate, todayInDenmark } from '../../knowledge/dates.js';
import { INPUTS, type InputSpec, type Situation } from '../../knowledge/rules/inputs.js';
import { isoDate, issueField, lang, z } from '../../knowledge/schemas.js';
import type { Lang } from '../../knowledge/search/normalise.js';
import { BadRequest } from './errors.js';
import { ESTIMATE_LIMITS, type EstimateInput } from '../../knowledge/estimate.js';

const MAX_QUERY_LENGTH = 1000;

/**
 * Checks `input` against `schema` and returns what it makes of it; the first problem is a BadRequest that names the
 * field (an unknown field by its name when it is a plain name: markup or control characters are not repeated back).
 */
export function parseRequest<T extends z.ZodType>(schema: T, input: unknown, status = 400): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issueField(issue);
  const shown = field === '' ? 'body' : /^[\w.[\]-]{1,60}$/.test(field) ? field : 'body';
  throw new BadRequest(shown, issue.message, status);
}

/** A query parameter given once, as text (?q=a&q=b is an error); '' counts as not given. */
const param = (name: string, missing?: string) =>
  z.string({
    error: (issue) =>
      issue.input === undefined ? (missing ?? `"${name}" is missing`) : `Give "${name}" once, as text`,
  });
const emptyAsMissing = (v: unknown) => (v === '' || v === null ? undefined : v);

/** An optional query parameter: given once, as text, then checked by `inner`. */
const optionalParam = <T extends z.ZodType<unknown, string>>(name: string, inner: T) =>
  z.preprocess(emptyAsMissing, param(name).pipe(inner).optional());

const DATE_MESSAGE = '"date" must be a date written YYYY-MM-DD';
/** "date" of a request body: the day the law is read for, today in Denmark by default. */
const dateField = z
  .preprocess(emptyAsMissing, isoDate(DATE_MESSAGE).optional())
  .transform((d): IsoDate => d ?? todayInDenmark());
/** "lang" of a request body: "da" (the default) or "en". */
const langField = z.preprocess(emptyAsMissing, lang.optional()).transform((l): Lang => l ?? 'da');

/** The query of GET /api/search. Other parameters are ignored. */
export const SearchQuery = z.object({
  q: param('q', 'Write a question in "q"')
    .refine((q) => q.trim() !== '', { error: 'Write a question in "q"' })
    .refine((q) => q.length <= MAX_QUERY_LENGTH, { error: `"q" may be at most ${MAX_QUERY_LENGTH} characters` }),
  lang: optionalParam('lang', lang).transform((l): Lang => l ?? 'da'),
  date: optionalParam('date', isoDate(DATE_MESSAGE)).transform((d): IsoDate => d ?? todayInDenmark()),
  audience: z
    .enum(['citizen', 'employer'], {
      error: (issue) =>
        Array.isArray(issue.input) ? 'Give "audience" once, as text' : '"audience" must be "citizen" or "employer"',
    })
    .optional(),
});

export type SearchRequest = z.output<typeof SearchQuery>;

/** Checks the query of GET /api/search. */
export function parseSearchRequest(query: Record<string, unknown>): SearchRequest {
  const r = parseRequest(SearchQuery, query);
  if (r.audience === undefined) delete r.audience;
  return r;
}

/** The schema of one rule input (knowledge/rules/inputs.ts); null means "not known", like a missing field. */
function inputSchema(input: InputSpec) {
  switch (input.type) {
    case 'enum':
      return z.enum(input.values as [string, ...string[]], {
        error: `"${input.name}" must be one of: ${input.values.join(', ')}`,
      });
    case 'boolean':
      return z.boolean({ error: `"${input.name}" must be true or false` });
    case 'integer': {
      const message = `"${input.name}" must be a whole number from ${input.min} to ${input.max}`;
      return z
        .number({ error: message })
        .int({ error: message })
        .min(input.min, { error: message })
        .max(input.max, { error: message });
    }
  }
}

const known = [...INPUTS.map((i) => i.name), 'date', 'lang'];

/**
 * The body of POST /api/assess, from the rule module's input definitions: every field is checked for its type and
 * allowed values; an unknown field is an error too, since a misspelt field would silently change the answer.
 */
export const AssessBody = z.strictObject(
  {
    ...Object.fromEntries(
      INPUTS.map((input) => [
        input.name,
        input.name === 'role'
          ? inputSchema(input)
          : inputSchema(input)
              .nullish()
              .transform((v) => v ?? undefined),
      ]),
    ),
    role: z.enum(['citizen', 'employer'], { error: '"role" is required: "citizen" or "employer"' }),
    date: dateField,
    lang: langField,
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown field${/^[\w.-]{1,60}$/.test(issue.keys[0] ?? '') ? ` "${issue.keys[0]}"` : ''}. Known fields: ${known.join(', ')}`
        : 'The body must be a JSON object (Content-Type: application/json)',
  },
);

export interface AssessRequest {
  situation: Situation;
  date: IsoDate;
  lang: Lang;
}

/** Checks the body of POST /api/assess (AssessBody). */
export function parseAssessRequest(body: unknown): AssessRequest {
  const {
    date,
    lang: l,
    ...fields
  } = parseRequest(AssessBody, body ?? null) as Record<string, unknown> & { date: IsoDate; lang: Lang };
  const situation = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return { situation: situation as unknown as Situation, date, lang: l };
}

/** The query of GET /api/ops/stats: from and to are dates (2026-02-30 is not), from not after to. */
export const OpsStatsQuery = z.object({
  from: param('from').pipe(isoDate('from must be a date, YYYY-MM-DD')).optional(),
  to: param('to').pipe(isoDate('to must be a date, YYYY-MM-DD')).optional(),
  format: z.enum(['json', 'csv'], { error: 'format must be json or csv' }).default('json'),
});

const estimateKnown = [
  'mentor',
  'hourlyWage',
  'hourlyFee',
  'holidayPayPercent',
  'pensionPercent',
  'otherContributionsPercent',
  'hoursPerWeek',
  'weeks',
  'date',
  'lang',
];
/** A number within one of the estimate's limits (knowledge/estimate.ts); null counts as not given. */
const bounded = (name: string, limits: { min: number; max: number }) => {
  const message = `"${name}" must be a number from ${limits.min} to ${limits.max}`;
  return z
    .number({ error: message })
    .min(limits.min, { error: message })
    .max(limits.max, { error: message })
    .nullish()
    .transform((v) => v ?? undefined);
};

/**
 * The body of POST /api/estimate: `mentor` ("employee" or "consultant"), the pay (`hourlyWage`, for an employee) or the
 * fee (`hourlyFee`, for a consultant) per hour in kroner, `hoursPerWeek`, `weeks`, and for an employee the additions in
 * per cent of the pay (`holidayPayPercent`, `pensionPercent`, `otherContributionsPercent`); `date` and `lang` as
 * elsewhere. Each bad or missing field is a 400 that names it; so is an unknown field, or a field of the other mentor.
 */
export const EstimateBody = z
  .strictObject(
    {
      mentor: z.enum(['employee', 'consultant'], { error: '"mentor" is required: "employee" or "consultant"' }),
      hourlyWage: bounded('hourlyWage', ESTIMATE_LIMITS.hourly),
      hourlyFee: bounded('hourlyFee', ESTIMATE_LIMITS.hourly),
      holidayPayPercent: bounded('holidayPayPercent', ESTIMATE_LIMITS.percent),
      pensionPercent: bounded('pensionPercent', ESTIMATE_LIMITS.percent),
      otherContributionsPercent: bounded('otherContributionsPercent', ESTIMATE_LIMITS.percent),
      hoursPerWeek: bounded('hoursPerWeek', ESTIMATE_LIMITS.hoursPerWeek),
      weeks: bounded('weeks', ESTIMATE_LIMITS.weeks),
      date: dateField,
      lang: langField,
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Unknown field${/^[\w.-]{1,60}$/.test(issue.keys[0] ?? '') ? ` "${issue.keys[0]}"` : ''}. Known fields: ${estimateKnown.join(', ')}`
          : 'The body must be a JSON object (Content-Type: application/json)',
    },
  )
  .superRefine((b, ctx) => {
    const need = (field: keyof typeof b, why: string) => {
      if (b[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: `"${field}" is required ${why}` });
    };
    const forbid = (field: keyof typeof b, why: string) => {
      if (b[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: why });
    };
    need('hoursPerWeek', '(hours of direct contact a week)');
    need('weeks', '(the length of the period in weeks)');
    if (b.mentor === 'consultant') {
      for (const f of ['hourlyWage', 'holidayPayPercent', 'pensionPercent', 'otherContributionsPercent'] as const)
        forbid(f, `"${f}" is for an employee; a consultant's fee is "hourlyFee"`);
      need('hourlyFee', 'for a consultant (the fee per hour in kroner)');
    } else {
      forbid('hourlyFee', '"hourlyFee" is for a consultant; an employee\'s pay is "hourlyWage"');
      need('hourlyWage', 'for an employee (the pay per hour in kroner)');
    }
  });

export interface EstimateRequest {
  input: EstimateInput;
  date: IsoDate;
  lang: Lang;
}

/** Checks the body of POST /api/estimate (EstimateBody). */
export function parseEstimateRequest(body: unknown): EstimateRequest {
  const b = parseRequest(EstimateBody, body ?? null);
  const { hoursPerWeek, weeks } = b as { hoursPerWeek: number; weeks: number };
  const input: EstimateInput =
    b.mentor === 'consultant'
      ? { mentor: 'consultant', hourlyFee: b.hourlyFee!, hoursPerWeek, weeks }
      : {
          mentor: 'employee',
          hourlyWage: b.hourlyWage!,
          hoursPerWeek,
          weeks,
          ...(b.holidayPayPercent !== undefined ? { holidayPayPercent: b.holidayPayPercent } : {}),
          ...(b.pensionPercent !== undefined ? { pensionPercent: b.pensionPercent } : {}),
          ...(b.otherContributionsPercent !== undefined
            ? { otherContributionsPercent: b.otherContributionsPercent }
            : {}),
        };
  return { input, date: b.date, lang: b.lang };
}
