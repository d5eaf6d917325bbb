import 'reflect-metadata';
import type { Container } from 'inversify';
import type { LoadBalancerOptions } from '../balancing/load-balancer-options.js';
import { bindProvider } from '../client/bind-provider.js';
import { DEFAULT_CLIENT_TIMEOUT_MS } from '../client/client-options.js';
import type { ProviderClient } from '../client/provider-client.js';
import type { Transport } from '../client/transport.js';
import { UndiciTransport } from '../client/undici-transport.js';
import type { Config, Properties } from '../config/config.js';
import type { EtcdConfigOptions } from '../config/config-options.js';
import { createLayeredConfig } from '../config/create-config.js';
import { activateValues } from '../config/inject-values.js';
import { LayeredConfig } from '../config/layered-config.js';
import { createContainer } from '../container/create-container.js';
import type { Registry } from '../discovery/registry.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { getMetadata, PROVIDER } from '../metadata/index.js';
import { bindCommands } from '../resilience/bind-commands.js';
import { CommandRegistry } from '../resilience/command-registry.js';
import { withOpenApiRoute } from '../openapi/openapi-route.js';
import { compileControllerRoutes, declaredRoutes, type DeclaredRoute } from '../server/controller-routes.js';
import type { ServerAddress } from '../server/http-server.js';
import { resolveServerOptions, type ServerOptions } from '../server/server-options.js';
import { resolveTracingOptions, type TracingOptions } from '../tracing/tracing-options.js';
import type { Actuator } from '../actuator/actuator.js';
import { circuitBreakersIndicator } from '../actuator/health-indicators.js';
import { MeteredTransport } from '../actuator/http-metrics.js';
import { circuitBreakerControl, commandMetricsSource } from './actuator-commands.js';
import { createActuator, type AppActuatorOptions } from './actuator-setup.js';
import { AppLifecycle, type ShutdownHook, type ShutdownPhase } from './lifecycle.js';
import { resolveShutdownOptions, type ShutdownOptions } from './shutdown-options.js';
import { ServiceDiscovery } from './service-discovery.js';

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
  /**
   * Properties given in code (nested or dotted; the lowest layer of the app's layered config), or a
   * ready {@link Config} used as it is.
   */
  config?: Properties | Config;
  /** Adds `config/application-<profile>.yaml`. @defaultValue the `VITAMIN_PROFILE` environment variable */
  profile?: string;
  /** Folder of the YAML property files. @defaultValue `'config'` */
  configDir?: string;
  /** The config store (etcd) with the global, service and instance levels; none when absent. */
  etcd?: EtcdConfigOptions;
  /** HTTP server options; `vitamin.server.port` and `vitamin.server.host` properties override them. */
  server?: ServerOptions;
  /** Trace propagation and sampling; `vitamin.tracing.*` properties override them. */
  tracing?: TracingOptions;
  /** How provider clients send requests. @defaultValue an {@link UndiciTransport} owned by the app */
  transport?: Transport;
  /** @defaultValue a JSON logger on standard output */
  logger?: Logger;
  /**
   * How long `close()` lets in-flight requests finish, in ms.
   * @defaultValue `30000`
   */
  shutdownTimeoutMs?: number;
  /** The `/actuator` endpoints; `vitamin.actuator.*` properties override them. */
  actuator?: AppActuatorOptions;
  /** Graceful shutdown; `vitamin.shutdown.*` properties override it (`timeoutMs` wins over `shutdownTimeoutMs`). */
  shutdown?: ShutdownOptions;
  /**
   * Where provider clients find instances and where the app registers itself.
   * @defaultValue the registry `vitamin.discovery.registry` names, else a {@link StaticRegistry}
   * over `vitamin.services.<name>.url`/`.instances` (the app then registers nowhere)
   */
  registry?: Registry;
  /** Load-balancer options per provider service (`vitamin.services.<name>.*` properties override them). */
  balancing?: Readonly<Record<string, LoadBalancerOptions>>;
}

/** A running (or ready to run) service. */
export interface App {
  readonly name: string;
  readonly container: Container;
  readonly config: Config;
  readonly logger: Logger;
  /** Every command of the app (provider operations and `@Command` methods): options, state, metrics. */
  readonly commands: CommandRegistry;
  /** Provider-service views, load balancers and the app's own registration. */
  readonly discovery: ServiceDiscovery;
  /** Every route the controllers declare, with full paths. */
  readonly routes: readonly DeclaredRoute[];
  /** Resolves a service, controller or provider client from the container. */
  get<T>(type: Constructor<T>): T;
  /** Starts the HTTP server; resolves with where it listens. */
  listen(): Promise<ServerAddress>;
  /**
   * Shuts down gracefully, once (later calls wait for the same shutdown): readiness DOWN,
   * `deregister` hooks, the preStop delay, then stops accepting, drains in-flight requests up to the
   * deadline, and closes client connections.
   */
  close(): Promise<void>;
  // actuator and lifecycle
  /** The `/actuator` endpoints (health indicators, metrics, stream), or undefined when disabled. */
  readonly actuator: Actuator | undefined;
  /** Where the management server listens, when one is configured and started. */
  readonly managementAddress: ServerAddress | undefined;
  /** Adds work to a phase of the shutdown sequence (`deregister` runs before the server stops). */
  onShutdown(phase: ShutdownPhase, hook: ShutdownHook): void;
  /** Shuts down gracefully on SIGTERM or SIGINT and exits 0; a second signal exits at once. Idempotent. */
  enableShutdownHooks(): App;
}

/**
 * Creates an app: binds services, controllers and provider clients in an inversify container, reads
 * every decorator once and compiles the routes and call plans. Nothing listens until `listen()`.
 */
export function createApp(options: AppOptions): App {
  const logger = options.logger ?? createLogger({ name: options.name });
  const ownsConfig = !isConfig(options.config);
  const config = isConfig(options.config)
    ? options.config
    : createLayeredConfig({ ...options, service: options.name, properties: options.config as Properties, logger });
  const ownsTransport = options.transport === undefined;
  const commands = new CommandRegistry({ config, logger });
  const commandSource = commandMetricsSource(commands);
  const actuator = createActuator(options.name, config, logger, {
    commands: commandSource,
    circuitBreakers: circuitBreakerControl(commands),
    ...options.actuator,
    indicators: [circuitBreakersIndicator(commandSource), ...(options.actuator?.indicators ?? [])],
  });
  const rawTransport = options.transport ?? new UndiciTransport();
  const transport =
    actuator === undefined ? rawTransport : new MeteredTransport(rawTransport, actuator.metrics.clientRequests);
  const timeoutMs = config.get<number>('vitamin.client.timeoutMs') ?? DEFAULT_CLIENT_TIMEOUT_MS;
  const container = createContainer();
  activateValues(container, config, [...(options.providers ?? []), ...(options.controllers ?? [])]);
  const discovery = new ServiceDiscovery({
    name: options.name,
    config,
    logger,
    registry: options.registry,
    balancing: options.balancing,
  });

  const tracing = resolveTracingOptions({
    ...options.tracing,
    enabled: config.get<boolean>('vitamin.tracing.enabled') ?? options.tracing?.enabled,
    propagation:
      config.get<TracingOptions['propagation']>('vitamin.tracing.propagation') ?? options.tracing?.propagation,
    sampleRatio: config.get<number>('vitamin.tracing.sampleRatio') ?? options.tracing?.sampleRatio,
  });
  const clientTracing = tracing.enabled ? { options: tracing } : undefined;

  for (const type of options.providers ?? []) {
    const provider = getMetadata(PROVIDER, type);
    const binding = container.bind(type).toSelf().inSingletonScope();
    if (provider !== undefined) {
      const chooser = discovery.balancer(provider.service);
      binding.onActivation((_context, instance) =>
        bindProvider(instance as ProviderClient, { transport, chooser, timeoutMs, commands, tracing: clientTracing }),
      );
    } else {
      binding.onActivation((_context, instance) => bindCommands(instance as object, commands));
    }
  }
  for (const type of options.controllers ?? []) {
    container
      .bind(type)
      .toSelf()
      .inSingletonScope()
      .onActivation((_context, instance) => bindCommands(instance as object, commands));
  }

  const routesByController = new Map((options.controllers ?? []).map((type) => [type, declaredRoutes(type)]));
  const routes = [...routesByController.values()].flat();
  const serverOptions = resolveServerOptions({
    ...options.server,
    port: config.get<number>('vitamin.server.port') ?? options.server?.port,
    host: config.get<string>('vitamin.server.host') ?? options.server?.host,
  });
  const lifecycle = new AppLifecycle(
    options.name,
    logger,
    actuator,
    actuator?.options.managementPort,
    actuator?.options.managementHost ?? '127.0.0.1',
    resolveShutdownOptions({
      preStopDelayMs: config.get<number>('vitamin.shutdown.preStopDelayMs') ?? options.shutdown?.preStopDelayMs,
      timeoutMs:
        config.get<number>('vitamin.shutdown.timeoutMs') ?? options.shutdown?.timeoutMs ?? options.shutdownTimeoutMs,
    }),
  );
  if (ownsTransport) lifecycle.on('close', () => transport.close());
  if (ownsConfig && config instanceof LayeredConfig) lifecycle.on('close', () => config.close());
  lifecycle.on('close', () => commands.close());
  // Deregister first: clients stop choosing this instance before it stops serving.
  lifecycle.on('deregister', () => discovery.deregister());
  lifecycle.on('close', () => discovery.close());

  const app: App = {
    name: options.name,
    container,
    config,
    logger,
    commands,
    discovery,
    routes,
    get: (type) => container.get(type),
    async listen() {
      if (config instanceof LayeredConfig) await config.ready();
      const served = [...routesByController].flatMap(([type, declared]) =>
        compileControllerRoutes(container.get(type) as object, declared, serverOptions.bodyLimit, logger),
      );
      const address = await lifecycle.listen(
        withOpenApiRoute(served, { name: options.name, routes }),
        serverOptions,
        tracing,
      );
      logger.info({ url: address.url, management: lifecycle.managementAddress?.url }, `${options.name} listening`);
      await discovery.ready();
      await discovery.register(address);
      return address;
    },
    close: () => lifecycle.close(),
    actuator,
    get managementAddress() {
      return lifecycle.managementAddress;
    },
    onShutdown: (phase, hook) => lifecycle.on(phase, hook),
    enableShutdownHooks() {
      lifecycle.enableSignals();
      return app;
    },
  };
  return app;
}

function isConfig(value: AppOptions['config']): value is Config {
  return typeof (value as Config | undefined)?.get === 'function' && typeof (value as Config).keys === 'function';
}
