import { VitaminError } from '../errors/vitamin-error.js';
import type { TransportRequest } from './transport.js';

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ERR_CANCELED',
  'ABORT_ERR',
]);

/** Turns what a transport library threw into a `VITAMIN_E_TIMEOUT` or `VITAMIN_E_CONNECT` error. */
export function transportError(error: unknown, request: TransportRequest): VitaminError {
  const code = (error as { code?: unknown }).code;
  const name = (error as { name?: unknown }).name;
  const where = `${request.method} ${request.origin}${stripQuery(request.path)}`;
  if (
    (typeof code === 'string' && TIMEOUT_CODES.has(code)) ||
    name === 'AbortError' ||
    name === 'TimeoutError' ||
    request.signal?.aborted === true
  ) {
    return new VitaminError('VITAMIN_E_TIMEOUT', `${where} timed out after ${request.timeoutMs} ms`, { cause: error });
  }
  const reason = typeof code === 'string' ? code : (error as Error).message;
  return new VitaminError('VITAMIN_E_CONNECT', `${where} failed: ${reason}`, { cause: error });
}

/** Query strings may carry secrets: keep them out of messages and logs. */
export function stripQuery(path: string): string {
  const q = path.indexOf('?');
  return q === -1 ? path : path.slice(0, q);
}
