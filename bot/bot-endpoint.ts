import type { RequestHandler, Response } from 'express';
import { BadRequest, sendError } from './api/errors.js';
import { checkActivity } from './activity-check.js';
import { log } from './log.js';
import { addressOverLimit, spendAddress, withinConversationLimit } from './rate-limit.js';
import type { BotRuntime } from './runtime.js';
import type { Activity } from './sdk.js';
import { WEBCHAT_CHANNEL } from './webchat/adapter.js';

/** The longest conversation id used as a rate-limit key; longer ones are cut (a client cannot grow the key table). */
const MAX_KEY_CHARS = 200;

/**
 * POST /api/messages, the Bot Framework endpoint, in the order that keeps it safe and cheap to refuse:
 * 1. the envelope (400 naming the field); the embedded web chat's channel id is refused (403): that channel is
 *    reached only through its own token-checked routes, so nobody can speak as another person's web chat;
 * 2. with authentication on: an address that has used up its limit on refused requests gets 429 before any token
 *    work; then the token is checked, and a bad one is a JSON 401, logged as one line without a stack trace and
 *    counted against the address (a valid one is not: Microsoft's channel service speaks for everyone);
 * 3. without authentication: the serviceUrl must be on the allowlist (403), so the server never sends a reply to an
 *    address a stranger chose;
 * 4. the conversation's limit, counted only for requests that got this far, so bogus requests cannot lock a real
 *    conversation out;
 * 5. the turn, one at a time per conversation and bounded in time (TurnLock).
 */
export function botEndpoint(runtime: BotRuntime, protection: unknown): RequestHandler {
  const limited = protection !== undefined;
  return async (req, res, next) => {
    try {
      if (!req.is('application/json') || typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
        return sendError(res, 400, 'body', 'The body must be a Bot Framework activity as a JSON object');
      }
      const body = req.body as Record<string, unknown>;
      checkActivity(body);
      const activity = body as unknown as Activity;
      if (activity.channelId === WEBCHAT_CHANNEL) {
        return sendError(
          res,
          403,
          'channelId',
          'The web chat is reached through /v3/directline with its own token, not here',
        );
      }
      let auth;
      if (runtime.authenticated) {
        if (limited && (await addressOverLimit(req, res))) return;
        const header = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
        try {
          if (header === '') throw new Error('no Authorization header');
          auth = await runtime.authenticate(activity, header);
        } catch (e) {
          if (limited) await spendAddress(req, res);
          log.warn('bot endpoint: refused a request without a valid Bot Framework token', {
            reason: firstLine(e),
            address: req.ip,
          });
          return sendError(res, 401, 'authorization', 'This endpoint needs a valid Bot Framework token');
        }
      } else {
        const serviceUrl = activity.serviceUrl;
        const needsUrl = activity.deliveryMode !== 'expectReplies';
        if ((serviceUrl !== undefined && serviceUrl !== null && serviceUrl !== '') || needsUrl) {
          if (typeof serviceUrl !== 'string' || !runtime.serviceUrlAllowed(serviceUrl)) {
            throw new BadRequest(
              'serviceUrl',
              'Without Bot Framework authentication this server sends replies only to the addresses in SERVICE_URL_ALLOWLIST (default: this machine)',
              403,
            );
          }
        }
        auth = await runtime.authenticate(activity, '');
      }
      const conversationId = activity.conversation.id;
      if (!(await withinConversationLimit(res, conversationId.slice(0, MAX_KEY_CHARS)))) return;
      const response = await runtime.parts.turns.run(`${activity.channelId}/${conversationId}`, () =>
        runtime.process(auth, activity),
      );
      if (res.headersSent) return;
      res.status(response?.status ?? 200);
      if (response?.body !== undefined) sendJson(res, response.body);
      else res.end();
    } catch (e) {
      next(e);
    }
  };
}

/**
 * JSON as res.json writes it in this app (<, > and & as \u escapes: 'json escape'), without the ETag res.json would
 * compute from the whole body: nobody revalidates a turn's replies.
 */
function sendJson(res: Response, body: unknown): void {
  const json = JSON.stringify(body).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  res.set('Content-Type', 'application/json; charset=utf-8');
  res.end(json);
}

/** The first line of an error's message, for a log line without a stack trace. */
function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return (message.split('\n')[0] ?? '').slice(0, 200);
}
