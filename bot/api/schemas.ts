/**
 * What the service answers, as zod schemas: the source of the response schemas in the OpenAPI description
 * (openapi.ts), and the types the routes build their answers with, so the description and the code cannot drift.
 */
import { isoDate, lang, z } from '../../knowledge/schemas.js';

const date = isoDate();

/** The one error shape of the API. */
export const ErrorResponse = z
  .object({
    error: z.object({
      field: z.string().meta({ description: 'The field, parameter, header or setting that is wrong' }),
      message: z.string(),
    }),
  })
  .meta({ title: 'Error' });

/** A citation of the law registry, as the API shows it. */
export const CitationJson = z.object({
  label: z.string().meta({ examples: ['LAB § 167, stk. 1'] }),
  act: z.string(),
  section: z.string().nullable(),
  subsection: z.number().int().nullable(),
  punktum: z.number().int().nullable(),
  item: z.string().nullable(),
  title: z.string(),
  url: z.string(),
  status: z.enum(['verified', 'unverified']),
});

export const SearchResponse = z.object({
  query: z.string(),
  lang,
  date,
  confident: z.boolean(),
  status: z.enum(['answer', 'ambiguous', 'none']),
  results: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      answer: z.string(),
      score: z.number(),
      audience: z.enum(['citizen', 'employer', 'both']),
      certainty: z.enum(['verified', 'partly-unverified', 'practice']),
      reviewed: date,
      citations: z.array(CitationJson),
    }),
  ),
  redirect: z.object({ id: z.string(), title: z.string(), answer: z.string() }).nullable(),
});

export const AssessResponse = z.object({
  asOf: date,
  rulesVersion: z.string(),
  lang,
  outcomes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['right', 'possible', 'not-eligible', 'info']),
      certainty: z.enum(['verified', 'unverified']),
      text: z.string(),
      because: z.string(),
      citations: z.array(CitationJson),
    }),
  ),
});

const bilingual = z.object({ da: z.string(), en: z.string() });

export const InputsResponse = z.object({
  inputs: z.array(
    z.object({
      name: z.string(),
      type: z.enum(['enum', 'boolean', 'integer']),
      values: z.array(z.string()).optional(),
      min: z.number().int().optional(),
      max: z.number().int().optional(),
      why: bilingual,
    }),
  ),
});

export const LawResponse = z.object({
  provisions: z.array(
    CitationJson.extend({
      id: z.string(),
      summary: z.string(),
      summaryEn: z.string(),
      validFrom: date,
      validTo: date.nullable(),
      note: z.string().nullable(),
    }),
  ),
  reforms: z.array(
    z.object({
      id: z.string(),
      date,
      status: z.enum(['verified', 'unverified']),
      provisions: z.array(z.string()),
      summary: z.string(),
      summaryEn: z.string(),
      authority: z.object({ before: bilingual, after: bilingual }).optional(),
      notice: bilingual.optional(),
    }),
  ),
});

const counts = z.record(z.string(), z.number().int());
export const OpsStatsResponse = z.object({
  from: date,
  to: date,
  days: z.array(
    z.object({
      day: date,
      questions: z.object({
        article: z.number().int(),
        ambiguous: z.number().int(),
        redirect: z.number().int(),
        none: z.number().int(),
      }),
      topics: counts,
      unanswered: counts,
      paths: counts,
      handoffs: counts,
    }),
  ),
});

export const HealthResponse = z.object({ status: z.literal('ok') });
export const ReadyResponse = z.object({
  status: z.literal('ready'),
  knowledge: z.string(),
  articles: z.number().int(),
  storage: z.enum(['ok', 'none']),
});
export const NotReadyResponse = z.object({ status: z.literal('not ready'), storage: z.literal('unreachable') });

export const WebChatConfigResponse = z.object({
  transport: z.enum(['embedded', 'directline']),
  privacyUrl: z.string(),
  accessibilityUrl: z.string(),
  directLineDomain: z.string(),
});

/** Azure Direct Line's answer to a token exchange, passed on (WEBCHAT_TRANSPORT=directline). */
export const AzureTokenResponse = z.looseObject({
  conversationId: z.string(),
  token: z.string(),
  expires_in: z.number().int(),
});

/** Direct Line 3.0 (served by the bot under /v3/directline). */
export const DirectLineToken = z.object({
  conversationId: z.string(),
  userId: z.string().optional(),
  token: z.string(),
  expires_in: z.number().int(),
});
export const DirectLineConversation = z.object({
  conversationId: z.string(),
  token: z.string(),
  expires_in: z.number().int(),
  streamUrl: z.string().meta({ description: 'A WebSocket address (ws: or wss:) with a short-lived ticket of its own' }),
});
const activity = z
  .looseObject({ type: z.string(), id: z.string().optional() })
  .meta({ description: 'A Bot Framework activity' });
export const DirectLineActivitySet = z.object({ activities: z.array(activity), watermark: z.string() });
export const DirectLineResourceResponse = z.object({ id: z.string() });
/** Ours, not Direct Line 3.0: a token for a new conversation, started, with its history (the bot's welcome). */
export const DirectLineStart = z.object({
  conversationId: z.string(),
  userId: z.string(),
  token: z.string(),
  expires_in: z.number().int(),
  activities: z.array(activity),
  watermark: z.string(),
});
export const DirectLineActivity = activity;

/** The answer of POST /api/estimate: the employer's estimate of the mentor's cost, and the law it rests on. */
export const EstimateResponse = z.object({
  asOf: date,
  lang,
  estimate: z.object({
    mentor: z.enum(['employee', 'consultant']),
    hourlyBase: z
      .number()
      .meta({ description: 'The pay (employee) or the fee (consultant) per hour, as given, in kroner' }),
    additions: z.array(
      z.object({
        kind: z.enum(['holidayPay', 'pension', 'otherContributions']),
        percent: z.number(),
        amount: z.number().meta({ description: 'Kroner per hour' }),
      }),
    ),
    hourlyCost: z.number().meta({ description: 'Cost per hour of direct contact, to øre' }),
    hoursPerWeek: z.number(),
    weeks: z.number(),
    hours: z.number().meta({ description: 'Hours of direct contact in the period' }),
    total: z.number().meta({ description: 'hourlyCost × hours, whole kroner' }),
    trainingGrant: z.literal('separate').nullable().meta({
      description:
        '"separate" for an own employee: a grant for the mentor\'s training may come on top, as a separate grant',
    }),
    longerThanOnePeriod: z
      .boolean()
      .meta({ description: 'The period is longer than the 6 months (26 weeks) a period may last' }),
  }),
  note: z.string(),
  citations: z.array(CitationJson),
});
