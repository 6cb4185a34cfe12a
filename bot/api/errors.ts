import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { log } from '../log.js';
import { TimeoutError } from '../timeout.js';
import { ConversationBusy } from '../turn-lock.js';

/** A client error: the request is wrong, and `field` says where. */
export class BadRequest extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'BadRequest';
  }
}

/** The one error shape of the API: `{ "error": { "field", "message" } }`. */
export function sendError(res: Response, status: number, field: string, message: string): void {
  res.status(status).json({ error: { field, message } });
}

/** Unknown routes get a JSON 404, not express's HTML page. */
export const notFound: RequestHandler = (req, res) => {
  sendError(res, 404, 'path', `There is no ${req.method} ${req.path} here`);
};

/**
 * Turns every error into a clear JSON answer. Body-parser errors (bad JSON, too large) are the client's: 400 naming
 * the body. Anything unexpected is logged without the request body and answered with a short 500 and no stack trace.
 */
export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (res.headersSent) return;
  if (err instanceof BadRequest) return sendError(res, err.status, err.field, err.message);
  if (err instanceof ConversationBusy) {
    res.set('retry-after', '2');
    return sendError(
      res,
      429,
      'conversation',
      'For mange beskeder på én gang. Vent på svaret, og prøv igen. (Too many messages at once; wait for the answer and try again.)',
    );
  }
  if (err instanceof TimeoutError) {
    log.warn('a turn took too long and was let go', { error: err.message });
    res.set('retry-after', '5');
    return sendError(
      res,
      503,
      'turn',
      'Svaret tog for lang tid. Prøv igen om lidt. (The answer took too long; try again in a moment.)',
    );
  }
  const type = (err as { type?: string }).type;
  switch (type) {
    case 'entity.parse.failed':
      return sendError(res, 400, 'body', 'The body is not valid JSON');
    case 'entity.too.large':
      return sendError(res, 400, 'body', 'The body is larger than 100 kB');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return sendError(res, 400, 'body', 'The body must be JSON in UTF-8');
    case 'request.aborted':
      return;
  }
  const status = (err as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return sendError(res, status, 'request', String((err as Error).message));
  log.error('unexpected error', { name: (err as Error)?.name, message: (err as Error)?.message });
  sendError(res, 500, 'server', 'Something went wrong on our side. Please try again.');
};
