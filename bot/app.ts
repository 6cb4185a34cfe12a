import express, { type Express } from 'express';
import type pg from 'pg';
import type { KnowledgeBase } from '../knowledge/kb.js';
import { errorHandler, notFound } from './api/errors.js';
import { apiRouter } from './api/routes.js';
import { log } from './log.js';
import type { BotRuntime } from './runtime.js';
import { securityHeaders, siteRouter } from './site.js';
import { opsRouter } from './ops/routes.js';
import { todayInDenmark } from '../knowledge/dates.js';
import type { WebChat } from './webchat/index.js';
import { corsFor } from './webchat/routes.js';
import type { Config } from './config.js';
import { type RateLimits, rateLimitMiddleware, rateLimits } from './rate-limit.js';
import { botEndpoint } from './bot-endpoint.js';

/** The parts the web page needs: the web chat's routes and the settings for the security headers. */
export interface SiteParts {
  webchat: WebChat;
  config: Config['webchat'];
}

/** How the server meets a flood: the rate limits and express's `trust proxy`. */
export interface Protection {
  rateLimit: Config['rateLimit'];
  /** With several instances: the PostgreSQL pool the limits are counted in, so they hold across instances. */
  pool?: pg.Pool | null;
  /** The limits' window in seconds (tests; a limit is per minute). */
  windowSeconds?: number;
}

/**
 * The express application: the bot at POST /api/messages, the JSON API, the health checks and, with `site`, the web
 * page, the widget, the web chat's routes and our Direct Line server at /v3/directline (its stream is a WebSocket:
 * give `site.webchat.upgrade` to the HTTP server's 'upgrade' event). Without a bot runtime (the API alone)
 * /api/messages does not exist.
 * With `protection`, every /api and /v3/directline route is limited per client address and the bot's messages per
 * conversation (429 with Retry-After; shared by the instances on `protection.pool`); without it (tests, tools) nothing
 * is limited. /healthz, /readyz and the page are never limited.
 */
export function createApp(kb: KnowledgeBase, runtime?: BotRuntime, site?: SiteParts, protection?: Protection): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // JSON answers carry <, > and & as \u escapes, so text a client sent (a query, a field name) never reads as HTML.
  app.set('json escape', true);
  app.set('trust proxy', protection?.rateLimit.trustProxy ?? false);
  if (site) {
    // The page's headers (CSP and the rest) mean nothing to the Bot Framework channel posting a turn: not on the turn.
    const headers = securityHeaders(site.config);
    app.use((req, res, next) =>
      req.method === 'POST' && req.path === '/api/messages' ? next() : headers(req, res, next),
    );
  }
  if (protection) {
    const limits: RateLimits = rateLimits(protection.rateLimit, {
      pool: protection.pool ?? null,
      windowSeconds: protection.windowSeconds,
    });
    // With Bot Framework authentication on, /api/messages is called by Microsoft's channel service, one address for
    // every person: only its per-conversation limit applies.
    // The bot endpoint applies its address limit itself, before the token check (botEndpoint).
    const fromChannelService = (req: express.Request) => runtime?.authenticated === true && req.path === '/messages';
    app.use('/api', rateLimitMiddleware(limits, fromChannelService));
    app.use('/v3/directline', rateLimitMiddleware(limits));
  }
  app.use(express.json({ limit: '100kb', strict: true, type: ['application/json', 'application/*+json'] }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await runtime?.ready();
      res.json({
        status: 'ready',
        knowledge: kb.sourceHash,
        articles: kb.articles.length,
        storage: runtime ? 'ok' : 'none',
      });
    } catch (e) {
      log.warn('not ready: storage unreachable', { error: e });
      res.status(503).json({ status: 'not ready', storage: 'unreachable' });
    }
  });
  if (runtime) app.post('/api/messages', botEndpoint(runtime, protection));
  if (runtime)
    app.use(
      '/api',
      opsRouter(runtime.parts.metrics, runtime.opsToken, () => todayInDenmark()),
    );
  if (site) app.use('/api', site.webchat.router);
  if (site) app.use('/v3/directline', corsFor(site.config.allowedOrigins), site.webchat.directLine);
  app.use('/api', apiRouter(kb));
  if (site) app.use(siteRouter());
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
