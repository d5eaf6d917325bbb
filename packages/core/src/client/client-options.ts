import type { Transport } from './transport.js';

/** Options of provider clients. */
export interface ClientOptions {
  /**
   * How requests are sent.
   * @defaultValue a shared {@link UndiciTransport}
   */
  transport?: Transport;
  /**
   * Limit of one attempt, in ms.
   * @defaultValue `1000`
   */
  timeoutMs?: number;
}

/** The default attempt limit, in ms: the Hystrix default users know. */
export const DEFAULT_CLIENT_TIMEOUT_MS = 1000;

/** The request a provider operation takes: only the parts the operation has. */
export interface OperationRequest {
  readonly path?: Readonly<Record<string, unknown>>;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly header?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
}
