import { Pool, type Dispatcher } from 'undici';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';
import { fanoutOf } from './abort-fanout.js';
import { ResponseCollector } from './response-collector.js';
import { transportError } from './transport-errors.js';

/** Options of {@link UndiciTransport}. */
export interface UndiciTransportOptions {
  /**
   * Most connections kept per origin.
   * @defaultValue `64`
   */
  connections?: number;
  /**
   * How long an idle connection is kept, in ms (lowered to what the server announces).
   * @defaultValue `4000`
   */
  keepAliveTimeoutMs?: number;
}

/** One origin's pool, with the attempt timeout its connections apply by default. */
interface OriginPool {
  readonly pool: Pool;
  readonly timeoutMs: number;
}

/**
 * The default transport: one undici keep-alive {@link Pool} per origin. Per-attempt timeouts use
 * undici's own header and body timers, so no AbortController or timer is created per call. A pool
 * takes the timeout of its first request as its default: undici's per-request timeout options cost
 * about a fifth of its throughput (docs/benchmarks.md), so only requests with another timeout pay it.
 * Responses arrive through undici's dispatch API ({@link ResponseCollector}), not `request()`.
 */
export class UndiciTransport implements Transport {
  private readonly pools = new Map<string, OriginPool>();
  private readonly connections: number;
  private readonly keepAliveTimeout: number;

  constructor(options: UndiciTransportOptions = {}) {
    this.connections = options.connections ?? 64;
    this.keepAliveTimeout = options.keepAliveTimeoutMs ?? 4000;
  }

  request(request: TransportRequest): Promise<TransportResponse> {
    const { signal } = request;
    if (signal?.aborted === true) return Promise.reject(transportError(signal.reason, request));
    const { pool, timeoutMs } = this.pools.get(request.origin) ?? this.createPool(request.origin, request.timeoutMs);
    const options: Dispatcher.DispatchOptions = {
      method: request.method,
      path: request.path,
      headers: request.headers,
      body: request.body,
    };
    if (request.timeoutMs !== timeoutMs) {
      options.headersTimeout = request.timeoutMs;
      options.bodyTimeout = request.timeoutMs;
    }
    return new Promise<TransportResponse>((resolve, reject) => {
      pool.dispatch(options, new ResponseCollector(resolve, reject, request, signal && fanoutOf(signal)));
    });
  }

  private createPool(origin: string, timeoutMs: number): OriginPool {
    const pool = new Pool(origin, {
      connections: this.connections,
      keepAliveTimeout: this.keepAliveTimeout,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const entry = { pool, timeoutMs };
    this.pools.set(origin, entry);
    return entry;
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map(({ pool }) => pool.close()));
  }
}
