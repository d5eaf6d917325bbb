import { HttpError } from '../errors/http-error.js';
import { isVitaminError } from '../errors/vitamin-error.js';

/**
 * Whether `error` says the caller asked for something wrong (a 4xx `HttpError`, or a
 * `BadRequestError` from user code): such errors are not the dependency's fault, so the breaker does
 * not count them and no fallback runs.
 */
export function isBadRequest(error: unknown): boolean {
  if (error instanceof HttpError) return error.isBadRequest;
  return isVitaminError(error) && error.code === 'VITAMIN_E_BAD_REQUEST';
}
