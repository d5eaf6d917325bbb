import type { Histogram } from 'prom-client';
import type { Transport, TransportRequest, TransportResponse } from '../client/transport.js';
import type { ServedRoute } from '../server/http-server.js';

type Child = ReturnType<Histogram['labels']>;

/**
 * Wraps a route so that each request is observed in the server histogram, labelled by method,
 * route template and status. Label children are resolved once per status, so a request does no
 * label lookup or string building.
 */
export function meteredRoute(route: ServedRoute, histogram: Histogram<'method' | 'route' | 'status'>): ServedRoute {
  const byStatus = new Map<number, Child>();
  const childFor = (status: number): Child => {
    let child = byStatus.get(status);
    if (child === undefined) {
      child = histogram.labels({ method: route.method, route: route.path, status: String(status) });
      byStatus.set(status, child);
    }
    return child;
  };
  const handler = route.handler;
  return {
    ...route,
    handler(req, res, params, query) {
      const start = performance.now();
      res.once('finish', () => childFor(res.statusCode).observe((performance.now() - start) / 1000));
      handler(req, res, params, query);
    },
  };
}

/**
 * A {@link Transport} that observes each attempt in the client histogram (method, server, status;
 * `error` when no answer came) and passes it to the transport it wraps.
 */
export class MeteredTransport implements Transport {
  private readonly children = new Map<string, Map<string, Map<number | 'error', Child>>>();

  constructor(
    private readonly inner: Transport,
    private readonly histogram: Histogram<'method' | 'server' | 'status'>,
  ) {}

  async request(request: TransportRequest): Promise<TransportResponse> {
    const start = performance.now();
    try {
      const response = await this.inner.request(request);
      this.childFor(request, response.status).observe((performance.now() - start) / 1000);
      return response;
    } catch (error) {
      this.childFor(request, 'error').observe((performance.now() - start) / 1000);
      throw error;
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private childFor(request: TransportRequest, status: number | 'error'): Child {
    let byMethod = this.children.get(request.origin);
    if (byMethod === undefined) this.children.set(request.origin, (byMethod = new Map()));
    let byStatus = byMethod.get(request.method);
    if (byStatus === undefined) byMethod.set(request.method, (byStatus = new Map()));
    let child = byStatus.get(status);
    if (child === undefined) {
      const server = request.origin.replace(/^[a-z]+:\/\//i, '');
      child = this.histogram.labels({ method: request.method, server, status: String(status) });
      byStatus.set(status, child);
    }
    return child;
  }
}
