import { setTimeout as sleep } from 'node:timers/promises';
import { Actuator } from '../actuator/actuator.js';
import { isLoopback } from '../actuator/access.js';
import { meteredRoute } from '../actuator/http-metrics.js';
import type { Logger } from '../logging/logger.js';
import { HttpServer, type ServedRoute, type ServerAddress } from '../server/http-server.js';
import type { ResolvedServerOptions } from '../server/server-options.js';
import type { ResolvedTracingOptions } from '../tracing/tracing-options.js';
import type { ResolvedShutdownOptions } from './shutdown-options.js';

/**
 * Points of the shutdown sequence where other parts hook in: `deregister` runs right after
 * readiness goes DOWN and before the preStop delay (the registry must drop the instance before the
 * server stops); `drain` runs while the server drains (in-flight commands); `close` runs after the
 * server stopped (connections, clients).
 */
export type ShutdownPhase = 'deregister' | 'drain' | 'close';

/** Work run at one {@link ShutdownPhase}. */
export type ShutdownHook = () => void | Promise<void>;

/**
 * Owns an app's servers and its shutdown: readiness DOWN → deregister → preStop delay → streams
 * ended → stop accepting and drain up to the deadline → close hooks. `close()` is idempotent.
 */
export class AppLifecycle {
  private server: HttpServer | undefined;
  private management: HttpServer | undefined;
  private closing: Promise<void> | undefined;
  private readonly hooks: Record<ShutdownPhase, ShutdownHook[]> = { deregister: [], drain: [], close: [] };
  private onSignal: ((signal: NodeJS.Signals) => void) | undefined;
  /** Where the management server listens, once it does. */
  managementAddress: ServerAddress | undefined;

  constructor(
    private readonly name: string,
    private readonly logger: Logger,
    private readonly actuator: Actuator | undefined,
    private readonly managementPort: number | undefined,
    private readonly managementHost: string,
    private readonly shutdown: ResolvedShutdownOptions,
  ) {}

  /** Adds work to a phase of the shutdown sequence; hooks of one phase run together. */
  on(phase: ShutdownPhase, hook: ShutdownHook): void {
    this.hooks[phase].push(hook);
  }

  /** Starts the app server (and the management server when configured); readiness goes UP. */
  async listen(
    routes: readonly ServedRoute[],
    options: ResolvedServerOptions,
    tracing: ResolvedTracingOptions,
  ): Promise<ServerAddress> {
    if (this.server !== undefined) throw new Error(`${this.name} is already listening`);
    const actuator = this.actuator;
    const served =
      actuator === undefined ? [...routes] : routes.map((r) => meteredRoute(r, actuator.metrics.serverRequests));
    if (actuator !== undefined && this.managementPort !== undefined) {
      const managementRoutes = actuator.routes(isLoopback(this.managementHost));
      const settings = { ...options, port: this.managementPort, host: this.managementHost };
      this.management = new HttpServer(managementRoutes, settings, this.logger, tracing);
      this.managementAddress = await this.management.listen();
    } else if (actuator !== undefined) {
      served.push(...actuator.routes(false));
    }
    this.server = new HttpServer(served, options, this.logger, tracing);
    const address = await this.server.listen().catch(async (error: unknown) => {
      this.server = undefined;
      await this.management?.close(0);
      throw error;
    });
    actuator?.health.setLifecycle('ready');
    return address;
  }

  /** Runs the shutdown sequence once; later calls return the same promise. */
  close(): Promise<void> {
    this.closing ??= this.runShutdown();
    return this.closing;
  }

  /**
   * Handles SIGTERM and SIGINT: the first runs {@link close} then exits 0 (1 when it failed), a
   * second one exits at once. Calling it again does nothing.
   */
  enableSignals(exit: (code: number) => void = (code) => process.exit(code)): void {
    if (this.onSignal !== undefined) return;
    let received = 0;
    this.onSignal = (signal) => {
      received += 1;
      if (received > 1) {
        this.logger.warn({ signal }, `${this.name}: second signal, exiting without waiting`);
        exit(1);
        return;
      }
      this.logger.info({ signal }, `${this.name}: shutting down`);
      this.close().then(
        () => exit(0),
        (error: unknown) => {
          this.logger.error({ err: error }, `${this.name}: shutdown failed`);
          exit(1);
        },
      );
    };
    process.on('SIGTERM', this.onSignal);
    process.on('SIGINT', this.onSignal);
  }

  private async runShutdown(): Promise<void> {
    const started = Date.now();
    this.actuator?.health.setLifecycle('stopping');
    await this.runHooks('deregister');
    if (this.shutdown.preStopDelayMs > 0 && this.server !== undefined) await sleep(this.shutdown.preStopDelayMs);
    this.actuator?.close();
    const remaining = Math.max(0, this.shutdown.timeoutMs - (Date.now() - started));
    const deadline = sleep(remaining, undefined, { ref: false });
    await Promise.all([this.server?.close(remaining), Promise.race([this.runHooks('drain'), deadline])]);
    await this.management?.close(1000);
    await this.runHooks('close');
    if (this.onSignal !== undefined) {
      process.off('SIGTERM', this.onSignal);
      process.off('SIGINT', this.onSignal);
    }
    this.logger.info(`${this.name}: stopped`);
  }

  private async runHooks(phase: ShutdownPhase): Promise<void> {
    const results = await Promise.allSettled(this.hooks[phase].map((hook) => hook()));
    for (const result of results) {
      if (result.status === 'rejected') this.logger.error({ err: result.reason, phase }, 'shutdown hook failed');
    }
  }
}
