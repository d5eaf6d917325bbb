import { createServer, ServerResponse, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { VitaminError } from '../errors/vitamin-error.js';
import type { Logger } from '../logging/logger.js';
import type { HttpMethod } from '../metadata/index.js';
import { sendError } from './error-response.js';
import type { ResolvedTracingOptions } from '../tracing/tracing-options.js';
import type { RouteHandler } from './route-handler.js';
import type { ResolvedServerOptions } from './server-options.js';
import { tracedRoute } from './traced-route.js';

/** A route ready to serve. */
export interface ServedRoute {
  readonly method: HttpMethod;
  /** Router path with `:name` parameters. */
  readonly path: string;
  readonly handler: RouteHandler;
}

/** Where a server listens. */
export interface ServerAddress {
  readonly host: string;
  readonly port: number;
  /** `http://host:port`, for clients and logs. */
  readonly url: string;
}

/**
 * The HTTP server of an app: node:http with find-my-way routing. Slow clients are cut off by the
 * header and request timeouts, oversized header blocks get 431, unknown routes a JSON 404.
 */
export class HttpServer {
  private readonly server: Server;
  private isClosing = false;
  /** Open connections; close() ends the ones that never sent a byte, which Node counts as neither idle nor busy. */
  private readonly sockets = new Set<Socket>();

  constructor(
    routes: readonly ServedRoute[],
    private readonly options: ResolvedServerOptions,
    private readonly logger: Logger,
    tracing: ResolvedTracingOptions,
  ) {
    const router = FindMyWay({ ignoreTrailingSlash: true, maxParamLength: 1000 });
    for (const route of routes) {
      if (router.hasRoute(route.method as HTTPMethod, route.path)) {
        throw new VitaminError('VITAMIN_E_DEFINITION', `Route ${route.method} ${route.path} is declared twice`);
      }
      const handler = tracing.enabled ? tracedRoute(route.handler, route.method, route.path, tracing) : route.handler;
      router.on(route.method as HTTPMethod, route.path, () => undefined, handler);
    }

    const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const path = q === -1 ? url : url.slice(0, q);
      const found = router.find(req.method as HTTPMethod, path);
      if (this.isClosing) res.setHeader('connection', 'close');
      if (found === null) {
        const error = new VitaminError('VITAMIN_E_NOT_FOUND', `No route for ${req.method ?? '?'} ${path}`);
        sendError(res, error, this.logger, 'not found');
        return;
      }
      (found.store as RouteHandler)(req, res, found.params, q === -1 ? '' : url.slice(q + 1));
    };

    const serverSettings = {
      keepAliveTimeout: options.keepAliveTimeoutMs,
      headersTimeout: options.headersTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
      maxHeaderSize: options.maxHeaderSize,
      // Node checks header and request timeouts on this interval (30 s by default): check often
      // enough that a slow client is cut off close to its limit.
      connectionsCheckingInterval: Math.min(1000, options.headersTimeoutMs),
    };
    // Responses in flight when close() starts must tell keep-alive clients not to reuse the socket.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const server = this;
    class DrainingResponse extends ServerResponse {
      override writeHead(...args: [number, never?, never?]): this {
        if (server.isClosing && !this.headersSent) this.setHeader('connection', 'close');
        return super.writeHead(...args);
      }
    }
    this.server = createServer(
      { ...serverSettings, ServerResponse: DrainingResponse as typeof ServerResponse },
      onRequest,
    );
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  /** Starts listening on the configured host and port (0: a free port). */
  listen(): Promise<ServerAddress> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        const { port, address } = this.server.address() as AddressInfo;
        const host = address.includes(':') ? `[${address}]` : address;
        resolve({ host: address, port, url: `http://${host}:${port}` });
      });
    });
  }

  /**
   * Stops accepting, closes idle keep-alive sockets at once, lets in-flight requests finish (their
   * responses carry `Connection: close`), and cuts whatever is left after `deadlineMs`.
   */
  close(deadlineMs: number): Promise<void> {
    if (!this.server.listening) return Promise.resolve();
    this.isClosing = true;
    return new Promise((resolve) => {
      const deadline = setTimeout(() => this.server.closeAllConnections(), deadlineMs);
      deadline.unref();
      this.server.close(() => {
        clearTimeout(deadline);
        resolve();
      });
      this.server.closeIdleConnections();
      // A connection an HTTP client opened ahead (undici does after an aborted request) and never
      // used would otherwise hold the shutdown until the deadline.
      for (const socket of this.sockets) if (socket.bytesRead === 0) socket.destroy();
    });
  }
}
