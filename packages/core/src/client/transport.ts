import type { HttpMethod } from '../metadata/index.js';

/** One HTTP attempt, fully resolved: the transport only moves bytes. */
export interface TransportRequest {
  /** `http://host:port` of the chosen instance. */
  readonly origin: string;
  readonly method: HttpMethod;
  /** Path and query, already encoded, starting with `/`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  /** Limit for this attempt, in ms. */
  readonly timeoutMs: number;
  /** Aborts the attempt (a command's timeout or the caller giving up). */
  readonly signal?: AbortSignal | undefined;
}

/** The answer to one attempt, body as text (parsing is the same for every transport). */
export interface TransportResponse {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}

/**
 * Sends HTTP requests for provider clients. Implementations: {@link UndiciTransport} (default) and
 * {@link AxiosTransport}. A transport rejects with a `VITAMIN_E_CONNECT` or `VITAMIN_E_TIMEOUT`
 * error when no answer arrives; any answer, whatever its status, resolves.
 */
export interface Transport {
  request(request: TransportRequest): Promise<TransportResponse>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}
