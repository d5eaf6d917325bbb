import { ERROR_CODES, type ErrorCode } from './codes.js';

/** Brands vitamin errors so that they are recognised across two copies of the package. */
const VITAMIN_ERROR = Symbol.for('vitamin.error');

/** Options of a {@link VitaminError}. */
export interface VitaminErrorOptions {
  /** What caused this error. */
  cause?: unknown;
  /** Structured details safe to show to a caller (never secrets, never stack traces). */
  details?: unknown;
  /** Overrides the HTTP status that the catalogue gives the code. */
  status?: number;
}

/**
 * The base of every error vitamin raises: a stable {@link ErrorCode}, the HTTP status it maps to,
 * and whether retrying the same call may succeed.
 */
export class VitaminError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: VitaminErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const entry = ERROR_CODES[code];
    this.name = 'VitaminError';
    this.code = code;
    this.status = options.status ?? entry.status;
    this.retryable = entry.retryable;
    this.details = options.details;
    Object.defineProperty(this, VITAMIN_ERROR, { value: true });
  }
}

/** True for any vitamin error, including one thrown by another copy of the package. */
export function isVitaminError(value: unknown): value is VitaminError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[VITAMIN_ERROR] === true;
}
