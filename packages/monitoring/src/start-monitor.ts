import type { AddressInfo } from 'node:net';
import { createLogger } from '@vitamin/core/fleet';
import { Agent } from 'undici';
import { Aggregator } from './aggregate/aggregator.js';
import { Fleet } from './fleet/fleet.js';
import { resolveMonitorOptions, type MonitorOptions } from './monitor-options.js';
import { createMonitorServer } from './server/monitor-server.js';

/** A running monitoring service. */
export interface Monitor {
  /** `http://host:port` where the dashboard and the streams are served. */
  readonly url: string;
  /** The clusters followed now. */
  clusters(): string[];
  /** Closes every instance stream, every client stream and the server. */
  close(): Promise<void>;
}

/**
 * Starts the monitoring service: follows the clusters through the registry, subscribes to every
 * instance's `/actuator/hystrix.stream`, merges per cluster and serves the dashboard,
 * `/turbine.stream?cluster=`, `/api/clusters`, `/api/instances` and `/api/catalog`.
 * @throws VitaminError `VITAMIN_E_CONFIG` naming the option when an option is invalid
 */
export async function startMonitor(options: MonitorOptions): Promise<Monitor> {
  const resolved = resolveMonitorOptions(options);
  const logger = resolved.logger ?? createLogger({ name: 'vitamin-monitoring' });
  // One connection per instance for its stream, plus a few for actuator reads.
  const dispatcher = new Agent({ connections: 4, keepAliveTimeout: 10_000 });
  const fleet = new Fleet(resolved.registry, resolved, dispatcher, logger);
  const aggregator = new Aggregator(fleet, resolved);
  const server = createMonitorServer(fleet, aggregator, resolved, logger);
  server.keepAliveTimeout = 65_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(resolved.port, resolved.host, () => resolve());
    });
  } catch (error) {
    // A port in use must leave nothing behind: the caller may try another one in the same process.
    aggregator.close();
    await dispatcher.destroy();
    throw error;
  }
  await fleet.start();
  const { port } = server.address() as AddressInfo;
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  const url = `http://${host}:${port}`;
  logger.info({ url, registry: resolved.registry.kind }, 'monitor listening');
  let closing: Promise<void> | undefined;
  return {
    url,
    clusters: () => fleet.clusterNames(),
    close: () =>
      (closing ??= (async () => {
        aggregator.close();
        await fleet.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await dispatcher.destroy();
      })()),
  };
}
