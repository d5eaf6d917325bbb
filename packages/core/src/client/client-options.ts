/** The default attempt limit, in ms: the Hystrix default users know. */
export const DEFAULT_CLIENT_TIMEOUT_MS = 1000;

/** The request a provider operation takes: only the parts the operation has. */
export interface OperationRequest {
  readonly path?: Readonly<Record<string, unknown>>;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly header?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
}
