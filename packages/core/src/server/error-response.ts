import type { ServerResponse } from 'node:http';
import { HttpError } from '../errors/http-error.js';
import { isVitaminError } from '../errors/vitamin-error.js';
import type { Logger } from '../logging/logger.js';

/** The JSON body of every error vitamin answers with. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/**
 * Answers a request with the JSON form of `error`. Vitamin errors keep their status and message; a
 * handler's own `HttpError` keeps its body; a provider's error and anything unexpected become a
 * generic 502 or 500, logged in full but never sent (no stack traces or downstream details leak).
 */
export function sendError(res: ServerResponse, error: unknown, logger: Logger, route: string): void {
  let status: number;
  let body: unknown;
  if (error instanceof HttpError && error.upstream !== undefined) {
    logger.warn({ err: error, route }, 'provider call failed in handler');
    status = 502;
    body = envelope('VITAMIN_E_HTTP', 'A call to another service failed');
  } else if (error instanceof HttpError && error.body !== undefined) {
    status = error.status;
    body = error.body;
  } else if (isVitaminError(error) && error.status < 500) {
    status = error.status;
    body = envelope(error.code, error.message, error.details);
  } else {
    logger.error({ err: error, route }, 'handler failed');
    status = isVitaminError(error) ? error.status : 500;
    body = envelope(isVitaminError(error) ? error.code : 'VITAMIN_E_INTERNAL', 'Internal server error');
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function envelope(code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}
