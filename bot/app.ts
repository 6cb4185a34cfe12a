import express, { type Express } from 'express';
import type { KnowledgeBase } from '../knowledge/kb.js';
import { errorHandler, notFound, sendError } from './api/errors.js';
import { apiRouter } from './api/routes.js';
import { log } from './log.js';
import type { BotRuntime } from './runtime.js';
import { securityHeaders, siteRouter } from './site.js';
import { opsRouter } from './ops/routes.js';
import { todayInDenmark } from '../knowledge/dates.js';
import type { WebChat } from './webchat/index.js';
import type { Config } from './config.js';

/** The parts the web page needs: the web chat's routes and the settings for the security headers. */
export interface SiteParts {
  webchat: WebChat;
  config: Config['webchat'];
}

/**
 * The express application: the bot at POST /api/messages, the JSON API, the health checks and, with `site`, the web
 * page, the widget and the web chat's routes. Without a bot runtime (the API alone) /api/messages does not exist.
 */
export function createApp(kb: KnowledgeBase, runtime?: BotRuntime, site?: SiteParts): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (site) app.use(securityHeaders(site.config));
  app.use(express.json({ limit: '100kb', strict: true, type: ['application/json', 'application/*+json'] }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await runtime?.ready();
      res.json({ status: 'ready', knowledge: kb.sourceHash, articles: kb.articles.length, storage: runtime ? 'ok' : 'none' });
    } catch (e) {
      log.warn('not ready: storage unreachable', { error: e });
      res.status(503).json({ status: 'not ready', storage: 'unreachable' });
    }
  });
  if (runtime) {
    app.post('/api/messages', async (req, res, next) => {
      if (!req.is('application/json') || typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
        return sendError(res, 400, 'body', 'The body must be a Bot Framework activity as a JSON object');
      }
      // With authentication on, a request without a token is refused here, before the SDK logs it as an error.
      if (runtime.authenticated && !req.headers.authorization) {
        return sendError(res, 401, 'authorization', 'This endpoint needs a Bot Framework token');
      }
      if (typeof req.body.type !== 'string') {
        return sendError(res, 400, 'type', 'The activity needs a type, such as "message"');
      }
      try {
        await runtime.handleMessages(req, res);
      } catch (e) {
        next(e);
      }
    });
  }
  if (runtime) app.use('/api', opsRouter(runtime.parts.metrics, runtime.opsToken, () => todayInDenmark()));
  if (site) app.use('/api', site.webchat.router);
  app.use('/api', apiRouter(kb));
  if (site) app.use(siteRouter());
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
