import type { IncomingMessage } from 'node:http';
import { extractTrace } from '../tracing/propagation.js';
import { runWithTrace } from '../tracing/trace-context.js';
import { endSpan, startServerSpan } from '../tracing/tracer.js';
import type { ResolvedTracingOptions } from '../tracing/tracing-options.js';
import type { RouteHandler } from './route-handler.js';

/**
 * Wraps a route so that it runs inside a server span: the caller's trace continues (W3C or B3
 * headers), or a new one starts; the handler and everything it awaits sees the context.
 */
export function tracedRoute(
  handler: RouteHandler,
  method: string,
  path: string,
  options: ResolvedTracingOptions,
): RouteHandler {
  const name = `${method} ${path}`;
  return (req, res, params, query) => {
    const context = startServerSpan(
      name,
      extractTrace(req.headers),
      () => serverAttributes(req, method, path),
      options,
    );
    if (context.span !== undefined) {
      res.once('finish', () => {
        const status = res.statusCode;
        endSpan(context, status >= 500 ? `HTTP ${status}` : undefined, { 'http.response.status_code': status });
      });
    }
    runWithTrace(context, () => handler(req, res, params, query));
  };
}

/** OpenTelemetry HTTP server semantic-convention attributes. */
function serverAttributes(req: IncomingMessage, method: string, route: string) {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return {
    'http.request.method': method,
    'http.route': route,
    'url.path': q === -1 ? url : url.slice(0, q),
    'url.scheme': 'http',
    'server.port': req.socket.localPort ?? 0,
    'network.protocol.version': req.httpVersion,
  };
}
