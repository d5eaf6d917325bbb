import type { ServerResponse } from 'node:http';
import type { Transport, TransportRequest, TransportResponse } from '../client/transport.js';
import type { ServedRoute } from '../server/http-server.js';
import type { HistogramSeries, HttpHistogram } from './http-histogram.js';

const STARTED = Symbol('vitamin.requestStarted');

type TimedResponse = ServerResponse & { [STARTED]?: number };

/**
 * Wraps a route so that each request is observed in the server histogram, labelled by method,
 * route template and status. Series are resolved once per status and the `finish` listener is one
 * function per route, so a request allocates nothing for its metrics.
 */
export function meteredRoute(route: ServedRoute, histogram: HttpHistogram): ServedRoute {
  const byStatus = new Map<number, HistogramSeries>();
  const seriesFor = (status: number): HistogramSeries => {
    let series = byStatus.get(status);
    if (series === undefined) {
      series = histogram.seriesFor({ method: route.method, route: route.path, status: String(status) });
      byStatus.set(status, series);
    }
    return series;
  };
  function onFinish(this: TimedResponse): void {
    seriesFor(this.statusCode).observe((performance.now() - this[STARTED]!) / 1000);
  }
  const handler = route.handler;
  return {
    ...route,
    handler(req, res: TimedResponse, params, query) {
      res[STARTED] = performance.now();
      res.on('finish', onFinish);
      handler(req, res, params, query);
    },
  };
}

/**
 * A {@link Transport} that observes each attempt in the client histogram (method, server, status;
 * `error` when no answer came) and passes it to the transport it wraps.
 */
export class MeteredTransport implements Transport {
  private readonly series = new Map<string, Map<string, Map<number | 'error', HistogramSeries>>>();

  constructor(
    private readonly inner: Transport,
    private readonly histogram: HttpHistogram,
  ) {}

  request(request: TransportRequest): Promise<TransportResponse> {
    const start = performance.now();
    return this.inner.request(request).then(
      (response) => {
        this.seriesFor(request, response.status).observe((performance.now() - start) / 1000);
        return response;
      },
      (error: unknown) => {
        this.seriesFor(request, 'error').observe((performance.now() - start) / 1000);
        throw error;
      },
    );
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private seriesFor(request: TransportRequest, status: number | 'error'): HistogramSeries {
    let byMethod = this.series.get(request.origin);
    if (byMethod === undefined) this.series.set(request.origin, (byMethod = new Map()));
    let byStatus = byMethod.get(request.method);
    if (byStatus === undefined) byMethod.set(request.method, (byStatus = new Map()));
    let series = byStatus.get(status);
    if (series === undefined) {
      const server = request.origin.replace(/^[a-z]+:\/\//i, '');
      series = this.histogram.seriesFor({ method: request.method, server, status: String(status) });
      byStatus.set(status, series);
    }
    return series;
  }
}
