import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import express, { type RequestHandler, Router } from 'express';
import helmet from 'helmet';
import { projectRoot } from '../knowledge/paths.js';
import type { Config } from './config.js';

/**
 * The scripts the chat needs from node_modules, by the path they are served at: Web Chat's minimal UMD bundle
 * (1.9 MB against the full bundle's 3.9 MB: no Adaptive Cards, no speech, no Markdown renderer) and markdown-it, the
 * Markdown renderer Web Chat's full bundle uses, which public/mentorbot-markdown.js wraps. The packages' exports map
 * only "." (the pitfall in the ecosystem notes), so each main entry is resolved and the file found beside it.
 */
export function vendorScripts(): Record<string, string> {
  const require = createRequire(import.meta.url);
  return {
    '/webchat/webchat-minimal.js': join(
      dirname(require.resolve('botframework-webchat')),
      '..',
      'dist',
      'webchat-minimal.js',
    ),
    '/webchat/markdown-it.min.js': join(dirname(require.resolve('markdown-it')), 'dist', 'markdown-it.min.js'),
  };
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

const compressed = new Map<string, Promise<Encoded>>();

/**
 * A file compressed with gzip and Brotli, once per process (per version of the file, with `version`), on libuv's
 * thread pool.
 */
function encode(file: string, version = ''): Promise<Encoded> {
  const key = `${file}\0${version}`;
  let ready = compressed.get(key);
  if (!ready) {
    ready = (async () => {
      const raw = readFileSync(file);
      const [gz, br] = await Promise.all([
        gzipAsync(raw, { level: 9 }),
        // The best Brotli (quality 11, a 16 MB window): about 9 % smaller than quality 9 for Web Chat's bundle, which
        // on a slow phone connection is worth the 3 s of one thread-pool thread it costs once per process.
        brotliAsync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 } }),
      ]);
      return { raw, gzip: gz, br };
    })();
    ready.catch(() => compressed.delete(key));
    compressed.set(key, ready);
  }
  return ready;
}

/**
 * A script from node_modules, compressed once (Web Chat's minimal bundle: 1.9 MB becomes about 0.4 MB with Brotli).
 * The compression starts when the site is made and runs on libuv's thread pool, so it never blocks a turn; a request
 * that comes first waits for it. Cached for a day: the file changes only with a new package version.
 */
function vendorScript(file: string): RequestHandler {
  encode(file).catch(() => undefined);
  return async (req, res) => {
    const encoded = await encode(file);
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const [body, encoding] = /\bbr\b/.test(accepts)
      ? [encoded.br, 'br']
      : /\bgzip\b/.test(accepts)
        ? [encoded.gzip, 'gzip']
        : [encoded.raw, null];
    res.set({
      'content-type': 'application/javascript; charset=utf-8',
      'cache-control': 'public, max-age=86400',
      vary: 'Accept-Encoding',
    });
    if (encoding) res.set('content-encoding', encoding);
    res.send(body);
  };
}

/** The text files of public/ that are sent compressed. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg']);

/**
 * Our own pages, scripts and styles, compressed (Brotli or gzip, as the browser accepts): the widget is 29 kB as
 * written and about 8 kB with Brotli, which on a slow phone line is time before the welcome. Each file is compressed
 * once per version (its size and modification time), with an ETag of its own, cached for an hour like the rest of
 * public/. Anything else (images, a browser that takes neither) falls through to express.static.
 */
function compressedStatic(root: string): RequestHandler {
  // Compressed when the server starts (on the thread pool), so the first visitor does not wait for it.
  for (const name of readdirSync(root))
    if (COMPRESSIBLE.has(extname(name).toLowerCase()))
      try {
        const stat = statSync(join(root, name));
        if (stat.isFile()) encode(join(root, name), `${stat.size}-${Math.floor(stat.mtimeMs)}`).catch(() => undefined);
      } catch {
        // compressed at its first request instead
      }
  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
    let path: string;
    try {
      path = decodeURIComponent(req.path === '/' ? '/index.html' : req.path);
    } catch {
      return next();
    }
    if (!encoding || !COMPRESSIBLE.has(extname(path).toLowerCase()) || path.includes('\0')) return next();
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep)) return next();
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return next();
    }
    if (!stat.isFile()) return next();
    const version = `${stat.size}-${Math.floor(stat.mtimeMs)}`;
    res.set({
      'cache-control': 'public, max-age=3600',
      vary: 'Accept-Encoding',
      etag: `W/"${version}-${encoding}"`,
      'last-modified': stat.mtime.toUTCString(),
    });
    res.type(extname(file));
    if (req.fresh) return void res.status(304).end();
    try {
      const encoded = await encode(file, version);
      res.set('content-encoding', encoding).send(encoding === 'br' ? encoded.br : encoded.gzip);
    } catch (error) {
      next(error);
    }
  };
}

/** The web page, the widget and Web Chat's bundle, all from our own server; no README or other source files. */
export function siteRouter(): Router {
  const router = Router();
  const root = join(projectRoot(), 'public');
  for (const [path, file] of Object.entries(vendorScripts())) router.get(path, vendorScript(file));
  router.use((req, res, next) => (/\.(md|ts|map)$/i.test(req.path) ? res.status(404).end() : next()));
  router.use(compressedStatic(root));
  router.use(express.static(root, { index: 'index.html', maxAge: '1h' }));
  return router;
}
