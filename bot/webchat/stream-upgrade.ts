import { type IncomingMessage, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { log } from '../log.js';
import { type DirectLineParts, MAX_STREAMS, claimsFor, watermarkOf } from './directline-routes.js';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;
/** A client sends nothing but keep-alive messages on the stream; anything big is refused by ws itself. */
const MAX_CLIENT_MESSAGE = 4096;

/** Answers an upgrade request that is refused with a plain HTTP answer in the API's JSON error shape. */
function refuse(
  socket: Duplex,
  status: number,
  field: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ error: { field, message } });
  const extra = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${extra}connection: close\r\n\r\n${body}`,
  );
}

/**
 * The Direct Line stream: a WebSocket at the streamUrl (`/v3/directline/conversations/{id}/stream?watermark=&t=`).
 * The `t` ticket (from the start or reconnect answer, two minutes) must be for this conversation and not revoked; a
 * browser's Origin must be our own or one in WEBCHAT_ALLOWED_ORIGINS; one conversation may have MAX_STREAMS streams
 * on an instance. Each refusal is a plain HTTP answer with the JSON error, before any WebSocket is made.
 * Give the returned function to the HTTP server's 'upgrade' event.
 */
export function streamUpgrade(
  d: DirectLineParts,
  allowedOrigins: string[],
): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE });
  const origins = new Set(allowedOrigins);
  return (req, socket, head) => {
    socket.on('error', () => undefined);
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = STREAM_PATH.exec(url.pathname);
      if (!match) return refuse(socket, 404, 'path', `There is no WebSocket at ${url.pathname}`);
      const origin = req.headers.origin;
      if (typeof origin === 'string' && !origins.has(origin) && !sameHost(origin, req.headers.host)) {
        return refuse(socket, 403, 'origin', "This site may not open the chat's stream (WEBCHAT_ALLOWED_ORIGINS)");
      }
      let watermark: number;
      try {
        watermark = watermarkOf(url.searchParams.get('watermark') ?? undefined);
      } catch {
        return refuse(socket, 400, 'watermark', 'watermark must be a whole number, as given in the streamUrl');
      }
      const conversationId = decodeURIComponent(match[1]!);
      const result = await claimsFor(d, url.searchParams.get('t') ?? undefined, conversationId, 'stream');
      if (!('claims' in result)) return refuse(socket, result.status, 'authorization', result.message);
      if (d.hub.streamsOf(conversationId) >= MAX_STREAMS) {
        return refuse(socket, 429, 'stream', `At most ${MAX_STREAMS} streams may be open for one conversation`, {
          'retry-after': '10',
        });
      }
      const { claims } = result;
      const stillAllowed = async () =>
        Date.now() < (claims.start + d.signer.maxAge) * 1000 && !(await d.revoked.has(conversationId));
      server.handleUpgrade(req, socket, head, (ws) => d.hub.open(conversationId, ws, watermark, stillAllowed));
    })().catch((error: unknown) => {
      log.warn('direct line: a stream could not be opened', { error });
      refuse(socket, 503, 'stream', 'The stream cannot be opened right now; try again in a moment');
    });
  };
}

/** Whether a browser's Origin is the server's own (the page we serve), whatever the scheme in front of us. */
function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
