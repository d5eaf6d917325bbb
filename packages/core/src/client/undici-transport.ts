import { Pool } from 'undici';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';
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

/**
 * The default transport: one undici keep-alive {@link Pool} per origin. Per-attempt timeouts use
 * undici's own header and body timers, so no AbortController or timer is created per call.
 */
export class UndiciTransport implements Transport {
  private readonly pools = new Map<string, Pool>();
  private readonly connections: number;
  private readonly keepAliveTimeout: number;

  constructor(options: UndiciTransportOptions = {}) {
    this.connections = options.connections ?? 64;
    this.keepAliveTimeout = options.keepAliveTimeoutMs ?? 4000;
  }

  async request(request: TransportRequest): Promise<TransportResponse> {
    let pool = this.pools.get(request.origin);
    if (pool === undefined) {
      pool = new Pool(request.origin, { connections: this.connections, keepAliveTimeout: this.keepAliveTimeout });
      this.pools.set(request.origin, pool);
    }
    try {
      const response = await pool.request({
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body,
        signal: request.signal,
        headersTimeout: request.timeoutMs,
        bodyTimeout: request.timeoutMs,
      });
      const contentType = response.headers['content-type'];
      return {
        status: response.statusCode,
        contentType: Array.isArray(contentType) ? contentType[0] : contentType,
        body: await response.body.text(),
      };
    } catch (error) {
      throw transportError(error, request);
    }
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }
}
