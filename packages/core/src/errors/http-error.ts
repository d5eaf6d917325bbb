import { VitaminError } from './vitamin-error.js';

/** The call a provider client made when a provider answered with an error. */
export interface UpstreamCall {
  /** Registry name of the provider. */
  readonly service: string;
  readonly method: string;
  /** Origin and path called (query strings are left out: they may carry secrets). */
  readonly url: string;
}

/**
 * An HTTP error with a status and a parsed body. Handlers throw it to answer with that status and
 * body; a provider client throws it (with `upstream` set) when a provider answers with a non-2xx
 * status, typed by the body the provider declares for that status.
 */
export class HttpError<TBody = unknown> extends VitaminError {
  /** The parsed body: what a handler answers with, or what the provider sent (JSON or text). */
  readonly body: TBody;
  /** Set when the error came from a provider call rather than from local code. */
  readonly upstream: UpstreamCall | undefined;

  constructor(status: number, message: string, body?: TBody, upstream?: UpstreamCall) {
    super('VITAMIN_E_HTTP', message, { status });
    this.name = 'HttpError';
    this.body = body as TBody;
    this.upstream = upstream;
  }

  /** A 4xx status: the caller sent something wrong; retrying or falling back will not help. */
  get isBadRequest(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

/**
 * Thrown by user code to refuse its input. Commands neither count it as a failure nor run the
 * fallback, and a server answers it with 400.
 */
export class BadRequestError extends VitaminError {
  constructor(message: string, details?: unknown) {
    super('VITAMIN_E_BAD_REQUEST', message, { details });
    this.name = 'BadRequestError';
  }
}
