import express, { type Express } from 'express';
import type { KnowledgeBase } from '../knowledge/kb.js';
import { errorHandler, notFound } from './api/errors.js';
import { apiRouter } from './api/routes.js';

/** The express application: JSON API and health checks. */
export function createApp(kb: KnowledgeBase): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: '100kb', strict: true, type: ['application/json', 'application/*+json'] }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    res.json({ status: 'ready', knowledge: kb.sourceHash, articles: kb.articles.length });
  });
  app.use('/api', apiRouter(kb));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
