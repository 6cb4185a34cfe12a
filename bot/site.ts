import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import express, { type RequestHandler, Router } from 'express';
import helmet from 'helmet';
import { projectRoot } from '../knowledge/paths.js';
import type { Config } from './config.js';

/**
 * Where Web Chat's UMD bundle is. The package's exports map only "." (the pitfall in the ecosystem notes), so the
 * main entry is resolved and the bundle found beside it.
 */
export function webChatBundlePath(): string {
  const main = createRequire(import.meta.url).resolve('botframework-webchat');
  return join(dirname(main), '..', 'dist', 'webchat.js');
}

/**
 * Security headers for everything we serve. The Content-Security-Policy lets the page run only our own scripts and
 * talk only to our own server (and to Direct Line when that transport is on). Styles may be inline: Web Chat styles
 * its components at run time. Resources may be loaded from other origins, so the widget can be embedded elsewhere.
 */
export function securityHeaders(config: Config['webchat']): RequestHandler {
  const directLine = config.transport === 'directline' ? new URL(config.directLineEndpoint) : null;
  // blob: lets Web Chat read a file the person picked (it then offers it to our upload route, which refuses it).
  const connect = ["'self'", 'blob:'];
  if (directLine) connect.push(directLine.origin, `wss://${directLine.host}`);
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: connect,
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
}

interface Encoded {
  raw: Buffer;
  gzip: Buffer;
  br: Buffer;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Web Chat's bundle, compressed once (3.9 MB becomes about 0.7 MB with Brotli). The compression runs on libuv's
 * thread pool, started when the site is made, so it never blocks a turn; a request that comes first waits for it.
 */
function webChatBundle(): RequestHandler {
  const ready: Promise<Encoded> = (async () => {
    const raw = readFileSync(webChatBundlePath());
    const [gz, br] = await Promise.all([
      gzipAsync(raw, { level: 9 }),
      brotliAsync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
    ]);
    return { raw, gzip: gz, br };
  })();
  ready.catch(() => undefined);
  return async (req, res) => {
    const encoded = await ready;
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const [body, encoding] = /\bbr\b/.test(accepts)
      ? [encoded.br, 'br']
      : /\bgzip\b/.test(accepts)
        ? [encoded.gzip, 'gzip']
        : [encoded.raw, null];
    res.set({ 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400', vary: 'Accept-Encoding' });
    if (encoding) res.set('content-encoding', encoding);
    res.send(body);
  };
}

/** The web page, the widget and Web Chat's bundle, all from our own server; no README or other source files. */
export function siteRouter(): Router {
  const router = Router();
  router.get('/webchat/webchat.js', webChatBundle());
  router.use((req, res, next) => (/\.(md|ts|map)$/i.test(req.path) ? res.status(404).end() : next()));
  router.use(express.static(join(projectRoot(), 'public'), { index: 'index.html', maxAge: '1h' }));
  return router;
}
