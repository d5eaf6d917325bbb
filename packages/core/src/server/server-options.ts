/** Options of the HTTP server every app runs. */
export interface ServerOptions {
  /**
   * Port to listen on; 0 picks a free one.
   * @defaultValue `0`
   */
  port?: number;
  /**
   * Address to listen on.
   * @defaultValue `'127.0.0.1'`
   */
  host?: string;
  /**
   * Largest request body accepted, in bytes; a larger one gets 413.
   * @defaultValue `1048576` (1 MiB)
   */
  bodyLimit?: number;
  /**
   * How long an idle keep-alive connection stays open, in ms. Must exceed the idle timeout of any
   * load balancer in front (often 60 s), or the balancer reuses sockets the server just closed.
   * @defaultValue `65000`
   */
  keepAliveTimeoutMs?: number;
  /**
   * Time allowed to receive a request's headers, in ms; slower clients are cut off.
   * @defaultValue `10000`
   */
  headersTimeoutMs?: number;
  /**
   * Time allowed to receive a whole request, in ms.
   * @defaultValue `30000`
   */
  requestTimeoutMs?: number;
  /**
   * Largest request header block, in bytes; a larger one gets 431.
   * @defaultValue `16384`
   */
  maxHeaderSize?: number;
}

/** {@link ServerOptions} with every field resolved. */
export type ResolvedServerOptions = Required<ServerOptions>;

/** The defaults of {@link ServerOptions}. */
export const DEFAULT_SERVER_OPTIONS: ResolvedServerOptions = Object.freeze({
  port: 0,
  host: '127.0.0.1',
  bodyLimit: 1_048_576,
  keepAliveTimeoutMs: 65_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxHeaderSize: 16_384,
});

/** Fills in defaults; `undefined` fields take the default. */
export function resolveServerOptions(options: ServerOptions = {}): ResolvedServerOptions {
  const resolved = { ...DEFAULT_SERVER_OPTIONS };
  for (const [key, value] of Object.entries(options) as [keyof ServerOptions, never][]) {
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}
