import 'reflect-metadata';
import type { Container } from 'inversify';
import { bindProvider } from '../client/bind-provider.js';
import { parseBaseUrl } from '../client/base-url.js';
import { DEFAULT_CLIENT_TIMEOUT_MS } from '../client/client-options.js';
import type { ProviderClient } from '../client/provider-client.js';
import type { Transport } from '../client/transport.js';
import { UndiciTransport } from '../client/undici-transport.js';
import { InMemoryConfig, type Config, type Properties } from '../config/config.js';
import { createContainer } from '../container/create-container.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { getMetadata, PROVIDER } from '../metadata/index.js';
import { withOpenApiRoute } from '../openapi/openapi-route.js';
import { compileControllerRoutes, declaredRoutes, type DeclaredRoute } from '../server/controller-routes.js';
import { HttpServer, type ServerAddress } from '../server/http-server.js';
import { resolveServerOptions, type ServerOptions } from '../server/server-options.js';

/** A class the container can construct. */
export type Constructor<T = unknown> = new (...args: never[]) => T;

/** Options of {@link createApp}. */
export interface AppOptions {
  /** The service name: its registry name, the `service` of every log line. */
  name: string;
  /** Classes decorated with `@Controller`. */
  controllers?: Constructor[];
  /** Services (`@Service`) and provider clients (`@Provider`) to bind in the container. */
  providers?: Constructor[];
  /** Properties, nested or dotted, or a ready {@link Config}. */
  config?: Properties | Config;
  /** HTTP server options; `vitamin.server.port` and `vitamin.server.host` properties override them. */
  server?: ServerOptions;
  /** How provider clients send requests. @defaultValue an {@link UndiciTransport} owned by the app */
  transport?: Transport;
  /** @defaultValue a JSON logger on standard output */
  logger?: Logger;
  /**
   * How long `close()` lets in-flight requests finish, in ms.
   * @defaultValue `30000`
   */
  shutdownTimeoutMs?: number;
}

/** A running (or ready to run) service. */
export interface App {
  readonly name: string;
  readonly container: Container;
  readonly config: Config;
  readonly logger: Logger;
  /** Every route the controllers declare, with full paths. */
  readonly routes: readonly DeclaredRoute[];
  /** Resolves a service, controller or provider client from the container. */
  get<T>(type: Constructor<T>): T;
  /** Starts the HTTP server; resolves with where it listens. */
  listen(): Promise<ServerAddress>;
  /** Stops accepting requests, lets in-flight ones finish, closes client connections. */
  close(): Promise<void>;
}

/**
 * Creates an app: binds services, controllers and provider clients in an inversify container, reads
 * every decorator once and compiles the routes and call plans. Nothing listens until `listen()`.
 */
export function createApp(options: AppOptions): App {
  const config = isConfig(options.config) ? options.config : new InMemoryConfig(options.config ?? {});
  const logger = options.logger ?? createLogger({ name: options.name });
  const ownsTransport = options.transport === undefined;
  const transport = options.transport ?? new UndiciTransport();
  const timeoutMs = config.get<number>('vitamin.client.timeoutMs') ?? DEFAULT_CLIENT_TIMEOUT_MS;
  const container = createContainer();

  for (const type of options.providers ?? []) {
    const provider = getMetadata(PROVIDER, type);
    const binding = container.bind(type).toSelf().inSingletonScope();
    if (provider !== undefined) {
      const key = `vitamin.services.${provider.service}.url`;
      const url = config.get<string>(key);
      const baseUrl = url === undefined ? undefined : parseBaseUrl(url, key);
      binding.onActivation((_context, instance) =>
        bindProvider(instance as ProviderClient, { transport, baseUrl, timeoutMs }),
      );
    }
  }
  for (const type of options.controllers ?? []) container.bind(type).toSelf().inSingletonScope();

  const routesByController = new Map((options.controllers ?? []).map((type) => [type, declaredRoutes(type)]));
  const routes = [...routesByController.values()].flat();
  const serverOptions = resolveServerOptions({
    ...options.server,
    port: config.get<number>('vitamin.server.port') ?? options.server?.port,
    host: config.get<string>('vitamin.server.host') ?? options.server?.host,
  });
  let server: HttpServer | undefined;

  return {
    name: options.name,
    container,
    config,
    logger,
    routes,
    get: (type) => container.get(type),
    async listen() {
      if (server !== undefined) throw new Error(`${options.name} is already listening`);
      const served = [...routesByController].flatMap(([type, declared]) =>
        compileControllerRoutes(container.get(type) as object, declared, serverOptions.bodyLimit, logger),
      );
      server = new HttpServer(withOpenApiRoute(served, { name: options.name, routes }), serverOptions, logger);
      const address = await server.listen();
      logger.info({ url: address.url }, `${options.name} listening`);
      return address;
    },
    async close() {
      await server?.close(options.shutdownTimeoutMs ?? 30_000);
      if (ownsTransport) await transport.close();
    },
  };
}

function isConfig(value: AppOptions['config']): value is Config {
  return typeof (value as Config | undefined)?.get === 'function' && typeof (value as Config).keys === 'function';
}
