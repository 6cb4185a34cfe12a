import { type RequestHandler, Router } from 'express';
import type { Config } from '../config.js';
import { sendError } from '../api/errors.js';
import { exchangeDirectLineSecret } from './azure-directline.js';

/** Answers CORS requests from the origins allowed to embed the widget; others get no CORS headers. */
export function corsFor(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (typeof origin === 'string' && allowed.has(origin)) {
      res.set({
        'access-control-allow-origin': origin,
        vary: 'Origin',
        // The official Direct Line client names itself in x-ms-bot-agent; its XMLHttpRequests add x-requested-with.
        'access-control-allow-headers': 'authorization, content-type, x-ms-bot-agent, x-requested-with',
        'access-control-allow-methods': 'GET, POST',
        'access-control-max-age': '600',
      });
      if (req.method === 'OPTIONS') return void res.status(204).end();
    }
    next();
  };
}

/**
 * The web chat's routes under /api: the page's configuration and, for the Azure Direct Line transport, the token
 * exchange. The conversation itself goes through our Direct Line server (/v3/directline, directline-routes.ts).
 */
export function webChatRouter(config: Config['webchat']): Router {
  const router = Router();
  router.use(corsFor(config.allowedOrigins));

  router.get('/webchat/config', (_req, res) => {
    res.set('cache-control', 'no-store').json({
      transport: config.transport,
      privacyUrl: config.privacyUrl,
      accessibilityUrl: config.accessibilityUrl,
      directLineDomain: config.directLineEndpoint,
    });
  });

  router.post('/directline/token', async (_req, res) => {
    if (!config.directLineSecret)
      return sendError(res, 503, 'DIRECTLINE_SECRET', 'Direct Line is not configured on this server');
    const result = await exchangeDirectLineSecret(config.directLineEndpoint, config.directLineSecret);
    if (!result.ok) return sendError(res, 502, 'directline', result.message);
    res.set('cache-control', 'no-store').json(result.value);
  });

  return router;
}
