import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config/config.js';
import type { Logger } from '../logging/logger.js';
import type { HttpMethod } from '../metadata/index.js';
import { sendError } from '../server/error-response.js';
import type { ServedRoute } from '../server/http-server.js';
import type { PathParams } from '../server/route-handler.js';
import { admit, type AccessPolicy, isAuthorized } from './access.js';
import type { ResolvedActuatorOptions } from './actuator-options.js';
import { serveCircuitBreakers, steerCircuitBreaker, type CircuitBreakerControl } from './circuit-breakers.js';
import { serveConfig, serveEnv } from './env-endpoints.js';
import { Health, httpStatusOf, type HealthGroup, type HealthIndicator } from './health.js';
import { HystrixStream } from './hystrix-stream.js';
import { serveInfo, type InstanceInfo } from './info.js';
import { changeLogger, serveLoggers } from './loggers-endpoint.js';
import { NO_COMMANDS, type CommandMetricsSource } from './metrics-source.js';
import { PrometheusMetrics } from './prometheus-metrics.js';
import { configProperties, type PropertiesSource } from './properties-source.js';
import { sendJson } from './reply.js';

/** What the actuator reads and steers; everything but the basics is optional. */
export interface ActuatorSources {
  /** Command metrics for `prometheus`, `hystrix.stream` and `circuitbreakers`. @defaultValue no commands */
  readonly commands?: CommandMetricsSource;
  /** Force open / force closed / reset. @defaultValue none: `POST circuitbreakers/:key` answers 404 */
  readonly circuitBreakers?: CircuitBreakerControl;
  /** Properties with their sources. @defaultValue the app's config, source `config` */
  readonly properties?: PropertiesSource;
  /** Health indicators added at boot. */
  readonly indicators?: readonly HealthIndicator[];
  /** Loggers whose level `loggers` shows and changes. @defaultValue the app's logger, as `root` */
  readonly loggers?: ReadonlyMap<string, Logger>;
}

/** Everything {@link Actuator} needs from the app. */
export interface ActuatorContext {
  readonly config: Config;
  readonly logger: Logger;
  readonly info: InstanceInfo;
  readonly options: ResolvedActuatorOptions;
  readonly sources?: ActuatorSources;
  /** @defaultValue `Date.now` */
  readonly clock?: () => number;
}

type Handler = (req: IncomingMessage, res: ServerResponse, params: PathParams) => void | Promise<void>;

/**
 * The `/actuator` endpoints of one app: health (with liveness and readiness groups), info,
 * prometheus, env, config, loggers, circuitbreakers and hystrix.stream. Only the endpoints named
 * in `openEndpoints` are open; the others need the bearer token `vitamin.actuator.token`, or a
 * loopback-only management server.
 */
export class Actuator {
  readonly health: Health;
  readonly metrics: PrometheusMetrics;
  readonly stream: HystrixStream;
  private readonly commands: CommandMetricsSource;
  private readonly clock: () => number;
  /** The resolved options. */
  readonly options: ResolvedActuatorOptions;

  constructor(private readonly context: ActuatorContext) {
    const { options, logger, sources } = context;
    this.options = options;
    this.clock = context.clock ?? Date.now;
    this.commands = sources?.commands ?? NO_COMMANDS;
    this.health = new Health(options.healthTimeoutMs, logger);
    for (const indicator of sources?.indicators ?? []) this.health.add(indicator);
    this.metrics = new PrometheusMetrics(this.commands);
    this.stream = new HystrixStream(
      this.commands,
      {
        intervalMs: options.streamIntervalMs,
        maxClients: options.streamMaxClients,
        maxBufferedBytes: options.streamMaxBufferedBytes,
      },
      logger,
      this.clock,
    );
  }

  /**
   * The routes to serve. `isLoopbackOnly`: they are served by a management server bound to a
   * loopback address (then protected endpoints need no token when none is configured).
   */
  routes(isLoopbackOnly: boolean): ServedRoute[] {
    const { config, logger, sources, options } = this.context;
    const policy: AccessPolicy = {
      token: () => {
        const token = config.get<unknown>('vitamin.actuator.token');
        return token === undefined || token === null ? undefined : String(token);
      },
      isLoopbackOnly,
    };
    const properties = sources?.properties ?? configProperties(config);
    const loggers = sources?.loggers ?? new Map([['root', logger]]);
    const health =
      (group?: HealthGroup): Handler =>
      async (req, res) => {
        const report = await this.health.check(group);
        const showDetails = isAuthorized(req, policy);
        const components = Object.fromEntries(
          Object.entries(report.components).map(([name, result]) => [
            name,
            showDetails && result.details !== undefined ? result : { status: result.status },
          ]),
        );
        sendJson(res, httpStatusOf(report.status), { status: report.status, components });
      };
    const endpoints: [string, HttpMethod, string, Handler][] = [
      ['health', 'GET', 'health', health()],
      ['health', 'GET', 'health/liveness', health('liveness')],
      ['health', 'GET', 'health/readiness', health('readiness')],
      ['info', 'GET', 'info', (_req, res) => serveInfo(res, this.context.info, this.clock())],
      ['prometheus', 'GET', 'prometheus', (_req, res) => this.servePrometheus(res)],
      ['env', 'GET', 'env', (_req, res) => serveEnv(res, properties)],
      ['config', 'GET', 'config', (_req, res) => serveConfig(res, properties)],
      ['loggers', 'GET', 'loggers', (_req, res) => serveLoggers(res, loggers)],
      ['loggers', 'POST', 'loggers/:name', (req, res, p) => changeLogger(req, res, p['name'], loggers)],
      ['circuitbreakers', 'GET', 'circuitbreakers', (_req, res) => serveCircuitBreakers(res, this.commands)],
      [
        'circuitbreakers',
        'POST',
        'circuitbreakers/:key',
        (req, res, p) => steerCircuitBreaker(req, res, p['key'], sources?.circuitBreakers, this.commands),
      ],
      ['hystrix.stream', 'GET', 'hystrix.stream', (req, res) => this.stream.serve(req, res)],
    ];
    const base = options.basePath.replace(/\/+$/, '');
    return endpoints.map(([id, method, path, handler]) => {
      const isOpen = options.openEndpoints.includes(id);
      const label = `${method} ${base}/${path}`;
      return {
        method,
        path: `${base}/${path}`,
        handler: (req, res, params) => {
          if (!isOpen && !admit(req, res, policy)) return;
          Promise.resolve()
            .then(() => handler(req, res, params))
            .catch((error: unknown) => sendError(res, error, logger, label));
        },
      };
    });
  }

  /** Ends every metric stream (shutdown: streams would otherwise hold the server open). */
  close(): void {
    this.stream.close();
  }

  private async servePrometheus(res: ServerResponse): Promise<void> {
    const text = await this.metrics.text();
    res.writeHead(200, {
      'content-type': this.metrics.contentType,
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
    });
    res.end(text);
  }
}
