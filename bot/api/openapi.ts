/**
 * The OpenAPI 3.1 description of the service's HTTP interface, served at GET /api/openapi.json: the JSON API, the
 * operators' statistics, the web chat's routes, our Direct Line 3.0 server and the health checks. Response bodies are
 * the zod schemas in schemas.ts turned into JSON Schema (2020-12, the dialect of OpenAPI 3.1); the request
 * parameters and the assessment's body follow the same definitions (validate.ts, the rule module's inputs).
 */
import { ESTIMATE_LIMITS } from '../../knowledge/estimate.js';
import { INPUTS, type InputSpec } from '../../knowledge/rules/inputs.js';
import { z } from '../../knowledge/schemas.js';
import * as S from './schemas.js';
import { LOCALES } from '../webchat/inbound.js';

type Json = Record<string, unknown>;

/** A zod schema as JSON Schema for a component (no $schema of its own: the document's dialect applies). */
function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as Json;
  return rest;
}

const COMPONENTS = {
  Error: S.ErrorResponse,
  Citation: S.CitationJson,
  SearchResponse: S.SearchResponse,
  AssessResponse: S.AssessResponse,
  EstimateResponse: S.EstimateResponse,
  InputsResponse: S.InputsResponse,
  LawResponse: S.LawResponse,
  OpsStatsResponse: S.OpsStatsResponse,
  Health: S.HealthResponse,
  Ready: S.ReadyResponse,
  NotReady: S.NotReadyResponse,
  WebChatConfig: S.WebChatConfigResponse,
  AzureDirectLineToken: S.AzureTokenResponse,
  DirectLineToken: S.DirectLineToken,
  DirectLineConversation: S.DirectLineConversation,
  DirectLineActivitySet: S.DirectLineActivitySet,
  DirectLineStart: S.DirectLineStart,
  DirectLineResourceResponse: S.DirectLineResourceResponse,
  Activity: S.DirectLineActivity,
} as const;

const ref = (name: keyof typeof COMPONENTS | 'AssessRequest' | 'EstimateRequest') => ({
  $ref: `#/components/schemas/${name}`,
});
const json = (name: keyof typeof COMPONENTS, description: string) => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});
const error = (description: string) => json('Error', description);
const TOO_MANY = error('Over the rate limit (per address, or per conversation); Retry-After says when to try again');
const BAD = error('The request is wrong; error.field names the field or parameter');

/** A query parameter, given once. */
/** An optional body that names the language to start in (the web chat's start and its conversation). */
const LOCALE_BODY = {
  required: false,
  content: {
    'application/json': {
      schema: { type: 'object', properties: { locale: { type: ['string', 'null'], pattern: LOCALES.source } } },
    },
  },
};
const query = (name: string, schema: Json, description: string, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const conversationId = {
  name: 'conversationId',
  in: 'path',
  required: true,
  description: 'The conversation of the token',
  schema: { type: 'string' },
};

/** The JSON Schema of one rule input (knowledge/rules/inputs.ts); null is "not known", like a missing field. */
function inputJsonSchema(input: InputSpec): Json {
  switch (input.type) {
    case 'enum':
      return input.name === 'role' ? { type: 'string', enum: [...input.values] } : { enum: [...input.values, null] };
    case 'boolean':
      return { type: ['boolean', 'null'] };
    case 'integer':
      return { type: ['integer', 'null'], minimum: input.min, maximum: input.max };
  }
}

/** The body of POST /api/assess (validate.ts AssessBody): the rule module's inputs, date and lang; nothing else. */
const ASSESS_REQUEST: Json = {
  type: 'object',
  properties: {
    ...Object.fromEntries(INPUTS.map((input) => [input.name, inputJsonSchema(input)])),
    date: {
      type: ['string', 'null'],
      format: 'date',
      description: 'The day the law is read for; today in Denmark by default',
    },
    lang: { enum: ['da', 'en', '', null], description: 'Danish (default) or English' },
  },
  required: ['role'],
  additionalProperties: false,
};

const limit = (l: { min: number; max: number }) => ({ type: ['number', 'null'], minimum: l.min, maximum: l.max });
/**
 * The body of POST /api/estimate (validate.ts EstimateBody): an employee's pay and additions in per cent, or a
 * consultant's fee, per hour in kroner; hours per week and weeks. A field of the other kind of mentor is refused.
 */
const ESTIMATE_REQUEST: Json = {
  type: 'object',
  properties: {
    mentor: { enum: ['employee', 'consultant'], description: 'An own employee or an outside consultant' },
    hourlyWage: {
      ...limit(ESTIMATE_LIMITS.hourly),
      description: 'Employee: the pay per hour (required for an employee)',
    },
    holidayPayPercent: {
      ...limit(ESTIMATE_LIMITS.percent),
      description: 'Employee: holiday pay in per cent of the pay',
    },
    pensionPercent: { ...limit(ESTIMATE_LIMITS.percent), description: 'Employee: pension in per cent of the pay' },
    otherContributionsPercent: {
      ...limit(ESTIMATE_LIMITS.percent),
      description: 'Employee: other contributions in per cent of the pay',
    },
    hourlyFee: {
      ...limit(ESTIMATE_LIMITS.hourly),
      description: 'Consultant: the fee per hour (required for a consultant)',
    },
    hoursPerWeek: { ...limit(ESTIMATE_LIMITS.hoursPerWeek), description: 'Hours of direct contact per week' },
    weeks: { ...limit(ESTIMATE_LIMITS.weeks), description: 'Weeks in the period' },
    date: {
      type: ['string', 'null'],
      format: 'date',
      description: 'The day the law is read for; today in Denmark by default',
    },
    lang: { enum: ['da', 'en', '', null], description: 'Danish (default) or English' },
  },
  required: ['mentor', 'hoursPerWeek', 'weeks'],
  additionalProperties: false,
};

/** The OpenAPI document. `serverUrl` is where it was asked for, so "Try it" tools call the same server. */
export function openApiDocument(serverUrl?: string): Json {
  const schemas: Json = Object.fromEntries(
    Object.entries(COMPONENTS).map(([name, schema]) => [name, jsonSchema(schema)]),
  );
  schemas.AssessRequest = ASSESS_REQUEST;
  schemas.EstimateRequest = ESTIMATE_REQUEST;
  const lang = query('lang', { enum: ['da', 'en', ''] }, 'Danish (default) or English');
  const date = query(
    'date',
    { type: 'string', format: 'date' },
    'The day the law is read for (YYYY-MM-DD); today in Denmark by default',
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mentorbot',
      version: '1',
      description:
        'Guidance about mentorstøtte under lov om en aktiv beskæftigelsesindsats (LAB): search, assessment, the inputs and the law ' +
        "registry; the web chat's configuration and a Direct Line 3.0 server for any Direct Line client; health checks. " +
        'Every error is { "error": { "field", "message" } }. The bot gives guidance; the municipality decides.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    tags: [
      { name: 'guidance', description: 'The knowledge base and the rule module' },
      { name: 'operators', description: 'Statistics for the operators (OPS_TOKEN)' },
      { name: 'web chat', description: 'The web chat page and widget' },
      { name: 'Direct Line', description: 'Direct Line 3.0, served by the bot (botframework-directlinejs, Web Chat)' },
      { name: 'health', description: 'Liveness and readiness' },
    ],
    paths: {
      '/api/search': {
        get: {
          tags: ['guidance'],
          summary: 'Answers a question from the knowledge base, with citations',
          parameters: [
            query('q', { type: 'string', minLength: 1, maxLength: 1000 }, 'The question', true),
            lang,
            date,
            query('audience', { enum: ['citizen', 'employer'] }, 'Answer for this audience'),
          ],
          responses: {
            200: json('SearchResponse', 'The best articles, or none with confident false'),
            400: BAD,
            429: TOO_MANY,
          },
        },
      },
      '/api/assess': {
        post: {
          tags: ['guidance'],
          summary: 'Says what applies to a person on a date, with the reasons and the law',
          requestBody: { required: true, content: { 'application/json': { schema: ref('AssessRequest') } } },
          responses: { 200: json('AssessResponse', 'The outcomes'), 400: BAD, 429: TOO_MANY },
        },
      },
      '/api/estimate': {
        post: {
          tags: ['guidance'],
          summary:
            "Estimates an employer's cost of a mentor for a period (the municipality sets the hours and the amount)",
          requestBody: { required: true, content: { 'application/json': { schema: ref('EstimateRequest') } } },
          responses: {
            200: json('EstimateResponse', 'The estimate, with the law it rests on'),
            400: BAD,
            429: TOO_MANY,
          },
        },
      },
      '/api/inputs': {
        get: {
          tags: ['guidance'],
          summary: 'The inputs the rules use, with why each is asked',
          responses: { 200: json('InputsResponse', 'The inputs'), 429: TOO_MANY },
        },
      },
      '/api/law': {
        get: {
          tags: ['guidance'],
          summary: 'The law registry: every provision cited, and the reforms',
          responses: { 200: json('LawResponse', 'The registry'), 429: TOO_MANY },
        },
      },
      '/api/ops/stats': {
        get: {
          tags: ['operators'],
          summary: 'What citizens asked, counted per day (no personal data)',
          security: [{ opsToken: [] }],
          parameters: [
            query('from', { type: 'string', format: 'date' }, 'First day; 6 days before `to` by default'),
            query('to', { type: 'string', format: 'date' }, 'Last day; today in Denmark by default'),
            query('format', { enum: ['json', 'csv'], default: 'json' }, 'JSON or CSV (day, what, key, count)'),
          ],
          responses: {
            200: {
              description: 'The days',
              content: {
                'application/json': { schema: ref('OpsStatsResponse') },
                'text/csv': { schema: { type: 'string' } },
              },
            },
            400: BAD,
            401: error("No valid operators' token"),
            404: error('The endpoint is off (no OPS_TOKEN)'),
            429: TOO_MANY,
          },
        },
      },
      '/api/openapi.json': {
        get: {
          tags: ['health'],
          summary: 'This description',
          responses: {
            200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } },
          },
        },
      },
      '/api/webchat/config': {
        get: {
          tags: ['web chat'],
          summary: 'What the page and the widget need',
          responses: { 200: json('WebChatConfig', 'The configuration'), 429: TOO_MANY },
        },
      },
      '/api/directline/token': {
        post: {
          tags: ['web chat'],
          summary:
            "With WEBCHAT_TRANSPORT=directline: a token for Azure Direct Line, exchanged with the server's secret",
          responses: {
            200: json('AzureDirectLineToken', "Azure's token"),
            502: error('Azure Direct Line did not give a token'),
            503: error('Direct Line is not configured on this server'),
            429: TOO_MANY,
          },
        },
      },
      '/v3/directline/tokens/generate': {
        post: {
          tags: ['Direct Line'],
          summary: 'A token for one new conversation and user (no secret: the token is signed by the server)',
          requestBody: { required: false, content: { 'application/json': { schema: { type: 'object' } } } },
          responses: { 200: json('DirectLineToken', 'The token'), 400: BAD, 429: TOO_MANY },
        },
      },
      '/v3/directline/start': {
        post: {
          tags: ['Direct Line'],
          summary:
            "Ours, not Direct Line 3.0: tokens/generate, the conversation's start and its history in one round trip, so the widget can show the welcome before Web Chat has loaded",
          parameters: [
            query(
              'locale',
              { type: 'string', pattern: LOCALES.source },
              'The language to start in, when there is no body',
            ),
          ],
          requestBody: LOCALE_BODY,
          responses: {
            201: json('DirectLineStart', 'The token, the conversation and what the bot said'),
            204: { description: 'Nothing started: with WEBCHAT_TRANSPORT=directline the chat goes to Azure' },
            400: BAD,
            429: TOO_MANY,
          },
        },
      },
      '/v3/directline/tokens/refresh': {
        post: {
          tags: ['Direct Line'],
          summary: 'A new token for the same conversation',
          security: [{ directLineToken: [] }],
          responses: {
            200: json('DirectLineToken', 'The new token'),
            401: error('Not a token of ours'),
            403: error('Expired, revoked, or the conversation is too old'),
            429: TOO_MANY,
          },
        },
      },
      '/v3/directline/conversations': {
        post: {
          tags: ['Direct Line'],
          summary: "Starts the token's conversation (201, the welcome runs), or resumes it (200)",
          security: [{ directLineToken: [] }],
          requestBody: LOCALE_BODY,
          responses: {
            200: json('DirectLineConversation', 'Resumed'),
            201: json('DirectLineConversation', 'Started'),
            400: BAD,
            401: error('Not a token of ours'),
            403: error('Expired or revoked'),
            429: TOO_MANY,
          },
        },
      },
      '/v3/directline/conversations/{conversationId}': {
        get: {
          tags: ['Direct Line'],
          summary: 'Reconnects: a fresh streamUrl from the watermark',
          security: [{ directLineToken: [] }],
          parameters: [
            conversationId,
            query('watermark', { type: 'string', pattern: '^\\d{0,15}$' }, 'The last watermark seen'),
          ],
          responses: {
            200: json('DirectLineConversation', 'The conversation'),
            400: BAD,
            401: error('Not a token of ours'),
            403: error("Expired, revoked, or another conversation's token"),
            429: TOO_MANY,
          },
        },
      },
      '/v3/directline/conversations/{conversationId}/activities': {
        get: {
          tags: ['Direct Line'],
          summary: 'The history after the watermark (at most 100 activities a page)',
          security: [{ directLineToken: [] }],
          parameters: [
            conversationId,
            query('watermark', { type: 'string', pattern: '^\\d{0,15}$' }, 'The last watermark seen'),
          ],
          responses: {
            200: json('DirectLineActivitySet', 'The activities and the new watermark'),
            400: BAD,
            401: error('Not a token of ours'),
            403: error("Expired, revoked, or another conversation's token"),
            429: TOO_MANY,
          },
        },
        post: {
          tags: ['Direct Line'],
          summary: "The person's message (text or a value); files are refused",
          security: [{ directLineToken: [] }],
          parameters: [conversationId],
          requestBody: { required: true, content: { 'application/json': { schema: ref('Activity') } } },
          responses: {
            200: json('DirectLineResourceResponse', 'The id of the activity'),
            400: BAD,
            401: error('Not a token of ours'),
            403: error("Expired, revoked, or another conversation's token"),
            429: TOO_MANY,
          },
        },
      },
      '/v3/directline/conversations/{conversationId}/upload': {
        post: {
          tags: ['Direct Line'],
          summary: 'Uploads are refused with a clear error (the bot takes no files)',
          security: [{ directLineToken: [] }],
          parameters: [conversationId],
          responses: {
            400: error('Files are not taken (error.field attachments)'),
            401: error('Not a token of ours'),
            403: error("Expired, revoked, or another conversation's token"),
            413: error('Over 10 MB, refused unread'),
            429: TOO_MANY,
          },
        },
      },
      '/v3/directline/conversations/{conversationId}/stream': {
        get: {
          tags: ['Direct Line'],
          summary:
            "The WebSocket stream of the conversation's activities (open the streamUrl as given: its t= is the ticket)",
          parameters: [
            conversationId,
            query('t', { type: 'string' }, 'The stream ticket', true),
            query('watermark', { type: 'string' }, 'Send what follows it'),
          ],
          responses: {
            101: { description: 'Switching to the WebSocket protocol; each message is an activity set' },
            401: error('No valid ticket'),
            403: error('Expired or revoked'),
          },
        },
      },
      '/healthz': {
        get: { tags: ['health'], summary: 'Liveness', responses: { 200: json('Health', 'The process answers') } },
      },
      '/readyz': {
        get: {
          tags: ['health'],
          summary: 'Readiness: the knowledge base is loaded and the storage answers',
          responses: { 200: json('Ready', 'Ready'), 503: json('NotReady', 'The storage cannot be reached') },
        },
      },
    },
    components: {
      schemas,
      securitySchemes: {
        directLineToken: { type: 'http', scheme: 'bearer', description: 'A token from /v3/directline/tokens/generate' },
        opsToken: { type: 'http', scheme: 'bearer', description: 'OPS_TOKEN' },
      },
    },
  };
}
