import { randomUUID } from 'node:crypto';
import { type Request, type Response, Router } from 'express';
import { sendError } from '../api/errors.js';
import { parseRequest } from '../api/validate.js';
import { z } from '../../knowledge/schemas.js';
import { languageOf } from '../../dialogs/state.js';
import { withinConversationLimit } from '../rate-limit.js';
import type { BotParts } from '../runtime.js';
import type { Activity } from '../sdk.js';
import { WEBCHAT_CHANNEL, type WebChatAdapter } from './adapter.js';
import type { ConversationHistory } from './history.js';
import { LOCALES, fromPerson, inboundActivity, referenceOf } from './inbound.js';
import type { StreamHub } from './streams.js';
import type { Revocations, TokenClaims, TokenSigner } from './tokens.js';

/** Open streams one conversation may have on one instance (a few tabs; not a thousand). */
export const MAX_STREAMS = 4;
/** The most activities one GET of the history returns; the client asks again from the new watermark. */
const PAGE = 100;
/** An upload is read (and thrown away) up to this size before it is answered, so the browser sees the answer. */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** What a person is told (Danish first) when they send a file: the bot does not take attachments. */
export const ATTACHMENTS_REFUSED =
  'Chatten kan ikke modtage filer eller billeder. Skriv dit spørgsmål som tekst. (The chat cannot receive files or pictures; please write your question as text.)';

/** The body of tokens/generate: empty, or an object whose fields are ignored (the user is the server's choice). */
export const GenerateBody = z
  .looseObject({}, { error: 'The body must be empty or a JSON object; the user is chosen by the server' })
  .optional();

/** The body of a conversation's start: empty, or an object with the person's locale. */
export const StartBody = z
  .looseObject(
    {
      locale: z
        .string({ error: 'locale must be da-DK or en-GB' })
        .regex(LOCALES, { error: 'locale must be da-DK or en-GB' })
        .nullish(),
    },
    { error: 'The body must be empty or a JSON object, such as { "locale": "da-DK" }' },
  )
  .optional();

/** What the Direct Line routes work with. */
export interface DirectLineParts {
  parts: BotParts;
  adapter: WebChatAdapter;
  hub: StreamHub;
  history: ConversationHistory;
  signer: TokenSigner;
  revoked: Revocations;
}

/**
 * Why a request's token is refused, as the official client reads it: 401 not ours, 403 ours but not (or no longer) for
 * this.
 */
type Refusal = { status: 401 | 403; message: string };

/**
 * The claims of a conversation token, or why it is refused. The token is read from the Authorization header only;
 * `conversationId`, when given, must be the token's.
 */
export async function claimsFor(
  d: Pick<DirectLineParts, 'signer' | 'revoked'>,
  token: string | undefined,
  conversationId?: string,
  purpose: 'conversation' | 'stream' = 'conversation',
): Promise<{ claims: TokenClaims } | Refusal> {
  const checked = d.signer.check(token, purpose);
  if (!checked.ok) {
    return checked.reason === 'expired'
      ? { status: 403, message: 'The token has expired, or the conversation is too old; start a new conversation' }
      : {
          status: 401,
          message:
            purpose === 'stream'
              ? 'A valid stream ticket is needed (the t= of the streamUrl)'
              : 'A valid Direct Line token is needed (Authorization: Bearer <token>)',
        };
  }
  if (conversationId !== undefined && checked.claims.conversationId !== conversationId)
    return { status: 403, message: 'The token is for another conversation' };
  if (await d.revoked.has(checked.claims.conversationId))
    return { status: 403, message: 'This conversation has ended: its data was deleted. Start a new conversation' };
  return { claims: checked.claims };
}

function bearerOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  return typeof header === 'string' && /^Bearer\s+\S+$/i.test(header) ? header.split(/\s+/)[1] : undefined;
}

/** A watermark from the query: none or empty is the start; otherwise a whole number. */
export function watermarkOf(value: unknown): number {
  return parseRequest(WatermarkQuery, { watermark: value }).watermark;
}

const WATERMARK_MESSAGE = 'watermark must be a whole number, as given in the last answer';
/**
 * The watermark of a history request: none or empty is the start; otherwise a whole number, as the last answer gave it.
 */
export const WatermarkQuery = z.object({
  watermark: z
    .string({ error: WATERMARK_MESSAGE })
    .regex(/^(\d{1,15})?$/, { error: WATERMARK_MESSAGE })
    .optional()
    .transform((v) => (v ? Number(v) : 0)),
});

/**
 * Direct Line 3.0, served by the bot itself under /v3/directline: what the official client (botframework-directlinejs,
 * the one inside Web Chat) needs. The page gets a token from `tokens/generate` (no secret: the token is ours, signed,
 * for one new conversation and user); every other call carries it in the Authorization header; only the stream's
 * URL carries a ticket of its own, short-lived, because a browser's WebSocket cannot send headers. A token that is
 * not ours is a 401; one that is ours but expired, revoked or for another conversation a 403 (the client then stops
 * using it). POST /start is ours besides (below). Contract and examples: public/README.md.
 */
export function directLineRouter(d: DirectLineParts, options: { start?: boolean } = {}): Router {
  const router = Router();
  const { parts, adapter, history, signer } = d;
  const run = (activity: Partial<Activity>) =>
    parts.turns.run(`${WEBCHAT_CHANNEL}/${activity.conversation!.id}`, () =>
      adapter.processActivity(activity, (context) => parts.bot.run(context)),
    );

  /** The request's claims; null when it has been answered with a 401 or 403. */
  const authorize = async (req: Request, res: Response, conversationId?: string): Promise<TokenClaims | null> => {
    const result = await claimsFor(d, bearerOf(req), conversationId);
    if ('claims' in result) return result.claims;
    sendError(res, result.status, 'authorization', result.message);
    return null;
  };
  const conversation = (req: Request, claims: TokenClaims, watermark: number) => ({
    conversationId: claims.conversationId,
    token: bearerOf(req),
    expires_in: Math.max(0, claims.exp - Math.floor(Date.now() / 1000)),
    streamUrl: streamUrl(req, claims, watermark),
  });
  const streamUrl = (req: Request, claims: TokenClaims, watermark: number) => {
    const scheme = req.protocol === 'https' ? 'wss' : 'ws';
    const query = new URLSearchParams({ watermark: String(watermark), t: signer.streamTicket(claims) });
    return `${scheme}://${req.host}${req.baseUrl}/conversations/${encodeURIComponent(claims.conversationId)}/stream?${query}`;
  };
  /** Tells the person, in their language, that files are not taken. */
  const refuseAttachments = async (res: Response, claims: TokenClaims) => {
    await adapter.continueConversation(referenceOf(claims), async (context) => {
      const lang = await languageOf(parts.deps.profile, context);
      await context.sendActivity(parts.deps.replies.message(lang, 'input.attachmentsRefused'));
    });
    sendError(res, 400, 'attachments', ATTACHMENTS_REFUSED);
  };

  router.post('/tokens/generate', (req, res) => {
    parseRequest(GenerateBody, req.body);
    const conversationId = randomUUID();
    // The user is the server's choice and is bound to the token: whatever id a client puts in an activity, the
    // server writes this one. (Not "dl_…": the official client warns about that prefix on a token it cannot read.)
    const userId = `user-${randomUUID()}`;
    const { token, expiresIn } = signer.issue(conversationId, userId);
    res.set('cache-control', 'no-store').json({ conversationId, userId, token, expires_in: expiresIn });
  });

  router.post('/tokens/refresh', async (req, res) => {
    const claims = await authorize(req, res);
    if (!claims) return;
    const fresh = signer.refresh(claims);
    if (!fresh)
      return sendError(
        res,
        403,
        'authorization',
        'This conversation is too old for a new token; start a new conversation',
      );
    res
      .set('cache-control', 'no-store')
      .json({ conversationId: claims.conversationId, token: fresh.token, expires_in: fresh.expiresIn });
  });

  /**
   * Starts the conversation of the claims: the first time, its history begins and the bot's welcome runs (true); a
   * later time (a reload, a second tab) it is left as it is (false).
   */
  const begin = (claims: TokenClaims, locale: string | null | undefined): Promise<boolean> =>
    parts.turns.run(`${WEBCHAT_CHANNEL}/${claims.conversationId}`, async () => {
      if (await history.started(claims.conversationId)) return false;
      await history.begin(claims.conversationId);
      const joined: Partial<Activity> = {
        ...fromPerson(claims),
        type: 'conversationUpdate',
        membersAdded: [{ id: claims.userId, name: '' }],
        ...(typeof locale === 'string' ? { locale } : {}),
      };
      await adapter.processActivity(joined, (context) => parts.bot.run(context));
      return true;
    });

  /**
   * Not Direct Line 3.0 but ours, for the widget's first paint: tokens/generate, the conversation's start and the
   * history (the bot's welcome) in one round trip, so a slow phone can show the welcome before Web Chat has loaded.
   * Web Chat then resumes the conversation with the token (the stream replays the history).
   */
  router.post('/start', async (req, res) => {
    // With Azure's Direct Line the page's chat goes there: nothing is started (204, and the widget falls back).
    if (options.start === false) return void res.status(204).end();
    // The locale in the query (the widget's way: a request without a body needs no CORS preflight) or the body.
    const query = typeof req.query.locale === 'string' ? { locale: req.query.locale } : undefined;
    const locale = parseRequest(StartBody, req.body ?? query)?.locale;
    const conversationId = randomUUID();
    const userId = `user-${randomUUID()}`;
    const { token, expiresIn } = signer.issue(conversationId, userId);
    await begin(signer.verify(token)!, locale);
    const { activities, last } = await history.after(conversationId, 0, PAGE);
    res
      .status(201)
      .set('cache-control', 'no-store')
      .json({
        conversationId,
        userId,
        token,
        expires_in: expiresIn,
        activities: activities.map((k) => k.activity),
        watermark: String(last),
      });
  });

  router.post('/conversations', async (req, res) => {
    const claims = await authorize(req, res);
    if (!claims) return;
    const locale = parseRequest(StartBody, req.body)?.locale;
    // The first start runs the bot's welcome; a later one (a reload, a second tab) resumes the same conversation.
    const started = await begin(claims, locale);
    res
      .status(started ? 201 : 200)
      .set('cache-control', 'no-store')
      .json(conversation(req, claims, 0));
  });

  router.get('/conversations/:id', async (req, res) => {
    const claims = await authorize(req, res, req.params.id);
    if (!claims) return;
    res.set('cache-control', 'no-store').json(conversation(req, claims, watermarkOf(req.query.watermark)));
  });

  router.post('/conversations/:id/activities', async (req, res) => {
    const claims = await authorize(req, res, req.params.id);
    if (!claims) return;
    if (!(await withinConversationLimit(res, claims.conversationId))) return;
    const inbound = inboundActivity(req.body, claims);
    if (inbound.kind === 'attachments') return refuseAttachments(res, claims);
    await run(inbound.activity);
    res.json({ id: inbound.activity.id });
  });

  router.get('/conversations/:id/activities', async (req, res) => {
    const claims = await authorize(req, res, req.params.id);
    if (!claims) return;
    const { activities, last } = await history.after(claims.conversationId, watermarkOf(req.query.watermark), PAGE);
    res
      .set('cache-control', 'no-store')
      .json({ activities: activities.map((k) => k.activity), watermark: String(last) });
  });

  router.post('/conversations/:id/upload', async (req, res) => {
    const claims = await authorize(req, res, req.params.id);
    if (!claims) return void req.resume();
    if (!(await withinConversationLimit(res, claims.conversationId))) return void req.resume();
    // The files are read and thrown away, unseen, so the browser gets the answer instead of a broken connection.
    if (!(await drained(req, MAX_UPLOAD_BYTES))) {
      res.set('connection', 'close');
      return sendError(res, 413, 'attachments', ATTACHMENTS_REFUSED);
    }
    await refuseAttachments(res, claims);
  });

  return router;
}

/** Reads a request's body to its end without keeping it; false (and stops reading) when it is over `max` bytes. */
function drained(req: Request, max: number): Promise<boolean> {
  if (req.readableEnded) return Promise.resolve(true);
  return new Promise((resolve) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > max) {
        req.pause();
        resolve(false);
      }
    });
    req.on('end', () => resolve(true));
    req.on('error', () => resolve(false));
  });
}
