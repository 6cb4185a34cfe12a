import { randomUUID } from 'node:crypto';
import { type Request, type RequestHandler, type Response, Router } from 'express';
import type { Config } from '../config.js';
import { BadRequest, sendError } from '../api/errors.js';
import { withinConversationLimit } from '../rate-limit.js';
import type { BotParts } from '../runtime.js';
import type { Activity } from '../sdk.js';
import { WEBCHAT_BOT, WEBCHAT_CHANNEL, type WebChatAdapter } from './adapter.js';
import { exchangeDirectLineSecret } from './directline.js';
import type { PushHub } from './hub.js';
import { Revocations, type TokenClaims, type TokenSigner } from './tokens.js';
import { MAX_DEPTH, nestsDeeperThan } from '../activity-check.js';

const LOCALES = /^(da|en)(-[A-Za-z]{2})?$/;
/** Open push streams one conversation may have on one instance (a few tabs; not a thousand). */
export const MAX_STREAMS = 4;
/** The event the bot sends when it has deleted a person's data ("slet mine data"). */
const DATA_DELETED_EVENT = 'mentorbot.dataDeleted';
const MAX_CLIENT_ID = 100;

/**
 * The conversation a request's token grants; null for a missing, bad, expired or revoked token. The token comes in
 * the Authorization header; only the push stream (GET, opened by EventSource, which cannot set headers) may carry it
 * in `?token=` instead.
 */
async function claimsOf(signer: TokenSigner, revoked: Revocations, req: Request): Promise<TokenClaims | null> {
  const header = req.headers.authorization;
  const bearer = typeof header === 'string' && /^Bearer\s+\S+$/i.test(header) ? header.split(/\s+/)[1] : undefined;
  const query = req.method === 'GET' && typeof req.query.token === 'string' ? req.query.token : undefined;
  const claims = signer.verify(bearer ?? query);
  if (!claims || (await revoked.has(claims.conversationId))) return null;
  return claims;
}

/** The person's activity from the page, checked and completed with what the server decides (ids, conversation). */
function inboundActivity(body: unknown, claims: TokenClaims): Partial<Activity> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest('body', 'The body must be an activity as a JSON object');
  const b = body as Record<string, unknown>;
  if (b.type !== 'message') throw new BadRequest('type', 'Only activities of type "message" can be sent');
  if (b.text !== undefined && typeof b.text !== 'string') throw new BadRequest('text', 'text must be a string');
  if (b.value !== undefined && (typeof b.value !== 'object' || b.value === null)) throw new BadRequest('value', 'value must be an object');
  if (nestsDeeperThan(b.value, MAX_DEPTH)) throw new BadRequest('value', `value nests deeper than ${MAX_DEPTH} levels`);
  if (b.text === undefined && b.value === undefined) throw new BadRequest('text', 'A message needs text or a value');
  if (b.locale !== undefined && (typeof b.locale !== 'string' || !LOCALES.test(b.locale))) throw new BadRequest('locale', 'locale must be da-DK or en-GB');
  const channelData = b.channelData as Record<string, unknown> | undefined;
  const clientId = channelData?.clientActivityID;
  if (clientId !== undefined && (typeof clientId !== 'string' || clientId.length > MAX_CLIENT_ID)) {
    throw new BadRequest('channelData.clientActivityID', `clientActivityID must be a string of at most ${MAX_CLIENT_ID} characters`);
  }
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date(),
    channelId: WEBCHAT_CHANNEL,
    serviceUrl: 'urn:mentorbot:webchat',
    from: { id: claims.userId, name: '', role: 'user' },
    recipient: { ...WEBCHAT_BOT },
    conversation: { id: claims.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    ...(typeof b.text === 'string' ? { text: b.text } : {}),
    ...(b.value !== undefined ? { value: b.value } : {}),
    ...(typeof b.locale === 'string' ? { locale: b.locale } : {}),
    ...(typeof clientId === 'string' ? { channelData: { clientActivityID: clientId } } : {}),
  };
}

/** What the page receives of a bot reply: the activity without the server's internal fields. */
function outbound(a: Partial<Activity>, userId: string): Partial<Activity> {
  const { serviceUrl: _serviceUrl, ...rest } = a;
  return { ...rest, recipient: { id: userId, name: '' } };
}

/** Answers CORS requests from the origins allowed to embed the widget; others get no CORS headers. */
export function corsFor(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (typeof origin === 'string' && allowed.has(origin)) {
      res.set({
        'access-control-allow-origin': origin,
        vary: 'Origin',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-allow-methods': 'GET, POST',
        'access-control-max-age': '600',
      });
      if (req.method === 'OPTIONS') return void res.status(204).end();
    }
    next();
  };
}

/**
 * The web chat's routes (contract in public/README.md): the page's configuration, conversations with signed tokens,
 * activities, token refresh and the push stream of the embedded transport, and the Direct Line token exchange.
 */
export function webChatRouter(config: Config['webchat'], parts: BotParts, adapter: WebChatAdapter, hub: PushHub, signer: TokenSigner): Router {
  const router = Router();
  router.use(corsFor(config.allowedOrigins));
  const revoked = new Revocations(parts.storage);
  const run = (activity: Partial<Activity>) => adapter.processActivity(activity, (context) => parts.bot.run(context));
  const unauthorized = (res: Response, message: string) => sendError(res, 401, 'authorization', message);

  router.get('/webchat/config', (_req, res) => {
    res.set('cache-control', 'no-store').json({
      transport: config.transport,
      privacyUrl: config.privacyUrl,
      accessibilityUrl: config.accessibilityUrl,
      directLineDomain: config.directLineEndpoint,
    });
  });

  router.post('/webchat/conversations', async (req, res) => {
    if (req.body !== undefined && (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body))) {
      throw new BadRequest('body', 'The body must be a JSON object, such as { "locale": "da-DK" }');
    }
    const locale = (req.body as { locale?: unknown } | undefined)?.locale;
    if (locale !== undefined && (typeof locale !== 'string' || !LOCALES.test(locale))) throw new BadRequest('locale', 'locale must be da-DK or en-GB');
    const conversationId = randomUUID();
    const userId = `user-${randomUUID()}`;
    const replies = await run({
      type: 'conversationUpdate',
      id: randomUUID(),
      timestamp: new Date(),
      channelId: WEBCHAT_CHANNEL,
      serviceUrl: 'urn:mentorbot:webchat',
      from: { id: userId, name: '', role: 'user' },
      recipient: { ...WEBCHAT_BOT },
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      membersAdded: [{ id: userId, name: '' }],
      ...(typeof locale === 'string' ? { locale } : {}),
    });
    const { token, expiresIn } = signer.issue(conversationId, userId);
    res.status(201).json({ conversationId, userId, token, expiresIn, activities: replies.map((a) => outbound(a, userId)) });
  });

  router.post('/webchat/activities', async (req, res) => {
    const claims = await claimsOf(signer, revoked, req);
    if (!claims) return unauthorized(res, 'A valid web chat token is needed (Authorization: Bearer <token>)');
    if (!withinConversationLimit(res, claims.conversationId)) return;
    const activity = inboundActivity(req.body, claims);
    const replies = await parts.turns.run(`${WEBCHAT_CHANNEL}/${claims.conversationId}`, () => run(activity));
    // "slet mine data": the conversation is gone, and so is every token for it.
    if (replies.some((a) => a.type === 'event' && a.name === DATA_DELETED_EVENT)) await revoked.add(claims.conversationId);
    res.json({ id: activity.id, activities: replies.map((a) => outbound(a, claims.userId)) });
  });

  router.post('/webchat/token', async (req, res) => {
    const claims = await claimsOf(signer, revoked, req);
    if (!claims) return unauthorized(res, 'A valid web chat token is needed to get a new one');
    const fresh = signer.refresh(claims);
    if (!fresh) return unauthorized(res, 'This conversation is too old for a new token; start a new conversation');
    res.json(fresh);
  });

  router.get('/webchat/stream', async (req, res) => {
    const claims = await claimsOf(signer, revoked, req);
    if (!claims) return unauthorized(res, 'A valid web chat token is needed (?token=<token>)');
    if (hub.streamsOf(claims.conversationId) >= MAX_STREAMS) {
      res.set('retry-after', '10');
      return sendError(res, 429, 'stream', `At most ${MAX_STREAMS} streams may be open for one conversation`);
    }
    hub.open(claims.conversationId, res);
  });

  router.post('/directline/token', async (_req, res) => {
    if (!config.directLineSecret) return sendError(res, 503, 'DIRECTLINE_SECRET', 'Direct Line is not configured on this server');
    const result = await exchangeDirectLineSecret(config.directLineEndpoint, config.directLineSecret);
    if (!result.ok) return sendError(res, 502, 'directline', result.message);
    res.set('cache-control', 'no-store').json(result.value);
  });

  return router;
}
